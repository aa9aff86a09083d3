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

/* Node topology discovery from sysfs and procfs: see topology.h.
 *
 * The files read are those the kernel documents as stable ABI:
 *
 *   <sys>/devices/system/cpu/online, isolated
 *   <sys>/devices/system/cpu/cpuN/topology/core_cpus_list (Linux >= 5.3),
 *       falling back to thread_siblings_list
 *   <sys>/devices/system/node/nodeN/cpulist, node/has_memory
 *   <sys>/devices/system/node/nodeN/hugepages/hugepages-SkB/{nr,free}_...
 *   <sys>/bus/pci/devices/BDF/numa_node
 *   <proc>/mounts, <proc>/PID/status (Cpus_allowed_list)
 *
 * We read sysfs ourselves rather than through libnuma because libnuma
 * always looks at the running kernel, and planning must also work on
 * fixture trees that describe other machines. */

#include <config.h>
#include "topology.h"

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "openvswitch/dynamic-string.h"
#include "util.h"
#include "openvswitch/vlog.h"

VLOG_DEFINE_THIS_MODULE(topology);

static char *read_line__(const char *path, struct ds *line);
static char *read_cpuset__(const char *path, struct cpuset *);
static char *discover_cores__(struct topology *);
static char *discover_nodes__(struct topology *);
static void discover_mounts__(struct topology *);
static char *discover_vswitchd__(struct topology *);

/* Discovers the topology described by the sysfs tree at 'sysfs_root' and
 * the procfs tree at 'procfs_root' into 'topo'.  If 'vswitchd_pid' is
 * nonzero, also reads that process's CPU affinity.
 *
 * Returns NULL on success, otherwise a malloc()'d error message.  Either
 * way, the caller must call topo_destroy(). */
char *
topo_discover(const char *sysfs_root, const char *procfs_root,
              pid_t vswitchd_pid, struct topology *topo)
{
    memset(topo, 0, sizeof *topo);
    topo->sysfs_root = xstrdup(sysfs_root);
    topo->procfs_root = xstrdup(procfs_root);
    topo->vswitchd_pid = vswitchd_pid;

    char *path = xasprintf("%s/devices/system/cpu/online", sysfs_root);
    char *error = read_cpuset__(path, &topo->online);
    free(path);
    if (error) {
        return error;
    }
    if (cpuset_is_empty(&topo->online)) {
        return xasprintf("%s: no online CPU", sysfs_root);
    }

    /* isolcpus: the file is absent on old kernels, which means none. */
    path = xasprintf("%s/devices/system/cpu/isolated", sysfs_root);
    error = read_cpuset__(path, &topo->isolated);
    free(path);
    if (error) {
        free(error);
        cpuset_init(&topo->isolated);
    }

    error = discover_nodes__(topo);
    if (!error) {
        error = discover_cores__(topo);
    }
    if (!error) {
        discover_mounts__(topo);
        error = discover_vswitchd__(topo);
    }
    return error;
}

/* Frees everything 'topo' owns. */
void
topo_destroy(struct topology *topo)
{
    if (topo) {
        for (size_t i = 0; i < topo->n_nodes; i++) {
            free(topo->nodes[i].pages);
        }
        free(topo->nodes);
        free(topo->cores);
        for (size_t i = 0; i < topo->n_mounts; i++) {
            free(topo->mounts[i].path);
        }
        free(topo->mounts);
        free(topo->sysfs_root);
        free(topo->procfs_root);
        memset(topo, 0, sizeof *topo);
    }
}

/* Returns NUMA node 'id' of 'topo', or NULL if there is none. */
const struct topo_numa *
topo_find_numa(const struct topology *topo, int id)
{
    for (size_t i = 0; i < topo->n_nodes; i++) {
        if (topo->nodes[i].id == id) {
            return &topo->nodes[i];
        }
    }
    return NULL;
}

/* Returns the physical core that holds 'cpu', or NULL if 'cpu' is not
 * online. */
const struct topo_core *
topo_find_core(const struct topology *topo, int cpu)
{
    for (size_t i = 0; i < topo->n_cores; i++) {
        if (cpuset_contains(&topo->cores[i].cpus, cpu)) {
            return &topo->cores[i];
        }
    }
    return NULL;
}

