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

   dnl ovs-pod's patch series for ovs-vswitchd.  A later patch may change
   dnl an earlier one's context, so patches are not checked one by one: a
   dnl tree has the series' first K patches if they revert, newest first,
   dnl on a scratch copy of the files the series touches, and the rest
   dnl then apply in order.  A tree we unpacked gets what it lacks; a tree
   dnl the user gave must have the whole series.
   opod_patches=`ls "$srcdir"/vswitchd/patches/*.patch 2>/dev/null | sort`
   opod_files=`sed -n 's|^--- a/||p' $opod_patches </dev/null | cut -f1 \
               | cut -d' ' -f1 | sort -u`
   opod_scratch () {
     rm -rf conftest.ovs && mkdir conftest.ovs || return 1
     for opod_f in $opod_files; do
       if test -f "$[]1/$opod_f"; then
         $MKDIR_P "conftest.ovs/`dirname $opod_f`" \
           && cp "$[]1/$opod_f" "conftest.ovs/$opod_f" || return 1
       fi
     done
   }
   opod_run () {
     opod_flags=$[]1
     shift
     for opod_patch; do
       patch -d conftest.ovs -p1 $opod_flags -s -f < "$opod_patch" \
         >/dev/null 2>&1 || return 1
     done
   }
   dnl opod_find_missing DIR: sets opod_missing to the patches that DIR
   dnl lacks; fails if DIR holds something else (another version).
   opod_find_missing () {
     opod_n=`echo "$opod_patches" | grep -c .`
     while :; do
       opod_head=`echo "$opod_patches" | head -n $opod_n`
       opod_missing=`echo "$opod_patches" | tail -n +\`expr $opod_n + 1\``
       if opod_scratch "$[]1" \
          && opod_run -R `echo "$opod_head" | sort -r` \
          && opod_scratch "$[]1" && opod_run "" $opod_missing; then
         rm -rf conftest.ovs
         return 0
       fi
       test $opod_n = 0 && break
       opod_n=`expr $opod_n - 1`
     done
     rm -rf conftest.ovs
     return 1
   }
   opod_apply () {
     for opod_patch in $opod_missing; do
       patch -d "$[]1" -p1 -s -f < "$opod_patch" >/dev/null \
         || AC_MSG_ERROR([cannot apply $opod_patch to $[]1])
     done
   }
   AC_MSG_CHECKING([for ovs-pod's patches in $OVSDIR])
   if test -z "$opod_patches"; then
     AC_MSG_RESULT([none to apply])
   elif ! opod_find_missing "$OVSDIR"; then
     AC_MSG_RESULT([no])
     AC_MSG_ERROR([$OVSDIR holds another version of ovs-pod's patch series:
remove $OVSDIR and `pwd`/ovs-client, and run configure again])
   elif test -z "$opod_missing"; then
     AC_MSG_RESULT([all there])
   elif test -n "$with_ovs_source"; then
     AC_MSG_RESULT([no])
     opod_first=`echo "$opod_missing" | head -n 1`
     AC_MSG_ERROR([$OVSDIR lacks $opod_first and the patches after it
in $srcdir/vswitchd/patches: apply them in order, with
"patch -d $OVSDIR -p1 < PATCH"])
   else
     opod_apply "$OVSDIR"
     opod_names=
     for opod_patch in $opod_missing; do
       opod_names="$opod_names `basename $opod_patch .patch | cut -c1-4`"
     done
     AC_MSG_RESULT([applied$opod_names])
   fi

   if test -n "$with_ovs_build"; then
     OVSBUILDDIR=`cd "$with_ovs_build" 2>/dev/null && pwd`
     if test -z "$OVSBUILDDIR"; then
       AC_MSG_ERROR([$with_ovs_build does not exist])
     fi
   else
     OVSBUILDDIR=$OVSDIR
   fi

   opod_prefix=$prefix
   test "x$opod_prefix" = xNONE && opod_prefix=$ac_default_prefix

   dnl The clients (ovs-podctl, the CNI plugin and the test programs) link
   dnl a second libopenvswitch, built from a copy of the same patched tree
   dnl without DPDK and AF_XDP, as Debian builds its openvswitch-common
   dnl apart from ovs-vswitchd-dpdk.  They never run a datapath, and the
   dnl dynamic loader's work for DPDK's libraries doubled the start of
   dnl every ovs-podctl and CNI call (see performance.rst).  It is a copy,
   dnl taken before the tree is built in place and cleaned if it was,
   dnl because OVS refuses a build directory apart from a configured source
   dnl tree.  It gets the same directories, which its compiled-in paths
   dnl come from.
   OVSCLIENTDIR=`pwd`/ovs-client
   if test -f "$OVSCLIENTDIR/config.h" && test -n "$opod_patches"; then
     if opod_find_missing "$OVSCLIENTDIR"; then
       opod_apply "$OVSCLIENTDIR"
     else
       AC_MSG_NOTICE([$OVSCLIENTDIR holds another patch series: copying again])
       rm -f "$OVSCLIENTDIR/config.h"
     fi
   fi
   if test ! -f "$OVSCLIENTDIR/config.h"; then
     AC_MSG_NOTICE([configuring the clients' Open vSwitch in $OVSCLIENTDIR])
     rm -rf "$OVSCLIENTDIR" && $MKDIR_P "$OVSCLIENTDIR" \
       && (cd "$OVSDIR" && tar -cf - --exclude=./.git .) \
          | (cd "$OVSCLIENTDIR" && tar -xf -) \
       || AC_MSG_ERROR([cannot copy $OVSDIR into $OVSCLIENTDIR])
     (cd "$OVSCLIENTDIR" \
      && if test -f config.status; then ${MAKE-make} distclean; fi \
      && ./configure --enable-ssl --disable-afxdp \
           --prefix="$opod_prefix" --localstatedir="$localstatedir" \
           --sysconfdir="$sysconfdir" CC="$CC" CFLAGS="$CFLAGS") \
       > ovs-client-configure.log 2>&1 \
       || AC_MSG_ERROR([configuring the clients' Open vSwitch failed, see
ovs-client-configure.log])
   fi

   if test ! -f "$OVSBUILDDIR/config.h"; then
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

   dnl Compile with exactly the warnings and flags of the libopenvswitch
   dnl we link.
   opod_ovs_var () {
     sed -n "s/^$[]1 = //p" "$OVSCLIENTDIR/Makefile"
   }
   OVS_WARNING_FLAGS=`opod_ovs_var WARNING_FLAGS`
   OVS_CFLAGS=`opod_ovs_var OVS_CFLAGS`
   OVS_LDFLAGS=`opod_ovs_var OVS_LDFLAGS`

   dnl Mirror OVS's feature macros, without its package identity.
   AC_CONFIG_COMMANDS([ovs-config.h],
     [$AWK '/^#define (PACKAGE|VERSION)/ { next }
            /^#define / { print "#ifndef " @S|@2; print; print "#endif"; next }
            /^#undef / { next }' "$OVSCLIENTDIR/config.h" > ovs-config.h.tmp \
      && mv ovs-config.h.tmp ovs-config.h],
     [OVSCLIENTDIR='$OVSCLIENTDIR' AWK='$AWK'])

   AC_DEFINE_UNQUOTED([OVS_PACKAGE_VERSION], ["$OVSVERSION"],
     [Version of the Open vSwitch that ovs-pod is built with.])
   AC_SUBST([OVSDIR])
   OVS_TARBALL=$with_ovs_tarball
   AC_SUBST([OVS_TARBALL])
   AC_SUBST([OVSBUILDDIR])
   AC_SUBST([OVSCLIENTDIR])
   AC_SUBST([OVSVERSION])
   AC_SUBST([OVS_WARNING_FLAGS])
   AC_SUBST([OVS_CFLAGS])
   AC_SUBST([OVS_LDFLAGS])])
