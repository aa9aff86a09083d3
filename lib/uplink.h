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

#ifndef UPLINK_H
#define UPLINK_H 1

/* A node's physical ("uplink") DPDK port, as given on the command line:
 *
 *     [NAME=]DEVARGS
 *
 * where DEVARGS is a PCI address ("0000:03:00.0", the domain may be
 * omitted) or a DPDK virtual device ("net_tap0,iface=tap0"), and NAME is
 * the OVS port name.  Without NAME, the port is named after the device:
 * "dpdk-03-00.0" for PCI address 0000:03:00.0, "net_tap0" for a vdev. */

#include <stdbool.h>
#include "openvswitch/compiler.h"

struct topology;

struct uplink {
    char *name;                 /* OVS port name. */
    char *devargs;              /* options:dpdk-devargs, normalized. */
    bool is_pci;                /* PCI device (otherwise a vdev). */
    int numa;                   /* NUMA node from sysfs, -1 if unknown. */
};

char *uplink_parse(const char *spec, struct uplink *) OVS_WARN_UNUSED_RESULT;
char *uplink_locate(struct uplink *, const struct topology *)
    OVS_WARN_UNUSED_RESULT;
void uplink_destroy(struct uplink *);

bool uplink_name_is_valid(const char *name);
bool uplink_needs_equal_queues(const struct uplink *);

#endif /* uplink.h */