/* Returns the highest NUMA node id of 'topo'. */
int
topo_max_numa_id(const struct topology *topo)
{
    return topo->n_nodes ? topo->nodes[topo->n_nodes - 1].id : 0;
}

/* Returns the largest page size that has pages reserved on 'node', which
 * is the one DPDK uses first, or NULL if it has no hugepages. */
const struct topo_hugepages *
topo_largest_pages(const struct topo_numa *node)
{
    for (size_t i = 0; i < node->n_pages; i++) {
        if (node->pages[i].nr > 0) {
            return &node->pages[i];
        }
    }
    return NULL;
}

/* Looks up the NUMA node of PCI device 'pci_addr' (in full
 * "DDDD:BB:DD.F" form) and stores it in '*numa', -1 if the kernel does not
 * know it.  Returns NULL on success, otherwise a malloc()'d error message,
 * e.g. if there is no such device. */
char *
topo_pci_numa(const struct topology *topo, const char *pci_addr, int *numa)
{
    *numa = -1;

    char *dir = xasprintf("%s/bus/pci/devices/%s", topo->sysfs_root,
                          pci_addr);
    DIR *d = opendir(dir);
    if (!d) {
        char *error = xasprintf("PCI device %s not found (%s does not "
                                "exist): check the address with lspci",
                                pci_addr, dir);
        free(dir);
        return error;
    }
    closedir(d);

    char *path = xasprintf("%s/numa_node", dir);
    free(dir);
    struct ds line = DS_EMPTY_INITIALIZER;
    char *error = read_line__(path, &line);
    free(path);
    if (error) {
        /* Kernels without NUMA support have no numa_node file. */
        free(error);
    } else {
        *numa = atoi(ds_cstr(&line));
        if (*numa < -1) {
            *numa = -1;
        }
    }
    ds_destroy(&line);
    return NULL;
}

/* Reads the first line of 'path' into 'line', without its new-line.
 * Returns NULL on success, otherwise a malloc()'d error message. */
static char *
read_line__(const char *path, struct ds *line)
{
    ds_clear(line);
    FILE *file = fopen(path, "r");
    if (!file) {
        return xasprintf("%s: %s", path, ovs_strerror(errno));
    }
    if (ds_get_line(line, file) == EOF) {
        ds_clear(line);
    }
    fclose(file);
    return NULL;
}

/* Reads CPU list file 'path' into 'set'. */
static char *
read_cpuset__(const char *path, struct cpuset *set)
{
    struct ds line = DS_EMPTY_INITIALIZER;
    char *error = read_line__(path, &line);
    if (!error) {
        error = cpuset_parse_list(ds_cstr(&line), set);
        if (error) {
            char *e = xasprintf("%s: %s", path, error);
            free(error);
            error = e;
        }
    } else {
        cpuset_init(set);
    }
    ds_destroy(&line);
    return error;
}

static int
compare_pages_desc__(const void *a_, const void *b_)
{
    const struct topo_hugepages *a = a_, *b = b_;
    return a->size_kb < b->size_kb ? 1 : a->size_kb > b->size_kb ? -1 : 0;
}

/* Reads counter 'file' of hugepage directory 'dir'/'name', 0 if absent. */
static uint64_t
read_hugepage_count__(const char *dir, const char *name, const char *file)
{
    struct ds line = DS_EMPTY_INITIALIZER;
    char *path = xasprintf("%s/%s/%s", dir, name, file);
    char *error = read_line__(path, &line);
    uint64_t count = error ? 0 : strtoull(ds_cstr(&line), NULL, 10);
    free(error);
    free(path);
    ds_destroy(&line);
    return count;
}

