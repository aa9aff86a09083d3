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

#ifndef MEMPOOL_SIZE_H
#define MEMPOOL_SIZE_H 1

/* Open vSwitch 3.1's DPDK mempool arithmetic, for sizing dpdk-socket-mem.
 *
 * With the default "shared" memory model, ovs-vswitchd creates one mbuf
 * pool per (NUMA node, MTU bucket), where the bucket is the frame size for
 * the MTU rounded up to 1 KiB.  A pool holds 262144 mbufs for MTUs of 1500
 * and more, 16384 below.  See OVS's Documentation/topics/dpdk/memory.rst
 * and lib/netdev-dpdk.c. */

#include <stdint.h>

/* Bytes OVS adds around a frame's data in each pool element: mbuf header,
 * headroom, dp_packet and mempool object overhead.  Calibrated against the
 * pool sizes OVS 3.1 documents (1500 -> 3008 bytes, 9000 -> 10176). */
#define MPSIZE_ELEMENT_OVERHEAD 960

/* Headroom DPDK reserves in front of packet data (RTE_PKTMBUF_HEADROOM). */
#define MPSIZE_HEADROOM 128

#define MPSIZE_MIB (UINT64_C(1) << 20)

uint32_t mpsize_bucket(int mtu);
uint32_t mpsize_n_mbufs(int mtu);
uint64_t mpsize_pool_bytes(int mtu);

#endif /* mempool-size.h */
