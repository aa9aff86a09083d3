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

#ifndef CNI_EXEC_H
#define CNI_EXEC_H 1

/* Running a delegated CNI plugin (the IPAM plugin), as the specification
 * says: found by name in CNI_PATH, with this process's CNI_* environment
 * (CNI_COMMAND replaced), the network configuration on stdin, and its
 * result or error on stdout.
 *
 * The delegate may speak an older CNI version than the runtime asked us
 * for (Debian's host-local speaks up to 1.0.0): cni_ipam_call() asks it
 * for its versions and talks to it in the newest version both speak. */

#include <stdbool.h>
#include "openvswitch/compiler.h"

struct cni_config;
struct cni_env;
struct cni_error;
struct json;

struct json *cni_ipam_call(const struct cni_config *, const struct cni_env *,
                           const char *command,
                           const struct json *prev_result,
                           struct cni_error *);

#endif /* cni-exec.h */
