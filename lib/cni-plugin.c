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

/* The ovs-pod CNI plugin: see cni-plugin.h. */

#include <config.h>
#include "cni-plugin.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cni-exec.h"
#include "cni.h"
#include "deadline.h"
#include "node-conf.h"
#include "node-setup.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/shash.h"
#include "packets.h"
#include "pod-deferred.h"
#include "pod-dir.h"
#include "pod-gc.h"
#include "pod-intent.h"
#include "pod-ops.h"
#include "pod.h"
#include "sset.h"
#include "svec.h"
#include "util.h"
#include "vswitch-db.h"
#include "vswitch-idl.h"
#include "openvswitch/vlog.h"

VLOG_DEFINE_THIS_MODULE(cni_plugin);

struct plugin {
    struct cni_env env;
    struct cni_config cfg;
    struct node_conf node;      /* The node file: what the config may use. */
    struct pod_ops ops;
    bool db_unreachable;
    bool refused;
    bool not_yet;
    char *db_remote;
};

/* Checks that the network configuration's 'field', if it has 'value',
 * asks for what the node file says, 'node_value': only the node file
 * chooses the bridge, the database, the socket directory and the port
 * type. */
static bool
check_node_field(const char *field, const char *value,
                 const char *node_value, const struct node_conf *node,
                 struct cni_error *error)
{
    if (value && (!node_value || strcmp(value, node_value))) {
        cni_error_set(error, CNI_ERR_INVALID_CONFIG, NULL,
                      "field \"%s\": \"%s\" is not what the node file %s "
                      "sets (%s); only the node file chooses it: remove the "
                      "field", field, value, node_conf_file(node),
                      node_value ? node_value : "the default");
        return false;
    }
    return true;
}

/* Reads the node file and sets up the pod operations within it. */
static bool
plugin_ops_init(struct plugin *p, struct cni_error *error)
{
    char *msg = node_conf_read(node_conf_path(), &p->node);
    if (msg) {
        cni_error_set(error, CNI_ERR_IO, NULL, "%s", msg);
        free(msg);
        return false;
    }
    const struct cni_config *c = &p->cfg;
    const struct node_conf *n = &p->node;
    if (!check_node_field("bridge", c->bridge, n->bridge, n, error)
        || !check_node_field("ovsdb", c->ovsdb, n->ovsdb, n, error)
        || !check_node_field("socketDir", c->socket_dir, n->socket_dir, n,
                             error)
        || !check_node_field("portType", c->port_type, n->port_type, n,
                             error)) {
        return false;
    }
    if (c->timeout > n->timeout_s) {
        cni_error_set(error, CNI_ERR_INVALID_CONFIG, NULL,
                      "field \"timeout\": %d s is more than the node "
                      "file's %d s", c->timeout, n->timeout_s);
        return false;
    }

    p->db_remote = n->ovsdb ? xstrdup(n->ovsdb) : vsdb_default_remote();
    p->ops.db_remote = p->db_remote;
    p->ops.timeout_s = c->timeout ? c->timeout : n->timeout_s;
    p->ops.bridge = n->bridge;
    p->ops.port_type = n->port_type;
    p->ops.db_unreachable = &p->db_unreachable;
    p->ops.who = POD_REQ_NETCONF;
    p->ops.policy = &p->node;
    p->ops.refused = &p->refused;
    p->ops.not_yet = &p->not_yet;
    p->cfg.timeout = p->ops.timeout_s;
    return true;
}

/* Logs to the node file's log file, so that a failed runtime call leaves
 * a trace (stdout belongs to the protocol). */
static void
plugin_log_open(const struct plugin *p)
{
    if (!vlog_set_log_file(p->node.log_file)) {
        vlog_set_levels(NULL, VLF_FILE, VLL_INFO);
    }
}

/* Arms the process's last-resort deadline (see deadline.h), beyond every
 * step's own timeout, with the answer the runtime then gets: 11, "try
 * again later". */
static void
plugin_deadline_arm(struct plugin *p)
{
    int secs = 4 * p->ops.timeout_s + 5;
    struct cni_error e = { 0 };
    cni_error_set(&e, CNI_ERR_TRY_AGAIN, NULL, "ovs-pod did not finish "
                  "within %d s (OVS or the IPAM plugin did not answer): "
                  "try again", secs);
    char *json = cni_error_to_string(&e, p->cfg.cni_version);
    char *out = xasprintf("%s\n", json);
    char *err = xasprintf("ovs-pod: %s\n", e.msg);
    deadline_set_messages(out, err);
    deadline_arm(secs);
    free(out);
    free(err);
    free(json);
    cni_error_destroy(&e);
}

