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

#ifndef TOPOLOGY_H
#define TOPOLOGY_H 1

/* Node topology, as ovs-pod needs it to plan OVS-DPDK: CPUs, physical
 * cores, NUMA nodes, hugepages and hugetlbfs mounts.
 *
 * Everything is read from sysfs and procfs under roots that the caller
 * chooses, so that tests can describe any machine with a fixture tree. */

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include "cpuset.h"
#include "openvswitch/compiler.h"

/* One hugepage size on one NUMA node. */
struct topo_hugepages {
    uint64_t size_kb;           /* Page size, e.g. 2048 or 1048576. */
    uint64_t nr;                /* nr_hugepages. */
    uint64_t free;              /* free_hugepages. */
};

/* A NUMA node.  Node ids can be sparse, and a node can have no CPU (CXL,
 * HBM) or no memory. */
struct topo_numa {
    int id;
    struct cpuset cpus;         /* Online CPUs of the node. */
    bool has_memory;
    struct topo_hugepages *pages;   /* Sorted by descending size. */
    size_t n_pages;
};

/* A physical core: a set of SMT sibling threads. */
struct topo_core {
    struct cpuset cpus;         /* Online sibling CPUs. */
    int first_cpu;              /* Lowest CPU of 'cpus'. */
    int numa;                   /* NUMA node id, -1 if unknown. */
};

/* A hugetlbfs mount point. */
struct topo_mount {
    char *path;
    uint64_t size_kb;           /* Its page size. */
};

struct topology {
    char *sysfs_root;           /* E.g. "/sys". */
    char *procfs_root;          /* E.g. "/proc". */

    struct cpuset online;       /* Online CPUs. */
    struct cpuset isolated;     /* isolcpus. */

    struct topo_numa *nodes;    /* Sorted by id. */
    size_t n_nodes;

    struct topo_core *cores;    /* Sorted by 'first_cpu'. */
    size_t n_cores;

    struct topo_mount *mounts;
    size_t n_mounts;

    /* CPUs ovs-vswitchd may run on (its affinity), if it is running. */
    bool has_vswitchd_cpus;
    pid_t vswitchd_pid;
    struct cpuset vswitchd_cpus;
};

char *topo_discover(const char *sysfs_root, const char *procfs_root,
                    pid_t vswitchd_pid, struct topology *)
    OVS_WARN_UNUSED_RESULT;
void topo_destroy(struct topology *);

const struct topo_numa *topo_find_numa(const struct topology *, int id);
const struct topo_core *topo_find_core(const struct topology *, int cpu);
int topo_max_numa_id(const struct topology *);
const struct topo_hugepages *topo_largest_pages(const struct topo_numa *);

char *topo_pci_numa(const struct topology *, const char *pci_addr,
                    int *numa)
    OVS_WARN_UNUSED_RESULT;

#endif /* topology.h */
