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

/* Launch kits: see launch-kit.h. */

#include <config.h>
#include "launch-kit.h"

#include <stdlib.h>
#include "mempool-size.h"
#include "openvswitch/json.h"
#include "packets.h"
#include "pod.h"
#include "util.h"
#include "openvswitch/vlog.h"

VLOG_DEFINE_THIS_MODULE(launch_kit);

/* Returns how many mbufs the pod's application should create. */
uint32_t
launch_kit_mbufs(const struct pod_attachment *pa)
{
    return LAUNCH_KIT_MBUFS_BASE + LAUNCH_KIT_MBUFS_PER_QUEUE * pa->queues;
}

/* Returns the hugepage memory the pod should request, in MB: its mbuf pool
 * plus the EAL's own, rounded up to 2 MB pages. */
uint32_t
launch_kit_memory_mb(const struct pod_attachment *pa)
{
    uint64_t bytes = (uint64_t) launch_kit_mbufs(pa) * LAUNCH_KIT_MBUF_BYTES;
    uint64_t mb = DIV_ROUND_UP(bytes, MPSIZE_MIB) + LAUNCH_KIT_EAL_MB;
    return ROUND_UP(mb, 2);
}

/* Returns the launch kit of 'pa' as a JSON object. */
struct json *
launch_kit_create(const struct pod_attachment *pa)
{
    char *short_id = pod_short_id(pa);
    char *socket = pod_socket_path_in_pod(pa);
    char *mac = xasprintf(ETH_ADDR_FMT, ETH_ADDR_ARGS(pa->mac));

    struct json *eal = json_array_create_empty();
    json_array_add(eal, json_string_create("--no-pci"));
    json_array_add(eal, json_string_create_nocopy(
        xasprintf("--vdev=net_virtio_user0,path=%s,server=1,queues=%d,"
                  "mac=%s", socket, pa->queues, mac)));
    json_array_add(eal, json_string_create("--single-file-segments"));
    json_array_add(eal, json_string_create("--in-memory"));
    json_array_add(eal, json_string_create_nocopy(
        xasprintf("--file-prefix=ovspod-%s-%s", short_id, pa->ifname)));

    struct json *memory = json_object_create();
    json_object_put(memory, "mbufs",
                    json_integer_create(launch_kit_mbufs(pa)));
    json_object_put(memory, "hugepages_mb",
                    json_integer_create(launch_kit_memory_mb(pa)));
    json_object_put_string(memory, "note",
                           "create at most \"mbufs\" mbufs (testpmd: "
                           "--total-num-mbufs) and request \"hugepages_mb\" "
                           "of hugepages for the pod");

    struct json *kit = json_object_create();
    json_object_put(kit, "pod", json_string_create_nocopy(
                        xasprintf("%s/%s", pa->namespace, pa->name)));
    json_object_put_string(kit, "uid", pa->uid);
    json_object_put_string(kit, "interface", pa->ifname);
    json_object_put_string(kit, "socket", socket);
    json_object_put_string(kit, "mac", mac);
    json_object_put(kit, "queues", json_integer_create(pa->queues));
    json_object_put_string(kit, "mode", pod_mode_to_string(pa->mode));
    json_object_put(kit, "eal_args", eal);
    json_object_put(kit, "memory", memory);

    free(mac);
    free(socket);
    free(short_id);
    return kit;
}
