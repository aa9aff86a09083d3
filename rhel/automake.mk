EXTRA_DIST += \
	rhel/ovs-pod.spec.in \
	rhel/ovs-pod.spec \
	rhel/90-ovs-pod.preset \
	rhel/systemd-fallback.macros
DISTCLEANFILES += rhel/ovs-pod.spec
rhel/ovs-pod.spec: rhel/ovs-pod.spec.in $(top_builddir)/config.status
	$(AM_V_GEN)$(MKDIR_P) rhel && sed -e 's/@VERSION[@]/$(VERSION)/g' \
	  -e 's/@OVSVERSION[@]/$(OVSVERSION)/g' < $(srcdir)/rhel/ovs-pod.spec.in > $@

# "make rpm": the RPMs, built by rpmbuild in rpm-build/ from "make dist"
# output and the Open vSwitch tarball that configure used.  Where rpm lacks
# the systemd macros (Debian's rpm), rhel/systemd-fallback.macros stands in
# for them, and RPMBUILD_FLAGS=--nodeps skips the build dependencies,
# which are Fedora's names.  RPMBUILD_FLAGS=--nocheck skips the tests.
RPMBUILD_FLAGS =
rpm: dist rhel/ovs-pod.spec
	@test -f "$(OVS_TARBALL)" || { echo "make rpm needs the Open vSwitch tarball $(OVS_TARBALL) (configure --with-ovs-tarball=FILE)" >&2; exit 1; }
	rm -rf rpm-build && $(MKDIR_P) rpm-build/SOURCES
	cp $(distdir).tar.xz rpm-build/SOURCES/
	cp "$(OVS_TARBALL)" rpm-build/SOURCES/openvswitch-$(OVSVERSION).tar.gz
	macros=; \
	if test -z "`rpm --eval '%{?systemd_post:1}'`"; then \
	    macros=--load=$(srcdir)/rhel/systemd-fallback.macros; \
	fi; \
	CC="$(DEB_CC)" CCACHE_BASEDIR="$(abs_builddir)/rpm-build" \
	CCACHE_NOHASHDIR=1 rpmbuild -ba $$macros $(RPMBUILD_FLAGS) \
	    --define "_topdir $(abs_builddir)/rpm-build" rhel/ovs-pod.spec
	ls -l rpm-build/RPMS/*/*.rpm
.PHONY: rpm
