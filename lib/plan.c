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

/* The OVS-DPDK planner: see plan.h.  It is pure computation over a
 * discovered topology and the current settings, so that "plan" and "init"
 * compute the same values and tests can check them on fixture machines. */

#include <config.h>
#include "plan.h"

#include <stdlib.h>
#include <string.h>
#include "mempool-size.h"
#include "openvswitch/dynamic-string.h"
#include "smap.h"
#include "topology.h"
#include "uplink.h"
#include "util.h"
#include "openvswitch/vlog.h"

VLOG_DEFINE_THIS_MODULE(plan);

/* OVS 3.1 passes the EAL main lcore as "-l CPU", and DPDK refuses CPUs at
 * or above RTE_MAX_LCORE. */
#define EAL_MAX_LCORE 128

static void plan_housekeeping__(const struct plan_input *, struct plan *);
static void plan_pmds__(const struct plan_input *, struct plan *);
static void plan_lcore__(const struct plan_input *, struct plan *);
static void plan_uplinks__(const struct plan_input *, struct plan *);
static void plan_memory__(const struct plan_input *, struct plan *);
static void plan_check_extra__(const struct plan_input *, struct plan *);
static void plan_compare__(const struct plan_input *, struct plan *);

static const char *const plan_keys[PLAN_N_KEYS] = {
    [PLAN_DPDK_INIT] = "dpdk-init",
    [PLAN_PMD_CPU_MASK] = "pmd-cpu-mask",
    [PLAN_DPDK_LCORE_MASK] = "dpdk-lcore-mask",
    [PLAN_DPDK_SOCKET_MEM] = "dpdk-socket-mem",
    [PLAN_DPDK_SOCKET_LIMIT] = "dpdk-socket-limit",
};

/* Initializes 'in' with the defaults for planning 'topo'. */
void
plan_input_init(struct plan_input *in, const struct topology *topo)
{
    memset(in, 0, sizeof *in);
    in->topo = topo;
    in->uplink_mtu = 1500;
    in->pod_mtu = 1500;
    in->nic_cores = 2;
    in->pod_cores = 1;
    in->dpdk_init = "true";
}

/* Sets 'plan''s first error, if it has none yet. */
static void OVS_PRINTF_FORMAT(2, 3)
plan_error__(struct plan *plan, const char *format, ...)
{
    if (!plan->error) {
        va_list args;
        va_start(args, format);
        plan->error = xvasprintf(format, args);
        va_end(args);
    }
}

static void OVS_PRINTF_FORMAT(2, 3)
plan_warn__(struct plan *plan, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    char *msg = xvasprintf(format, args);
    va_end(args);
    svec_add_nocopy(&plan->warnings, msg);
}

static void
plan_set__(struct plan *plan, enum plan_key key, char *value, char *reason,
           bool at_dpdk_init)
{
    struct plan_setting *s = &plan->settings[key];
    free(s->value);
    free(s->reason);
    s->key = plan_keys[key];
    s->value = value;
    s->reason = reason;
    s->at_dpdk_init = at_dpdk_init;
}

/* Computes the plan for 'in' into 'plan'.  If the node's configuration
 * cannot work (e.g. too few hugepages), 'plan->error' says why and what to
 * do; the rest of the plan is still filled in as far as possible, so that
 * it can be shown. */
