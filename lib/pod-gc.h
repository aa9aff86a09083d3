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

#ifndef POD_GC_H
#define POD_GC_H 1

/* Garbage collection on an ovs-pod node:
 *
 *   - attachments whose pod is gone: ovs-pod's ports, flows, socket
 *     directories and launch kits, found only by ovs-pod's external_ids
 *     and judged dead only against an explicit list of live attachments
 *     (CNI GC's cni.dev/valid-attachments, or the runtime's CNI result
 *     cache);
 *
 *   - hugepages that dead DPDK processes left behind: DPDK holds a lock on
 *     every hugepage map file it uses and on its runtime directory's
 *     config file, so files that nobody holds belong to dead processes.
 *     Files that a live process holds are never touched. */

#include <stdbool.h>
#include <stdint.h>
#include "openvswitch/compiler.h"

struct pod_ops;
struct sset;
struct svec;

#define POD_GC_CNI_CACHE "/var/lib/cni/results"
#define POD_GC_DPDK_RUNTIME_DIR "/var/run/dpdk"

char *pod_gc_check_key(const char *cid, const char *ifname)
    OVS_WARN_UNUSED_RESULT;
char *pod_gc_add_valid(struct sset *, const char *cid, const char *ifname)
    OVS_WARN_UNUSED_RESULT;
char *pod_gc_read_cni_cache(const char *dir, struct sset *valid)
    OVS_WARN_UNUSED_RESULT;
/* What attachment collection may take as dead. */
struct pod_gc_request {
    const struct sset *valid;   /* Live "CONTAINERID/IFNAME", or NULL to
                                 * read them from 'cni_cache'. */
    const char *cni_cache;
    const char *network;        /* Only this CNI network's, or NULL. */
    int grace_s;                /* Keep what is younger. */
};

char *pod_gc_attachments(const struct pod_ops *, const struct pod_gc_request *,
                         bool dry_run, struct svec *removed,
                         struct svec *removed_keys)
    OVS_WARN_UNUSED_RESULT;

/* What hugepage garbage collection found. */
struct pod_gc_hugepages {
    uint64_t files;             /* Map files removed. */
    uint64_t pages;             /* Hugepages they held. */
    uint64_t runtime_dirs;      /* DPDK runtime directories removed. */
};

void pod_gc_hugepages(const char *const *huge_dirs, size_t n_huge_dirs,
                      const char *runtime_dir, bool dry_run,
                      struct svec *removed, struct pod_gc_hugepages *);

#endif /* pod-gc.h */
