bin_PROGRAMS += utilities/ovs-podctl
utilities_ovs_podctl_SOURCES = utilities/ovs-podctl.c
utilities_ovs_podctl_LDADD = $(OVSPOD_LDADD)

dist_man_MANS += utilities/ovs-podctl.8 utilities/ovs-pod.8 utilities/ovs-pod.conf.5

# The CNI plugin, named "ovs-pod" as network configurations name it, where
# runtimes look for plugins: /usr/lib/cni on Debian, /opt/cni/bin.
cnidir = $(prefix)/lib/cni
cni_PROGRAMS = utilities/ovs-pod
utilities_ovs_pod_SOURCES = utilities/ovs-pod-cni.c
utilities_ovs_pod_LDADD = $(OVSPOD_LDADD)
install-exec-hook:
	$(MKDIR_P) "$(DESTDIR)/opt/cni/bin"
	ln -sf "$(cnidir)/ovs-pod" "$(DESTDIR)/opt/cni/bin/ovs-pod"
uninstall-hook:
	rm -f "$(DESTDIR)/opt/cni/bin/ovs-pod"

# The node file, as shipped: every key commented out (see ovs-pod.conf(5)).
# Packages mark it a conffile; "make install" never overwrites one.
nodeconfdir = $(sysconfdir)/ovs-pod
EXTRA_DIST += utilities/ovs-pod.conf
install-data-hook: install-node-conf
install-node-conf:
	$(MKDIR_P) "$(DESTDIR)$(nodeconfdir)" "$(DESTDIR)$(nodeconfdir)/flows.d"
	test -f "$(DESTDIR)$(nodeconfdir)/ovs-pod.conf" || \
	    $(INSTALL_DATA) $(srcdir)/utilities/ovs-pod.conf \
	        "$(DESTDIR)$(nodeconfdir)/ovs-pod.conf"
uninstall-hook: uninstall-node-conf
uninstall-node-conf:
	if cmp -s $(srcdir)/utilities/ovs-pod.conf \
	       "$(DESTDIR)$(nodeconfdir)/ovs-pod.conf"; then \
	    rm -f "$(DESTDIR)$(nodeconfdir)/ovs-pod.conf"; \
	fi
	-rmdir "$(DESTDIR)$(nodeconfdir)/flows.d" 2>/dev/null
.PHONY: install-node-conf uninstall-node-conf
