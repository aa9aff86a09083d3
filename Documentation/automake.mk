EXTRA_DIST += \
	Documentation/topics/planning.rst \
	Documentation/howto/sandbox.rst
