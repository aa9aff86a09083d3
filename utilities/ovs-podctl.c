/*
 * Copyright (c) 2026 The ovs-pod authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at:
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

/* ovs-podctl: configures a Kubernetes node's OVS-DPDK.
 *
 * A thin front end over lib/: it parses options, discovers the topology,
 * plans, and prints or applies the plan.  All rules live in the library. */

#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "command-line.h"
#include "cpuset.h"
#include "deadline.h"
#include "dirs.h"
#include "fatal-signal.h"
#include "hugepages.h"
#include "kubelet.h"
#include "node-conf.h"
#include "node-setup.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/vlog.h"
#include "plan-print.h"
#include "plan.h"
#include "pod-deferred.h"
#include "pod-dir.h"
#include "pod-gc.h"
#include "pod-intent.h"
#include "pod-ops.h"
#include "pod.h"
#include "packets.h"
#include "smap.h"
#include "sset.h"
#include "stream-ssl.h"
#include "stream.h"
#include "svec.h"
#include "topology.h"
#include "uplink.h"
#include "util.h"
#include "vswitch-db.h"
#include "vswitch-idl.h"

VLOG_DEFINE_THIS_MODULE(ovs_podctl);

/* Command-line settings. */
static char *db_remote;                 /* --db. */
static int timeout_s = 30;              /* --timeout. */
static bool json_format;                /* --format=json. */
static const char *sysfs_root = "/sys";
static const char *procfs_root = "/proc";
static long int vswitchd_pid = -1;      /* --vswitchd-pid, -1: pidfile. */
static const char *reserved_cpus;       /* --reserved-cpus. */
static const char *kubelet_config;      /* --kubelet-config. */
static const char *housekeeping_cpus;   /* --housekeeping-cpus. */
static int nic_cores = -1;              /* --pmd-cores. */
static int pod_cores = -1;              /* --pod-pmd-cores. */
static const char *pod_numa;            /* --pod-numa. */
static struct svec uplink_specs = SVEC_EMPTY_INITIALIZER;
static int uplink_mtu = 1500;
static int pod_mtu = 1500;
static const char *pmd_mask;            /* --pmd-cpu-mask. */
static const char *lcore_mask;          /* --dpdk-lcore-mask. */
static bool pin_lcore;                  /* --pin-lcore. */
static const char *dpdk_init = "true";  /* --dpdk-init. */
static const char *bridge;              /* --bridge. */
static bool dry_run;
static bool reserve_hugepages;     /* init --reserve-hugepages. */
static bool no_wait;               /* init --no-wait. */
static bool restore_saved;         /* sync --restore-saved. */
static bool offline;

/* Pod options. */
static const char *pod_uid;             /* --pod-uid. */
static const char *container_id;        /* --container-id. */
static const char *peer;                /* --peer. */
static int vlan;                        /* --vlan. */
static const char *mac;                 /* --mac. */
static int queues = 1;                  /* --queues. */
static const char *owner;               /* --owner. */
static const char *socket_base;         /* --socket-base. */
static const char *pod_mount;           /* --pod-mount. */
static const char *port_type;           /* --port-type. */

/* GC options. */
static const char *valid_attachments;   /* --valid-attachments. */
static const char *cni_cache;           /* --cni-cache. */
static struct svec hugepage_dirs = SVEC_EMPTY_INITIALIZER;
static const char *dpdk_runtime_dir;    /* --dpdk-runtime-dir. */
static bool gc_attachments = true;      /* --only. */
static bool gc_hugepages = true;
static bool gc_deferred = true;

/* The long options given, to check them against the command's. */
static struct sset options_given = SSET_INITIALIZER(&options_given);

/* The node file, with the options above applied over it. */
static struct node_conf node;

OVS_NO_RETURN static void usage(void);
static void read_node_conf(void);
static void check_command_options(const char *command);
static void check_command_args(int argc, char *argv[]);
static void apply_node_init_args(const char *command);
static void parse_options(int argc, char *argv[]);
static const struct ovs_cmdl_command *get_all_commands(void);

int
main(int argc, char *argv[])
{
    set_program_name(argv[0]);
    fatal_ignore_sigpipe();
    vlog_set_levels(NULL, VLF_CONSOLE, VLL_WARN);
    vlog_set_levels_from_string_assert("reconnect:emer");
    parse_options(argc, argv);
    if (optind < argc) {
        check_command_options(argv[optind]);
        check_command_args(argc - optind, argv + optind);
    }
    read_node_conf();
    if (optind < argc) {
        apply_node_init_args(argv[optind]);
    }

    /* Every step has a timeout; this bounds the rest (see deadline.h). */
    int secs = 4 * timeout_s + 5;
    char *msg = xasprintf("%s: did not finish within %d s: OVS did not "
                          "answer (see --timeout)\n", program_name, secs);
    deadline_set_messages(NULL, msg);
    deadline_arm(secs);
    free(msg);

    struct ovs_cmdl_context ctx = {
        .argc = argc - optind,
        .argv = argv + optind,
    };
    ovs_cmdl_run_command(&ctx, get_all_commands());
    return 0;
}

static int
parse_int__(const char *option, const char *arg, int min, int max)
{
    int value;
    if (!str_to_int(arg, 10, &value) || value < min || value > max) {
        ovs_fatal(0, "--%s=%s: expected a number from %d to %d",
                  option, arg, min, max);
    }
    return value;
}

/* Returns 'arg', the value of --'option', once 'check' (one of the node
 * file's validators) accepts it. */
static const char *
checked__(const char *option, const char *arg, char *(*check)(const char *))
{
    char *error = check(arg);
    if (error) {
        ovs_fatal(0, "--%s=%s: %s", option, arg, error);
    }
    return arg;
}

/* Returns CPU list 'arg', the value of --'option', if it is not empty. */
static const char *
cpu_list__(const char *option, const char *arg)
{
    if (!arg[0]) {
        ovs_fatal(0, "--%s is empty: give a CPU list such as 0-1,4", option);
    }
    return arg;
}