/* Reads the hugepage counts under 'dir' (a ".../hugepages" directory). */
static void
read_hugepages__(const char *dir, struct topo_numa *node)
{
    DIR *d = opendir(dir);
    if (!d) {
        return;
    }

    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        uint64_t size_kb;
        if (!ovs_scan(de->d_name, "hugepages-%"SCNu64"kB", &size_kb)) {
            continue;
        }

        struct topo_hugepages hp = {
            .size_kb = size_kb,
            .nr = read_hugepage_count__(dir, de->d_name, "nr_hugepages"),
            .free = read_hugepage_count__(dir, de->d_name, "free_hugepages"),
        };

        node->pages = xrealloc(node->pages,
                               (node->n_pages + 1) * sizeof *node->pages);
        node->pages[node->n_pages++] = hp;
    }
    closedir(d);

    qsort(node->pages, node->n_pages, sizeof *node->pages,
          compare_pages_desc__);
}

static int
compare_nodes__(const void *a_, const void *b_)
{
    const struct topo_numa *a = a_, *b = b_;
    return a->id < b->id ? -1 : a->id > b->id;
}

/* Discovers NUMA nodes.  A kernel without NUMA has no node directory; then
 * the whole machine is node 0 and hugepages are counted globally. */
static char *
discover_nodes__(struct topology *topo)
{
    char *dir = xasprintf("%s/devices/system/node", topo->sysfs_root);
    DIR *d = opendir(dir);
    if (!d) {
        free(dir);
        topo->nodes = xzalloc(sizeof *topo->nodes);
        topo->n_nodes = 1;
        topo->nodes[0].cpus = topo->online;
        topo->nodes[0].has_memory = true;
        char *hp = xasprintf("%s/kernel/mm/hugepages", topo->sysfs_root);
        read_hugepages__(hp, &topo->nodes[0]);
        free(hp);
        return NULL;
    }

    /* has_memory lists the nodes with memory; without it, assume all. */
    struct cpuset with_memory;
    char *path = xasprintf("%s/has_memory", dir);
    char *error = read_cpuset__(path, &with_memory);
    bool know_memory = !error;
    free(error);
    free(path);

    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        int id;
        char tail;
        if (!ovs_scan(de->d_name, "node%d%c", &id, &tail)
            && ovs_scan(de->d_name, "node%d", &id) && id >= 0) {
            struct topo_numa node = { .id = id };

            path = xasprintf("%s/%s/cpulist", dir, de->d_name);
            error = read_cpuset__(path, &node.cpus);
            free(path);
            if (error) {
                closedir(d);
                free(dir);
                return error;
            }
            cpuset_intersect(&node.cpus, &topo->online);
            node.has_memory = !know_memory
                              || cpuset_contains(&with_memory, id);

            path = xasprintf("%s/%s/hugepages", dir, de->d_name);
            read_hugepages__(path, &node);
            free(path);

            topo->nodes = xrealloc(topo->nodes, (topo->n_nodes + 1)
                                                * sizeof *topo->nodes);
            topo->nodes[topo->n_nodes++] = node;
        }
    }
    closedir(d);
    free(dir);

    if (!topo->n_nodes) {
        return xasprintf("%s/devices/system/node: no NUMA node",
                         topo->sysfs_root);
    }
    qsort(topo->nodes, topo->n_nodes, sizeof *topo->nodes, compare_nodes__);
    return NULL;
}

/* Groups the online CPUs into physical cores by their SMT siblings.  We
 * group by the sibling list, not by core_id, which is only unique within a
 * package. */
static char *
discover_cores__(struct topology *topo)
{
    struct cpuset seen;
    cpuset_init(&seen);

    int cpu;
    CPUSET_FOR_EACH (cpu, &topo->online) {
        if (cpuset_contains(&seen, cpu)) {
            continue;
        }

        struct topo_core core;
        char *base = xasprintf("%s/devices/system/cpu/cpu%d/topology",
                               topo->sysfs_root, cpu);
        char *path = xasprintf("%s/core_cpus_list", base);
        char *error = read_cpuset__(path, &core.cpus);
        free(path);
        if (error) {
            free(error);
            path = xasprintf("%s/thread_siblings_list", base);
            error = read_cpuset__(path, &core.cpus);
            free(path);
            if (error) {
                /* No topology information: a core of its own. */
                free(error);
                cpuset_init(&core.cpus);
            }
        }
        free(base);

        cpuset_add(&core.cpus, cpu);
        cpuset_intersect(&core.cpus, &topo->online);
        cpuset_subtract(&core.cpus, &seen);
        cpuset_union(&seen, &core.cpus);
        core.first_cpu = cpuset_first(&core.cpus);
        core.numa = -1;
        for (size_t i = 0; i < topo->n_nodes; i++) {
            if (cpuset_contains(&topo->nodes[i].cpus, core.first_cpu)) {
                core.numa = topo->nodes[i].id;
                break;
            }
        }

        topo->cores = xrealloc(topo->cores,
                               (topo->n_cores + 1) * sizeof *topo->cores);
        topo->cores[topo->n_cores++] = core;
    }
    return NULL;
}

