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

#ifndef DEADLINE_H
#define DEADLINE_H 1

/* A last-resort deadline for a whole program run.
 *
 * Each step that waits (the database, ovs-vswitchd, the bridge lock, an
 * IPAM plugin) has a timeout of its own, but some of OVS's OpenFlow calls
 * (vconn_dump_flows(), vconn_bundle_transact()) have none.  An armed
 * deadline ends the process when it passes, with messages rendered in
 * advance, so that nothing ever holds the bridge lock (released when the
 * process ends) for good, and the caller still gets an answer: for the
 * CNI plugin, error 11, "try again later". */

void deadline_set_messages(const char *out, const char *err);
void deadline_arm(unsigned int seconds);

#endif /* deadline.h */
