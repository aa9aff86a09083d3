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

/* The node file: see node-conf.h. */

#include <config.h>
#include "node-conf.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/shash.h"
#include "openvswitch/vlog.h"
#include "node-setup.h"
#include "pod-dir.h"
#include "pod-gc.h"
#include "pod.h"
#include "stream.h"
#include "uplink.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(node_conf);

/* Returns the node file's path: $OVS_POD_CONF if set, otherwise
 * NODE_CONF_DEFAULT_PATH.  The variable comes from whoever runs ovs-pod
 * (root, the kubelet's runtime), never from a network configuration. */
const char *
node_conf_path(void)
{
    const char *path = getenv("OVS_POD_CONF");
    return path && *path ? path : NODE_CONF_DEFAULT_PATH;
}

/* Returns the node file 'nc' came from, for messages: the file read, or
 * the one that was looked for if there was none. */
const char *
node_conf_file(const struct node_conf *nc)
{
    return nc->path ? nc->path : node_conf_path();
}

/* Initializes 'nc' with the defaults: what holds without a node file. */
void
node_conf_init_defaults(struct node_conf *nc)
{
    memset(nc, 0, sizeof *nc);
    nc->bridge = xstrdup(NODE_SETUP_DEFAULT_BRIDGE);
    nc->socket_dir = xstrdup(POD_DEFAULT_BASE_DIR);
    nc->pod_mount = xstrdup(POD_DEFAULT_MOUNT);
    nc->max_queues = 8;
    nc->timeout_s = 10;
    svec_init(&nc->hugepage_dirs);
    svec_init(&nc->init_args);
    svec_add(&nc->hugepage_dirs, "/dev/hugepages");
    nc->dpdk_runtime_dir = xstrdup(POD_GC_DPDK_RUNTIME_DIR);
    nc->cni_cache = xstrdup(POD_GC_CNI_CACHE);
    nc->gc_grace_s = 300;
    nc->device_info_dir = xstrdup("/var/run/k8s.cni.cncf.io/devinfo/cni");
    nc->state_dir = xstrdup(OVSPOD_LOCALSTATEDIR "/lib/ovs-pod");
    nc->flows_dir = xstrdup(OVSPOD_SYSCONFDIR "/ovs-pod/flows.d");
    nc->log_file = xstrdup(OVSPOD_LOCALSTATEDIR
                           "/log/openvswitch/ovs-pod-cni.log");
}

/* Frees what 'nc' owns. */
void
node_conf_destroy(struct node_conf *nc)
{
    if (!nc) {
        return;
    }
    free(nc->path);
    free(nc->bridge);
    free(nc->ovsdb);
    free(nc->socket_dir);
    free(nc->pod_mount);
    free(nc->port_type);
    free(nc->owners);
    for (size_t i = 0; i < nc->n_uplinks; i++) {
        free(nc->uplinks[i].name);
        sset_destroy(&nc->uplinks[i].namespaces);
    }
    free(nc->uplinks);
    svec_destroy(&nc->hugepage_dirs);
    svec_destroy(&nc->init_args);
    free(nc->dpdk_runtime_dir);
    free(nc->cni_cache);
    free(nc->device_info_dir);
    free(nc->state_dir);
    free(nc->flows_dir);
    free(nc->log_file);
    memset(nc, 0, sizeof *nc);
}

/* Validators for the node's privileged settings, shared by the node file
 * and ovs-podctl's options.  Each returns NULL if 'value' is fine,
 * otherwise a malloc()'d message that does not name the setting. */

/* A path to a directory or file of the node: clean and absolute. */
char *
node_conf_check_path(const char *value)
{
    return (pod_path_is_clean(value) && strlen(value) <= PATH_MAX
            ? NULL
            : xstrdup("not a clean absolute path (no \".\" or \"..\" "
                      "components, commas or '=')"));
}

/* A directory to place sockets in, or to mount them at, in a pod. */
char *
node_conf_check_socket_dir(const char *value)
{
    char *error = node_conf_check_path(value);
    if (!error && strlen(value) > POD_BASE_DIR_MAX) {
        error = xasprintf("longer than %d bytes (a unix socket path is "
                          "short)", POD_BASE_DIR_MAX);
    }
    return error;
}

