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

#ifndef VSWITCH_DB_H
#define VSWITCH_DB_H 1

/* A short-lived connection to the Open_vSwitch database, for command-line
 * tools: connect (with a deadline), read, commit one transaction, and wait
 * until ovs-vswitchd has applied it.  Every step gives up at the deadline
 * with an error that says what to check, instead of hanging. */

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include "openvswitch/compiler.h"
#include "smap.h"
#include "sset.h"

struct ovsdb_idl;
struct ovsdb_idl_txn;
struct ovsrec_bridge;
struct ovsrec_open_vswitch;
struct ovsrec_port;

struct vsdb;

char *vsdb_default_remote(void);
char *vsdb_rundir(const char *remote);
/* What a connection reads of the ports. */
enum vsdb_monitor {
    VSDB_CONFIG,        /* Configuration only: no state or statistics. */
    VSDB_STATE          /* Also the state and statistics ovs-vswitchd
                         * writes (link, vhost status, counters). */
};

char *vsdb_open(const char *remote, int timeout_s, enum vsdb_monitor,
                struct vsdb **) OVS_WARN_UNUSED_RESULT;

/* The ports a scoped connection reads, out of all of them: those named in
 * 'names', and those whose external_ids include every pair of one of the
 * maps in 'ids'.  With 1000 ports, reading the few that an operation
 * depends on is what keeps it from growing with the number of ports. */
struct vsdb_scope {
    struct sset names;
    struct smap *ids;
    size_t n_ids;
};

void vsdb_scope_init(struct vsdb_scope *);
void vsdb_scope_destroy(struct vsdb_scope *);
size_t vsdb_scope_size(const struct vsdb_scope *);
void vsdb_scope_add_name(struct vsdb_scope *, const char *name);
void vsdb_scope_add_pair(struct vsdb_scope *, const char *key,
                         const char *value);
void vsdb_scope_add_pairs(struct vsdb_scope *, const char *key1,
                          const char *value1, const char *key2,
                          const char *value2);
char *vsdb_open_scoped(const char *remote, int timeout_s,
                       const char *bridge, const struct vsdb_scope *,
                       struct vsdb **)
    OVS_WARN_UNUSED_RESULT;
char *vsdb_widen(struct vsdb *, const struct vsdb_scope *)
    OVS_WARN_UNUSED_RESULT;
void vsdb_close(struct vsdb *);

struct ovsdb_idl *vsdb_idl(const struct vsdb *);
const struct ovsrec_open_vswitch *vsdb_root(const struct vsdb *);

/* Fills 'txn' from the database's current contents: returns NULL, or a
 * malloc()'d error, and sets '*empty' if there is nothing to change. */
typedef char *vsdb_build_func(struct vsdb *, struct ovsdb_idl_txn *,
                              void *aux, bool *empty);
char *vsdb_transact(struct vsdb *, const char *comment, bool wait,
                    vsdb_build_func *, void *aux, bool *committed)
    OVS_WARN_UNUSED_RESULT;
char *vsdb_wait_applied(struct vsdb *, int64_t next_cfg)
    OVS_WARN_UNUSED_RESULT;
bool vsdb_wait_dpdk_initialized(struct vsdb *);
pid_t vsdb_vswitchd_pid(const char *remote);

struct ovsrec_bridge *vsdb_insert_bridge(struct ovsdb_idl_txn *);
struct ovsrec_port *vsdb_insert_port(struct ovsdb_idl_txn *);
struct ovsrec_interface *vsdb_insert_interface(struct ovsdb_idl_txn *);

const struct ovsrec_bridge *vsdb_find_bridge(
    const struct ovsrec_open_vswitch *, const char *name);
const struct ovsrec_port *vsdb_find_port(const struct ovsrec_open_vswitch *,
                                         const char *name,
                                         const struct ovsrec_bridge **);
const struct ovsrec_port *vsdb_find_port_anywhere(
    const struct vsdb *, const char *name, const struct ovsrec_bridge **);
const struct ovsrec_port **vsdb_bridge_ports(const struct vsdb *,
                                             const struct ovsrec_bridge *,
                                             size_t *n);

#endif /* vswitch-db.h */
