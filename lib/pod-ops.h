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

#ifndef POD_OPS_H
#define POD_OPS_H 1

/* The pod operations behind "ovs-podctl attach/detach/list/show/sync" (and
 * the CNI plugin): each one keeps the Open_vSwitch database, the pod's
 * socket directory and launch kit, and the bridge's flows consistent.
 *
 * attach is all or nothing: when a step fails, the steps before it are
 * undone, so that no port, flow or directory is left behind. */

#include <stdbool.h>
#include <stddef.h>
#include "openvswitch/compiler.h"
#include "pod-intent.h"

struct json;
struct node_conf;
struct pod_attachment;
struct svec;

struct pod_ops {
    const char *db_remote;
    int timeout_s;
    const char *bridge;
    const char *port_type;      /* NULL: dpdkvhostuserclient.  Tests on
                                 * OVS's dummy datapath use "dummy". */
    bool *db_unreachable;       /* If nonnull, set to true when the
                                 * database cannot be reached. */

    /* Who asks, and within what (see pod-intent.h). */
    enum pod_requester who;
    const struct node_conf *policy;
    bool *refused;              /* If nonnull, set to true when attach
                                 * refuses the request itself. */
    bool *not_yet;              /* If nonnull, set to true when the
                                 * request may succeed if made again:
                                 * attach's peer port does not exist yet,
                                 * or the bridge lock stayed taken. */

    /* If nonnull, attach calls it with 'before_change_aux', under the
     * bridge lock, once the request has passed every check and before it
     * changes anything, so that what it allocates (the CNI plugin's IPAM
     * lease) is never allocated for a request that is refused.  A
     * malloc()'d error from it aborts the attach, with nothing changed. */
    char *(*before_change)(void *aux);
    void *before_change_aux;
};

char *pod_ops_attach(const struct pod_ops *, const struct pod_attachment *,
                     bool *changed, struct json **kit)
    OVS_WARN_UNUSED_RESULT;
char *pod_ops_detach(const struct pod_ops *, const char *namespace,
                     const char *name, const char *ifname,
                     struct svec *detached)
    OVS_WARN_UNUSED_RESULT;
char *pod_ops_detach_container(const struct pod_ops *,
                               const char *container_id, const char *ifname,
                               struct svec *detached)
    OVS_WARN_UNUSED_RESULT;
char *pod_ops_sync(const struct pod_ops *, bool restore_saved,
                   size_t *n_added, size_t *n_removed, struct svec *warnings)
    OVS_WARN_UNUSED_RESULT;
char *pod_ops_save_flows(const struct pod_ops *, size_t *n_saved,
                         char **path) OVS_WARN_UNUSED_RESULT;
bool pod_ops_has_kit(const struct pod_attachment *);
char *pod_ops_check(const struct pod_ops *, const struct pod_attachment *,
                    char **vhost) OVS_WARN_UNUSED_RESULT;
char *pod_ops_list(const struct pod_ops *, const char *namespace,
                   const char *name, struct json **rows)
    OVS_WARN_UNUSED_RESULT;

#endif /* pod-ops.h */
