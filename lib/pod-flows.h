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

#ifndef POD_FLOWS_H
#define POD_FLOWS_H 1

/* The OpenFlow rules that implement the pods' forwarding intent.
 *
 * All are in table 0 of the pod bridge, whose fail_mode=secure drops what
 * no rule matches:
 *
 *   isolated: none.
 *
 *   cross-connect, priority 100:
 *       in_port=POD  actions=output:PEER
 *       in_port=PEER actions=output:POD
 *     Matching on in_port alone, they hit OVS's "simple match" fast path.
 *
 *   VLAN circuit, priority 200:
 *       in_port=POD actions=push_vlan:0x8100,mod_vlan_vid:V,output:UPLINK
 *       in_port=UPLINK,dl_vlan=V actions=strip_vlan,output:POD
 *
 *   shared uplink, priority 300 (and 250 for flooding):
 *       in_port=UPLINK,[VLAN],dl_dst=MAC actions=[strip_vlan,]output:POD
 *       in_port=POD,dl_src=MAC actions=[push VLAN,]output:UPLINK
 *       in_port=UPLINK,[VLAN],dl_dst=01:00:00:00:00:00/01:00:00:00:00:00
 *           actions=[strip_vlan,]output:POD1,output:POD2,...
 *     where [VLAN] is dl_vlan=V, or vlan_tci=0/0x1000 (untagged).  A pod
 *     may send only with its own source MAC.
 *
 * Each attachment's rules carry its own cookie (pod_cookie()); the flood
 * rule of an uplink VLAN carries the group's (pod_group_cookie()). */

#include <stddef.h>
#include <stdint.h>
#include "openvswitch/compiler.h"

struct pod_attachment;
struct simap;

struct pod_flow {
    uint64_t cookie;
    int priority;
    char *match;                /* ovs-ofctl syntax, numeric ports. */
    char *actions;
};

struct pod_flow_set {
    struct pod_flow *flows;
    size_t n, allocated;
};

void pod_flow_set_init(struct pod_flow_set *);
void pod_flow_set_destroy(struct pod_flow_set *);
char *pod_flows_build(const struct pod_attachment *, size_t n,
                      const struct simap *ofports, struct pod_flow_set *)
    OVS_WARN_UNUSED_RESULT;
size_t pod_flows_count(const struct pod_flow_set *, uint64_t cookie);

#endif /* pod-flows.h */
