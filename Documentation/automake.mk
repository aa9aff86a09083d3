EXTRA_DIST += Documentation/planning.rst
