EXTRA_DIST += \
	debian/changelog \
	debian/control \
	debian/copyright \
	debian/not-installed \
	debian/ovs-pod-cni.install \
	debian/ovs-pod-switch.install \
	debian/ovs-pod-switch.postrm \
	debian/ovs-pod.dirs \
	debian/ovs-pod.install \
	debian/ovs-pod.postrm \
	debian/rules \
	debian/source/format \
	debian/source/lintian-overrides \
	debian/ovs-pod-cni.lintian-overrides

# "make deb": the Debian packages, built from "make distdir" output in
# deb-build/ (so that this tree stays configured), with ccache when it is
# there.  DEB_BUILD_OPTIONS=nocheck skips the tests.
DEB_CC = $(shell command -v ccache >/dev/null && echo "ccache gcc" || echo gcc)
deb: distdir
	rm -rf deb-build && $(MKDIR_P) deb-build
	mv $(distdir) deb-build/
	cd deb-build/$(distdir) && \
	    CC="$(DEB_CC)" CCACHE_BASEDIR="$$PWD" CCACHE_NOHASHDIR=1 \
	    dpkg-buildpackage -us -uc -b
	ls -l deb-build/*.deb
.PHONY: deb

# "make lintian": lintian on what "make deb" built.  Errors fail; what is
# deliberate is in debian/*.lintian-overrides, each with its reason.
lintian:
	lintian --fail-on error --info --display-level '>=warning' \
	    deb-build/*.changes
.PHONY: lintian