void
plan_compute(const struct plan_input *in, struct plan *plan)
{
    memset(plan, 0, sizeof *plan);
    svec_init(&plan->warnings);
    for (int i = 0; i < PLAN_N_KEYS; i++) {
        plan->settings[i].key = plan_keys[i];
    }

    const struct topology *topo = in->topo;
    if (topo_max_numa_id(topo) >= PLAN_MAX_NUMA) {
        plan_error__(plan, "NUMA node %d: DPDK supports node ids below %d "
                     "only", topo_max_numa_id(topo), PLAN_MAX_NUMA);
    }

    plan->n_numas = topo->n_nodes;
    plan->numas = xcalloc(plan->n_numas, sizeof *plan->numas);
    for (size_t i = 0; i < topo->n_nodes; i++) {
        struct plan_numa *pn = &plan->numas[i];
        pn->id = topo->nodes[i].id;
        pn->cpus = topo->nodes[i].cpus;
        cpuset_init(&pn->pmd_cpus);
        if (in->has_pod_numas) {
            pn->has_pods = pn->id < PLAN_MAX_NUMA
                           && (in->pod_numas & (UINT32_C(1) << pn->id));
        } else {
            pn->has_pods = (!cpuset_is_empty(&topo->nodes[i].cpus)
                            && topo->nodes[i].has_memory);
        }
    }
    if (in->has_pod_numas) {
        for (int id = 0; id < PLAN_MAX_NUMA; id++) {
            if ((in->pod_numas & (UINT32_C(1) << id))
                && !topo_find_numa(topo, id)) {
                plan_error__(plan, "--pod-numa: NUMA node %d does not exist",
                             id);
            }
        }
    }

    plan_set__(plan, PLAN_DPDK_INIT, xstrdup(in->dpdk_init),
               xasprintf("%s DPDK in ovs-vswitchd",
                         !strcmp(in->dpdk_init, "try")
                         ? "try to initialize" : "initialize"),
               false);

    plan_uplinks__(in, plan);
    plan_housekeeping__(in, plan);
    plan_pmds__(in, plan);
    plan_lcore__(in, plan);
    plan_memory__(in, plan);

    /* n_rxq follows the PMD count on the uplink's node. */
    for (size_t i = 0; i < plan->n_uplinks; i++) {
        struct plan_uplink *pu = &plan->uplinks[i];
        int n_pmds = 0;
        for (size_t j = 0; j < plan->n_numas; j++) {
            if (plan->numas[j].id == pu->numa) {
                n_pmds = cpuset_count(&plan->numas[j].pmd_cpus);
            }
        }
        pu->n_rxq = MAX(n_pmds, 1);
        char *reason = xasprintf("%s; %d PMD thread%s on node %d, one rx "
                                 "queue each", pu->reason, n_pmds,
                                 n_pmds == 1 ? "" : "s", pu->numa);
        if (uplink_needs_equal_queues(pu->uplink)) {
            /* OVS opens a tx queue per PMD thread, plus one for its main
             * thread. */
            pu->n_rxq = n_pmds + 1;
            char *r = xasprintf("%s, plus one: the driver needs as many rx "
                                "as tx queues, and OVS opens one more tx "
                                "queue than PMD threads", reason);
            free(reason);
            reason = r;
        }
        free(pu->reason);
        pu->reason = reason;
    }

    plan_check_extra__(in, plan);
    plan_compare__(in, plan);
}

/* Frees what 'plan' owns. */
void
plan_destroy(struct plan *plan)
{
    if (plan) {
        for (int i = 0; i < PLAN_N_KEYS; i++) {
            free(plan->settings[i].value);
            free(plan->settings[i].reason);
        }
        for (size_t i = 0; i < plan->n_uplinks; i++) {
            free(plan->uplinks[i].reason);
        }
        free(plan->uplinks);
        for (size_t i = 0; i < plan->n_numas; i++) {
            free(plan->numas[i].reserve_path);
        }
        free(plan->numas);
        svec_destroy(&plan->warnings);
        free(plan->error);
    }
}

/* Returns true if applying 'plan' takes an ovs-vswitchd restart. */
bool
plan_needs_restart(const struct plan *plan)
{
    for (int i = 0; i < PLAN_N_KEYS; i++) {
        if (plan->settings[i].restart) {
            return true;
        }
    }
    return false;
}

static struct plan_numa *
plan_numa__(struct plan *plan, int id)
{
    for (size_t i = 0; i < plan->n_numas; i++) {
        if (plan->numas[i].id == id) {
            return &plan->numas[i];
        }
    }
    return NULL;
}

/* Places each uplink on a NUMA node.  OVS polls a device whose node is
 * unknown (-1), and any virtual device, from node 0. */
static void
plan_uplinks__(const struct plan_input *in, struct plan *plan)
{
    plan->n_uplinks = in->n_uplinks;
    plan->uplinks = xcalloc(in->n_uplinks, sizeof *plan->uplinks);
    for (size_t i = 0; i < in->n_uplinks; i++) {
        const struct uplink *u = &in->uplinks[i];
        struct plan_uplink *pu = &plan->uplinks[i];
        pu->uplink = u;
        if (u->numa >= 0) {
            pu->numa = u->numa;
            pu->reason = xasprintf("PCI device on NUMA node %d", u->numa);
        } else {
            pu->numa = plan->n_numas ? plan->numas[0].id : 0;
            pu->reason = xasprintf(u->is_pci
                                   ? "NUMA node unknown (-1), OVS uses node %d"
                                   : "virtual device, OVS uses node %d",
                                   pu->numa);
            if (u->is_pci) {
                plan_warn__(plan, "uplink %s: the kernel does not know the "
                            "NUMA node of %s; planning as OVS does, for "
                            "node %d", u->name, u->devargs, pu->numa);
            }
        }
        struct plan_numa *pn = plan_numa__(plan, pu->numa);
        if (pn) {
            pn->has_uplink = true;
        }
    }
}

