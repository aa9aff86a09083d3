# Coverage-guided fuzzers (libFuzzer, from Debian's clang) for the three
# parsers that read what others write: the CNI network configuration,
# CNI_ARGS, and CPU lists and masks.
#
#   make check-fuzz                  each target for FUZZ_SECONDS (20 s),
#                                    seeded from the bad-input rows
#   make check-fuzz FUZZ_SECONDS=3600   a long run
#
# The library is compiled again with clang, with coverage and the
# sanitizers, into tests/fuzz/obj; libopenvswitch is linked as it is.
FUZZ_CC = clang
FUZZ_SECONDS = 20
FUZZ_CFLAGS = -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=all
FUZZ_CPPFLAGS = $(DEFS) -I$(top_builddir) $(AM_CPPFLAGS) $(CPPFLAGS) \
	$(OVS_CFLAGS) -D_FILE_OFFSET_BITS=64
FUZZ_TARGETS = cni-config cni-args cpuset
FUZZ_LIBSRC = $(filter %.c,$(lib_libovspod_la_SOURCES))
EXTRA_DIST += \
	tests/fuzz/fuzz-cni-args.c \
	tests/fuzz/fuzz-cni-config.c \
	tests/fuzz/fuzz-cpuset.c \
	tests/fuzz/seeds-from-rows \
	tests/fuzz/automake.mk \
	tests/sanitizers.mk

fuzz-build: all
	@$(MKDIR_P) tests/fuzz/obj
	@set -e; for src in $(FUZZ_LIBSRC); do \
	    obj=tests/fuzz/obj/`basename $$src .c`.o; \
	    echo "  FUZZCC   $$obj"; \
	    $(FUZZ_CC) $(FUZZ_CPPFLAGS) $(FUZZ_CFLAGS) \
	        -fsanitize=fuzzer-no-link -c $(srcdir)/$$src -o $$obj; \
	done
	@set -e; for t in $(FUZZ_TARGETS); do \
	    echo "  FUZZLD   tests/fuzz/fuzz-$$t"; \
	    $(LIBTOOL) --quiet --tag=CC --mode=link $(FUZZ_CC) \
	        $(FUZZ_CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer \
	        -o tests/fuzz/fuzz-$$t $(srcdir)/tests/fuzz/fuzz-$$t.c \
	        tests/fuzz/obj/*.o $(OVS_LIBDIR)/libopenvswitch.la \
	        $(NUMA_LIBS) $(YAML_LIBS); \
	done

check-fuzz: fuzz-build
	rm -rf tests/fuzz/corpus
	$(srcdir)/tests/fuzz/seeds-from-rows $(srcdir)/tests/bad-input \
	    tests/fuzz/corpus
	@set -e; for t in $(FUZZ_TARGETS); do \
	    echo "== fuzzing $$t for $(FUZZ_SECONDS) s"; \
	    if tests/fuzz/fuzz-$$t -max_total_time=$(FUZZ_SECONDS) \
	           -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
	           -print_final_stats=1 \
	           -artifact_prefix=tests/fuzz/crash-$$t- \
	           tests/fuzz/corpus/$$t > tests/fuzz/fuzz-$$t.log 2>&1; then \
	        grep -E '^(Done|stat::number_of_executed_units)' \
	            tests/fuzz/fuzz-$$t.log; \
	    else \
	        tail -40 tests/fuzz/fuzz-$$t.log; \
	        echo "fuzz-$$t failed: see tests/fuzz/fuzz-$$t.log" >&2; \
	        exit 1; \
	    fi; \
	done

clean-local: clean-fuzz
clean-fuzz:
	rm -rf tests/fuzz/obj tests/fuzz/corpus tests/fuzz/crash-* \
	    tests/fuzz/*.log
	for t in $(FUZZ_TARGETS); do \
	    rm -f tests/fuzz/fuzz-$$t; \
	done
.PHONY: fuzz-build check-fuzz clean-fuzz
