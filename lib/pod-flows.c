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

/* Pod forwarding rules: see pod-flows.h.  This is the only place that
 * knows how an intent becomes flows. */

#include <config.h>
#include "pod-flows.h"

#include <stdlib.h>
#include <string.h>
#include "openvswitch/dynamic-string.h"
#include "packets.h"
#include "pod.h"
#include "simap.h"
#include "sset.h"
#include "util.h"
#include "openvswitch/vlog.h"

VLOG_DEFINE_THIS_MODULE(pod_flows);

enum {
    PRIO_CROSS = 100,
    PRIO_VLAN = 200,
    PRIO_FLOOD = 250,
    PRIO_SHARED = 300,
    PRIO_SPOOF_DROP = 305,
    PRIO_SPOOF_OK = 310,
};

/* The match that frames from a pod must also meet: untagged.  A pod may
 * never put a frame on a VLAN of its own choosing. */
#define UNTAGGED "vlan_tci=0x0000/0x1000"

/* Initializes 'set' as empty. */
void
pod_flow_set_init(struct pod_flow_set *set)
{
    memset(set, 0, sizeof *set);
}

/* Frees what 'set' owns. */
void
pod_flow_set_destroy(struct pod_flow_set *set)
{
    if (set) {
        for (size_t i = 0; i < set->n; i++) {
            free(set->flows[i].match);
            free(set->flows[i].actions);
        }
        free(set->flows);
        pod_flow_set_init(set);
    }
}

static void
add_flow(struct pod_flow_set *set, uint64_t cookie, int priority,
         char *match, char *actions)
{
    if (set->n >= set->allocated) {
        set->flows = x2nrealloc(set->flows, &set->allocated,
                                sizeof *set->flows);
    }
    struct pod_flow *f = &set->flows[set->n++];
    f->cookie = cookie;
    f->priority = priority;
    f->match = match;
    f->actions = actions;
}

/* Returns how many flows of 'set' carry 'cookie'. */
size_t
pod_flows_count(const struct pod_flow_set *set, uint64_t cookie)
{
    size_t n = 0;
    for (size_t i = 0; i < set->n; i++) {
        n += set->flows[i].cookie == cookie;
    }
    return n;
}

/* The match for frames of 'vlan' (0: untagged) on an uplink. */
static char *
vlan_match(int vlan)
{
    return vlan ? xasprintf("dl_vlan=%d", vlan)
                : xstrdup("vlan_tci=0x0000/0x1000");
}

static char *
push_vlan(int vlan)
{
    return vlan ? xasprintf("push_vlan:0x8100,mod_vlan_vid:%d,", vlan)
                : xstrdup("");
}

/* Adds the rules that keep a pod on a shared uplink from claiming another
 * MAC address in ARP or IPv6 neighbor discovery: from pod port 'pod' with
 * MAC 'mac', ARP and ND go out with 'actions' only if their link-layer
 * address fields name 'mac' (or, in ND, are absent); otherwise they are
 * dropped.  Takes 'actions'. */
static void
add_anti_spoofing(struct pod_flow_set *set, uint64_t cookie, int pod,
                  struct eth_addr mac, char *actions)
{
    char *from = xasprintf("in_port=%d,"UNTAGGED",dl_src="ETH_ADDR_FMT,
                           pod, ETH_ADDR_ARGS(mac));
    static const char *const nd[] = {
        "icmp6,icmp_type=135,icmp_code=0,nd_sll=",
        "icmp6,icmp_type=136,icmp_code=0,nd_tll=",
    };

    add_flow(set, cookie, PRIO_SPOOF_OK,
             xasprintf("%s,arp,arp_sha="ETH_ADDR_FMT, from,
                       ETH_ADDR_ARGS(mac)), xstrdup(actions));
    for (size_t i = 0; i < ARRAY_SIZE(nd); i++) {
        add_flow(set, cookie, PRIO_SPOOF_OK,
                 xasprintf("%s,%s"ETH_ADDR_FMT, from, nd[i],
                           ETH_ADDR_ARGS(mac)), xstrdup(actions));
        add_flow(set, cookie, PRIO_SPOOF_OK,
                 xasprintf("%s,%s00:00:00:00:00:00", from, nd[i]),
                 xstrdup(actions));
    }
    add_flow(set, cookie, PRIO_SPOOF_DROP, xasprintf("in_port=%d,arp", pod),
             xstrdup("drop"));
    add_flow(set, cookie, PRIO_SPOOF_DROP,
             xasprintf("in_port=%d,icmp6,icmp_type=135", pod),
             xstrdup("drop"));
    add_flow(set, cookie, PRIO_SPOOF_DROP,
             xasprintf("in_port=%d,icmp6,icmp_type=136", pod),
             xstrdup("drop"));
    free(from);
    free(actions);
}

/* An uplink VLAN that pods share, for its flood rule. */
struct flood_group {
    const char *uplink;
    int vlan;
    int *members;               /* OpenFlow ports of its pods. */
    size_t n_members;
};

static int
compare_ints(const void *a_, const void *b_)
{
    const int *a = a_, *b = b_;
    return *a < *b ? -1 : *a > *b;
}

/* Builds the flows for the 'n' attachments in 'pods' into 'set', given
 * the OpenFlow port numbers of the ports they use, by name, in 'ofports'.
 * Returns NULL on success, otherwise a malloc()'d error message saying
 * which port has no OpenFlow number yet; 'set' then has the flows of the
 * other attachments. */