/* An error from a pod operation: "try again later" (11) if OVSDB could
 * not be reached, the bridge lock stayed taken or the peer port does not
 * exist yet, "invalid network configuration" (7) if it refused the
 * request, else 'code'. */
static void
ops_error(struct plugin *p, struct cni_error *error, int code, char *msg)
{
    cni_error_set(error, (p->db_unreachable || p->not_yet
                          ? CNI_ERR_TRY_AGAIN
                          : p->refused ? CNI_ERR_INVALID_CONFIG
                          : code), NULL, "%s", msg);
    free(msg);
}

/* Builds the attachment that the configuration asks for. */
static bool
build_attachment(struct plugin *p, struct pod_attachment *pa,
                 struct cni_error *error)
{
    /* Kubernetes runtimes name the pod; other runtimes (podman) name no
     * UID, and then the container stands for the pod's incarnation. */
    static const char *const keys[] = {
        "K8S_POD_NAMESPACE", "K8S_POD_NAME",
    };
    for (size_t i = 0; i < ARRAY_SIZE(keys); i++) {
        if (!smap_get(&p->env.args, keys[i])) {
            cni_error_set(error, CNI_ERR_INVALID_ENV, NULL,
                          "CNI_ARGS lacks %s: the runtime must name the "
                          "pod with K8S_POD_NAMESPACE, K8S_POD_NAME and "
                          "K8S_POD_UID (podman adds the CNI_ARGS of its "
                          "own environment)", keys[i]);
            return false;
        }
    }
    const char *uid = smap_get(&p->env.args, "K8S_POD_UID");
    const struct cni_config *c = &p->cfg;
    struct pod_request req = {
        .who = POD_REQ_NETCONF,
        .namespace = smap_get(&p->env.args, keys[0]),
        .name = smap_get(&p->env.args, keys[1]),
        .uid = uid ? uid : p->env.container_id,
        .ifname = p->env.ifname,
        .container_id = p->env.container_id,
        .peer = c->peer,
        .uplink = c->uplink,
        .vlan = c->vlan,
        .mac = c->mac,
        .queues = c->queues,
        .owner = c->owner,
        .pod_mount = c->pod_mount,
    };
    enum pod_intent_error kind;
    char *msg = pod_intent_build(&req, &p->node, pa, &kind);
    if (msg) {
        cni_error_set(error, (kind == POD_INTENT_BAD_IDENTITY
                              ? CNI_ERR_INVALID_ENV
                              : CNI_ERR_INVALID_CONFIG), NULL, "%s", msg);
        free(msg);
        return false;
    }
    pa->network = xstrdup(c->name);
    return true;
}

/* Checks that 'path', the runtime's CNIDeviceInfoFile, is a file directly
 * in the node file's device-info directory, and stores its name there in
 * '*name'. */
static char *
device_info_name(const struct node_conf *node, const char *path,
                 const char **name)
{
    size_t n = strlen(node->device_info_dir);
    const char *base = (!strncmp(path, node->device_info_dir, n)
                        && path[n] == '/' ? path + n + 1 : NULL);
    if (!base || !*base || strchr(base, '/') || !strcmp(base, ".")
        || !strcmp(base, "..")) {
        return xasprintf("field \"runtimeConfig.CNIDeviceInfoFile\": %s is "
                         "not a file in the device-info directory %s that "
                         "the node file sets", path, node->device_info_dir);
    }
    *name = base;
    return NULL;
}

/* Writes the device-info file (device-info-spec) that Multus publishes in
 * the pod's network-status annotation, as 'name' in the node file's
 * device-info directory: never through a symbolic link, never over
 * anything but a file of ours. */
static char *
write_device_info(const struct node_conf *node, const char *name,
                  const struct pod_attachment *pa)
{
    struct json *vu = json_object_create();
    json_object_put_string(vu, "mode", "server");
    json_object_put(vu, "path",
                    json_string_create_nocopy(pod_socket_path_in_pod(pa)));
    struct json *info = json_object_create();
    json_object_put_string(info, "type", "vhost-user");
    json_object_put_string(info, "version", "1.1.0");
    json_object_put(info, "vhost-user", vu);
    char *text = json_to_string(info, JSSF_SORT);
    json_destroy(info);

    char *error = pod_dir_write_file(node->device_info_dir, name, text,
                                     0644, 0, 0);
    free(text);
    return error;
}