/* A directory that must exist, such as a sysfs or procfs root (relative
 * roots serve tests). */
char *
node_conf_check_dir(const char *value)
{
    struct stat st;
    return (stat(value, &st) ? xstrdup(ovs_strerror(errno))
            : !S_ISDIR(st.st_mode) ? xstrdup("not a directory")
            : NULL);
}

/* The interface type of pod ports. */
char *
node_conf_check_port_type(const char *value)
{
    return (!strcmp(value, NODE_CONF_PORT_TYPE) || !strcmp(value, "dummy")
            ? NULL
            : xstrdup("use \""NODE_CONF_PORT_TYPE"\" (or \"dummy\", on "
                      "OVS's dummy datapath for tests)"));
}

/* The pod bridge's name. */
char *
node_conf_check_bridge(const char *value)
{
    return (uplink_name_is_valid(value)
            ? NULL
            : xstrdup("use 1 to 15 letters, digits, '-', '_' or '.'"));
}

/* An OVSDB remote that ovs-pod connects to, such as "unix:PATH". */
char *
node_conf_check_remote(const char *value)
{
    return (!stream_verify_name(value)
            ? NULL
            : xstrdup("not an OVSDB remote such as "
                      "unix:/var/run/openvswitch/db.sock"));
}

/* One value read from the file: a key and its JSON, for error messages. */
struct reader {
    const char *path;
    char *error;
};

static bool
fail(struct reader *r, const char *key, const char *format, ...)
    OVS_PRINTF_FORMAT(3, 4);

static bool
fail(struct reader *r, const char *key, const char *format, ...)
{
    if (!r->error) {
        va_list args;
        va_start(args, format);
        char *msg = xvasprintf(format, args);
        va_end(args);
        r->error = xasprintf("%s: key \"%s\": %s (fix the node file)",
                             r->path, key, msg);
        free(msg);
    }
    return false;
}

static bool
read_string(struct reader *r, const char *key, const struct json *v,
            char **value)
{
    if (v->type != JSON_STRING) {
        return fail(r, key, "must be a string");
    }
    free(*value);
    *value = xstrdup(json_string(v));
    return true;
}

/* Reads string 'key' into '*value' and checks it with 'check'. */
static bool
read_checked(struct reader *r, const char *key, const struct json *v,
             char *(*check)(const char *), char **value)
{
    if (!read_string(r, key, v, value)) {
        return false;
    }
    char *error = check(*value);
    if (error) {
        fail(r, key, "\"%s\": %s", *value, error);
        free(error);
        return false;
    }
    return true;
}

static bool
read_path(struct reader *r, const char *key, const struct json *v,
          char **value)
{
    return read_checked(r, key, v, node_conf_check_path, value);
}

static bool
read_int(struct reader *r, const char *key, const struct json *v, int min,
         int max, int *value)
{
    if (v->type != JSON_INTEGER || v->integer < min || v->integer > max) {
        return fail(r, key, "must be an integer from %d to %d", min, max);
    }
    *value = v->integer;
    return true;
}

static bool
read_bool(struct reader *r, const char *key, const struct json *v,
          bool *value)
{
    if (v->type != JSON_TRUE && v->type != JSON_FALSE) {
        return fail(r, key, "must be true or false");
    }
    *value = v->type == JSON_TRUE;
    return true;
}

/* Parses "N" or "N-M" (numbers) or "*" into a range. */
static bool
parse_id_range(const char *s, unsigned long *min, unsigned long *max)
{
    if (!strcmp(s, "*")) {
        *min = 0;
        *max = UINT_MAX - 1;
        return true;
    }
    unsigned int a, b;
    int n = 0;
    if (ovs_scan(s, "%u-%u%n", &a, &b, &n) && !s[n] && a <= b
        && b < UINT_MAX) {
        *min = a;
        *max = b;
        return true;
    }
    n = 0;
    if (ovs_scan(s, "%u%n", &a, &n) && !s[n] && a < UINT_MAX
        && s[0] >= '0' && s[0] <= '9') {
        *min = *max = a;
        return true;
    }
    return false;
}

