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

#ifndef POD_DEFERRED_H
#define POD_DEFERRED_H 1

/* Detaches that could not be done when asked, because OVS was not there
 * (no run directory after a reboot, ovsdb-server down): a CNI DEL must
 * still succeed then, or the kubelet keeps the pod Terminating for good.
 * Each is recorded as an empty file STATE_DIR/deferred/CONTAINERID@IFNAME
 * in root's state directory, and "ovs-podctl gc" (which "ovs-pod-ctl
 * start" runs) finishes it once OVS is back. */

#include "openvswitch/compiler.h"

struct pod_ops;
struct svec;

char *pod_deferred_add(const char *state_dir, const char *container_id,
                       const char *ifname) OVS_WARN_UNUSED_RESULT;
char *pod_deferred_finish(const struct pod_ops *, const char *state_dir,
                          struct svec *finished) OVS_WARN_UNUSED_RESULT;

#endif /* pod-deferred.h */