/* Housekeeping CPUs are left to the kernel, kubelet and OVS's non-PMD
 * threads.  Whole cores: a PMD must not share a core with them. */
static void
plan_housekeeping__(const struct plan_input *in, struct plan *plan)
{
    const struct topology *topo = in->topo;
    struct cpuset wanted;

    if (in->has_housekeeping) {
        wanted = in->housekeeping;
    } else {
        /* The kernel and kubelet favour the lowest CPU, and OVS 3.1 puts
         * its EAL main lcore on the lowest CPU of its affinity. */
        cpuset_init(&wanted);
        cpuset_add(&wanted, cpuset_first(&topo->online));
        if (topo->has_vswitchd_cpus && !in->pin_lcore && !in->lcore_mask) {
            struct cpuset allowed = topo->online;
            cpuset_intersect(&allowed, &topo->vswitchd_cpus);
            if (!cpuset_is_empty(&allowed)) {
                cpuset_add(&wanted, cpuset_first(&allowed));
            }
        }
    }

    cpuset_init(&plan->housekeeping);
    int cpu;
    CPUSET_FOR_EACH (cpu, &wanted) {
        const struct topo_core *core = topo_find_core(topo, cpu);
        if (core) {
            cpuset_union(&plan->housekeeping, &core->cpus);
        }
    }
}

/* Returns true if 'core' may carry PMD threads under 'in', and otherwise
 * stores why not in 'why' (if nonnull). */
static bool
core_is_eligible__(const struct plan_input *in, const struct plan *plan,
                   const struct topo_core *core, const char **why)
{
    const struct topology *topo = in->topo;
    const char *reason = NULL;

    if (cpuset_intersects(&core->cpus, &plan->housekeeping)) {
        reason = "housekeeping";
    } else if (topo->has_vswitchd_cpus
               && !cpuset_is_subset(&core->cpus, &topo->vswitchd_cpus)) {
        reason = "outside ovs-vswitchd's CPU affinity";
    } else if (in->has_reserved
               && !cpuset_is_subset(&core->cpus, &in->reserved)) {
        reason = "outside kubelet's reserved CPUs";
    }
    if (why) {
        *why = reason;
    }
    return !reason;
}

/* Number of PMD cores that node 'pn' should get. */
static int
numa_demand__(const struct plan_input *in, const struct plan_numa *pn)
{
    return (pn->has_uplink ? in->nic_cores
            : pn->has_pods ? in->pod_cores
            : 0);
}

/* Checks whether 'mask_cpus', a current or requested PMD mask, can stay.
 * Returns NULL if so, otherwise a malloc()'d reason why not. */
static char *
check_pmd_mask__(const struct plan_input *in, const struct plan *plan,
                 const struct cpuset *mask_cpus, bool check_counts)
{
    const struct topology *topo = in->topo;

    if (cpuset_is_empty(mask_cpus)) {
        return xstrdup("it selects no CPU");
    }

    int cpu;
    CPUSET_FOR_EACH (cpu, mask_cpus) {
        const struct topo_core *core = topo_find_core(topo, cpu);
        const char *why;
        if (!core) {
            char *online = cpuset_to_list(&topo->online);
            char *msg = xasprintf("CPU %d is not online (online CPUs: %s)",
                                  cpu, online);
            free(online);
            return msg;
        }
        if (!core_is_eligible__(in, plan, core, &why)) {
            return xasprintf("CPU %d is %s", cpu, why);
        }
        if (!cpuset_is_subset(&core->cpus, mask_cpus)) {
            char *sib = cpuset_to_list(&core->cpus);
            char *msg = xasprintf("CPU %d is only part of its core (%s)",
                                  cpu, sib);
            free(sib);
            return msg;
        }
    }

    for (size_t i = 0; i < plan->n_numas; i++) {
        const struct plan_numa *pn = &plan->numas[i];
        int demand = numa_demand__(in, pn);
        int n_cores = 0;
        for (size_t j = 0; j < topo->n_cores; j++) {
            const struct topo_core *core = &topo->cores[j];
            if (core->numa == pn->id
                && cpuset_intersects(&core->cpus, mask_cpus)) {
                n_cores++;
            }
        }
        if (demand && !n_cores) {
            return xasprintf("it has no core on NUMA node %d, which needs "
                             "one", pn->id);
        }
        if (check_counts && demand && n_cores != demand) {
            return xasprintf("it has %d cores on NUMA node %d, not %d",
                             n_cores, pn->id, demand);
        }
    }
    return NULL;
}

