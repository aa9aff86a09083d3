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

#ifndef POD_H
#define POD_H 1

/* A pod interface attached to ovs-pod, and what it should be connected to.
 *
 * An attachment is identified by the pod (namespace, name, UID) and the
 * interface name inside the pod.  Everything else ovs-pod derives from
 * that identity, in this one place: the short id, the OVS port name, the
 * per-pod socket directory, the socket and launch-kit paths, the OpenFlow
 * cookie and the interface's MAC address.
 *
 * The forwarding intent is stored in the port's external_ids, so that the
 * database alone says what every attachment should have ("ovs-podctl sync"
 * rebuilds flows from it). */

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include "openvswitch/compiler.h"
#include "openvswitch/types.h"
#include "sha1.h"

struct smap;

/* Longest names accepted: a Kubernetes namespace is a DNS label, a pod
 * name a DNS subdomain. */
#define POD_NAMESPACE_MAX 63
#define POD_NAME_MAX 253
#define POD_UID_MAX 64
#define POD_IFNAME_MAX 15
#define POD_CONTAINER_ID_MAX 128

/* Longest socket base directory.  Socket paths must also fit sun_path
 * (108 bytes with its NUL): with a base of at most 48 bytes, every one
 * does, whatever the pod and interface names are; with a longer base,
 * attaching checks the path it would use. */
#define POD_BASE_DIR_MAX 64
#define POD_SOCKET_PATH_MAX 107

#define POD_DEFAULT_BASE_DIR "/run/ovs-pod"
#define POD_DEFAULT_MOUNT "/var/run/ovs-pod"

/* Keys of a pod port's external_ids that name who it is and what it
 * forwards to, by which ovs-pod finds the ports an operation depends on. */
#define POD_KEY_NAMESPACE "ovs-pod-namespace"
#define POD_KEY_NAME "ovs-pod-name"
#define POD_KEY_UID "ovs-pod-uid"
#define POD_KEY_CONTAINER_ID "ovs-pod-container-id"
#define POD_KEY_PEER "ovs-pod-peer"
#define POD_KEY_UPLINK "ovs-pod-uplink"

/* How an attachment forwards. */
enum pod_mode {
    POD_MODE_ISOLATED,          /* No forwarding of its own (yet). */
    POD_MODE_CROSS,             /* All traffic to and from one peer port. */
    POD_MODE_VLAN,              /* A VLAN of an uplink, untagged in the pod. */
    POD_MODE_SHARED,            /* A MAC address on a shared uplink. */
};

struct pod_attachment {
    /* Identity. */
    char *namespace;
    char *name;
    char *uid;
    char *ifname;
    char *container_id;         /* May be NULL. */
    char *network;              /* CNI network name, or NULL. */
    long long int attached;     /* When, in seconds since the epoch. */

    /* Intent. */
    enum pod_mode mode;
    char *peer;                 /* POD_MODE_CROSS: the peer port. */
    char *uplink;               /* POD_MODE_VLAN, POD_MODE_SHARED. */
    int vlan;                   /* 1...4094, or 0 for none. */
    struct eth_addr mac;        /* The pod interface's MAC. */
    int queues;                 /* Queue pairs. */

    /* Where the socket lives. */
    char *base_dir;             /* Host directory for all pods. */
    char *pod_mount;            /* Where the pod sees its directory. */
    uid_t owner_uid;
    gid_t owner_gid;

    /* A memo of the SHA-1 digests of the identity, without and with the
     * interface name, from which names, the cookie and the default MAC
     * derive: each is computed on first use (even through a const
     * pointer) and kept, since flows for 1000 attachments ask for them
     * several times each.  Zero (as a designated initializer leaves it)
     * means none is known yet. */
    unsigned int digests_known;     /* 1: 'pod_digest'; 2: 'iface_digest'. */
    uint8_t pod_digest[SHA1_DIGEST_SIZE];
    uint8_t iface_digest[SHA1_DIGEST_SIZE];
};

char *pod_attachment_init(struct pod_attachment *, const char *namespace,
                          const char *name, const char *uid,
                          const char *ifname, const char *container_id)
    OVS_WARN_UNUSED_RESULT;
void pod_attachment_destroy(struct pod_attachment *);
void pod_attachment_clone(struct pod_attachment *,
                          const struct pod_attachment *);

char *pod_check_name(const char *what, const char *value, size_t max)
    OVS_WARN_UNUSED_RESULT;
bool pod_path_is_clean(const char *path);
char *pod_parse_ref(const char *ref, char **namespace, char **name)
    OVS_WARN_UNUSED_RESULT;

char *pod_short_id(const struct pod_attachment *);
char *pod_dir_name(const struct pod_attachment *);
char *pod_port_name(const struct pod_attachment *);
char *pod_dir(const struct pod_attachment *);
char *pod_socket_path(const struct pod_attachment *);
char *pod_socket_path_in_pod(const struct pod_attachment *);
char *pod_kit_path(const struct pod_attachment *);
uint64_t pod_cookie(const struct pod_attachment *);
struct eth_addr pod_default_mac(const struct pod_attachment *);

const char *pod_mode_to_string(enum pod_mode);
bool pod_same_intent(const struct pod_attachment *,
                     const struct pod_attachment *);

void pod_to_external_ids(const struct pod_attachment *, struct smap *);
char *pod_from_external_ids(const struct smap *, struct pod_attachment *)
    OVS_WARN_UNUSED_RESULT;
bool pod_is_ours(const struct smap *external_ids);

/* OpenFlow cookies: the top 15 bits mark ovs-pod's flows. */
#define POD_COOKIE_MASK   UINT64_C(0xfffe000000000000)
#define POD_COOKIE_MARK   UINT64_C(0x0d0c000000000000)
#define POD_COOKIE_GROUP  UINT64_C(0x0001000000000000)

uint64_t pod_group_cookie(const char *uplink, int vlan);

#endif /* pod.h */
