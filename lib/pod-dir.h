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

#ifndef POD_DIR_H
#define POD_DIR_H 1

/* The host side of a pod's vhost-user sockets:
 *
 *     BASE/              owned by root, mode 0711: pods can pass through
 *                        but cannot list it
 *     BASE/SHORT-ID/     owned by the pod's user and group, mode 0770: the
 *                        pod's virtio-user creates its sockets here
 *     BASE/SHORT-ID/IFNAME.sock, IFNAME.json (the launch kit, 0660)
 *
 * One pod cannot see or reach another pod's directory. */

#include <stdbool.h>
#include <sys/types.h>
#include "openvswitch/compiler.h"

struct pod_attachment;

char *pod_dir_check_base(const char *base_dir, bool create)
    OVS_WARN_UNUSED_RESULT;
char *pod_dir_parse_owner(const char *, uid_t *, gid_t *)
    OVS_WARN_UNUSED_RESULT;
char *pod_dir_create(const struct pod_attachment *) OVS_WARN_UNUSED_RESULT;
char *pod_dir_write_kit(const struct pod_attachment *, const char *kit)
    OVS_WARN_UNUSED_RESULT;
void pod_dir_remove(const struct pod_attachment *);
bool pod_dir_is_complete(const struct pod_attachment *);

#endif /* pod-dir.h */