/* Parses "UIDS:GIDS", each a number, a range "N-M" or "*". */
static bool
parse_owner_range(const char *s, struct node_conf_owner *o)
{
    const char *colon = strchr(s, ':');
    if (!colon || strchr(colon + 1, ':')) {
        return false;
    }
    char *uids = xmemdup0(s, colon - s);
    unsigned long umin, umax, gmin, gmax;
    bool ok = (parse_id_range(uids, &umin, &umax)
               && parse_id_range(colon + 1, &gmin, &gmax));
    free(uids);
    if (ok) {
        o->uid_min = umin;
        o->uid_max = umax;
        o->gid_min = gmin;
        o->gid_max = gmax;
    }
    return ok;
}

static bool
read_owner(struct reader *r, const char *key, const struct json *v,
           struct node_conf *nc)
{
    char *s = NULL;
    if (!read_string(r, key, v, &s)) {
        return false;
    }
    struct node_conf_owner o;
    bool ok = (parse_owner_range(s, &o) && o.uid_min == o.uid_max
               && o.gid_min == o.gid_max);
    if (ok) {
        nc->owner_uid = o.uid_min;
        nc->owner_gid = o.gid_min;
    } else {
        fail(r, key, "\"%s\" is not UID:GID (numbers)", s);
    }
    free(s);
    return ok;
}

static bool
read_owners(struct reader *r, const char *key, const struct json *v,
            struct node_conf *nc)
{
    if (v->type != JSON_ARRAY) {
        return fail(r, key, "must be an array of \"UIDS:GIDS\" strings");
    }
    const struct json_array *a = json_array(v);
    free(nc->owners);
    nc->owners = xcalloc(a->n + 1, sizeof *nc->owners);
    nc->n_owners = 0;
    for (size_t i = 0; i < a->n; i++) {
        const struct json *e = a->elems[i];
        if (e->type != JSON_STRING
            || !parse_owner_range(json_string(e),
                                  &nc->owners[nc->n_owners])) {
            return fail(r, key, "element %"PRIuSIZE" is not \"UIDS:GIDS\", "
                        "each a number, a range N-M or \"*\"", i);
        }
        nc->n_owners++;
    }
    return true;
}

static bool
read_paths(struct reader *r, const char *key, const struct json *v,
           struct svec *paths)
{
    if (v->type != JSON_ARRAY) {
        return fail(r, key, "must be an array of absolute paths");
    }
    svec_clear(paths);
    for (size_t i = 0; i < json_array(v)->n; i++) {
        char *path = NULL;
        if (!read_path(r, key, json_array(v)->elems[i], &path)) {
            free(path);
            return false;
        }
        svec_add_nocopy(paths, path);
    }
    return true;
}

static bool
read_uplink(struct reader *r, const char *name, const struct json *v,
            struct node_conf_uplink *u)
{
    memset(u, 0, sizeof *u);
    u->name = xstrdup(name);
    sset_init(&u->namespaces);
    cpuset_init(&u->vlans);

    char *key = xasprintf("uplinks.%s", name);
    bool ok = true;
    if (!uplink_name_is_valid(name)) {
        ok = fail(r, key, "not a valid port name");
    } else if (v->type != JSON_OBJECT) {
        ok = fail(r, key, "must be an object");
    }
    if (!ok) {
        free(key);
        return false;
    }

    struct shash_node *node;
    SHASH_FOR_EACH (node, json_object(v)) {
        const struct json *e = node->data;
        char *sub = xasprintf("%s.%s", key, node->name);
        if (!strcmp(node->name, "vlans")) {
            char *list = NULL;
            ok = read_string(r, sub, e, &list);
            if (ok) {
                char *err = cpuset_parse_list(list, &u->vlans);
                int first = cpuset_first(&u->vlans);
                if (err || first == 0 || cpuset_contains(&u->vlans, 4095)
                    || cpuset_next(&u->vlans, 4095) >= 0) {
                    ok = fail(r, sub, "\"%s\" is not a list of VLANs from 1 "
                              "to 4094 such as \"10-19,30\"", list);
                }
                free(err);
            }
            free(list);
        } else if (!strcmp(node->name, "untagged")) {
            ok = read_bool(r, sub, e, &u->untagged);
        } else if (!strcmp(node->name, "crossConnect")) {
            ok = read_bool(r, sub, e, &u->cross_connect);
        } else if (!strcmp(node->name, "namespaces")) {
            if (e->type != JSON_ARRAY) {
                ok = fail(r, sub, "must be an array of namespace names");
            }
            for (size_t i = 0; ok && i < json_array(e)->n; i++) {
                const struct json *ns = json_array(e)->elems[i];
                char *err = (ns->type != JSON_STRING
                             ? xstrdup("not a string")
                             : pod_check_name("namespace", json_string(ns),
                                              POD_NAMESPACE_MAX));
                if (err) {
                    ok = fail(r, sub, "element %"PRIuSIZE": %s", i, err);
                    free(err);
                } else {
                    sset_add(&u->namespaces, json_string(ns));
                }
            }
        } else {
            ok = fail(r, sub, "unknown key");
        }
        free(sub);
        if (!ok) {
            break;
        }
    }
    free(key);
    return ok;
}

