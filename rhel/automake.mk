EXTRA_DIST += rhel/ovs-pod.spec.in
DISTCLEANFILES += rhel/ovs-pod.spec
rhel/ovs-pod.spec: rhel/ovs-pod.spec.in $(top_builddir)/config.status
	$(AM_V_GEN)$(MKDIR_P) rhel && sed -e 's/@VERSION@/$(VERSION)/' \
	  -e 's/@OVSVERSION@/$(OVSVERSION)/' < $(srcdir)/rhel/ovs-pod.spec.in > $@
