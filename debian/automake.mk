EXTRA_DIST += debian/control debian/rules debian/changelog debian/copyright debian/source/format