/* ADD's addresses: what ipam_add() does once attach has checked the
 * request. */
struct ipam_step {
    struct plugin *p;
    struct cni_result *result;
    struct cni_error *error;    /* The IPAM plugin's, if it failed. */
    bool leased;                /* The IPAM plugin gave an address. */
};

/* pod_ops' before_change hook: asks the IPAM plugin for the addresses, or
 * keeps those of the plugin chained before this one. */
static char *
ipam_add(void *step_)
{
    struct ipam_step *step = step_;
    struct plugin *p = step->p;
    if (p->cfg.ipam) {
        struct json *r = cni_ipam_call(&p->cfg, &p->env, "ADD", NULL,
                                       step->error);
        step->leased = r != NULL;
        bool ok = r && cni_result_parse(r, "the IPAM result", CNI_ERR_IPAM,
                                        step->result, step->error);
        json_destroy(r);
        if (!ok) {
            return xstrdup(step->error->msg);
        }
    } else if (p->cfg.prev_result) {
        /* Chained after a plugin that assigned the addresses: keep them.
         * cni_config_parse() checked them. */
        bool ok = cni_result_parse(p->cfg.prev_result, "prevResult",
                                   CNI_ERR_INVALID_CONFIG, step->result,
                                   step->error);
        ovs_assert(ok);
    }
    return NULL;
}

static int
cmd_add(struct plugin *p, struct ds *output, struct cni_error *error)
{
    struct pod_attachment pa;
    if (!build_attachment(p, &pa, error)) {
        return 1;
    }

    const char *info_name = NULL;
    if (p->cfg.device_info_file) {
        char *msg = device_info_name(&p->node, p->cfg.device_info_file,
                                     &info_name);
        if (msg) {
            cni_error_set(error, CNI_ERR_INVALID_CONFIG, NULL, "%s", msg);
            free(msg);
            pod_attachment_destroy(&pa);
            return 1;
        }
    }

    /* The addresses come once attach has checked the request under the
     * bridge lock, so that a refused request (another pod's container ID,
     * say) gets no lease, and its rollback releases none that an IPAM
     * plugin keyed by container handed out before. */
    struct cni_result result;
    cni_result_init(&result);
    struct ipam_step step = { .p = p, .result = &result, .error = error };
    if (p->cfg.ipam || p->cfg.prev_result) {
        /* Without addresses to find, the attach may be queued for
         * another ADD's process to make (see pod-queue.h). */
        p->ops.before_change = ipam_add;
        p->ops.before_change_aux = &step;
    }

    bool changed;
    struct json *kit;
    char *msg = pod_ops_attach(&p->ops, &pa, &changed, &kit);
    if (msg && error->code) {
        free(msg);              /* The IPAM plugin's error, as it said. */
        goto fail;
    } else if (msg) {
        ops_error(p, error, CNI_ERR_ATTACH, msg);
        goto fail;
    }
    json_destroy(kit);

    if (p->cfg.device_info_file) {
        msg = write_device_info(&p->node, info_name, &pa);
        if (msg) {
            cni_error_set(error, CNI_ERR_IO, NULL, "%s", msg);
            free(msg);
            struct svec detached = SVEC_EMPTY_INITIALIZER;
            free(pod_ops_detach_container(&p->ops, p->env.container_id,
                                          p->env.ifname, &detached));
            svec_destroy(&detached);
            goto fail;
        }
    }

    result.ifname = xstrdup(p->env.ifname);
    result.mac = xasprintf(ETH_ADDR_FMT, ETH_ADDR_ARGS(pa.mac));
    result.sandbox = xstrdup(p->env.netns);
    result.socket_path = pod_socket_path(&pa);
    struct json *j = cni_result_to_json(&result, p->cfg.cni_version);
    char *s = json_to_string(j, JSSF_PRETTY | JSSF_SORT);
    ds_put_cstr(output, s);
    free(s);
    json_destroy(j);
    cni_result_destroy(&result);
    pod_attachment_destroy(&pa);
    return 0;

fail:
    if (step.leased) {
        /* Roll back: the address goes back to the pool. */
        struct cni_error e = { 0 };
        cni_ipam_call(&p->cfg, &p->env, "DEL", NULL, &e);
        cni_error_destroy(&e);
    }
    cni_result_destroy(&result);
    pod_attachment_destroy(&pa);
    return 1;
}

