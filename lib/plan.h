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

#ifndef PLAN_H
#define PLAN_H 1

/* The OVS-DPDK plan for a node: the Open_vSwitch other_config settings
 * that ovs-pod computes from the node's topology, each with the reason for
 * its value, plus what follows from them (n_rxq per uplink, the hugepages
 * each NUMA node needs, the CPUs kubelet must keep away from pods).
 *
 * The rules, in short (Documentation/topics/planning.rst has the long
 * form):
 *
 *   - pmd-cpu-mask: whole physical cores with all their SMT siblings, on
 *     each NUMA node that has an uplink (2 cores by default) or may host
 *     pods (1 core), never on the housekeeping core (by default the core of
 *     the lowest CPU), only inside ovs-vswitchd's affinity and kubelet's
 *     reserved set.  A valid current mask is kept.
 *
 *   - dpdk-lcore-mask: unset, as OVS recommends, unless asked for.
 *
 *   - dpdk-socket-mem: per NUMA node, one shared mempool per MTU bucket
 *     used there, plus overhead, rounded to the node's hugepage size.
 *
 *   - dpdk-socket-limit: socket-mem plus room for one more pool, never 0
 *     (which would mean "unlimited").
 */

#include <stdbool.h>
#include <stdint.h>
#include "cpuset.h"
#include "openvswitch/compiler.h"
#include "svec.h"

struct smap;
struct topology;
struct uplink;

/* DPDK 22.11 supports NUMA node ids below this (RTE_MAX_NUMA_NODES). */
#define PLAN_MAX_NUMA 32

/* Hugepage memory, beyond mempools, for the EAL heap, NIC descriptor
 * rings and vhost metadata on a node that has ports (as TripleO and Red
 * Hat's NFV guide budget it). */
#define PLAN_PORT_OVERHEAD_MB 512

/* Hugepage memory for DPDK's own start-up on the EAL main lcore's node
 * when no port is there.  OVS 3.1 with DPDK 22.11 was measured to use
 * under 8 MB of heap beyond its mempools (dpdk/get-malloc-stats); this
 * leaves room for drivers and telemetry. */
#define PLAN_EAL_START_MB 64

/* What the planner works from. */
struct plan_input {
    const struct topology *topo;
    const struct uplink *uplinks;
    size_t n_uplinks;
    int uplink_mtu;             /* MTU of the uplinks. */
    int pod_mtu;                /* MTU of pod (vhost-user) ports. */

    /* NUMA nodes that may host pods.  If not given, every node with CPUs
     * and memory. */
    bool has_pod_numas;
    uint32_t pod_numas;         /* Bit N set: node N. */

    int nic_cores;              /* PMD cores per node with an uplink. */
    int pod_cores;              /* PMD cores per node with pods only. */
    bool cores_explicit;        /* The counts were given by the user. */

    bool has_reserved;          /* kubelet's reservedSystemCPUs. */
    struct cpuset reserved;
    bool has_housekeeping;      /* CPUs kept for the OS and kubelet. */
    struct cpuset housekeeping;

    const char *pmd_mask;       /* Mask the user requires, or NULL. */
    const char *lcore_mask;     /* Mask the user requires, or NULL. */
    bool pin_lcore;             /* Pin the EAL lcore to housekeeping. */
    const char *dpdk_init;      /* "true" or "try". */

    /* Current state, from OVSDB, or NULL and false when planning offline. */
    const struct smap *other_config;
    bool dpdk_initialized;
};

/* One other_config setting. */
struct plan_setting {
    const char *key;
    char *value;                /* NULL: the key must be absent. */
    char *reason;               /* One line. */
    bool at_dpdk_init;          /* OVS reads it only at DPDK init. */
    bool changed;               /* Differs from the current value. */
    bool restart;               /* Needs an ovs-vswitchd restart. */
};

/* What the plan means for one NUMA node. */
struct plan_numa {
    int id;
    bool has_uplink;
    bool has_pods;
    bool main_lcore;            /* Holds the EAL main lcore. */
    struct cpuset cpus;         /* Online CPUs. */
    struct cpuset pmd_cpus;
    uint64_t page_kb;           /* Hugepage size used, 0 if none. */
    uint64_t pools_mb;          /* Mempools. */
    uint64_t socket_mem_mb;
    uint64_t socket_limit_mb;
    uint64_t pages_needed;      /* For socket-mem. */
    uint64_t pages_free;        /* Free now (plus what OVS holds). */
    uint64_t pages_nr;

    /* To reserve what is missing: write 'reserve_nr' into sysfs file
     * 'reserve_path' (NULL if nothing is missing). */
    char *reserve_path;
    uint64_t reserve_nr;
};

/* What the plan means for one uplink. */
struct plan_uplink {
    const struct uplink *uplink;
    int numa;                   /* Node OVS polls it from. */
    int n_rxq;
    char *reason;
};

enum plan_key {
    PLAN_DPDK_INIT,
    PLAN_PMD_CPU_MASK,
    PLAN_DPDK_LCORE_MASK,
    PLAN_DPDK_SOCKET_MEM,
    PLAN_DPDK_SOCKET_LIMIT,
    PLAN_N_KEYS
};

struct plan {
    struct plan_setting settings[PLAN_N_KEYS];
    struct cpuset pmd_cpus;
    struct cpuset housekeeping;
    struct cpuset kubelet_reserved; /* PMD and housekeeping cores. */
    struct plan_numa *numas;
    size_t n_numas;
    struct plan_uplink *uplinks;
    size_t n_uplinks;
    struct svec warnings;
    char *error;                /* Why the plan cannot be applied. */
};

void plan_input_init(struct plan_input *, const struct topology *);
void plan_compute(const struct plan_input *, struct plan *);
void plan_destroy(struct plan *);
bool plan_needs_restart(const struct plan *);

#endif /* plan.h */
