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

#ifndef CPUSET_H
#define CPUSET_H 1

/* A set of CPU numbers, as Linux and Open vSwitch write them.
 *
 * Two textual forms are understood:
 *
 *   - A CPU list, as in sysfs "cpulist" files and kubelet's
 *     reservedSystemCPUs: comma-separated CPU numbers and inclusive ranges,
 *     e.g. "0-3,8,10-11".  The empty string is the empty set.
 *
 *   - A CPU mask, as in OVS's pmd-cpu-mask and dpdk-lcore-mask: a hex
 *     number of any length, with or without "0x", bit N meaning CPU N.
 *
 * Sets have a fixed capacity of CPUSET_MAX_CPUS, the largest NR_CPUS that
 * Linux supports, so masks wider than 64 bits work. */

#include <stdbool.h>
#include <stddef.h>
#include "bitmap.h"
#include "openvswitch/compiler.h"

struct ds;

#define CPUSET_MAX_CPUS 8192

struct cpuset {
    unsigned long bits[BITMAP_N_LONGS(CPUSET_MAX_CPUS)];
};

void cpuset_init(struct cpuset *);
void cpuset_add(struct cpuset *, unsigned int cpu);
void cpuset_remove(struct cpuset *, unsigned int cpu);
bool cpuset_contains(const struct cpuset *, unsigned int cpu);
size_t cpuset_count(const struct cpuset *);
bool cpuset_is_empty(const struct cpuset *);
bool cpuset_equals(const struct cpuset *, const struct cpuset *);
bool cpuset_is_subset(const struct cpuset *sub, const struct cpuset *super);
bool cpuset_intersects(const struct cpuset *, const struct cpuset *);
void cpuset_union(struct cpuset *dst, const struct cpuset *);
void cpuset_intersect(struct cpuset *dst, const struct cpuset *);
void cpuset_subtract(struct cpuset *dst, const struct cpuset *);
int cpuset_first(const struct cpuset *);
int cpuset_next(const struct cpuset *, unsigned int cpu);

/* Iterates CPU (an int) over the members of SET in ascending order. */
#define CPUSET_FOR_EACH(CPU, SET)                       \
    for ((CPU) = cpuset_first(SET); (CPU) >= 0;         \
         (CPU) = cpuset_next(SET, CPU))

char *cpuset_parse_list(const char *, struct cpuset *)
    OVS_WARN_UNUSED_RESULT;
char *cpuset_parse_mask(const char *, struct cpuset *)
    OVS_WARN_UNUSED_RESULT;
void cpuset_format_list(const struct cpuset *, struct ds *);
void cpuset_format_mask(const struct cpuset *, struct ds *);
char *cpuset_to_list(const struct cpuset *);
char *cpuset_to_mask(const struct cpuset *);

#endif /* cpuset.h */