static int
cmd_del(struct plugin *p, struct ds *notes, struct cni_error *error)
{
    /* IPAM first and always: an address must not leak because OVS is
     * down. */
    struct cni_error ipam_error = { 0 };
    if (p->cfg.ipam) {
        cni_ipam_call(&p->cfg, &p->env, "DEL", NULL, &ipam_error);
    }

    struct svec detached = SVEC_EMPTY_INITIALIZER;
    char *msg = pod_ops_detach_container(&p->ops, p->env.container_id,
                                         p->env.ifname, &detached);
    size_t n_detached = detached.n;
    svec_destroy(&detached);
    if (msg && p->db_unreachable) {
        /* OVS is not there (not started yet after a reboot, or
         * ovsdb-server down): record the detach for later, and let the
         * pod go. */
        char *e = pod_deferred_add(p->node.state_dir, p->env.container_id,
                                   p->env.ifname);
        if (!e) {
            ds_put_format(notes, "%s: deferred: %s\n", p->env.ifname, msg);
            free(msg);
            msg = NULL;
        } else {
            free(e);
        }
    }
    if (msg) {
        char *m = xasprintf("%s%s", msg, (p->cfg.ipam && !ipam_error.code)
                            ? " (the IP address was released)" : "");
        ops_error(p, error, CNI_ERR_DETACH, m);
        free(msg);
        cni_error_destroy(&ipam_error);
        return 1;
    }
    if (ipam_error.code) {
        *error = ipam_error;
        return 1;
    }
    if (!p->db_unreachable) {
        ds_put_format(notes, "%s: %s\n", p->env.ifname,
                      n_detached ? "detached" : "nothing attached");
    }
    return 0;
}

static int
cmd_check(struct plugin *p, struct ds *notes, struct cni_error *error)
{
    if (p->cfg.disable_check) {
        return 0;
    }
    if (!p->cfg.prev_result) {
        cni_error_set(error, CNI_ERR_INVALID_CONFIG, NULL,
                      "CHECK needs \"prevResult\"");
        return 1;
    }
    struct pod_attachment pa;
    if (!build_attachment(p, &pa, error)) {
        return 1;
    }

    char *vhost;
    char *msg = pod_ops_check(&p->ops, &pa, &vhost);
    if (msg) {
        ops_error(p, error, CNI_ERR_CHECK, msg);
    } else {
        char *port = pod_port_name(&pa);
        ds_put_format(notes, "%s: port %s, vhost-user %s\n", pa.ifname, port,
                      vhost);
        free(port);
        free(vhost);
    }
    pod_attachment_destroy(&pa);

    if (!error->code && p->cfg.ipam) {
        cni_ipam_call(&p->cfg, &p->env, "CHECK", p->cfg.prev_result, error);
    }
    return error->code ? 1 : 0;
}

