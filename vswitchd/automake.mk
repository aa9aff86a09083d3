# The DPDK-enabled ovs-vswitchd is OVS's own, built in $(OVS_BUILDDIR) by
# the "ovs-build" target and installed by "make install".  This directory
# holds how ovs-pod starts it.
scripts_SCRIPTS += vswitchd/ovs-pod-sandbox
sbin_SCRIPTS = vswitchd/ovs-pod-ctl
dist_man_MANS += vswitchd/ovs-pod-ctl.8
EXTRA_DIST += vswitchd/ovs-pod-sandbox vswitchd/ovs-pod-ctl

# ovs-pod's patch series for ovs-vswitchd, applied by configure to the OVS
# tree it unpacks (see vswitchd/patches/README.rst).
DOCS_RST += vswitchd/patches/README.rst
EXTRA_DIST += \
	vswitchd/patches/0001-netdev-dpdk-refuse-vhost-connection-through-link.patch \
	vswitchd/patches/0002-dpif-netdev-log-rxq-assignment-only-when-it-changes.patch \
	vswitchd/patches/0003-dpif-netdev-index-ports-by-name.patch \
	vswitchd/patches/0004-dpif-netdev-yield-while-waiting-for-a-pmd-reload.patch \
	vswitchd/patches/0005-bridge-write-status-only-of-interfaces-that-changed.patch \
	vswitchd/patches/0006-dpif-netdev-assign-the-queues-of-ports-added-together-once.patch \
	vswitchd/patches/0007-dpif-netdev-report-which-ports-changed.patch \
	vswitchd/patches/0008-dpif-netdev-quiesce-pmd-threads-every-millisecond.patch \
	vswitchd/patches/0009-bridge-skip-the-protocol-status-of-ports-that-run-none.patch \
	vswitchd/patches/0010-dpif-netdev-pass-over-every-port-only-when-needed.patch \
	vswitchd/patches/0011-ovsdb-monitor-compose-a-conditional-first-update-from-matching-rows.patch \
	vswitchd/patches/0012-bridge-configure-again-only-the-ports-that-may-have-changed.patch \
	vswitchd/patches/0013-ovsdb-idl-update-part-of-a-set-that-the-idl-does-not-replicate.patch \
	vswitchd/patches/0014-bridge-look-over-ports-only-when-needed.patch \
	vswitchd/patches/0015-ofproto-find-the-lowest-mtu-again-only-when-it-may-change.patch

# systemd units, the same for the deb and the rpm: ovsdb-server, then
# ovs-pod-node (the node file at boot), then ovs-vswitchd through
# ovs-pod-ctl, and the gc timer.
systemdunitdir = $(prefix)/lib/systemd/system
systemdunit_DATA = \
	vswitchd/systemd/ovsdb-server.service \
	vswitchd/systemd/ovs-pod-node.service \
	vswitchd/systemd/ovs-vswitchd.service \
	vswitchd/systemd/ovs-pod-gc.service \
	vswitchd/systemd/ovs-pod-gc.timer
SYSTEMD_UNITS_IN = \
	vswitchd/systemd/ovsdb-server.service.in \
	vswitchd/systemd/ovs-pod-node.service.in \
	vswitchd/systemd/ovs-vswitchd.service.in \
	vswitchd/systemd/ovs-pod-gc.service.in
EXTRA_DIST += $(SYSTEMD_UNITS_IN) vswitchd/systemd/ovs-pod-gc.timer
CLEANFILES += $(SYSTEMD_UNITS_IN:.in=)

# OVS's own scripts (ovs-ctl), as the OVS built here installs them.
ovsscriptsdir = $(prefix)/share/openvswitch/scripts

$(SYSTEMD_UNITS_IN:.in=): %: %.in Makefile
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	sed -e 's|@bindir[@]|$(bindir)|g' \
	    -e 's|@sbindir[@]|$(sbindir)|g' \
	    -e 's|@ovsscriptsdir[@]|$(ovsscriptsdir)|g' $< > $@.tmp && \
	mv $@.tmp $@
