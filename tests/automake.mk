# The test suites: "make check" runs the fast ones (dummy datapath and
# fixture topologies); "make check-dpdk" runs real DPDK, as root.

noinst_PROGRAMS += tests/test-ovs-pod
tests_test_ovs_pod_SOURCES = tests/test-ovs-pod.c
tests_test_ovs_pod_LDADD = $(OVSPOD_LDADD)

TESTSUITE_AT = \
	tests/testsuite.at \
	tests/ovs-pod-macros.at \
	tests/cpuset.at \
	tests/plan.at \
	tests/init.at \
	tests/pod.at \
	tests/cni.at \
	tests/security.at \
	tests/bad-input.at \
	tests/units.at \
	tests/build.at \
	tests/vswitchd.at
SYSTEM_DPDK_TESTSUITE_AT = \
	tests/system-dpdk-testsuite.at \
	tests/ovs-pod-macros.at \
	tests/system-dpdk-macros.at \
	tests/system-dpdk.at \
	tests/system-podman.at

SYSTEM_INSTALL_TESTSUITE_AT = \
	tests/system-install-testsuite.at \
	tests/system-install.at

TESTSUITE = $(srcdir)/tests/testsuite
SYSTEM_DPDK_TESTSUITE = $(srcdir)/tests/system-dpdk-testsuite
SYSTEM_INSTALL_TESTSUITE = $(srcdir)/tests/system-install-testsuite
EXTRA_DIST += $(TESTSUITE_AT) $(SYSTEM_DPDK_TESTSUITE_AT) $(TESTSUITE) \
	$(SYSTEM_DPDK_TESTSUITE) $(SYSTEM_INSTALL_TESTSUITE_AT) \
	$(SYSTEM_INSTALL_TESTSUITE) tests/install/install-root \
	tests/install/check-rpm \
	tests/atlocal.in tests/mkfixture tests/unix-listen \
	$(BAD_INPUT_FILES) \
	$(srcdir)/package.m4
DISTCLEANFILES += tests/atconfig tests/atlocal

# Our programs first, then OVS's, from the OVS build tree.
AUTOTEST_PATH = utilities:tests:vswitchd:$(OVS_BUILDDIR)/utilities:$(OVS_BUILDDIR)/vswitchd:$(OVS_BUILDDIR)/ovsdb

# OVS's macros (tests/ovs-macros.at, tests/ofproto-macros.at) are
# included from the OVS source tree, never copied.
AUTOTEST = $(AUTOM4TE) --language=autotest
AUTOTEST_INCLUDES = -I '$(srcdir)' -I '$(OVS_SRCDIR)'

$(TESTSUITE): package.m4 $(TESTSUITE_AT)
	$(AM_V_GEN)$(AUTOTEST) $(AUTOTEST_INCLUDES) -o $@.tmp $@.at
	$(AM_V_at)mv $@.tmp $@

$(SYSTEM_DPDK_TESTSUITE): package.m4 $(SYSTEM_DPDK_TESTSUITE_AT)
	$(AM_V_GEN)$(AUTOTEST) $(AUTOTEST_INCLUDES) -o $@.tmp $@.at
	$(AM_V_at)mv $@.tmp $@

$(SYSTEM_INSTALL_TESTSUITE): package.m4 $(SYSTEM_INSTALL_TESTSUITE_AT)
	$(AM_V_GEN)$(AUTOTEST) $(AUTOTEST_INCLUDES) -o $@.tmp $@.at
	$(AM_V_at)mv $@.tmp $@

$(srcdir)/package.m4: $(top_srcdir)/configure.ac
	$(AM_V_GEN):;{ \
	  echo '# Signature of the current package.' && \
	  echo 'm4_define([AT_PACKAGE_NAME],      [$(PACKAGE_NAME)])' && \
	  echo 'm4_define([AT_PACKAGE_TARNAME],   [$(PACKAGE_TARNAME)])' && \
	  echo 'm4_define([AT_PACKAGE_VERSION],   [$(PACKAGE_VERSION)])' && \
	  echo 'm4_define([AT_PACKAGE_STRING],    [$(PACKAGE_STRING)])' && \
	  echo 'm4_define([AT_PACKAGE_BUGREPORT], [$(PACKAGE_BUGREPORT)])'; \
	} >'$(srcdir)/package.m4'