static int
cmd_gc(struct plugin *p, struct ds *notes, struct cni_error *error)
{
    const struct json *list = p->cfg.valid_attachments;
    if (!list) {
        /* Without the list, nothing can be judged dead. */
        ds_put_cstr(notes, "no cni.dev/valid-attachments: nothing "
                    "collected\n");
        return 0;
    }
    struct sset valid = SSET_INITIALIZER(&valid);
    for (size_t i = 0; i < json_array(list)->n; i++) {
        const struct json *a = json_array(list)->elems[i];
        const struct json *id = (a->type == JSON_OBJECT
                                 ? shash_find_data(json_object(a),
                                                   "containerID") : NULL);
        const struct json *ifname = (a->type == JSON_OBJECT
                                     ? shash_find_data(json_object(a),
                                                       "ifname") : NULL);
        if (!id || !ifname || id->type != JSON_STRING
            || ifname->type != JSON_STRING) {
            cni_error_set(error, CNI_ERR_INVALID_CONFIG, NULL,
                          "cni.dev/valid-attachments[%"PRIuSIZE"] needs "
                          "string \"containerID\" and \"ifname\"", i);
            sset_destroy(&valid);
            return 1;
        }
        char *msg = pod_gc_add_valid(&valid, json_string(id),
                                     json_string(ifname));
        if (msg) {
            cni_error_set(error, CNI_ERR_INVALID_CONFIG, NULL,
                          "cni.dev/valid-attachments[%"PRIuSIZE"]: %s", i,
                          msg);
            free(msg);
            sset_destroy(&valid);
            return 1;
        }
    }

    struct svec removed = SVEC_EMPTY_INITIALIZER;
    struct svec keys = SVEC_EMPTY_INITIALIZER;
    struct pod_gc_request req = {
        .valid = &valid,
        .network = p->cfg.name,
        .grace_s = p->node.gc_grace_s,
    };
    char *msg = pod_gc_attachments(&p->ops, &req, false, &removed, &keys);
    for (size_t i = 0; i < removed.n; i++) {
        ds_put_format(notes, "removed %s\n", removed.names[i]);
    }
    if (p->cfg.ipam) {
        /* Release the addresses of what was collected, for IPAM plugins
         * that have no GC of their own (before CNI 1.1.0); for those that
         * have, it finds nothing more to release. */
        for (size_t i = 0; i < keys.n; i++) {
            char *cid = xstrdup(keys.names[i]);
            char *slash = strrchr(cid, '/');
            *slash = '\0';
            setenv("CNI_CONTAINERID", cid, 1);
            setenv("CNI_IFNAME", slash + 1, 1);
            struct cni_error e = { 0 };
            cni_ipam_call(&p->cfg, &p->env, "DEL", NULL, &e);
            cni_error_destroy(&e);
            free(cid);
        }
        unsetenv("CNI_CONTAINERID");
        unsetenv("CNI_IFNAME");
    }
    svec_destroy(&removed);
    svec_destroy(&keys);
    sset_destroy(&valid);
    if (msg) {
        ops_error(p, error, CNI_ERR_DETACH, msg);
        return 1;
    }
    if (p->cfg.ipam) {
        cni_ipam_call(&p->cfg, &p->env, "GC", NULL, error);
    }
    return error->code ? 1 : 0;
}

static int
cmd_status(struct plugin *p, struct cni_error *error)
{
    struct vsdb *db;
    char *msg = vsdb_open(p->db_remote, p->ops.timeout_s, VSDB_STATE, &db);
    if (msg) {
        cni_error_set(error, CNI_ERR_NOT_AVAILABLE, NULL, "%s", msg);
        free(msg);
        return 1;
    }

    const struct ovsrec_open_vswitch *ovs = vsdb_root(db);
    pid_t pid = vsdb_vswitchd_pid(p->db_remote);
    const struct ovsrec_bridge *br = vsdb_find_bridge(ovs, p->ops.bridge);

    if (pid <= 0) {
        cni_error_set(error, CNI_ERR_NOT_AVAILABLE, NULL,
                      "ovs-vswitchd is not running");
    } else if (!ovs->dpdk_initialized) {
        cni_error_set(error, CNI_ERR_NOT_AVAILABLE, NULL,
                      "DPDK is not initialized in ovs-vswitchd: see "
                      "\"ovs-podctl init\" and its log");
    } else if (!br) {
        cni_error_set(error, CNI_ERR_NOT_AVAILABLE, NULL,
                      "bridge %s does not exist: run \"ovs-podctl init\"",
                      p->ops.bridge);
    } else {
        /* Uplinks that are down limit what existing pods can reach. */
        for (size_t i = 0; i < br->n_ports && !error->code; i++) {
            const struct ovsrec_port *port = br->ports[i];
            const char *role = smap_get(&port->external_ids, "ovs-pod");
            const struct ovsrec_interface *iface = (port->n_interfaces
                                                    ? port->interfaces[0]
                                                    : NULL);
            if (role && !strcmp(role, "uplink") && iface
                && (iface->error || (iface->link_state
                                     && !strcmp(iface->link_state, "down")))) {
                cni_error_set(error, CNI_ERR_LIMITED, NULL, "uplink %s is "
                              "%s", port->name, iface->error ? iface->error
                                                             : "down");
            }
        }
    }
    vsdb_close(db);
    return error->code ? 1 : 0;
}

/* Runs the plugin on 'input' (the network configuration, 'length' bytes)
 * and the CNI_* environment.  Puts what goes to stdout in 'output' and
 * human notes for stderr in 'notes'.  Returns the exit status; on failure
 * 'error' says why.  Stores in '*version' the request's CNI version, for
 * the error, or NULL if it had none we speak. */
