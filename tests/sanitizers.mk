# "make check-asan": the fast suite against builds of ovs-pod's programs
# with AddressSanitizer and UndefinedBehaviorSanitizer.  The same sources,
# compiled again with the sanitizers into tests/san/, which come first in
# the suite's PATH.  Any report fails the test that caused it:
# -fno-sanitize-recover makes UBSan fatal, and ASan always is.
# (libopenvswitch itself is not instrumented; ASan still checks what our
# code does with the memory it gets from it.)
SAN_CFLAGS = -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=all
SAN_LDADD = $(OVS_LIBDIR)/libopenvswitch.la $(NUMA_LIBS) $(YAML_LIBS)
SANITIZED_BINS = tests/san/ovs-podctl tests/san/ovs-pod tests/san/test-ovs-pod
EXTRA_PROGRAMS = $(SANITIZED_BINS)
CLEANFILES += $(SANITIZED_BINS)

tests_san_ovs_podctl_SOURCES = utilities/ovs-podctl.c \
	$(lib_libovspod_la_SOURCES)
tests_san_ovs_podctl_CFLAGS = $(AM_CFLAGS) $(SAN_CFLAGS)
tests_san_ovs_podctl_LDFLAGS = $(AM_LDFLAGS) $(SAN_CFLAGS)
tests_san_ovs_podctl_LDADD = $(SAN_LDADD)

tests_san_ovs_pod_SOURCES = utilities/ovs-pod-cni.c \
	$(lib_libovspod_la_SOURCES)
tests_san_ovs_pod_CFLAGS = $(AM_CFLAGS) $(SAN_CFLAGS)
tests_san_ovs_pod_LDFLAGS = $(AM_LDFLAGS) $(SAN_CFLAGS)
tests_san_ovs_pod_LDADD = $(SAN_LDADD)

tests_san_test_ovs_pod_SOURCES = tests/test-ovs-pod.c \
	$(lib_libovspod_la_SOURCES)
tests_san_test_ovs_pod_CFLAGS = $(AM_CFLAGS) $(SAN_CFLAGS)
tests_san_test_ovs_pod_LDFLAGS = $(AM_LDFLAGS) $(SAN_CFLAGS)
tests_san_test_ovs_pod_LDADD = $(SAN_LDADD)

# Leaks are reported too; exit code 1 is what our programs use for errors,
# so the sanitizers exit with 99.
SAN_OPTIONS = \
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=99 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=99

check-asan: tests/atconfig tests/atlocal $(TESTSUITE) all $(SANITIZED_BINS)
	@for p in $(SANITIZED_BINS); do \
	    nm $$p | grep -q __asan_init \
	        || { echo "$$p is not instrumented" >&2; exit 1; }; \
	    nm $$p | grep -q __ubsan_handle \
	        || { echo "$$p is not instrumented" >&2; exit 1; }; \
	done
	$(SAN_OPTIONS) $(SHELL) '$(TESTSUITE)' -C tests \
		AUTOTEST_PATH='tests/san:$(AUTOTEST_PATH)' $(TESTSUITEFLAGS)