/* Orders candidate cores: cores of the current mask first (so re-planning
 * does not move PMDs or kubelet state), then isolated cores, then by CPU
 * number. */
struct core_rank {
    const struct topo_core *core;
    int rank;
};

static int
compare_core_rank__(const void *a_, const void *b_)
{
    const struct core_rank *a = a_, *b = b_;
    if (a->rank != b->rank) {
        return a->rank - b->rank;
    }
    return a->core->first_cpu - b->core->first_cpu;
}

static void
plan_pmds__(const struct plan_input *in, struct plan *plan)
{
    const struct topology *topo = in->topo;
    struct ds reason = DS_EMPTY_INITIALIZER;

    /* A mask the operator requires is used as given, once it is valid. */
    if (in->pmd_mask) {
        struct cpuset cpus;
        char *error = cpuset_parse_mask(in->pmd_mask, &cpus);
        if (!error) {
            error = check_pmd_mask__(in, plan, &cpus, false);
        }
        if (error) {
            plan_error__(plan, "--pmd-cpu-mask=%s: %s", in->pmd_mask, error);
            free(error);
            return;
        }
        plan->pmd_cpus = cpus;
        ds_put_cstr(&reason, "as requested with --pmd-cpu-mask");
        goto done;
    }

    /* A valid current mask is kept as it is. */
    const char *current = (in->other_config
                           ? smap_get(in->other_config, "pmd-cpu-mask")
                           : NULL);
    struct cpuset current_cpus;
    cpuset_init(&current_cpus);
    if (current) {
        char *error = cpuset_parse_mask(current, &current_cpus);
        if (!error) {
            error = check_pmd_mask__(in, plan, &current_cpus,
                                     in->cores_explicit);
        }
        if (!error) {
            plan->pmd_cpus = current_cpus;
            ds_put_cstr(&reason, "current mask kept: whole cores on every "
                        "NUMA node that needs PMDs");
            plan_set__(plan, PLAN_PMD_CPU_MASK, xstrdup(current),
                       ds_steal_cstr(&reason), false);
            goto kubelet;
        }
        ds_put_format(&reason, "replaces %s (%s); ", current, error);
        free(error);
    }

    /* Choose cores per NUMA node. */
    cpuset_init(&plan->pmd_cpus);
    struct core_rank *ranks = xcalloc(topo->n_cores, sizeof *ranks);
    bool first_node = true;
    for (size_t i = 0; i < plan->n_numas; i++) {
        struct plan_numa *pn = &plan->numas[i];
        int demand = numa_demand__(in, pn);
        if (!demand) {
            continue;
        }

        size_t n = 0;
        for (size_t j = 0; j < topo->n_cores; j++) {
            const struct topo_core *core = &topo->cores[j];
            if (core->numa == pn->id
                && core_is_eligible__(in, plan, core, NULL)) {
                ranks[n].core = core;
                ranks[n].rank = (cpuset_intersects(&core->cpus,
                                                   &current_cpus) ? 0
                                 : cpuset_intersects(&core->cpus,
                                                     &topo->isolated) ? 1
                                 : 2);
                n++;
            }
        }
        qsort(ranks, n, sizeof *ranks, compare_core_rank__);

        int take = MIN(n, demand);
        for (int k = 0; k < take; k++) {
            cpuset_union(&pn->pmd_cpus, &ranks[k].core->cpus);
        }
        cpuset_union(&plan->pmd_cpus, &pn->pmd_cpus);

        const char *why = pn->has_uplink ? "uplink" : "pods";
        ds_put_format(&reason, "%snode %d: %d core%s for %s",
                      first_node ? "" : "; ", pn->id, take,
                      take == 1 ? "" : "s", why);
        first_node = false;
        if (take < demand) {
            if (!take && pn->has_uplink) {
                plan_error__(plan, "no core of NUMA node %d can run PMD "
                             "threads for its uplink: every core there is "
                             "housekeeping%s%s", pn->id,
                             in->has_reserved
                             ? " or outside kubelet's reserved CPUs" : "",
                             topo->has_vswitchd_cpus
                             ? " or outside ovs-vswitchd's affinity" : "");
            } else if (take) {
                plan_warn__(plan, "NUMA node %d: only %d of the %d PMD "
                            "cores wanted are eligible", pn->id, take,
                            demand);
            } else {
                plan_warn__(plan, "NUMA node %d: no core is eligible for "
                            "PMD threads; its pods will be polled from "
                            "another node", pn->id);
            }
        }
    }
    free(ranks);

    if (cpuset_is_empty(&plan->pmd_cpus)) {
        if (in->has_reserved) {
            char *list = cpuset_to_list(&in->reserved);
            plan_error__(plan, "kubelet's reserved CPUs (%s) leave no "
                         "whole core for PMD threads outside housekeeping: "
                         "reserve at least one more physical core", list);
            free(list);
        } else if (topo->n_cores == 1 && !topo->has_vswitchd_cpus) {
            /* Only one core exists: CPU 0's core is all there is. */
            plan->pmd_cpus = topo->cores[0].cpus;
            plan->numas[0].pmd_cpus = topo->cores[0].cpus;
            ds_clear(&reason);
            ds_put_cstr(&reason, "the only core, shared with housekeeping");
            plan_warn__(plan, "this node has a single core: PMD threads "
                        "share it with everything else");
        } else {
            plan_error__(plan, "no core is eligible for PMD threads");
        }
    } else {
        ds_put_cstr(&reason, ", with all SMT siblings");
    }

done:
    if (!plan->error) {
        plan_set__(plan, PLAN_PMD_CPU_MASK, cpuset_to_mask(&plan->pmd_cpus),
                   ds_steal_cstr(&reason), false);
    }
kubelet:
    ds_destroy(&reason);
    for (size_t i = 0; i < plan->n_numas; i++) {
        struct plan_numa *pn = &plan->numas[i];
        pn->pmd_cpus = plan->pmd_cpus;
        cpuset_intersect(&pn->pmd_cpus, &topo_find_numa(topo, pn->id)->cpus);
    }
    plan->kubelet_reserved = plan->housekeeping;
    int cpu;
    CPUSET_FOR_EACH (cpu, &plan->pmd_cpus) {
        const struct topo_core *core = topo_find_core(topo, cpu);
        if (core) {
            cpuset_union(&plan->kubelet_reserved, &core->cpus);
        }
    }
    if (in->has_reserved
        && !cpuset_is_subset(&plan->kubelet_reserved, &in->reserved)) {
        char *list = cpuset_to_list(&plan->kubelet_reserved);
        plan_warn__(plan, "kubelet's reservedSystemCPUs should include %s, "
                    "or pods may be given PMD or housekeeping CPUs", list);
        free(list);
    }
}