int
cni_plugin_run(const char *input, size_t length, struct ds *output,
               struct ds *notes, struct cni_error *error, char **version)
{
    *version = NULL;
    struct plugin p;
    memset(&p, 0, sizeof p);
    int status = 1;

    if (!cni_env_read(&p.env, error)) {
        goto out;
    }
    if (!cni_config_parse(input, length, p.env.command, &p.cfg,
                          error)) {
        goto out;
    }

    if (p.env.command == CNI_VERSION) {
        struct json *v = json_object_create();
        const char *ver = (p.cfg.cni_version
                           && cni_version_is_supported(p.cfg.cni_version)
                           ? p.cfg.cni_version : "1.1.0");
        json_object_put_string(v, "cniVersion", ver);
        struct json *list = json_array_create_empty();
        for (size_t i = 0; i < cni_n_versions; i++) {
            json_array_add(list, json_string_create(cni_versions[i]));
        }
        json_object_put(v, "supportedVersions", list);
        char *s = json_to_string(v, JSSF_PRETTY | JSSF_SORT);
        ds_put_cstr(output, s);
        free(s);
        json_destroy(v);
        status = 0;
        goto out;
    }

    if (!p.cfg.cni_version || !cni_version_is_supported(p.cfg.cni_version)) {
        cni_error_set(error, CNI_ERR_INCOMPATIBLE_VERSION, NULL,
                      "CNI version %s is not supported (supported: 0.3.0, "
                      "0.3.1, 0.4.0, 1.0.0, 1.1.0)",
                      p.cfg.cni_version ? p.cfg.cni_version : "(none)");
        goto out;
    }
    if ((p.env.command == CNI_GC || p.env.command == CNI_STATUS)
        && cni_version_compare(p.cfg.cni_version, "1.1.0") < 0) {
        cni_error_set(error, CNI_ERR_INCOMPATIBLE_VERSION, NULL,
                      "%s needs CNI version 1.1.0",
                      cni_command_to_string(p.env.command));
        goto out;
    }
    if (p.env.command == CNI_CHECK
        && cni_version_compare(p.cfg.cni_version, "0.4.0") < 0) {
        cni_error_set(error, CNI_ERR_INCOMPATIBLE_VERSION, NULL,
                      "CHECK needs CNI version 0.4.0 or later");
        goto out;
    }
    if (!p.cfg.name || !*p.cfg.name) {
        cni_error_set(error, CNI_ERR_INVALID_CONFIG, NULL,
                      "field \"name\" is required");
        goto out;
    }
    if (!plugin_ops_init(&p, error)) {
        goto out;
    }
    plugin_log_open(&p);
    plugin_deadline_arm(&p);

    switch (p.env.command) {
    case CNI_ADD:
        status = cmd_add(&p, output, error);
        break;
    case CNI_DEL:
        status = cmd_del(&p, notes, error);
        break;
    case CNI_CHECK:
        status = cmd_check(&p, notes, error);
        break;
    case CNI_GC:
        status = cmd_gc(&p, notes, error);
        break;
    case CNI_STATUS:
        status = cmd_status(&p, error);
        break;
    case CNI_VERSION:
    default:
        OVS_NOT_REACHED();
    }

out:
    if (status && !error->code) {
        cni_error_set(error, CNI_ERR_ATTACH, NULL, "failed");
    }
    if (status) {
        VLOG_WARN("%s container %s interface %s: error %d: %s",
                  getenv("CNI_COMMAND") ? getenv("CNI_COMMAND") : "?",
                  p.env.container_id ? p.env.container_id : "-",
                  p.env.ifname ? p.env.ifname : "-", error->code,
                  error->msg);
    } else if (p.env.command != CNI_VERSION) {
        VLOG_INFO("%s container %s interface %s: ok",
                  cni_command_to_string(p.env.command),
                  p.env.container_id ? p.env.container_id : "-",
                  p.env.ifname ? p.env.ifname : "-");
    }
    if (p.cfg.cni_version && cni_version_is_supported(p.cfg.cni_version)) {
        *version = xstrdup(p.cfg.cni_version);
    }
    cni_env_destroy(&p.env);
    cni_config_destroy(&p.cfg);
    node_conf_destroy(&p.node);
    free(p.db_remote);
    return status;
}
