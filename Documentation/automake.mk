EXTRA_DIST += \
	Documentation/topics/planning.rst \
	Documentation/topics/pods.rst \
	Documentation/topics/security.rst \
	Documentation/topics/performance.rst \
	Documentation/howto/sandbox.rst \
	Documentation/howto/kubernetes.rst \
	Documentation/howto/podman.rst \
	Documentation/intro/install/debian.rst \
	Documentation/intro/install/rpm.rst
