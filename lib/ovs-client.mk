# Copyright (c) 2026 The ovs-pod authors.
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at:
#
#     http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.

# Read after the Makefile of the clients' Open vSwitch build (see
# Makefile.am's ovs-build): builds its libopenvswitch alone.  OVS's
# generated headers are BUILT_SOURCES, which only "make all" builds first.
.PHONY: ovs-client-lib
ovs-client-lib: $(BUILT_SOURCES)
	$(MAKE) lib/libopenvswitch.la
