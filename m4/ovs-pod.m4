# -*- autoconf -*-
# Copyright (c) 2026 The ovs-pod authors.
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at:
#
#     http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.

dnl OPOD_SYSTEM_DIRS
dnl
dnl Unless the user chose them, state lives in /var and configuration in
dnl /etc, like the distribution's Open vSwitch, so that ovs-pod and the OVS
dnl it builds find the node's database socket.
AC_DEFUN([OPOD_SYSTEM_DIRS],
  [if test "$localstatedir" = '${prefix}/var'; then
     localstatedir=/var
   fi
   if test "$sysconfdir" = '${prefix}/etc'; then
     sysconfdir=/etc
   fi])

dnl OPOD_CHECK_SYSTEM_LIBS
dnl
dnl ovs-pod itself uses libnuma; the OVS it links needs libcap-ng and
dnl OpenSSL.  Fail early with the Debian package to install.
AC_DEFUN([OPOD_CHECK_SYSTEM_LIBS],
  [AC_CHECK_HEADER([numa.h], [],
     [AC_MSG_ERROR([numa.h not found: install libnuma-dev])])
   AC_CHECK_LIB([numa], [numa_available], [NUMA_LIBS=-lnuma],
     [AC_MSG_ERROR([libnuma not found: install libnuma-dev])])
   AC_SUBST([NUMA_LIBS])
   AC_CHECK_HEADER([cap-ng.h], [],
     [AC_MSG_ERROR([cap-ng.h not found: install libcap-ng-dev])])
   AC_CHECK_LIB([cap-ng], [capng_clear], [:],
     [AC_MSG_ERROR([libcap-ng not found: install libcap-ng-dev])])
   PKG_CHECK_MODULES([OPENSSL], [openssl >= 1.1.1], [:],
     [AC_MSG_ERROR([OpenSSL >= 1.1.1 not found: install libssl-dev])])
   PKG_CHECK_MODULES([YAML], [yaml-0.1], [:],
     [AC_MSG_ERROR([libyaml not found by pkg-config: install libyaml-dev])])
   PKG_CHECK_MODULES([LIBDPDK], [libdpdk], [:],
     [AC_MSG_ERROR([DPDK not found by pkg-config: install libdpdk-dev])])])

