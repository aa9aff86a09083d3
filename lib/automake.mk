# The ovs-pod library: everything the programs do is here.
noinst_LTLIBRARIES += lib/libovspod.la
lib_libovspod_la_SOURCES = \
	lib/cpuset.c \
	lib/cpuset.h \
	lib/kubelet.c \
	lib/kubelet.h \
	lib/mempool-size.c \
	lib/mempool-size.h \
	lib/node-setup.c \
	lib/node-setup.h \
	lib/plan.c \
	lib/plan.h \
	lib/plan-print.c \
	lib/plan-print.h \
	lib/topology.c \
	lib/topology.h \
	lib/uplink.c \
	lib/uplink.h \
	lib/vswitch-db.c \
	lib/vswitch-db.h

# What every ovs-pod program links.
OVSPOD_LDADD = lib/libovspod.la $(OVS_LIBDIR)/libopenvswitch.la $(NUMA_LIBS)
