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

#ifndef NODE_SETUP_H
#define NODE_SETUP_H 1

/* Applies a plan to the Open_vSwitch database: the other_config settings,
 * the pod bridge and the uplink ports ("ovs-podctl init").
 *
 * The same code computes the changes for a dry run and builds the
 * transaction, so what --dry-run shows is what a real run does. */

#include <stdbool.h>
#include <stddef.h>
#include "openvswitch/compiler.h"

struct ovsdb_idl_txn;
struct ovsrec_open_vswitch;
struct plan;
struct svec;
struct uplink;
struct vsdb;

/* The bridge ovs-pod creates unless told otherwise. */
#define NODE_SETUP_DEFAULT_BRIDGE "br-pod"

struct node_setup {
    const struct plan *plan;
    const char *bridge;
    const struct uplink *uplinks;
    size_t n_uplinks;
    int uplink_mtu;
    bool no_wait;               /* Do not wait for ovs-vswitchd. */
};

char *node_setup_changes(const struct node_setup *,
                         const struct ovsrec_open_vswitch *,
                         struct ovsdb_idl_txn *, struct svec *changes)
    OVS_WARN_UNUSED_RESULT;
char *node_setup_apply(const struct node_setup *, struct vsdb *,
                       struct svec *changes, struct svec *problems,
                       struct svec *warnings)
    OVS_WARN_UNUSED_RESULT;

#endif /* node-setup.h */