static bool
read_gc(struct reader *r, const struct json *v, struct node_conf *nc)
{
    if (v->type != JSON_OBJECT) {
        return fail(r, "gc", "must be an object");
    }
    struct shash_node *node;
    SHASH_FOR_EACH (node, json_object(v)) {
        const struct json *e = node->data;
        char *key = xasprintf("gc.%s", node->name);
        bool ok;
        if (!strcmp(node->name, "hugepageDirs")) {
            ok = read_paths(r, key, e, &nc->hugepage_dirs);
        } else if (!strcmp(node->name, "dpdkRuntimeDir")) {
            ok = read_path(r, key, e, &nc->dpdk_runtime_dir);
        } else if (!strcmp(node->name, "cniCache")) {
            ok = read_path(r, key, e, &nc->cni_cache);
        } else if (!strcmp(node->name, "graceSeconds")) {
            ok = read_int(r, key, e, 0, 86400, &nc->gc_grace_s);
        } else {
            ok = fail(r, key, "unknown key");
        }
        free(key);
        if (!ok) {
            return false;
        }
    }
    return true;
}

/* The "init" object: ovs-podctl plan and init options, by name. */
static bool
read_init(struct reader *r, const struct json *v, struct node_conf *nc)
{
    static const char *const strings[] = {
        "reserved-cpus", "kubelet-config", "housekeeping-cpus", "pod-numa",
        "pmd-cpu-mask", "dpdk-lcore-mask", "dpdk-init",
    };
    static const char *const integers[] = {
        "uplink-mtu", "pod-mtu", "pmd-cores", "pod-pmd-cores",
    };
    if (v->type != JSON_OBJECT) {
        return fail(r, "init", "must be an object");
    }
    svec_clear(&nc->init_args);
    struct shash_node *node;
    SHASH_FOR_EACH (node, json_object(v)) {
        const char *name = node->name;
        const struct json *e = node->data;
        char *key = xasprintf("init.%s", name);
        bool ok = true;
        bool is_string = false, is_integer = false;
        for (size_t i = 0; i < ARRAY_SIZE(strings); i++) {
            is_string |= !strcmp(name, strings[i]);
        }
        for (size_t i = 0; i < ARRAY_SIZE(integers); i++) {
            is_integer |= !strcmp(name, integers[i]);
        }
        if (!strcmp(name, "uplink")) {
            const struct json_array *a = (e->type == JSON_ARRAY
                                          ? json_array(e) : NULL);
            for (size_t i = 0; a && i < a->n; i++) {
                if (a->elems[i]->type != JSON_STRING) {
                    a = NULL;
                    break;
                }
            }
            if (!a) {
                ok = fail(r, key, "must be an array of \"[NAME=]DEVARGS\" "
                          "strings");
            }
            for (size_t i = 0; ok && i < a->n; i++) {
                svec_add_nocopy(&nc->init_args, xasprintf(
                                    "--uplink=%s",
                                    json_string(a->elems[i])));
            }
        } else if (!strcmp(name, "pin-lcore")) {
            if (e->type != JSON_TRUE && e->type != JSON_FALSE) {
                ok = fail(r, key, "must be true or false");
            } else if (e->type == JSON_TRUE) {
                svec_add(&nc->init_args, "--pin-lcore");
            }
        } else if (is_string) {
            if (e->type != JSON_STRING) {
                ok = fail(r, key, "must be a string");
            } else {
                svec_add_nocopy(&nc->init_args, xasprintf(
                                    "--%s=%s", name, json_string(e)));
            }
        } else if (is_integer) {
            if (e->type != JSON_INTEGER) {
                ok = fail(r, key, "must be an integer");
            } else {
                svec_add_nocopy(&nc->init_args, xasprintf(
                                    "--%s=%lld", name, e->integer));
            }
        } else {
            ok = fail(r, key, "unknown key: use the names of ovs-podctl "
                      "init's options, such as \"uplink\" or "
                      "\"uplink-mtu\"");
        }
        free(key);
        if (!ok) {
            return false;
        }
    }
    return true;
}

