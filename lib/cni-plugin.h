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

#ifndef CNI_PLUGIN_H
#define CNI_PLUGIN_H 1

/* The "ovs-pod" CNI plugin: ADD, DEL, CHECK, GC, STATUS and VERSION over
 * the same pod operations as "ovs-podctl attach" and "detach".
 *
 * Network configuration (unknown fields are ignored):
 *
 *   name, cniVersion       as the specification says
 *   bridge                 pod bridge (default br-pod)
 *   peer                   cross-connect with this port, or
 *   uplink + vlan          a VLAN circuit, or
 *   uplink + mac [+ vlan]  a shared uplink; none of them: isolated
 *   mac                    the interface's MAC
 *   socketDir              host directory of pod sockets (/run/ovs-pod)
 *   podMount               where the pod mounts its directory
 *   owner                  "UID:GID" of the pod's socket directory
 *   queues, mtu            queue pairs; the interface's MTU
 *   ovsdb                  OVSDB remote (default: the local socket)
 *   ipam                   the IPAM plugin's configuration
 *   disableCheck           skip CHECK
 *   portType               pod port type, for tests (default
 *                          dpdkvhostuserclient)
 *
 * The pod is named by CNI_ARGS K8S_POD_NAMESPACE, K8S_POD_NAME and
 * K8S_POD_UID. */

#include <stddef.h>

struct cni_error;
struct ds;

int cni_plugin_run(const char *input, size_t length, struct ds *output,
                   struct ds *notes, struct cni_error *, char **version);

#endif /* cni-plugin.h */
