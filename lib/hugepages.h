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
#ifndef HUGEPAGES_H
#define HUGEPAGES_H 1

/* Reserving the hugepages that a plan needs, through sysfs.
 *
 * The plan (plan.h) says, per NUMA node, which nr_hugepages file to write
 * and what count; this module only writes and checks.  The node service
 * ovs-pod-node runs it at boot, before ovs-vswitchd starts. */

#include "openvswitch/compiler.h"

struct plan;
struct svec;

char *hugepages_reserve(const struct plan *, struct svec *changes)
    OVS_WARN_UNUSED_RESULT;

#endif /* hugepages.h */
