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

#ifndef OPERATOR_FLOWS_H
#define OPERATOR_FLOWS_H 1

/* The node operator's own OpenFlow flows, which ovs-pod installs beside
 * the pods' flows but never owns:
 *
 *   - the flows in the node's flows directory (the node file's
 *     "flowsDir", /etc/ovs-pod/flows.d by default): files named *.flows,
 *     read in name order, one flow per line in OVS's flow syntax
 *     (ovs-fields(7), ovs-actions(7)), '#' comment lines and blank
 *     lines skipped;
 *
 *   - the ad-hoc flows that "ovs-podctl save-flows" saved before a
 *     graceful stop of ovs-vswitchd, in the same syntax.
 *
 * Both are files that only root writes. */

#include <stdbool.h>
#include <stddef.h>
#include "openvswitch/compiler.h"

struct svec;

struct operator_flow {
    char *where;                /* "FILE:LINE", for messages. */
    char *text;                 /* OVS's flow syntax. */
};

struct operator_flows {
    struct operator_flow *flows;
    size_t n, allocated;
};

void operator_flows_init(struct operator_flows *);
void operator_flows_destroy(struct operator_flows *);
char *operator_flows_read_dir(const char *dir, struct operator_flows *)
    OVS_WARN_UNUSED_RESULT;
char *operator_flows_read_file(const char *path, bool must_exist,
                               struct operator_flows *)
    OVS_WARN_UNUSED_RESULT;
char *operator_flows_write_file(const char *path, const struct svec *lines)
    OVS_WARN_UNUSED_RESULT;
char *operator_flows_saved_path(const char *state_dir, const char *bridge);

#endif /* operator-flows.h */