char *
pod_flows_build(const struct pod_attachment *pods, size_t n,
                const struct simap *ofports, struct pod_flow_set *set)
{
    char *error = NULL;
    struct flood_group *groups = NULL;
    size_t n_groups = 0;

    /* The pods' own ports: a cross-connect between two pods takes only
     * untagged frames from either; one to an uplink is a trunk. */
    struct sset pod_ports = SSET_INITIALIZER(&pod_ports);
    for (size_t i = 0; i < n; i++) {
        sset_add_and_free(&pod_ports, pod_port_name(&pods[i]));
    }

    for (size_t i = 0; i < n; i++) {
        const struct pod_attachment *pa = &pods[i];
        if (pa->mode == POD_MODE_ISOLATED) {
            continue;
        }
        char *port = pod_port_name(pa);
        const char *other = pa->mode == POD_MODE_CROSS ? pa->peer : pa->uplink;
        const struct simap_node *p = simap_find(ofports, port);
        const struct simap_node *o = simap_find(ofports, other);
        if (!p || !o || p->data <= 0 || o->data <= 0) {
            if (!error) {
                error = xasprintf("port %s has no OpenFlow port number",
                                  !p || p->data <= 0 ? port : other);
            }
            free(port);
            continue;
        }
        free(port);

        uint64_t cookie = pod_cookie(pa);
        int pod = p->data, peer = o->data;
        switch (pa->mode) {
        case POD_MODE_CROSS: {
            bool peer_is_pod = sset_contains(&pod_ports, pa->peer);
            add_flow(set, cookie, PRIO_CROSS,
                     xasprintf("in_port=%d,"UNTAGGED, pod),
                     xasprintf("output:%d", peer));
            add_flow(set, cookie, PRIO_CROSS,
                     xasprintf("in_port=%d%s", peer,
                               peer_is_pod ? ","UNTAGGED : ""),
                     xasprintf("output:%d", pod));
            break;
        }

        case POD_MODE_VLAN:
            add_flow(set, cookie, PRIO_VLAN,
                     xasprintf("in_port=%d,"UNTAGGED, pod),
                     xasprintf("push_vlan:0x8100,mod_vlan_vid:%d,output:%d",
                               pa->vlan, peer));
            add_flow(set, cookie, PRIO_VLAN,
                     xasprintf("in_port=%d,dl_vlan=%d", peer, pa->vlan),
                     xasprintf("strip_vlan,output:%d", pod));
            break;

        case POD_MODE_SHARED: {
            char *vm = vlan_match(pa->vlan);
            const char *strip = pa->vlan ? "strip_vlan," : "";
            char *push = push_vlan(pa->vlan);
            add_flow(set, cookie, PRIO_SHARED,
                     xasprintf("in_port=%d,%s,dl_dst="ETH_ADDR_FMT, peer, vm,
                               ETH_ADDR_ARGS(pa->mac)),
                     xasprintf("%soutput:%d", strip, pod));
            add_flow(set, cookie, PRIO_SHARED,
                     xasprintf("in_port=%d,"UNTAGGED",dl_src="ETH_ADDR_FMT,
                               pod, ETH_ADDR_ARGS(pa->mac)),
                     xasprintf("%soutput:%d", push, peer));
            add_anti_spoofing(set, cookie, pod, pa->mac,
                              xasprintf("%soutput:%d", push, peer));
            free(vm);
            free(push);

            struct flood_group *g = NULL;
            for (size_t j = 0; j < n_groups; j++) {
                if (!strcmp(groups[j].uplink, pa->uplink)
                    && groups[j].vlan == pa->vlan) {
                    g = &groups[j];
                }
            }
            if (!g) {
                groups = xrealloc(groups, (n_groups + 1) * sizeof *groups);
                g = &groups[n_groups++];
                g->uplink = pa->uplink;
                g->vlan = pa->vlan;
                g->members = NULL;
                g->n_members = 0;
            }
            g->members = xrealloc(g->members, (g->n_members + 1)
                                              * sizeof *g->members);
            g->members[g->n_members++] = pod;
            break;
        }

        case POD_MODE_ISOLATED:
        default:
            OVS_NOT_REACHED();
        }
    }

    /* One flood rule per shared uplink VLAN, members in port order. */
    for (size_t i = 0; i < n_groups; i++) {
        struct flood_group *g = &groups[i];
        int uplink = simap_get(ofports, g->uplink);
        qsort(g->members, g->n_members, sizeof *g->members, compare_ints);

        struct ds actions = DS_EMPTY_INITIALIZER;
        if (g->vlan) {
            ds_put_cstr(&actions, "strip_vlan,");
        }
        for (size_t j = 0; j < g->n_members; j++) {
            ds_put_format(&actions, "%soutput:%d", j ? "," : "",
                          g->members[j]);
        }
        char *vm = vlan_match(g->vlan);
        add_flow(set, pod_group_cookie(g->uplink, g->vlan), PRIO_FLOOD,
                 xasprintf("in_port=%d,%s,dl_dst=01:00:00:00:00:00/"
                           "01:00:00:00:00:00", uplink, vm),
                 ds_steal_cstr(&actions));
        free(vm);
        free(g->members);
    }
    free(groups);
    sset_destroy(&pod_ports);
    return error;
}