static bool
read_uplinks(struct reader *r, const struct json *v, struct node_conf *nc)
{
    if (v->type != JSON_OBJECT) {
        return fail(r, "uplinks", "must be an object of uplink names");
    }
    nc->uplinks = xcalloc(shash_count(json_object(v)) + 1,
                          sizeof *nc->uplinks);
    struct shash_node *node;
    SHASH_FOR_EACH (node, json_object(v)) {
        if (!read_uplink(r, node->name, node->data,
                         &nc->uplinks[nc->n_uplinks++])) {
            return false;
        }
    }
    return true;
}

/* Applies the top-level key 'key' with value 'v' to 'nc'. */
static bool
read_key(struct reader *r, const char *key, const struct json *v,
         struct node_conf *nc)
{
    if (!strcmp(key, "bridge")) {
        return read_checked(r, key, v, node_conf_check_bridge, &nc->bridge);
    } else if (!strcmp(key, "ovsdb")) {
        return read_checked(r, key, v, node_conf_check_remote, &nc->ovsdb);
    } else if (!strcmp(key, "socketDir")) {
        return read_checked(r, key, v, node_conf_check_socket_dir,
                            &nc->socket_dir);
    } else if (!strcmp(key, "podMount")) {
        return read_checked(r, key, v, node_conf_check_socket_dir,
                            &nc->pod_mount);
    } else if (!strcmp(key, "portType")) {
        return read_checked(r, key, v, node_conf_check_port_type,
                            &nc->port_type);
    } else if (!strcmp(key, "owner")) {
        return read_owner(r, key, v, nc);
    } else if (!strcmp(key, "allowedOwners")) {
        return read_owners(r, key, v, nc);
    } else if (!strcmp(key, "maxQueues")) {
        return read_int(r, key, v, 1, 64, &nc->max_queues);
    } else if (!strcmp(key, "timeout")) {
        return read_int(r, key, v, 1, 3600, &nc->timeout_s);
    } else if (!strcmp(key, "uplinks")) {
        return read_uplinks(r, v, nc);
    } else if (!strcmp(key, "gc")) {
        return read_gc(r, v, nc);
    } else if (!strcmp(key, "init")) {
        return read_init(r, v, nc);
    } else if (!strcmp(key, "deviceInfoDir")) {
        return read_path(r, key, v, &nc->device_info_dir);
    } else if (!strcmp(key, "stateDir")) {
        return read_path(r, key, v, &nc->state_dir);
    } else if (!strcmp(key, "flowsDir")) {
        return read_path(r, key, v, &nc->flows_dir);
    } else if (!strcmp(key, "logFile")) {
        return read_path(r, key, v, &nc->log_file);
    } else {
        return fail(r, key, "unknown key");
    }
}

/* Blanks the lines of 'text' whose first non-blank character is '#':
 * the node file is JSON with comment lines.  (Blanking keeps the line
 * numbers of JSON errors right.) */
static void
strip_comments__(struct ds *text)
{
    char *line = text->string;
    while (line && *line) {
        char *end = strchr(line, '\n');
        size_t skip = strspn(line, " \t");
        if (line[skip] == '#') {
            size_t len = end ? (size_t) (end - line) : strlen(line);
            memset(line, ' ', len);
        }
        line = end ? end + 1 : NULL;
    }
}

/* Reads root's file 'path' (a "node file", a "flows file"... as 'what'
 * says) into 'text': it must be a regular file, not a symbolic link, that
 * only the effective user can write, of at most 'max' bytes.  Sets
 * '*found' to false, and returns NULL, if there is no such file.  Returns
 * NULL on success, otherwise a malloc()'d error message naming the file. */