static void
parse_options(int argc, char *argv[])
{
    enum {
        OPT_DB = UCHAR_MAX + 1,
        OPT_TIMEOUT,
        OPT_FORMAT,
        OPT_SYSFS_ROOT,
        OPT_PROCFS_ROOT,
        OPT_VSWITCHD_PID,
        OPT_RESERVED_CPUS,
        OPT_KUBELET_CONFIG,
        OPT_HOUSEKEEPING_CPUS,
        OPT_PMD_CORES,
        OPT_POD_PMD_CORES,
        OPT_POD_NUMA,
        OPT_UPLINK,
        OPT_UPLINK_MTU,
        OPT_POD_MTU,
        OPT_PMD_CPU_MASK,
        OPT_DPDK_LCORE_MASK,
        OPT_PIN_LCORE,
        OPT_DPDK_INIT,
        OPT_BRIDGE,
        OPT_DRY_RUN,
        OPT_RESERVE_HUGEPAGES,
        OPT_NO_WAIT,
        OPT_RESTORE_SAVED,
        OPT_OFFLINE,
        OPT_BOOTSTRAP_CA_CERT,
        OPT_POD_UID,
        OPT_CONTAINER_ID,
        OPT_PEER,
        OPT_VLAN,
        OPT_MAC,
        OPT_QUEUES,
        OPT_OWNER,
        OPT_SOCKET_BASE,
        OPT_POD_MOUNT,
        OPT_PORT_TYPE,
        OPT_VALID_ATTACHMENTS,
        OPT_CNI_CACHE,
        OPT_HUGEPAGE_DIR,
        OPT_DPDK_RUNTIME_DIR,
        OPT_ONLY,
        VLOG_OPTION_ENUMS,
        SSL_OPTION_ENUMS,
    };
    static const struct option long_options[] = {
        {"db", required_argument, NULL, OPT_DB},
        {"timeout", required_argument, NULL, OPT_TIMEOUT},
        {"format", required_argument, NULL, OPT_FORMAT},
        {"sysfs-root", required_argument, NULL, OPT_SYSFS_ROOT},
        {"procfs-root", required_argument, NULL, OPT_PROCFS_ROOT},
        {"vswitchd-pid", required_argument, NULL, OPT_VSWITCHD_PID},
        {"reserved-cpus", required_argument, NULL, OPT_RESERVED_CPUS},
        {"kubelet-config", required_argument, NULL, OPT_KUBELET_CONFIG},
        {"housekeeping-cpus", required_argument, NULL,
         OPT_HOUSEKEEPING_CPUS},
        {"pmd-cores", required_argument, NULL, OPT_PMD_CORES},
        {"pod-pmd-cores", required_argument, NULL, OPT_POD_PMD_CORES},
        {"pod-numa", required_argument, NULL, OPT_POD_NUMA},
        {"uplink", required_argument, NULL, OPT_UPLINK},
        {"uplink-mtu", required_argument, NULL, OPT_UPLINK_MTU},
        {"pod-mtu", required_argument, NULL, OPT_POD_MTU},
        {"pmd-cpu-mask", required_argument, NULL, OPT_PMD_CPU_MASK},
        {"dpdk-lcore-mask", required_argument, NULL, OPT_DPDK_LCORE_MASK},
        {"pin-lcore", no_argument, NULL, OPT_PIN_LCORE},
        {"dpdk-init", required_argument, NULL, OPT_DPDK_INIT},
        {"bridge", required_argument, NULL, OPT_BRIDGE},
        {"dry-run", no_argument, NULL, OPT_DRY_RUN},
        {"reserve-hugepages", no_argument, NULL, OPT_RESERVE_HUGEPAGES},
        {"no-wait", no_argument, NULL, OPT_NO_WAIT},
        {"restore-saved", no_argument, NULL, OPT_RESTORE_SAVED},
        {"offline", no_argument, NULL, OPT_OFFLINE},
        {"bootstrap-ca-cert", required_argument, NULL,
         OPT_BOOTSTRAP_CA_CERT},
        {"pod-uid", required_argument, NULL, OPT_POD_UID},
        {"container-id", required_argument, NULL, OPT_CONTAINER_ID},
        {"peer", required_argument, NULL, OPT_PEER},
        {"vlan", required_argument, NULL, OPT_VLAN},
        {"mac", required_argument, NULL, OPT_MAC},
        {"queues", required_argument, NULL, OPT_QUEUES},
        {"owner", required_argument, NULL, OPT_OWNER},
        {"socket-base", required_argument, NULL, OPT_SOCKET_BASE},
        {"pod-mount", required_argument, NULL, OPT_POD_MOUNT},
        {"port-type", required_argument, NULL, OPT_PORT_TYPE},
        {"valid-attachments", required_argument, NULL,
         OPT_VALID_ATTACHMENTS},
        {"cni-cache", required_argument, NULL, OPT_CNI_CACHE},
        {"hugepage-dir", required_argument, NULL, OPT_HUGEPAGE_DIR},
        {"dpdk-runtime-dir", required_argument, NULL, OPT_DPDK_RUNTIME_DIR},
        {"only", required_argument, NULL, OPT_ONLY},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        VLOG_LONG_OPTIONS,
        STREAM_SSL_LONG_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    /* Static, so that it stays reachable when an option error exits. */
    static char *short_options;
    free(short_options);
    short_options = ovs_cmdl_long_options_to_short_options(long_options);

    for (;;) {
        int idx = -1;
        int c = getopt_long(argc, argv, short_options, long_options, &idx);
        if (c == -1) {
            break;
        }
        if (idx >= 0) {
            sset_add(&options_given, long_options[idx].name);
        }

        switch (c) {
        case OPT_DB:
            free(db_remote);
            db_remote = xstrdup(checked__("db", optarg,
                                          node_conf_check_remote));
            break;

        case OPT_TIMEOUT:
            timeout_s = parse_int__("timeout", optarg, 1, 3600);
            break;

        case OPT_FORMAT:
            if (!strcmp(optarg, "json")) {
                json_format = true;
            } else if (!strcmp(optarg, "table")) {
                json_format = false;
            } else {
                ovs_fatal(0, "--format=%s: expected \"table\" or \"json\"",
                          optarg);
            }
            break;

        case OPT_SYSFS_ROOT:
            sysfs_root = checked__("sysfs-root", optarg, node_conf_check_dir);
            break;

        case OPT_PROCFS_ROOT:
            procfs_root = checked__("procfs-root", optarg,
                                    node_conf_check_dir);
            break;

        case OPT_VSWITCHD_PID:
            vswitchd_pid = parse_int__("vswitchd-pid", optarg, 0, INT_MAX);
            break;

        case OPT_RESERVED_CPUS:
            reserved_cpus = cpu_list__("reserved-cpus", optarg);
            break;

        case OPT_KUBELET_CONFIG:
            kubelet_config = optarg;
            break;

        case OPT_HOUSEKEEPING_CPUS:
            housekeeping_cpus = cpu_list__("housekeeping-cpus", optarg);
            break;

        case OPT_PMD_CORES:
            nic_cores = parse_int__("pmd-cores", optarg, 1, 256);
            break;

        case OPT_POD_PMD_CORES:
            pod_cores = parse_int__("pod-pmd-cores", optarg, 0, 256);
            break;

        case OPT_POD_NUMA:
            pod_numa = optarg;
            break;

        case OPT_UPLINK:
            svec_add(&uplink_specs, optarg);
            break;

        case OPT_UPLINK_MTU:
            uplink_mtu = parse_int__("uplink-mtu", optarg, 68, 9702);
            break;

        case OPT_POD_MTU:
            pod_mtu = parse_int__("pod-mtu", optarg, 68, 9702);
            break;

        case OPT_PMD_CPU_MASK:
            pmd_mask = optarg;
            break;

        case OPT_DPDK_LCORE_MASK:
            lcore_mask = optarg;
            break;

        case OPT_PIN_LCORE:
            pin_lcore = true;
            break;

        case OPT_DPDK_INIT:
            if (strcmp(optarg, "true") && strcmp(optarg, "try")) {
                ovs_fatal(0, "--dpdk-init=%s: expected \"true\" or \"try\"",
                          optarg);
            }
            dpdk_init = optarg;
            break;

        case OPT_BRIDGE:
            checked__("bridge", optarg, node_conf_check_bridge);
            bridge = optarg;
            break;

        case OPT_RESERVE_HUGEPAGES:
            reserve_hugepages = true;
            break;

        case OPT_NO_WAIT:
            no_wait = true;
            break;

        case OPT_RESTORE_SAVED:
            restore_saved = true;
            break;

        case OPT_DRY_RUN:
            dry_run = true;
            break;

        case OPT_OFFLINE:
            offline = true;
            break;

        case OPT_BOOTSTRAP_CA_CERT:
            stream_ssl_set_ca_cert_file(optarg, true);
            break;

        case OPT_POD_UID:
            pod_uid = optarg;
            break;

        case OPT_CONTAINER_ID:
            container_id = optarg;
            break;

        case OPT_PEER:
            peer = optarg;
            break;

        case OPT_VLAN:
            vlan = parse_int__("vlan", optarg, 1, 4094);
            break;

        case OPT_MAC:
            mac = optarg;
            break;

        case OPT_QUEUES:
            queues = parse_int__("queues", optarg, 1, 64);
            break;

        case OPT_OWNER:
            owner = optarg;
            break;

        case OPT_SOCKET_BASE:
            socket_base = checked__("socket-base", optarg,
                                    node_conf_check_socket_dir);
            break;

        case OPT_POD_MOUNT:
            pod_mount = checked__("pod-mount", optarg,
                                  node_conf_check_socket_dir);
            break;

        case OPT_PORT_TYPE:
            port_type = checked__("port-type", optarg,
                                  node_conf_check_port_type);
            break;

        case OPT_VALID_ATTACHMENTS:
            valid_attachments = optarg;
            break;

        case OPT_CNI_CACHE:
            cni_cache = checked__("cni-cache", optarg, node_conf_check_path);
            break;

        case OPT_HUGEPAGE_DIR:
            svec_add(&hugepage_dirs, checked__("hugepage-dir", optarg,
                                               node_conf_check_path));
            break;

        case OPT_DPDK_RUNTIME_DIR:
            dpdk_runtime_dir = checked__("dpdk-runtime-dir", optarg,
                                         node_conf_check_path);
            break;

        case OPT_ONLY:
            gc_attachments = !strcmp(optarg, "attachments");
            gc_hugepages = !strcmp(optarg, "hugepages");
            gc_deferred = !strcmp(optarg, "deferred");
            if (!gc_attachments && !gc_hugepages && !gc_deferred) {
                ovs_fatal(0, "--only=%s: expected \"attachments\", "
                          "\"hugepages\" or \"deferred\"", optarg);
            }
            break;

        case 'h':
            usage();

        case 'V':
            printf("%s (ovs-pod) %s, built with Open vSwitch %s\n",
                   program_name, PACKAGE_VERSION, OVS_PACKAGE_VERSION);
            exit(EXIT_SUCCESS);

        VLOG_OPTION_HANDLERS
        STREAM_SSL_OPTION_HANDLERS

        case '?':
            exit(EXIT_FAILURE);

        default:
            OVS_NOT_REACHED();
        }
    }

    if (reserved_cpus && kubelet_config) {
        ovs_fatal(0, "conflicting options: --reserved-cpus and "
                  "--kubelet-config both give kubelet's reserved CPUs");
    }
    if (pin_lcore && lcore_mask) {
        ovs_fatal(0, "conflicting options: --pin-lcore and "
                  "--dpdk-lcore-mask both choose the lcore");
    }
}

/* The options each command takes, besides those every command takes
 * (--db, --timeout, --format, logging and SSL). */
#define PLAN_OPTIONS "sysfs-root procfs-root vswitchd-pid reserved-cpus " \
    "kubelet-config housekeeping-cpus pmd-cores pod-pmd-cores pod-numa " \
    "uplink uplink-mtu pod-mtu pmd-cpu-mask dpdk-lcore-mask pin-lcore " \
    "dpdk-init bridge "
static const struct {
    const char *command;
    const char *options;        /* Space-separated. */
} command_options[] = {
    { "plan", PLAN_OPTIONS "offline" },
    { "init", PLAN_OPTIONS "dry-run reserve-hugepages no-wait" },
    { "attach", "bridge pod-uid container-id peer uplink vlan mac queues "
      "owner socket-base pod-mount port-type" },
    { "detach", "bridge" },
    { "list", "bridge" },
    { "show", "bridge" },
    { "sync", "bridge restore-saved" },
    { "save-flows", "bridge" },
    { "gc", "bridge valid-attachments cni-cache hugepage-dir "
      "dpdk-runtime-dir only dry-run" },
    { "help", "" },
};

/* Refuses the options that 'command' does not take: none is silently
 * ignored. */
static void
check_command_options(const char *command)
{
    static const char *const everywhere[] = {
        "db", "timeout", "format", "help", "version", "verbose",
        "log-file", "syslog-target", "syslog-method", "private-key",
        "certificate", "ca-cert", "bootstrap-ca-cert", "ssl-protocols",
        "ssl-ciphers",
    };
    const char *takes = NULL;
    for (size_t i = 0; i < ARRAY_SIZE(command_options); i++) {
        if (!strcmp(command_options[i].command, command)) {
            takes = command_options[i].options;
        }
    }
    if (!takes) {
        return;                 /* ovs_cmdl_run_command() says why. */
    }

    const char *name;
    SSET_FOR_EACH (name, &options_given) {
        bool ok = false;
        for (size_t i = 0; i < ARRAY_SIZE(everywhere); i++) {
            ok |= !strcmp(everywhere[i], name);
        }
        size_t len = strlen(name);
        for (const char *p = strstr(takes, name); !ok && p;
             p = strstr(p + 1, name)) {
            ok = ((p == takes || p[-1] == ' ')
                  && (p[len] == ' ' || p[len] == '\0'));
        }
        if (!ok) {
            ovs_fatal(0, "%s does not take --%s: it would be ignored "
                      "(see \"ovs-podctl help\")", command, name);
        }
    }
}

/* Applies the node file's "init" settings to plan and init, as if given
 * as options, except those the command line gives: they override. */
static void
apply_node_init_args(const char *command)
{
    /* Options that give the same thing: one on the command line overrides
     * the other in the file too. */
    static const char *const same[][2] = {
        { "reserved-cpus", "kubelet-config" },
        { "pin-lcore", "dpdk-lcore-mask" },
    };
    if (strcmp(command, "plan") && strcmp(command, "init")) {
        return;
    }

    struct sset given;
    sset_clone(&given, &options_given);
    for (size_t i = 0; i < ARRAY_SIZE(same); i++) {
        for (size_t j = 0; j < 2; j++) {
            if (sset_contains(&options_given, same[i][j])) {
                sset_add(&given, same[i][!j]);
            }
        }
    }

    /* Options keep pointers into their arguments, as into argv: these
     * live as long as the program. */
    static struct svec args = SVEC_EMPTY_INITIALIZER;
    svec_add(&args, program_name);
    const char *arg;
    size_t i;
    SVEC_FOR_EACH (i, arg, &node.init_args) {
        char *name = xstrdup(arg + 2);
        name[strcspn(name, "=")] = '\0';
        if (!sset_contains(&given, name)) {
            svec_add(&args, arg);
        }
        free(name);
    }
    if (args.n > 1) {
        /* Errors name the file. */
        char *saved = program_name;
        char *context = xasprintf("%s: %s: init", program_name,
                                  node_conf_file(&node));
        program_name = context;
        svec_terminate(&args);
        int saved_optind = optind;
        optind = 0;
        parse_options(args.n, args.names);
        optind = saved_optind;
        program_name = saved;
        free(context);
    }
    sset_destroy(&given);
}

/* Refuses arguments beyond what command 'argv[0]' takes, naming the
 * first one.  (ovs_cmdl_run_command() would only count them.) */
static void
check_command_args(int argc, char *argv[])
{
    for (const struct ovs_cmdl_command *c = get_all_commands(); c->name;
         c++) {
        if (!strcmp(c->name, argv[0]) && argc - 1 > c->max_args) {
            ovs_fatal(0, "%s takes at most %d argument%s: \"%s\" is one "
                      "too many (see \"ovs-podctl help\")", argv[0],
                      c->max_args, c->max_args == 1 ? "" : "s",
                      argv[c->max_args + 1]);
        }
    }
}

static void
override__(char **field, const char *option)
{
    if (option) {
        free(*field);
        *field = xstrdup(option);
    }
}

/* Reads the node file, then lets the options override it: the node admin
 * runs ovs-podctl. */
static void
read_node_conf(void)
{
    char *error = node_conf_read(node_conf_path(), &node);
    if (error) {
        ovs_fatal(0, "%s", error);
    }
    override__(&node.bridge, bridge);
    override__(&node.ovsdb, db_remote);
    override__(&node.socket_dir, socket_base);
    override__(&node.pod_mount, pod_mount);
    override__(&node.port_type, port_type);
    override__(&node.cni_cache, cni_cache);
    override__(&node.dpdk_runtime_dir, dpdk_runtime_dir);
    if (hugepage_dirs.n) {
        svec_destroy(&node.hugepage_dirs);
        svec_clone(&node.hugepage_dirs, &hugepage_dirs);
    }
    if (!node.ovsdb) {
        node.ovsdb = vsdb_default_remote();
    }
    bridge = node.bridge;
    free(db_remote);
    db_remote = xstrdup(node.ovsdb);
}

static void
usage(void)
{
    printf("\
%s: configure OVS-DPDK on a Kubernetes node\n\
usage: %s [OPTIONS] COMMAND\n\
\n\
Node commands:\n\
  plan      compute and explain the node's OVS-DPDK settings\n\
  init      apply them: other_config, the pod bridge and the uplinks\n\
\n\
Pod commands:\n\
  attach NAMESPACE/NAME IFNAME   attach a pod interface (vhost-user)\n\
  detach NAMESPACE/NAME [IFNAME] detach it, or all the pod's interfaces\n\
  list                           list the attachments\n\
  show NAMESPACE/NAME            show one pod's attachments\n\
  sync                           rebuild the pods' flows from the database\n\
                                 and add the operator's flows (flows.d)\n\
  save-flows                     save the flows that are not ovs-pod's,\n\
                                 for \"sync --restore-saved\" after a\n\
                                 restart of ovs-vswitchd\n\
  gc                             remove dead pods' attachments and the\n\
                                 hugepages dead DPDK processes left\n\
  help                           show this help\n\
\n\
Database:\n\
  --db=REMOTE            OVSDB remote (default: unix:%s/db.sock)\n\
  --timeout=SECS         give up after SECS seconds (default: 30)\n\
  --offline              plan without reading the database (plan only)\n\
\n\
Topology:\n\
  --sysfs-root=DIR       read sysfs from DIR (default: /sys)\n\
  --procfs-root=DIR      read procfs from DIR (default: /proc)\n\
  --vswitchd-pid=PID     ovs-vswitchd's pid, for its CPU affinity\n\
                         (default: from its pidfile; 0: ignore)\n\
  --reserved-cpus=LIST   kubelet's reservedSystemCPUs, e.g. 0-3,24-27\n\
  --kubelet-config=FILE  read reservedSystemCPUs from kubelet's config\n\
  --housekeeping-cpus=LIST  CPUs kept for the OS and kubelet\n\
                         (default: the core of the lowest CPU)\n\
\n\
Plan:\n\
  --uplink=[NAME=]DEVARGS  a DPDK uplink: PCI address or vdev (repeatable)\n\
  --uplink-mtu=MTU       uplink MTU (default: 1500)\n\
  --pod-mtu=MTU          pod port MTU (default: 1500)\n\
  --pod-numa=LIST|none   NUMA nodes that may host pods (default: all)\n\
  --pmd-cores=N          PMD cores per NUMA node with uplinks (default: 2)\n\
  --pod-pmd-cores=N      PMD cores per NUMA node with only pods (default: 1)\n\
  --pmd-cpu-mask=MASK    use this PMD mask instead of planning one\n\
  --dpdk-lcore-mask=MASK set dpdk-lcore-mask (default: leave unset)\n\
  --pin-lcore            pin the EAL lcore to a housekeeping CPU\n\
  --dpdk-init=true|try   value of other_config:dpdk-init (default: true)\n\
\n\
The node file %s (or $OVS_POD_CONF) sets the\n\
defaults of --bridge, --db, --socket-base, --pod-mount, --port-type,\n\
--cni-cache, --hugepage-dir and --dpdk-runtime-dir; those shown here\n\
hold without it.  Each command takes only its own options.\n\
\n\
Init:\n\
  --bridge=NAME          pod bridge (default: %s)\n\
  --dry-run              show what init would change, change nothing\n\
  --reserve-hugepages    first reserve the hugepages the plan needs\n\
  --no-wait              do not wait for ovs-vswitchd (at boot, before\n\
                         it starts)\n\
\n\
Sync:\n\
  --restore-saved        also restore the flows that save-flows saved\n\
\n\
Attach:\n\
  --pod-uid=UID          the pod's UID (required)\n\
  --container-id=ID      the pod's sandbox container ID\n\
  (none of these)        isolated: no forwarding until a peer takes it\n\
  --peer=PORT            cross-connect with PORT (uplink, or isolated pod)\n\
  --uplink=PORT --vlan=V     VLAN V of uplink PORT, untagged in the pod\n\
  --uplink=PORT --mac=MAC [--vlan=V]  MAC on uplink PORT, shared with pods\n\
  --mac=MAC              the pod interface's MAC (default: derived)\n\
  --queues=N             queue pairs (default: 1)\n\
  --owner=UID:GID        owner of the pod's socket directory (default: 0:0)\n\
  --socket-base=DIR      host directory for pod sockets (default: %s)\n\
  --pod-mount=DIR        where the pod mounts its directory (default: %s)\n\
  --port-type=TYPE       interface type (default: dpdkvhostuserclient;\n\
                         \"dummy\" for tests on OVS's dummy datapath)\n\
\n\
GC:\n\
  --valid-attachments=CID/IFNAME,...  the live CNI attachments\n\
  --cni-cache=DIR        else read them from the runtime's CNI result\n\
                         cache (default: %s)\n\
  --hugepage-dir=DIR     hugetlbfs directory to sweep (repeatable;\n\
                         default: /dev/hugepages)\n\
  --dpdk-runtime-dir=DIR DPDK runtime directories (default: %s)\n\
  --only=attachments|hugepages|deferred  collect only those (deferred:\n\
                         finish the detaches DEL deferred while OVS was\n\
                         away)\n\
  --dry-run              list what would be removed, remove nothing\n\
\n\
Output:\n\
  --format=table|json    output of plan, attach, list, show (default: table)\n\
\n\
Other options:\n\
  -h, --help             show this help\n\
  -V, --version          show the version\n",
           program_name, program_name, ovs_rundir(), NODE_CONF_DEFAULT_PATH,
           NODE_SETUP_DEFAULT_BRIDGE, POD_DEFAULT_BASE_DIR,
           POD_DEFAULT_MOUNT, POD_GC_CNI_CACHE, POD_GC_DPDK_RUNTIME_DIR);
    stream_usage("--db", true, false, true);
    vlog_usage();
    exit(EXIT_SUCCESS);
}

/* Everything that planning needs, gathered from options and the node. */
struct plan_ctx {
    struct topology topo;
    struct uplink *uplinks;
    size_t n_uplinks;
    struct plan_input in;
    struct plan plan;
    struct vsdb *db;
    struct smap other_config;
};

static void
read_cpus_option__(const char *option, const char *arg,
                   const struct topology *topo, struct cpuset *cpus)
{
    char *error = cpuset_parse_list(arg, cpus);
    if (error) {
        ovs_fatal(0, "--%s: %s", option, error);
    }
    if (!cpuset_is_subset(cpus, &topo->online)) {
        struct cpuset off = *cpus;
        cpuset_subtract(&off, &topo->online);
        char *offline_list = cpuset_to_list(&off);
        char *online_list = cpuset_to_list(&topo->online);
        ovs_fatal(0, "--%s=%s: CPUs %s are not online (online CPUs: %s)",
                  option, arg, offline_list, online_list);
    }
}

/* Gathers the inputs and computes the plan into 'ctx'.  Exits with an
 * error message on bad input, before anything is changed. */
static void
plan_ctx_build(struct plan_ctx *ctx, bool use_db)
{
    memset(ctx, 0, sizeof *ctx);
    smap_init(&ctx->other_config);

    pid_t pid = (vswitchd_pid >= 0 ? vswitchd_pid
                 : vsdb_vswitchd_pid(db_remote));
    char *error = topo_discover(sysfs_root, procfs_root, pid, &ctx->topo);
    if (error && vswitchd_pid < 0 && pid) {
        /* The pidfile's process is not in this procfs: plan without its
         * affinity. */
        free(error);
        topo_destroy(&ctx->topo);
        error = topo_discover(sysfs_root, procfs_root, 0, &ctx->topo);
    }
    if (error) {
        ovs_fatal(0, "%s", error);
    }

    struct plan_input *in = &ctx->in;
    plan_input_init(in, &ctx->topo);

    ctx->n_uplinks = uplink_specs.n;
    ctx->uplinks = xcalloc(ctx->n_uplinks, sizeof *ctx->uplinks);
    for (size_t i = 0; i < uplink_specs.n; i++) {
        error = uplink_parse(uplink_specs.names[i], &ctx->uplinks[i]);
        if (!error) {
            error = uplink_locate(&ctx->uplinks[i], &ctx->topo);
        }
        if (error) {
            ovs_fatal(0, "%s", error);
        }
        for (size_t j = 0; j < i; j++) {
            if (!strcmp(ctx->uplinks[i].name, ctx->uplinks[j].name)) {
                ovs_fatal(0, "two uplinks are named %s",
                          ctx->uplinks[i].name);
            }
            if (!strcmp(ctx->uplinks[i].devargs, ctx->uplinks[j].devargs)) {
                ovs_fatal(0, "uplinks %s and %s are the same device",
                          ctx->uplinks[j].name, ctx->uplinks[i].name);
            }
        }
        if (!strcmp(ctx->uplinks[i].name, bridge)) {
            ovs_fatal(0, "uplink %s has the name of the bridge",
                      ctx->uplinks[i].name);
        }
    }
    in->uplinks = ctx->uplinks;
    in->n_uplinks = ctx->n_uplinks;
    in->uplink_mtu = uplink_mtu;
    in->pod_mtu = pod_mtu;

    if (pod_numa) {
        in->has_pod_numas = true;
        if (strcmp(pod_numa, "none")) {
            struct cpuset ids;
            error = cpuset_parse_list(pod_numa, &ids);
            if (error) {
                ovs_fatal(0, "--pod-numa: %s", error);
            }
            int id;
            CPUSET_FOR_EACH (id, &ids) {
                if (id >= PLAN_MAX_NUMA) {
                    ovs_fatal(0, "--pod-numa: NUMA node %d: DPDK supports "
                              "node ids below %d only", id, PLAN_MAX_NUMA);
                }
                in->pod_numas |= UINT32_C(1) << id;
            }
        }
    }
    if (nic_cores >= 0) {
        in->nic_cores = nic_cores;
        in->cores_explicit = true;
    }
    if (pod_cores >= 0) {
        in->pod_cores = pod_cores;
        in->cores_explicit = true;
    }

    if (reserved_cpus) {
        read_cpus_option__("reserved-cpus", reserved_cpus, &ctx->topo,
                           &in->reserved);
        in->has_reserved = true;
    } else if (kubelet_config) {
        bool found;
        error = kubelet_read_reserved_cpus(kubelet_config, &in->reserved,
                                           &found);
        if (error) {
            ovs_fatal(0, "%s", error);
        }
        in->has_reserved = found;
        if (found && !cpuset_is_subset(&in->reserved, &ctx->topo.online)) {
            ovs_fatal(0, "%s: reservedSystemCPUs has CPUs that are not "
                      "online", kubelet_config);
        }
    }
    if (housekeeping_cpus) {
        read_cpus_option__("housekeeping-cpus", housekeeping_cpus,
                           &ctx->topo, &in->housekeeping);
        in->has_housekeeping = !cpuset_is_empty(&in->housekeeping);
    }
    in->pmd_mask = pmd_mask;
    in->lcore_mask = lcore_mask;
    in->pin_lcore = pin_lcore;
    in->dpdk_init = dpdk_init;

    if (use_db) {
        error = vsdb_open(db_remote, timeout_s, VSDB_CONFIG, &ctx->db);
        if (error) {
            ovs_fatal(0, "%s", error);
        }
        const struct ovsrec_open_vswitch *ovs = vsdb_root(ctx->db);
        smap_clone(&ctx->other_config, &ovs->other_config);
        in->other_config = &ctx->other_config;
        in->dpdk_initialized = ovs->dpdk_initialized;
    }

    plan_compute(in, &ctx->plan);
}

static void
plan_ctx_destroy(struct plan_ctx *ctx)
{
    plan_destroy(&ctx->plan);
    for (size_t i = 0; i < ctx->n_uplinks; i++) {
        uplink_destroy(&ctx->uplinks[i]);
    }
    free(ctx->uplinks);
    topo_destroy(&ctx->topo);
    smap_destroy(&ctx->other_config);
    vsdb_close(ctx->db);
}

static void
print_warnings__(const struct plan *plan)
{
    for (size_t i = 0; i < plan->warnings.n; i++) {
        fprintf(stderr, "%s: warning: %s\n", program_name,
                plan->warnings.names[i]);
    }
}

static void
cmd_plan(struct ovs_cmdl_context *ctx OVS_UNUSED)
{
    struct plan_ctx pc;
    plan_ctx_build(&pc, !offline);

    if (json_format) {
        struct json *json = plan_to_json(&pc.plan);
        char *s = json_to_string(json, JSSF_PRETTY | JSSF_SORT);
        puts(s);
        free(s);
        json_destroy(json);
    } else {
        struct ds ds = DS_EMPTY_INITIALIZER;
        plan_print_table(&pc.plan, &ds);
        fputs(ds_cstr(&ds), stdout);
        ds_destroy(&ds);
    }

    if (pc.plan.error) {
        ovs_fatal(0, "%s", pc.plan.error);
    }
    plan_ctx_destroy(&pc);
}

static void
cmd_init(struct ovs_cmdl_context *ctx OVS_UNUSED)
{
    if (offline) {
        ovs_fatal(0, "conflicting options: init cannot run --offline");
    }

    if (dry_run && reserve_hugepages) {
        ovs_fatal(0, "conflicting options: --dry-run cannot "
                  "--reserve-hugepages");
    }

    struct plan_ctx pc;
    plan_ctx_build(&pc, true);
    struct svec reserved = SVEC_EMPTY_INITIALIZER;
    if (reserve_hugepages) {
        char *error = hugepages_reserve(&pc.plan, &reserved);
        if (error) {
            ovs_fatal(0, "%s", error);
        }
        if (reserved.n) {
            /* Plan again, with the pages there. */
            plan_ctx_destroy(&pc);
            plan_ctx_build(&pc, true);
        }
    }
    if (pc.plan.error) {
        ovs_fatal(0, "%s", pc.plan.error);
    }
    print_warnings__(&pc.plan);
    for (size_t i = 0; i < reserved.n; i++) {
        printf("%s\n", reserved.names[i]);
    }

    struct node_setup setup = {
        .plan = &pc.plan,
        .bridge = bridge,
        .uplinks = pc.uplinks,
        .n_uplinks = pc.n_uplinks,
        .uplink_mtu = uplink_mtu,
        .no_wait = no_wait,
    };
    struct svec changes = SVEC_EMPTY_INITIALIZER;
    struct svec problems = SVEC_EMPTY_INITIALIZER;
    struct svec warnings = SVEC_EMPTY_INITIALIZER;
    char *error;
    if (dry_run) {
        error = node_setup_changes(&setup, vsdb_root(pc.db), NULL, &changes);
    } else {
        error = node_setup_apply(&setup, pc.db, &changes, &problems,
                                 &warnings);
    }
    if (error) {
        ovs_fatal(0, "%s", error);
    }

    for (size_t i = 0; i < changes.n; i++) {
        printf("%s%s\n", dry_run ? "would " : "", changes.names[i]);
    }
    if (!changes.n && !reserved.n) {
        printf("no change: the node is already configured\n");
    } else if (plan_needs_restart(&pc.plan)) {
        struct ds keys = DS_EMPTY_INITIALIZER;
        for (int i = 0; i < PLAN_N_KEYS; i++) {
            if (pc.plan.settings[i].restart) {
                ds_put_format(&keys, "%s%s", keys.length ? ", " : "",
                              pc.plan.settings[i].key);
            }
        }
        printf("restart ovs-vswitchd to apply %s (DPDK reads them only "
               "when it initializes)\n", ds_cstr(&keys));
        ds_destroy(&keys);
    }

    for (size_t i = 0; i < warnings.n; i++) {
        fprintf(stderr, "%s: warning: %s\n", program_name,
                warnings.names[i]);
    }
    for (size_t i = 0; i < problems.n; i++) {
        fprintf(stderr, "%s: %s\n", program_name, problems.names[i]);
    }
    int status = problems.n ? EXIT_FAILURE : EXIT_SUCCESS;
    svec_destroy(&changes);
    svec_destroy(&reserved);
    svec_destroy(&problems);
    svec_destroy(&warnings);
    plan_ctx_destroy(&pc);
    exit(status);
}

static struct pod_ops
pod_ops_from_options(void)
{
    struct pod_ops ops = {
        .db_remote = db_remote,
        .timeout_s = timeout_s,
        .bridge = bridge,
        .port_type = node.port_type,
        .who = POD_REQ_ADMIN,
        .policy = &node,
    };
    return ops;
}

static void
cmd_attach(struct ovs_cmdl_context *ctx)
{
    char *ns, *name;
    char *error = pod_parse_ref(ctx->argv[1], &ns, &name);
    if (error) {
        ovs_fatal(0, "%s", error);
    }
    if (!pod_uid) {
        ovs_fatal(0, "attach needs --pod-uid");
    }
    if (uplink_specs.n > 1) {
        ovs_fatal(0, "attach takes one --uplink");
    }

    struct pod_request req = {
        .who = POD_REQ_ADMIN,
        .namespace = ns,
        .name = name,
        .uid = pod_uid,
        .ifname = ctx->argv[2],
        .container_id = container_id,
        .peer = peer,
        .uplink = uplink_specs.n ? uplink_specs.names[0] : NULL,
        .vlan = vlan,
        .mac = mac,
        .queues = queues,
        .owner = owner,
        .pod_mount = node.pod_mount,
    };
    struct pod_attachment pa;
    enum pod_intent_error kind;
    error = pod_intent_build(&req, &node, &pa, &kind);
    if (error) {
        ovs_fatal(0, "%s", error);
    }

    struct pod_ops ops = pod_ops_from_options();
    bool changed;
    struct json *kit;
    error = pod_ops_attach(&ops, &pa, &changed, &kit);
    if (error) {
        ovs_fatal(0, "%s", error);
    }
    char *s = json_to_string(kit, JSSF_PRETTY | JSSF_SORT);
    puts(s);
    free(s);
    json_destroy(kit);
    pod_attachment_destroy(&pa);
    free(ns);
    free(name);
}

static void
cmd_detach(struct ovs_cmdl_context *ctx)
{
    char *ns, *name;
    char *error = pod_parse_ref(ctx->argv[1], &ns, &name);
    if (!error && ctx->argc > 2) {
        error = pod_check_name("interface name", ctx->argv[2],
                               POD_IFNAME_MAX);
    }
    if (error) {
        ovs_fatal(0, "%s", error);
    }

    struct pod_ops ops = pod_ops_from_options();
    struct svec detached = SVEC_EMPTY_INITIALIZER;
    error = pod_ops_detach(&ops, ns, name, ctx->argc > 2 ? ctx->argv[2] : NULL,
                           &detached);
    if (error) {
        ovs_fatal(0, "%s", error);
    }
    for (size_t i = 0; i < detached.n; i++) {
        printf("detached %s\n", detached.names[i]);
    }
    if (!detached.n) {
        printf("nothing attached for %s/%s%s%s\n", ns, name,
               ctx->argc > 2 ? " " : "", ctx->argc > 2 ? ctx->argv[2] : "");
    }
    svec_destroy(&detached);
    free(ns);
    free(name);
}

static const char *
json_field(const struct json *row, const char *key, char buf[32])
{
    const struct json *v = shash_find_data(json_object(row), key);
    if (!v || v->type == JSON_NULL) {
        return "-";
    } else if (v->type == JSON_INTEGER) {
        snprintf(buf, 32, "%lld", v->integer);
        return buf;
    } else if (v->type == JSON_STRING) {
        return json_string(v);
    }
    return "?";
}

static void
print_attachments(const struct json *rows)
{
    if (json_format) {
        char *s = json_to_string(rows, JSSF_PRETTY | JSSF_SORT);
        puts(s);
        free(s);
        return;
    }

    printf("%-24s %-6s %-22s %-6s %-12s %-6s %-9s %-9s %-6s %-4s %-4s "
           "%-13s %-24s %-5s %s\n", "POD", "IFNAME", "PORT", "OFPORT",
           "VHOST", "QUEUES", "RX", "TX", "DROPS", "PMD", "NUMA", "MODE",
           "TO", "FLOWS", "SOCKET");
    for (size_t i = 0; i < json_array(rows)->n; i++) {
        const struct json *row = json_array(rows)->elems[i];
        char b[14][32];
        char to[64], flows[32];
        const char *mode = json_field(row, "mode", b[0]);
        if (!strcmp(mode, "cross-connect")) {
            snprintf(to, sizeof to, "%s", json_field(row, "peer", b[1]));
        } else if (!strcmp(mode, "isolated")) {
            snprintf(to, sizeof to, "-");
        } else if (!strcmp(mode, "vlan")) {
            snprintf(to, sizeof to, "%s vlan %s",
                     json_field(row, "uplink", b[1]),
                     json_field(row, "vlan", b[2]));
        } else {
            snprintf(to, sizeof to, "%s %s", json_field(row, "uplink", b[1]),
                     json_field(row, "mac", b[2]));
        }
        snprintf(flows, sizeof flows, "%s/%s", json_field(row, "flows", b[3]),
                 json_field(row, "flows_intended", b[4]));
        printf("%-24s %-6s %-22s %-6s %-12s %-6s %-9s %-9s %-6s %-4s %-4s "
               "%-13s %-24s %-5s %s\n",
               json_field(row, "pod", b[5]), json_field(row, "ifname", b[6]),
               json_field(row, "port", b[7]), json_field(row, "ofport", b[8]),
               json_field(row, "vhost", b[9]),
               json_field(row, "queues", b[10]),
               json_field(row, "rx_packets", b[11]),
               json_field(row, "tx_packets", b[12]),
               json_field(row, "drops", b[13]),
               json_field(row, "pmd_core", b[0]),
               json_field(row, "numa", b[1]),
               mode, to, flows, json_field(row, "socket", b[2]));
    }
}

static void
cmd_list(struct ovs_cmdl_context *ctx OVS_UNUSED)
{
    struct pod_ops ops = pod_ops_from_options();
    struct json *rows;
    char *error = pod_ops_list(&ops, NULL, NULL, &rows);
    if (error) {
        ovs_fatal(0, "%s", error);
    }
    print_attachments(rows);
    json_destroy(rows);
}

static void
cmd_show(struct ovs_cmdl_context *ctx)
{
    char *ns, *name;
    char *error = pod_parse_ref(ctx->argv[1], &ns, &name);
    if (error) {
        ovs_fatal(0, "%s", error);
    }
    struct pod_ops ops = pod_ops_from_options();
    struct json *rows;
    error = pod_ops_list(&ops, ns, name, &rows);
    if (error) {
        ovs_fatal(0, "%s", error);
    }
    if (!json_array(rows)->n) {
        ovs_fatal(0, "pod %s/%s has no attachment", ns, name);
    }
    print_attachments(rows);
    json_destroy(rows);
    free(ns);
    free(name);
}

static void
cmd_sync(struct ovs_cmdl_context *ctx OVS_UNUSED)
{
    struct pod_ops ops = pod_ops_from_options();
    struct svec warnings = SVEC_EMPTY_INITIALIZER;
    size_t added, removed;
    char *error = pod_ops_sync(&ops, restore_saved, &added, &removed,
                               &warnings);
    for (size_t i = 0; i < warnings.n; i++) {
        fprintf(stderr, "%s: warning: %s\n", program_name,
                warnings.names[i]);
    }
    size_t warnings_n = warnings.n;
    svec_destroy(&warnings);
    if (error) {
        ovs_fatal(0, "%s", error);
    }
    if (added || removed) {
        printf("%"PRIuSIZE" flows added or replaced, %"PRIuSIZE" removed\n",
               added, removed);
    } else if (warnings_n) {
        printf("no change (see the warnings)\n");
    } else {
        printf("no change: the flows match the attachments\n");
    }
}

static void
cmd_save_flows(struct ovs_cmdl_context *ctx OVS_UNUSED)
{
    struct pod_ops ops = pod_ops_from_options();
    size_t n;
    char *path;
    char *error = pod_ops_save_flows(&ops, &n, &path);
    if (error) {
        ovs_fatal(0, "%s", error);
    }
    printf("saved %"PRIuSIZE" flows that are not ovs-pod's in %s\n", n,
           path);
    free(path);
}

static void
cmd_gc(struct ovs_cmdl_context *ctx OVS_UNUSED)
{
    const char *verb = dry_run ? "would remove" : "removed";

    /* Attachments: only against an explicit list of the live ones, read
     * after the attachments are listed. */
    struct sset valid = SSET_INITIALIZER(&valid);
    char *error = NULL;
    if (valid_attachments) {
        /* Every comma-separated entry counts, empty ones too. */
        struct svec entries = SVEC_EMPTY_INITIALIZER;
        for (const char *p = valid_attachments; ; ) {
            const char *comma = strchr(p, ',');
            svec_add_nocopy(&entries, comma ? xmemdup0(p, comma - p)
                                            : xstrdup(p));
            if (!comma) {
                break;
            }
            p = comma + 1;
        }
        for (size_t i = 0; i < entries.n; i++) {
            const char *e = entries.names[i];
            const char *slash = strchr(e, '/');
            char *cid = slash ? xmemdup0(e, slash - e) : xstrdup(e);
            char *msg = (slash ? pod_gc_add_valid(&valid, cid, slash + 1)
                         : xstrdup("not CONTAINERID/IFNAME"));
            if (msg) {
                ovs_fatal(0, "--valid-attachments: \"%s\": %s", e, msg);
            }
            free(cid);
        }
        svec_destroy(&entries);
    }

    /* Detaches that DEL deferred while OVS was away. */
    if (gc_deferred && !dry_run) {
        struct pod_ops ops = pod_ops_from_options();
        struct svec finished = SVEC_EMPTY_INITIALIZER;
        error = pod_deferred_finish(&ops, node.state_dir, &finished);
        for (size_t i = 0; i < finished.n; i++) {
            printf("finished deferred detach of %s\n", finished.names[i]);
        }
        svec_destroy(&finished);
        if (error) {
            fprintf(stderr, "%s: %s: deferred detaches stay recorded\n",
                    program_name, error);
            free(error);
            error = NULL;
        }
    }
    if (!gc_attachments && !gc_hugepages) {
        sset_destroy(&valid);
        return;
    }

    size_t n_attachments = 0;
    if (gc_attachments) {
        struct pod_ops ops = pod_ops_from_options();
        struct svec removed = SVEC_EMPTY_INITIALIZER;
        struct pod_gc_request req = {
            .valid = valid_attachments ? &valid : NULL,
            .cni_cache = node.cni_cache,
            .grace_s = node.gc_grace_s,
        };
        error = pod_gc_attachments(&ops, &req, dry_run, &removed, NULL);
        for (size_t i = 0; i < removed.n; i++) {
            printf("%s attachment %s\n", verb, removed.names[i]);
        }
        n_attachments = removed.n;
        svec_destroy(&removed);
        if (error) {
            fprintf(stderr, "%s: %s: attachments not collected (give "
                    "--valid-attachments or --cni-cache)\n", program_name,
                    error);
            free(error);
        }
    }
    sset_destroy(&valid);

    /* Hugepages: the node file's hugetlbfs directories (never pods'
     * mounts), unless told which. */
    struct svec dirs = SVEC_EMPTY_INITIALIZER;
    const char *runtime_dir = NULL;
    if (gc_hugepages) {
        svec_append(&dirs, &node.hugepage_dirs);
        runtime_dir = node.dpdk_runtime_dir;
    }
    struct svec removed = SVEC_EMPTY_INITIALIZER;
    struct pod_gc_hugepages stats;
    pod_gc_hugepages((const char *const *) dirs.names, dirs.n,
                     runtime_dir, dry_run, &removed, &stats);
    for (size_t i = 0; i < removed.n; i++) {
        printf("%s %s\n", verb, removed.names[i]);
    }
    printf("%s %"PRIuSIZE" attachments, %"PRIu64" hugepage files (%"PRIu64
           " hugepages %s), %"PRIu64" DPDK runtime directories\n",
           verb, n_attachments, stats.files, stats.pages,
           dry_run ? "would be returned" : "returned", stats.runtime_dirs);
    svec_destroy(&removed);
    svec_destroy(&dirs);
}

static void
cmd_help(struct ovs_cmdl_context *ctx OVS_UNUSED)
{
    usage();
}

static const struct ovs_cmdl_command *
get_all_commands(void)
{
    static const struct ovs_cmdl_command commands[] = {
        { "plan", "", 0, 0, cmd_plan, OVS_RO },
        { "init", "", 0, 0, cmd_init, OVS_RW },
        { "attach", "NAMESPACE/NAME IFNAME", 2, 2, cmd_attach, OVS_RW },
        { "detach", "NAMESPACE/NAME [IFNAME]", 1, 2, cmd_detach, OVS_RW },
        { "list", "", 0, 0, cmd_list, OVS_RO },
        { "show", "NAMESPACE/NAME", 1, 1, cmd_show, OVS_RO },
        { "sync", "", 0, 0, cmd_sync, OVS_RW },
        { "save-flows", "", 0, 0, cmd_save_flows, OVS_RO },
        { "gc", "", 0, 0, cmd_gc, OVS_RW },
        { "help", "", 0, 0, cmd_help, OVS_RO },
        { NULL, NULL, 0, 0, NULL, OVS_RO },
    };
    return commands;
}
