# The DPDK-enabled ovs-vswitchd is OVS's own, built in $(OVS_BUILDDIR) by
# the "ovs-build" target and installed by "make install".  This directory
# holds how ovs-pod starts it.
scripts_SCRIPTS += vswitchd/ovs-pod-sandbox
sbin_SCRIPTS = vswitchd/ovs-pod-ctl
dist_man_MANS += vswitchd/ovs-pod-ctl.8
EXTRA_DIST += vswitchd/ovs-pod-sandbox vswitchd/ovs-pod-ctl

# ovs-pod's patch series for ovs-vswitchd, applied by configure to the OVS
# tree it unpacks (see vswitchd/patches/README.rst).
EXTRA_DIST += vswitchd/patches/README.rst \
	vswitchd/patches/0001-netdev-dpdk-refuse-vhost-connection-through-link.patch