/* The EAL main lcore: by default OVS takes the lowest CPU of its affinity,
 * which must be below DPDK's lcore limit in OVS 3.1. */
static void
plan_lcore__(const struct plan_input *in, struct plan *plan)
{
    const struct topology *topo = in->topo;
    struct cpuset allowed = topo->online;
    if (topo->has_vswitchd_cpus) {
        cpuset_intersect(&allowed, &topo->vswitchd_cpus);
    }

    int main_cpu;
    char *value = NULL;
    char *reason;
    if (in->lcore_mask) {
        struct cpuset cpus;
        char *error = cpuset_parse_mask(in->lcore_mask, &cpus);
        if (!error && cpuset_is_empty(&cpus)) {
            error = xstrdup("it selects no CPU");
        }
        if (!error && !cpuset_is_subset(&cpus, &allowed)) {
            char *list = cpuset_to_list(&allowed);
            error = xasprintf("it is not inside the online CPUs that "
                              "ovs-vswitchd may use (%s)", list);
            free(list);
        }
        if (!error && cpuset_intersects(&cpus, &plan->pmd_cpus)) {
            error = xstrdup("it overlaps the PMD CPUs");
        }
        if (error) {
            plan_error__(plan, "--dpdk-lcore-mask=%s: %s", in->lcore_mask,
                         error);
            free(error);
            return;
        }
        main_cpu = cpuset_first(&cpus);
        value = cpuset_to_mask(&cpus);
        reason = xstrdup("as requested; OVS pins all its non-PMD threads "
                         "to the first CPU of the mask");
    } else if (in->pin_lcore) {
        struct cpuset hk = plan->housekeeping;
        cpuset_intersect(&hk, &allowed);
        cpuset_subtract(&hk, &plan->pmd_cpus);
        main_cpu = -1;
        /* Prefer the first uplink's node: EAL allocates there. */
        if (plan->n_uplinks) {
            const struct topo_numa *node
                = topo_find_numa(topo, plan->uplinks[0].numa);
            if (node) {
                struct cpuset local = hk;
                cpuset_intersect(&local, &node->cpus);
                main_cpu = cpuset_first(&local);
            }
        }
        if (main_cpu < 0) {
            main_cpu = cpuset_first(&hk);
        }
        if (main_cpu < 0) {
            plan_error__(plan, "--pin-lcore: no housekeeping CPU is "
                         "available to ovs-vswitchd");
            return;
        }
        struct cpuset one;
        cpuset_init(&one);
        cpuset_add(&one, main_cpu);
        value = cpuset_to_mask(&one);
        reason = xasprintf("pinned to housekeeping CPU %d as requested; OVS "
                           "pins all its non-PMD threads there", main_cpu);
    } else {
        main_cpu = cpuset_first(&allowed);
        reason = xasprintf("unset, as OVS recommends: the EAL main lcore is "
                           "CPU %d, the lowest ovs-vswitchd may use, and "
                           "non-PMD threads float", main_cpu);
    }

    if (main_cpu >= EAL_MAX_LCORE) {
        plan_error__(plan, "the EAL main lcore would be CPU %d, but OVS 3.1 "
                     "and DPDK 22.11 support only CPUs below %d: let "
                     "ovs-vswitchd run on a lower CPU or use "
                     "--dpdk-lcore-mask", main_cpu, EAL_MAX_LCORE);
    }
    const struct topo_core *core = topo_find_core(topo, main_cpu);
    if (core) {
        struct plan_numa *pn = plan_numa__(plan, core->numa);
        if (pn) {
            pn->main_lcore = true;
        }
    }
    plan_set__(plan, PLAN_DPDK_LCORE_MASK, value, reason, true);
}

