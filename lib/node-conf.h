/*
 * Copyright (c) 2026 The ovs-pod authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at:
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

#ifndef NODE_CONF_H
#define NODE_CONF_H 1

/* The node file, /etc/ovs-pod/ovs-pod.conf: everything privileged about
 * how pods attach on this node, written by the node admin (root).
 *
 * A network configuration (a Multus NetworkAttachmentDefinition, which
 * any namespace admin can write) may only choose within what this file
 * allows; ovs-podctl, run by the node admin, reads it too, and its
 * options override it.  The file is JSON; ovs-pod.conf(5) documents every
 * key.  Without the file, the defaults hold: pods only, no uplink. */

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include "cpuset.h"
#include "openvswitch/compiler.h"
#include "sset.h"
#include "svec.h"

struct ds;

/* Where the node file is, unless $OVS_POD_CONF names another. */
#define NODE_CONF_DEFAULT_PATH OVSPOD_SYSCONFDIR "/ovs-pod/ovs-pod.conf"

/* The largest node file read. */
#define NODE_CONF_MAX_SIZE (1024 * 1024)

/* An uplink that pods may use. */
struct node_conf_uplink {
    char *name;                 /* Its OVS port. */
    struct cpuset vlans;        /* VLANs pods may use on it. */
    bool untagged;              /* May pods share its untagged traffic? */
    bool cross_connect;         /* May one pod take all of it? */
    struct sset namespaces;     /* Who may use it; empty: everyone. */
};

/* A range of owners ("UID:GID" ranges) for pod socket directories. */
struct node_conf_owner {
    uid_t uid_min, uid_max;
    gid_t gid_min, gid_max;
};

/* The interface type of pod ports, unless the node file or --port-type
 * says "dummy" (tests on OVS's dummy datapath). */
#define NODE_CONF_PORT_TYPE "dpdkvhostuserclient"

struct node_conf {
    char *path;                 /* The file read, or NULL for defaults. */

    /* Where pods attach. */
    char *bridge;
    char *ovsdb;                /* NULL: OVS's default remote. */
    char *socket_dir;
    char *pod_mount;
    char *port_type;            /* NULL: dpdkvhostuserclient. */
    uid_t owner_uid;            /* Default owner of socket directories. */
    gid_t owner_gid;
    struct node_conf_owner *owners;     /* What a NAD may choose. */
    size_t n_owners;
    int max_queues;
    int timeout_s;

    struct node_conf_uplink *uplinks;
    size_t n_uplinks;

    /* Garbage collection. */
    struct svec hugepage_dirs;
    char *dpdk_runtime_dir;
    char *cni_cache;
    int gc_grace_s;

    /* Files. */
    char *device_info_dir;
    char *state_dir;
    char *log_file;
    char *flows_dir;            /* The operator's own flows. */

    /* What "ovs-podctl init" (and plan) applies, as their options:
     * "--uplink-mtu=9000", "--pin-lcore"... in the file's order. */
    struct svec init_args;
};

const char *node_conf_path(void);

char *node_conf_check_path(const char *) OVS_WARN_UNUSED_RESULT;
char *node_conf_check_socket_dir(const char *) OVS_WARN_UNUSED_RESULT;
char *node_conf_check_dir(const char *) OVS_WARN_UNUSED_RESULT;
char *node_conf_check_port_type(const char *) OVS_WARN_UNUSED_RESULT;
char *node_conf_check_bridge(const char *) OVS_WARN_UNUSED_RESULT;
char *node_conf_check_remote(const char *) OVS_WARN_UNUSED_RESULT;
const char *node_conf_file(const struct node_conf *);
char *node_conf_read_root_file(const char *path, const char *what,
                               size_t max, struct ds *, bool *found)
    OVS_WARN_UNUSED_RESULT;
char *node_conf_read(const char *path, struct node_conf *)
    OVS_WARN_UNUSED_RESULT;
void node_conf_init_defaults(struct node_conf *);
void node_conf_destroy(struct node_conf *);

const struct node_conf_uplink *node_conf_find_uplink(
    const struct node_conf *, const char *name);
bool node_conf_uplink_allows_namespace(const struct node_conf_uplink *,
                                       const char *namespace);
bool node_conf_owner_allowed(const struct node_conf *, uid_t, gid_t);

#endif /* node-conf.h */
