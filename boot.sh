#! /bin/sh
# Generates configure and the Makefile.in files.  ovs-pod keeps no copy of
# Open vSwitch's autoconf macros: configure imports OVS's settings from the
# configured OVS tree instead (see m4/ovs-pod.m4).
set -e
autoreconf --install --force
