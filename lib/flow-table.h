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

#ifndef FLOW_TABLE_H
#define FLOW_TABLE_H 1

/* ovs-pod's view of a bridge's OpenFlow table, over OVS's vconn library:
 * it reconciles the flows that carry ovs-pod's cookie mark with the flows
 * that the pods' intent calls for, in one atomic bundle.
 *
 * Flows without ovs-pod's mark are never removed, and never replaced by
 * one of ovs-pod's: where one has the table, priority and match of a flow
 * ovs-pod needs, it stays and a warning names both.  The operator's own
 * flows (operator-flows.h) are installed in the same bundle. */

#include <stddef.h>
#include <stdint.h>
#include "openvswitch/compiler.h"

struct operator_flows;
struct pod_flow_set;
struct simap;
struct svec;

struct flow_table;

char *flow_table_open(const char *rundir, const char *bridge, int timeout_s,
                      struct flow_table **)
    OVS_WARN_UNUSED_RESULT;
void flow_table_close(struct flow_table *);

char *flow_table_sync(struct flow_table *, const struct pod_flow_set *,
                      const struct operator_flows *,
                      const struct simap *ofports, size_t *n_added,
                      size_t *n_removed, struct svec *warnings)
    OVS_WARN_UNUSED_RESULT;
char *flow_table_sync_cookies(struct flow_table *,
                              const struct pod_flow_set *,
                              const uint64_t *cookies, size_t n_cookies,
                              size_t *n_added, size_t *n_removed,
                              struct svec *warnings)
    OVS_WARN_UNUSED_RESULT;
char *flow_table_port_cookies(struct flow_table *, int port,
                              uint64_t **cookies, size_t *n)
    OVS_WARN_UNUSED_RESULT;
bool flow_table_has_cookie(const uint64_t *cookies, size_t n,
                           uint64_t cookie);
void flow_table_add_cookie(uint64_t **cookies, size_t *n, uint64_t cookie);
char *flow_table_format_others(struct flow_table *, struct svec *lines)
    OVS_WARN_UNUSED_RESULT;
char *flow_table_count_ours(struct flow_table *, struct simap *counts)
    OVS_WARN_UNUSED_RESULT;

#endif /* flow-table.h */
