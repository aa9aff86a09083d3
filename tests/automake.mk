EXTRA_DIST += $(TESTSUITE_AT) $(TESTSUITE) tests/atlocal.in $(srcdir)/package.m4
TESTSUITE_AT = tests/testsuite.at
TESTSUITE = $(srcdir)/tests/testsuite
DISTCLEANFILES += tests/atconfig tests/atlocal