/* Adds the MTU bucket of 'mtu' to 'buckets' (an array of MTUs, one per
 * distinct bucket), keeping the MTU whose pool is largest. */
static void
add_bucket__(int buckets[], size_t *n, int mtu)
{
    for (size_t i = 0; i < *n; i++) {
        if (mpsize_bucket(buckets[i]) == mpsize_bucket(mtu)) {
            if (mpsize_pool_bytes(mtu) > mpsize_pool_bytes(buckets[i])) {
                buckets[i] = mtu;
            }
            return;
        }
    }
    buckets[(*n)++] = mtu;
}

static uint64_t
round_up_mb__(uint64_t mb, uint64_t page_kb)
{
    uint64_t page_mb = MAX(page_kb / 1024, 1);
    return DIV_ROUND_UP(mb, page_mb) * page_mb;
}

static void
plan_memory__(const struct plan_input *in, struct plan *plan)
{
    const struct topology *topo = in->topo;
    int max_id = topo_max_numa_id(topo);
    struct ds mem = DS_EMPTY_INITIALIZER;
    struct ds limit = DS_EMPTY_INITIALIZER;
    struct ds reason = DS_EMPTY_INITIALIZER;
    size_t mem_len = 0;

    /* Hugepages OVS already holds, by node, if DPDK is running. */
    const char *cur_mem = (in->dpdk_initialized && in->other_config
                           ? smap_get(in->other_config, "dpdk-socket-mem")
                           : NULL);

    for (int id = 0; id <= max_id && id < PLAN_MAX_NUMA; id++) {
        struct plan_numa *pn = plan_numa__(plan, id);
        const struct topo_numa *node = topo_find_numa(topo, id);
        uint64_t mem_mb = 0, limit_mb = 0;

        if (id) {
            ds_put_char(&mem, ',');
            ds_put_char(&limit, ',');
        }
        if (!pn || !node) {
            /* A missing node id keeps its position, with nothing. */
            ds_put_char(&mem, '0');
            ds_put_char(&limit, '0');
            continue;
        }

        int buckets[4];
        size_t n_buckets = 0;
        if (pn->has_uplink) {
            add_bucket__(buckets, &n_buckets, in->uplink_mtu);
        }
        if (pn->has_pods) {
            add_bucket__(buckets, &n_buckets, in->pod_mtu);
        }
        if (n_buckets && (in->uplink_mtu != 1500 || in->pod_mtu != 1500)) {
            /* Ports start at MTU 1500 before mtu_request applies. */
            add_bucket__(buckets, &n_buckets, 1500);
        }

        uint64_t pools = 0, largest = 0;
        for (size_t i = 0; i < n_buckets; i++) {
            uint64_t bytes = mpsize_pool_bytes(buckets[i]);
            pools += bytes;
            largest = MAX(largest, bytes);
        }
        pn->pools_mb = DIV_ROUND_UP(pools, MPSIZE_MIB);
        uint64_t largest_mb = DIV_ROUND_UP(largest, MPSIZE_MIB);

        const struct topo_hugepages *hp = topo_largest_pages(node);
        pn->page_kb = hp ? hp->size_kb : 0;
        uint64_t page_kb = hp ? hp->size_kb : 2048;

        if (pn->pools_mb) {
            mem_mb = round_up_mb__(pn->pools_mb + PLAN_PORT_OVERHEAD_MB,
                                   page_kb);
            limit_mb = round_up_mb__(mem_mb + largest_mb, page_kb);
        } else if (pn->main_lcore) {
            mem_mb = round_up_mb__(PLAN_EAL_START_MB, page_kb);
            limit_mb = mem_mb;
        } else {
            /* 0 would mean "no limit": one page is the least there is. */
            limit_mb = round_up_mb__(1, page_kb);
        }
        pn->socket_mem_mb = mem_mb;
        pn->socket_limit_mb = limit_mb;
        ds_put_format(&mem, "%"PRIu64, mem_mb);
        ds_put_format(&limit, "%"PRIu64, limit_mb);
        if (mem_mb) {
            mem_len = mem.length;
        }

        if (mem_mb) {
            ds_put_format(&reason, "%snode %d: ", reason.length ? "; " : "",
                          id);
            if (n_buckets) {
                ds_put_format(&reason, "%"PRIuSIZE" pool%s (MTU",
                              n_buckets, n_buckets == 1 ? "" : "s");
                for (size_t i = 0; i < n_buckets; i++) {
                    ds_put_format(&reason, " %d", buckets[i]);
                }
                ds_put_format(&reason, ") %"PRIu64" MB + %d MB overhead",
                              pn->pools_mb, PLAN_PORT_OVERHEAD_MB);
            } else {
                ds_put_format(&reason, "EAL start %d MB", PLAN_EAL_START_MB);
            }
            ds_put_format(&reason, ", %"PRIu64" kB pages", page_kb);
        }

        /* Hugepage check: DPDK fails to start without them. */
        if (!mem_mb) {
            continue;
        }
        if (!hp) {
            pn->reserve_path = xasprintf("%s/devices/system/node/node%d/"
                                         "hugepages/hugepages-2048kB/"
                                         "nr_hugepages", topo->sysfs_root,
                                         id);
            pn->reserve_nr = mem_mb / 2;
            plan_error__(plan, "NUMA node %d has no hugepages but needs "
                         "%"PRIu64" MB: reserve %"PRIu64" pages with 'echo "
                         "%"PRIu64" > %s/devices/system/node/node%d/"
                         "hugepages/hugepages-2048kB/nr_hugepages'",
                         id, mem_mb, mem_mb / 2, mem_mb / 2,
                         topo->sysfs_root, id);
            continue;
        }
        uint64_t page_mb = MAX(hp->size_kb / 1024, 1);
        pn->pages_needed = mem_mb / page_mb;
        pn->pages_nr = hp->nr;
        pn->pages_free = hp->free;
        if (cur_mem) {
            /* Pages DPDK already took for the current socket-mem. */
            const char *p = cur_mem;
            for (int k = 0; k < id && p; k++) {
                p = strchr(p, ',');
                p = p ? p + 1 : NULL;
            }
            if (p) {
                pn->pages_free += strtoull(p, NULL, 10) / page_mb;
            }
        }
        if (pn->pages_needed > pn->pages_free) {
            uint64_t missing = pn->pages_needed - pn->pages_free;
            pn->reserve_path = xasprintf("%s/devices/system/node/node%d/"
                                         "hugepages/hugepages-%"PRIu64"kB/"
                                         "nr_hugepages", topo->sysfs_root,
                                         id, hp->size_kb);
            pn->reserve_nr = hp->nr + missing;
            plan_error__(plan, "NUMA node %d needs %"PRIu64" hugepages of "
                         "%"PRIu64" kB for dpdk-socket-mem (%"PRIu64" MB) but "
                         "only %"PRIu64" are free: reserve %"PRIu64" more "
                         "with 'echo %"PRIu64" > %s/devices/system/node/"
                         "node%d/hugepages/hugepages-%"PRIu64"kB/"
                         "nr_hugepages'", id, pn->pages_needed, hp->size_kb,
                         mem_mb, pn->pages_free, missing, hp->nr + missing,
                         topo->sysfs_root, id, hp->size_kb);
        }
    }

    /* socket-mem: trailing zeros mean the same and are dropped. */
    ds_truncate(&mem, MAX(mem_len, 1));
    plan_set__(plan, PLAN_DPDK_SOCKET_MEM, ds_steal_cstr(&mem),
               ds_steal_cstr(&reason), true);
    plan_set__(plan, PLAN_DPDK_SOCKET_LIMIT, ds_steal_cstr(&limit),
               xstrdup("socket-mem plus room for one more pool (MTU change, "
                       "new NUMA node); never 0, which is unlimited"), true);
    ds_destroy(&reason);
}

