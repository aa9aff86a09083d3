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

#ifndef KUBELET_H
#define KUBELET_H 1

/* What ovs-pod reads from kubelet's configuration file. */

#include <stdbool.h>
#include "openvswitch/compiler.h"

struct cpuset;

char *kubelet_read_reserved_cpus(const char *config_file, struct cpuset *,
                                 bool *found)
    OVS_WARN_UNUSED_RESULT;

#endif /* kubelet.h */
