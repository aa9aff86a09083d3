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

/* OVS-DPDK mempool arithmetic: see mempool-size.h. */

#include <config.h>
#include "mempool-size.h"

#include "util.h"
#include "openvswitch/vlog.h"

VLOG_DEFINE_THIS_MODULE(mempool_size);

/* Ethernet header, CRC and two VLAN tags: OVS's ETHER_HDR_MAX_LEN. */
#define ETHER_OVERHEAD 26

/* OVS aligns mbuf data sizes to this (NETDEV_DPDK_MBUF_ALIGN). */
#define MBUF_ALIGN 1024

/* Returns the frame-size bucket for 'mtu': ports whose MTUs fall into the
 * same bucket share one pool. */
uint32_t
mpsize_bucket(int mtu)
{
    return ROUND_UP(mtu + ETHER_OVERHEAD, MBUF_ALIGN);
}

/* Returns how many mbufs OVS puts in a shared pool for 'mtu'. */
uint32_t
mpsize_n_mbufs(int mtu)
{
    return mtu >= 1500 ? 262144 : 16384;
}

/* Returns the hugepage bytes of one shared pool for 'mtu'. */
uint64_t
mpsize_pool_bytes(int mtu)
{
    return (uint64_t) mpsize_n_mbufs(mtu)
           * (mpsize_bucket(mtu) + MPSIZE_ELEMENT_OVERHEAD);
}
