DOCS_RST += \
	Documentation/topics/planning.rst \
	Documentation/topics/pods.rst \
	Documentation/topics/security.rst \
	Documentation/topics/performance.rst \
	Documentation/howto/sandbox.rst \
	Documentation/howto/kubernetes.rst \
	Documentation/howto/podman.rst \
	Documentation/intro/install/debian.rst \
	Documentation/intro/install/rpm.rst
EXTRA_DIST += $(DOCS_RST)

# check-docs: every reStructuredText document in DOCS_RST parses without a
# single warning (Debian's python3-docutils).
check-docs:
	@for doc in $(DOCS_RST); do \
	    python3 -m docutils --halt=warning --report=warning \
	        '$(srcdir)'/$$doc /dev/null >/dev/null \
	        || { echo "check-docs: $$doc: fix the warning above" >&2; \
	             exit 1; }; \
	    echo "check-docs: $$doc: ok"; \
	done
.PHONY: check-docs