/* Options in dpdk-extra that would fight the planned keys: OVS passes both
 * to EAL, which then refuses to start. */
static void
plan_check_extra__(const struct plan_input *in, struct plan *plan)
{
    static const struct {
        const char *option;
        const char *key;
    } conflicts[] = {
        { "-m", "dpdk-socket-mem" },
        { "--socket-mem", "dpdk-socket-mem" },
        { "--no-huge", "dpdk-socket-mem" },
        { "--socket-limit", "dpdk-socket-limit" },
        { "--legacy-mem", "dpdk-socket-limit" },
        { "-c", "dpdk-lcore-mask" },
        { "-l", "dpdk-lcore-mask" },
        { "--lcores", "dpdk-lcore-mask" },
    };

    const char *extra = (in->other_config
                         ? smap_get(in->other_config, "dpdk-extra")
                         : NULL);
    if (!extra) {
        return;
    }

    char *copy = xstrdup(extra);
    char *save = NULL;
    for (char *tok = strtok_r(copy, " \t", &save); tok;
         tok = strtok_r(NULL, " \t", &save)) {
        size_t len = strcspn(tok, "=");
        for (size_t i = 0; i < ARRAY_SIZE(conflicts); i++) {
            if (strlen(conflicts[i].option) == len
                && !strncmp(tok, conflicts[i].option, len)) {
                bool lcore = !strcmp(conflicts[i].key, "dpdk-lcore-mask");
                if (lcore && !in->pin_lcore && !in->lcore_mask) {
                    /* OVS itself leaves out "-l" then. */
                    continue;
                }
                plan_error__(plan, "other_config:dpdk-extra contains \"%s\", "
                             "which conflicts with %s: remove it from "
                             "dpdk-extra", conflicts[i].option,
                             conflicts[i].key);
            }
        }
    }
    free(copy);
}

/* Marks what differs from the current settings, and what of that needs a
 * restart: the dpdk-* keys are read only when DPDK initializes. */
static void
plan_compare__(const struct plan_input *in, struct plan *plan)
{
    for (int i = 0; i < PLAN_N_KEYS; i++) {
        struct plan_setting *s = &plan->settings[i];
        const char *cur = (in->other_config
                           ? smap_get(in->other_config, s->key)
                           : NULL);
        s->changed = (s->value
                      ? !cur || strcmp(cur, s->value)
                      : cur != NULL);
        s->restart = s->changed && s->at_dpdk_init && in->dpdk_initialized;
    }
}