check-local: tests/atconfig tests/atlocal $(TESTSUITE) all
	$(SHELL) '$(TESTSUITE)' -C tests AUTOTEST_PATH='$(AUTOTEST_PATH)' \
		$(TESTSUITEFLAGS)

# Real DPDK: needs root, hugepages and dpdk-testpmd.  Runs in a private
# network namespace, because a userspace datapath creates a tap named
# "ovs-netdev" in its namespace.
check-dpdk: tests/atconfig tests/atlocal $(SYSTEM_DPDK_TESTSUITE) all
	unshare -n -- $(SHELL) '$(SYSTEM_DPDK_TESTSUITE)' -C tests \
		AUTOTEST_PATH='$(AUTOTEST_PATH)' $(TESTSUITEFLAGS) -j1

# The install test: the debs ("make deb", or those in INSTALL_DEBS=DIR)
# installed on a clean Debian 12 root, running a node, upgraded, removed.
# Preparing the root needs root and the network (debootstrap from this
# machine's mirror, the packages' dependencies); the test itself runs in a
# private network namespace, with real DPDK and pods.  (AUTOTEST_PATH is
# for OVS's test macros only: everything the test runs of ovs-pod's is
# the root's, run in it.)
INSTALL_ROOT = $(abs_builddir)/tests/install-root
check-install: tests/atconfig tests/atlocal $(SYSTEM_INSTALL_TESTSUITE)
	@debs='$(INSTALL_DEBS)'; \
	if test -z "$$debs"; then \
	    $(MAKE) deb && debs=deb-build || exit 1; \
	fi; \
	echo "$(srcdir)/tests/install/install-root prepare $$debs $(INSTALL_ROOT)"; \
	$(srcdir)/tests/install/install-root prepare "$$debs" '$(INSTALL_ROOT)'
	OVS_POD_INSTALL_ROOT='$(INSTALL_ROOT)' unshare -n -- \
		$(SHELL) '$(SYSTEM_INSTALL_TESTSUITE)' -C tests \
		AUTOTEST_PATH='$(AUTOTEST_PATH)' $(TESTSUITEFLAGS) -j1

# "make bench": ovs-pod's benchmarks (tests/bench/ovs-pod-bench), each
# figure a ratio against an anchor of the same run, with its validity
# check; prints a table and writes bench.json.  BENCHFLAGS=--quick runs
# each briefly.  Needs root and hugepages (given back).
EXTRA_DIST += tests/bench/ovs-pod-bench
BENCHFLAGS =
bench: all
	$(srcdir)/tests/bench/ovs-pod-bench --builddir=. \
		--ovs-builddir='$(OVS_BUILDDIR)' $(BENCHFLAGS)
.PHONY: bench

# The RPM test: "make rpm" (with Debian's rpm: --nodeps, and --nocheck,
# since the other suites run the tests), then the file list and scriptlets
# of what it built.
check-rpm:
	$(MAKE) rpm RPMBUILD_FLAGS='--nodeps --nocheck'
	$(srcdir)/tests/install/check-rpm rpm-build/RPMS

clean-local:
	rm -rf tests/install-root tests/install-root.apt.log
	test ! -f '$(TESTSUITE)' || $(SHELL) '$(TESTSUITE)' -C tests --clean
	test ! -f '$(SYSTEM_DPDK_TESTSUITE)' || \
		$(SHELL) '$(SYSTEM_DPDK_TESTSUITE)' -C tests --clean

# The bad-input suite's tables and fixtures.
BAD_INPUT_FILES = \
	tests/bad-input/rows.sh \
	tests/bad-input/podctl.rows \
	tests/bad-input/cni.rows \
	tests/bad-input/k-alias.yaml \
	tests/bad-input/k-broken.yaml \
	tests/bad-input/k-json-bad.json \
	tests/bad-input/k-list.yaml \
	tests/bad-input/k-ok.yaml \
	tests/bad-input/k-seq.yaml \
	tests/bad-input/k-twice.yaml \
	tests/bad-input/k-unquoted-x.yaml
