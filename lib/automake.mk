# The ovs-pod library: everything the programs do is here.
noinst_LTLIBRARIES += lib/libovspod.la
lib_libovspod_la_SOURCES = \
	lib/cni.c \
	lib/cni.h \
	lib/cni-exec.c \
	lib/cni-exec.h \
	lib/cni-plugin.c \
	lib/cni-plugin.h \
	lib/cpuset.c \
	lib/deadline.c \
	lib/deadline.h \
	lib/flow-table.c \
	lib/flow-table.h \
	lib/operator-flows.c \
	lib/operator-flows.h \
	lib/hugepages.c \
	lib/hugepages.h \
	lib/cpuset.h \
	lib/kubelet.c \
	lib/kubelet.h \
	lib/launch-kit.c \
	lib/launch-kit.h \
	lib/mempool-size.c \
	lib/mempool-size.h \
	lib/node-conf.c \
	lib/node-conf.h \
	lib/node-setup.c \
	lib/node-setup.h \
	lib/plan.c \
	lib/plan.h \
	lib/plan-print.c \
	lib/plan-print.h \
	lib/pod.c \
	lib/pod.h \
	lib/pod-deferred.c \
	lib/pod-deferred.h \
	lib/pod-dir.c \
	lib/pod-dir.h \
	lib/pod-gc.c \
	lib/pod-intent.c \
	lib/pod-intent.h \
	lib/pod-gc.h \
	lib/pod-flows.c \
	lib/pod-flows.h \
	lib/pod-ops.c \
	lib/pod-ops.h \
	lib/pod-queue.c \
	lib/pod-queue.h \
	lib/topology.c \
	lib/topology.h \
	lib/uplink.c \
	lib/uplink.h \
	lib/vswitch-db.c \
	lib/vswitch-db.h

# What every ovs-pod program links.
OVSPOD_LDADD = lib/libovspod.la $(OVS_LIBDIR)/libopenvswitch.la $(NUMA_LIBS) \
	$(YAML_LIBS)

# How the clients' Open vSwitch builds its library alone.
EXTRA_DIST += lib/ovs-client.mk