/* Finds hugetlbfs mounts in <proc>/mounts.  A mount without a "pagesize="
 * option uses the default hugepage size, from <proc>/meminfo. */
static void
discover_mounts__(struct topology *topo)
{
    uint64_t default_kb = 2048;
    char *path = xasprintf("%s/meminfo", topo->procfs_root);
    FILE *file = fopen(path, "r");
    free(path);
    if (file) {
        struct ds line = DS_EMPTY_INITIALIZER;
        while (!ds_get_line(&line, file)) {
            uint64_t kb;
            if (ovs_scan(ds_cstr(&line), "Hugepagesize: %"SCNu64" kB", &kb)) {
                default_kb = kb;
            }
        }
        ds_destroy(&line);
        fclose(file);
    }

    path = xasprintf("%s/mounts", topo->procfs_root);
    file = fopen(path, "r");
    free(path);
    if (!file) {
        return;
    }

    struct ds line = DS_EMPTY_INITIALIZER;
    while (!ds_get_line(&line, file)) {
        char *save = NULL;
        char *s = ds_cstr(&line);
        strtok_r(s, " ", &save);
        char *mnt = strtok_r(NULL, " ", &save);
        char *fstype = strtok_r(NULL, " ", &save);
        char *opts = strtok_r(NULL, " ", &save);
        if (!mnt || !fstype || !opts || strcmp(fstype, "hugetlbfs")) {
            continue;
        }

        uint64_t size_kb = default_kb;
        char *p = strstr(opts, "pagesize=");
        if (p) {
            uint64_t n;
            char unit;
            if (ovs_scan(p, "pagesize=%"SCNu64"%c", &n, &unit)) {
                size_kb = (unit == 'G' ? n << 20
                           : unit == 'M' ? n << 10
                           : n);
            }
        }
        topo->mounts = xrealloc(topo->mounts,
                                (topo->n_mounts + 1) * sizeof *topo->mounts);
        topo->mounts[topo->n_mounts].path = xstrdup(mnt);
        topo->mounts[topo->n_mounts].size_kb = size_kb;
        topo->n_mounts++;
    }
    ds_destroy(&line);
    fclose(file);
}

/* Reads the CPU affinity of ovs-vswitchd, if its pid is known.  PMD
 * threads pinned outside it run unpinned (OVS ignores the error), so the
 * planner must stay inside it. */
static char *
discover_vswitchd__(struct topology *topo)
{
    if (!topo->vswitchd_pid) {
        return NULL;
    }

    char *path = xasprintf("%s/%ld/status", topo->procfs_root,
                           (long int) topo->vswitchd_pid);
    FILE *file = fopen(path, "r");
    if (!file) {
        char *error = xasprintf("%s: %s (is ovs-vswitchd pid %ld running?)",
                                path, ovs_strerror(errno),
                                (long int) topo->vswitchd_pid);
        free(path);
        return error;
    }

    char *error = NULL;
    struct ds line = DS_EMPTY_INITIALIZER;
    while (!ds_get_line(&line, file)) {
        const char *s = ds_cstr(&line);
        const char *key = "Cpus_allowed_list:";
        if (!strncmp(s, key, strlen(key))) {
            s += strlen(key);
            s += strspn(s, " \t");
            error = cpuset_parse_list(s, &topo->vswitchd_cpus);
            topo->has_vswitchd_cpus = !error;
            break;
        }
    }
    ds_destroy(&line);
    fclose(file);
    if (error) {
        char *e = xasprintf("%s: %s", path, error);
        free(error);
        error = e;
    }
    free(path);
    return error;
}
