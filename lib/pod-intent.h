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

#ifndef POD_INTENT_H
#define POD_INTENT_H 1

/* The one place where a request to attach a pod interface becomes an
 * attachment: "ovs-podctl attach" (the node admin's options) and the CNI
 * plugin (a network configuration, which a namespace admin wrote) both
 * call pod_intent_build(), and pod_ops_attach() calls
 * pod_intent_check_target() on what the database holds.
 *
 * A network configuration may only choose within the node file: an uplink
 * and VLAN it allows for the pod's namespace, an owner it allows, queues
 * up to its limit.  The node admin is trusted with the uplink allow-list.
 * Everyone is held to the rules that keep pods apart: a cross-connect
 * joins two pods of one namespace, or a pod and an uplink; never the
 * bridge's LOCAL port, nor a port that ovs-pod did not make. */

#include <stdbool.h>
#include "openvswitch/compiler.h"

struct node_conf;
struct pod_attachment;
struct smap;

/* Who asks for an attachment. */
enum pod_requester {
    POD_REQ_ADMIN,              /* ovs-podctl: the node admin. */
    POD_REQ_NETCONF,            /* A CNI network configuration. */
};

/* A request as the front end got it: text, unchecked. */
struct pod_request {
    enum pod_requester who;

    /* Identity: from the command line or the runtime's CNI_ARGS. */
    const char *namespace;
    const char *name;
    const char *uid;
    const char *ifname;
    const char *container_id;   /* May be NULL. */

    /* Intent: options or network configuration fields, NULL or 0 if
     * absent. */
    const char *peer;
    const char *uplink;
    int vlan;
    const char *mac;
    int queues;
    const char *owner;
    const char *pod_mount;
};

/* What went wrong, for the CNI error code. */
enum pod_intent_error {
    POD_INTENT_BAD_IDENTITY,    /* The runtime's environment. */
    POD_INTENT_BAD_CONFIG,      /* The request's intent. */
};

char *pod_intent_build(const struct pod_request *, const struct node_conf *,
                       struct pod_attachment *, enum pod_intent_error *)
    OVS_WARN_UNUSED_RESULT;
const char *pod_intent_field(enum pod_requester, const char *field);

/* A port that an attachment would forward to, as the database has it. */
struct pod_target {
    const char *name;
    const char *role;           /* external_ids:ovs-pod: "pod", "uplink",
                                 * or NULL for a port ovs-pod did not make. */
    const char *namespace;      /* A pod's namespace, else NULL. */
    bool is_local;              /* The bridge's own (LOCAL) port. */
};

char *pod_intent_check_target(enum pod_requester, const struct node_conf *,
                              const struct pod_attachment *,
                              const struct pod_target *)
    OVS_WARN_UNUSED_RESULT;

#endif /* pod-intent.h */