char *
node_conf_read_root_file(const char *path, const char *what, size_t max,
                         struct ds *text, bool *found)
{
    *found = false;
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT) {
            return NULL;
        }
        return xasprintf("cannot read %s %s: %s", what, path,
                         ovs_strerror(errno));
    }
    struct stat st;
    char *error = NULL;
    if (fstat(fd, &st)) {
        error = xasprintf("%s: %s", path, ovs_strerror(errno));
    } else if (!S_ISREG(st.st_mode)) {
        error = xasprintf("%s %s is not a regular file", what, path);
    } else if (st.st_uid != geteuid() || (st.st_mode & (S_IWGRP | S_IWOTH))) {
        error = xasprintf("%s %s must be owned by uid %lu and writable by "
                          "it alone (it is uid %lu, mode %04o)", what, path,
                          (unsigned long) geteuid(),
                          (unsigned long) st.st_uid,
                          (unsigned int) (st.st_mode & 07777));
    } else if (st.st_size > max) {
        error = xasprintf("%s %s is larger than %"PRIuSIZE" bytes", what,
                          path, max);
    } else if (!pod_dir_read_fd(fd, max, text)) {
        error = xasprintf("cannot read %s %s", what, path);
    }
    close(fd);
    *found = !error;
    return error;
}

/* Reads the node file at 'path' into 'nc', on top of the defaults.  A
 * missing file leaves the defaults.  The file must be a regular file that
 * only root can write.  Returns NULL on success, otherwise a malloc()'d
 * error message that names the file and the key; 'nc' then holds the
 * defaults and must still be destroyed. */
char *
node_conf_read(const char *path, struct node_conf *nc)
{
    node_conf_init_defaults(nc);

    struct ds text = DS_EMPTY_INITIALIZER;
    bool found;
    char *error = node_conf_read_root_file(path, "node file",
                                           NODE_CONF_MAX_SIZE, &text, &found);
    if (error || !found) {
        ds_destroy(&text);
        return error;
    }

    strip_comments__(&text);
    struct json *json = json_from_string(ds_cstr(&text));
    ds_destroy(&text);
    if (json->type == JSON_STRING) {
        error = xasprintf("node file %s is not valid JSON: %s", path,
                          json_string(json));
    } else if (json->type != JSON_OBJECT) {
        error = xasprintf("node file %s must hold a JSON object", path);
    } else {
        struct reader r = { .path = path };
        struct shash_node *node;
        SHASH_FOR_EACH (node, json_object(json)) {
            if (!read_key(&r, node->name, node->data, nc)) {
                break;
            }
        }
        error = r.error;
    }
    json_destroy(json);

    if (error) {
        node_conf_destroy(nc);
        node_conf_init_defaults(nc);
        return error;
    }
    nc->path = xstrdup(path);
    VLOG_DBG("read node file %s", path);
    return NULL;
}

/* Returns the uplink named 'name' that the node file lets pods use, or
 * NULL. */
const struct node_conf_uplink *
node_conf_find_uplink(const struct node_conf *nc, const char *name)
{
    for (size_t i = 0; i < nc->n_uplinks; i++) {
        if (!strcmp(nc->uplinks[i].name, name)) {
            return &nc->uplinks[i];
        }
    }
    return NULL;
}

/* Returns true if pods of 'namespace' may use uplink 'u'. */
bool
node_conf_uplink_allows_namespace(const struct node_conf_uplink *u,
                                  const char *namespace)
{
    return sset_is_empty(&u->namespaces)
           || sset_contains(&u->namespaces, namespace);
}

/* Returns true if a network configuration may give pods' socket
 * directories to 'uid':'gid': the node's default owner, or one in
 * "allowedOwners". */
bool
node_conf_owner_allowed(const struct node_conf *nc, uid_t uid, gid_t gid)
{
    if (uid == nc->owner_uid && gid == nc->owner_gid) {
        return true;
    }
    for (size_t i = 0; i < nc->n_owners; i++) {
        const struct node_conf_owner *o = &nc->owners[i];
        if (uid >= o->uid_min && uid <= o->uid_max
            && gid >= o->gid_min && gid <= o->gid_max) {
            return true;
        }
    }
    return false;
}