dnl OPOD_CHECK_OVS
dnl
dnl Finds, unpacks and configures the Open vSwitch source tree that ovs-pod
dnl builds with.  Nothing of OVS is copied into this repository: we take the
dnl tree from --with-ovs-source or from Debian's openvswitch-source tarball,
dnl configure it with DPDK, and import its compiler settings and feature
dnl macros from its Makefile and config.h.
AC_DEFUN([OPOD_CHECK_OVS],
  [AC_ARG_WITH([ovs-source],
     [AS_HELP_STRING([--with-ovs-source=DIR],
        [Open vSwitch 3.1 source tree (default: unpack --with-ovs-tarball
         into ./ovs of the build tree)])],
     [], [with_ovs_source=])
   AC_ARG_WITH([ovs-build],
     [AS_HELP_STRING([--with-ovs-build=DIR],
        [Open vSwitch build tree, if not the source tree])],
     [], [with_ovs_build=])
   AC_ARG_WITH([ovs-tarball],
     [AS_HELP_STRING([--with-ovs-tarball=FILE],
        [OVS source tarball to unpack
         (default: /usr/src/openvswitch/openvswitch.tar.gz)])],
     [], [with_ovs_tarball=/usr/src/openvswitch/openvswitch.tar.gz])

   AC_MSG_CHECKING([for the Open vSwitch source tree])
   if test -z "$with_ovs_source"; then
     OVSDIR=`pwd`/ovs
     if test ! -f "$OVSDIR/vswitchd/bridge.c"; then
       if test ! -f "$with_ovs_tarball"; then
         AC_MSG_ERROR([$with_ovs_tarball not found: install the
openvswitch-source package or pass --with-ovs-source=DIR])
       fi
       AC_MSG_RESULT([unpacking $with_ovs_tarball into $OVSDIR])
       $MKDIR_P "$OVSDIR" \
         && tar -xzf "$with_ovs_tarball" -C "$OVSDIR" --strip-components=1 \
         || AC_MSG_ERROR([cannot unpack $with_ovs_tarball])
     else
       AC_MSG_RESULT([$OVSDIR])
     fi
   else
     OVSDIR=`cd "$with_ovs_source" 2>/dev/null && pwd`
     if test -z "$OVSDIR" || test ! -f "$OVSDIR/vswitchd/bridge.c"; then
       AC_MSG_ERROR([$with_ovs_source is not an Open vSwitch source tree])
     fi
     AC_MSG_RESULT([$OVSDIR])
   fi

   dnl ovs-pod's patch series for ovs-vswitchd.  A tree we unpacked gets
   dnl each patch that it lacks; a tree the user gave must already have them.
   AC_MSG_CHECKING([for ovs-pod's patches in $OVSDIR])
   opod_patched=
   for opod_patch in `ls "$srcdir"/vswitchd/patches/*.patch 2>/dev/null | sort`; do
     if patch -d "$OVSDIR" -p1 -R -s -f --dry-run < "$opod_patch" \
          >/dev/null 2>&1; then
       :
     elif test -n "$with_ovs_source"; then
       AC_MSG_RESULT([no])
       AC_MSG_ERROR([$OVSDIR lacks $opod_patch: apply it with
"patch -d $OVSDIR -p1 < $opod_patch"])
     elif patch -d "$OVSDIR" -p1 -s -f < "$opod_patch" >/dev/null; then
       opod_patched="$opod_patched `basename $opod_patch`"
     else
       AC_MSG_RESULT([no])
       AC_MSG_ERROR([cannot apply $opod_patch to $OVSDIR])
     fi
   done
   AC_MSG_RESULT([${opod_patched:-all there}])

   if test -n "$with_ovs_build"; then
     OVSBUILDDIR=`cd "$with_ovs_build" 2>/dev/null && pwd`
     if test -z "$OVSBUILDDIR"; then
       AC_MSG_ERROR([$with_ovs_build does not exist])
     fi
   else
     OVSBUILDDIR=$OVSDIR
   fi

   if test ! -f "$OVSBUILDDIR/config.h"; then
     opod_prefix=$prefix
     test "x$opod_prefix" = xNONE && opod_prefix=$ac_default_prefix
     AC_MSG_NOTICE([configuring Open vSwitch in $OVSBUILDDIR with DPDK])
     (cd "$OVSBUILDDIR" \
      && "$OVSDIR/configure" --with-dpdk=shared --enable-ssl \
           --prefix="$opod_prefix" --localstatedir="$localstatedir" \
           --sysconfdir="$sysconfdir" CC="$CC" CFLAGS="$CFLAGS") \
       > ovs-configure.log 2>&1 \
       || AC_MSG_ERROR([configuring Open vSwitch failed, see ovs-configure.log])
   fi

   AC_MSG_CHECKING([whether Open vSwitch was configured with DPDK])
   if grep '^#define DPDK_NETDEV 1' "$OVSBUILDDIR/config.h" >/dev/null; then
     AC_MSG_RESULT([yes])
   else
     AC_MSG_RESULT([no])
     AC_MSG_ERROR([$OVSBUILDDIR is not configured --with-dpdk: ovs-pod
needs a DPDK-enabled ovs-vswitchd])
   fi

   AC_MSG_CHECKING([Open vSwitch version])
   OVSVERSION=`sed -n 's/^#define PACKAGE_VERSION "\(.*\)"/\1/p' \
                 "$OVSBUILDDIR/config.h"`
   AC_MSG_RESULT([$OVSVERSION])
   case $OVSVERSION in
     3.1.*) ;;
     *) AC_MSG_WARN([ovs-pod is developed against Open vSwitch 3.1]) ;;
   esac

   dnl Compile with exactly the warnings and flags OVS uses.
   opod_ovs_var () {
     sed -n "s/^$[]1 = //p" "$OVSBUILDDIR/Makefile"
   }
   OVS_WARNING_FLAGS=`opod_ovs_var WARNING_FLAGS`
   OVS_CFLAGS=`opod_ovs_var OVS_CFLAGS`
   OVS_LDFLAGS=`opod_ovs_var OVS_LDFLAGS`

   dnl Mirror OVS's feature macros, without its package identity.
   AC_CONFIG_COMMANDS([ovs-config.h],
     [$AWK '/^#define (PACKAGE|VERSION)/ { next }
            /^#define / { print "#ifndef " @S|@2; print; print "#endif"; next }
            /^#undef / { next }' "$OVSBUILDDIR/config.h" > ovs-config.h.tmp \
      && mv ovs-config.h.tmp ovs-config.h],
     [OVSBUILDDIR='$OVSBUILDDIR' AWK='$AWK'])

   AC_DEFINE_UNQUOTED([OVS_PACKAGE_VERSION], ["$OVSVERSION"],
     [Version of the Open vSwitch that ovs-pod is built with.])
   AC_SUBST([OVSDIR])
   OVS_TARBALL=$with_ovs_tarball
   AC_SUBST([OVS_TARBALL])
   AC_SUBST([OVSBUILDDIR])
   AC_SUBST([OVSVERSION])
   AC_SUBST([OVS_WARNING_FLAGS])
   AC_SUBST([OVS_CFLAGS])
   AC_SUBST([OVS_LDFLAGS])])
