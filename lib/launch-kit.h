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

#ifndef LAUNCH_KIT_H
#define LAUNCH_KIT_H 1

/* The launch kit: what a pod's DPDK application needs to use its
 * interface, without reading OVS documentation or asking the API server.
 *
 * It is JSON, printed by "ovs-podctl attach" and written next to the
 * socket.  Its "eal_args" are to be passed to rte_eal_init() as they are,
 * with the application's own CPU list: they name the virtio-user device in
 * server mode on the pod's socket, and keep the pod's memory private
 * (--in-memory, a unique --file-prefix) so that pods never collide in
 * /var/run/dpdk or hugetlbfs. */

#include <stdint.h>

struct json;
struct pod_attachment;

/* Mbufs sized for one queue pair: virtio-user's 256 descriptors each way,
 * twice over for bursts in flight, plus per-lcore caches. */
#define LAUNCH_KIT_MBUFS_PER_QUEUE 2048
#define LAUNCH_KIT_MBUFS_BASE 2048
#define LAUNCH_KIT_MBUF_BYTES 2432          /* 2176 data room + headers. */
#define LAUNCH_KIT_EAL_MB 32                /* EAL heap and memzones. */

struct json *launch_kit_create(const struct pod_attachment *);
uint32_t launch_kit_mbufs(const struct pod_attachment *);
uint32_t launch_kit_memory_mb(const struct pod_attachment *);

#endif /* launch-kit.h */
