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

/* The CNI protocol: see cni.h. */

#include <config.h>
#include "cni.h"

#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/shash.h"
#include "packets.h"
#include "pod.h"
#include "unicode.h"
#include "util.h"
#include "openvswitch/vlog.h"

VLOG_DEFINE_THIS_MODULE(cni);

const char *const cni_versions[] = {
    "0.3.0", "0.3.1", "0.4.0", "1.0.0", "1.1.0",
};
const size_t cni_n_versions = ARRAY_SIZE(cni_versions);

/* Sets 'error' (freeing what it had) to 'code' with a message from
 * 'format' and optional 'details'. */
void
cni_error_set(struct cni_error *error, int code, const char *details,
              const char *format, ...)
{
    cni_error_destroy(error);
    va_list args;
    va_start(args, format);
    error->code = code;
    error->msg = xvasprintf(format, args);
    error->details = details ? xstrdup(details) : NULL;
    va_end(args);
}

/* Frees what 'error' owns and clears it. */
void
cni_error_destroy(struct cni_error *error)
{
    if (error) {
        free(error->msg);
        free(error->details);
        memset(error, 0, sizeof *error);
    }
}

/* Returns 'error' as the JSON text that a plugin prints on stdout. */
char *
cni_error_to_string(const struct cni_error *error, const char *version)
{
    struct json *j = json_object_create();
    json_object_put_string(j, "cniVersion",
                           (version && cni_version_is_supported(version)
                            ? version : "1.1.0"));
    json_object_put(j, "code", json_integer_create(error->code));
    json_object_put_string(j, "msg", error->msg ? error->msg : "error");
    if (error->details) {
        json_object_put_string(j, "details", error->details);
    }
    char *s = json_to_string(j, JSSF_PRETTY | JSSF_SORT);
    json_destroy(j);
    return s;
}

static const struct {
    const char *name;
    enum cni_command command;
} commands[] = {
    { "ADD", CNI_ADD },
    { "DEL", CNI_DEL },
    { "CHECK", CNI_CHECK },
    { "GC", CNI_GC },
    { "STATUS", CNI_STATUS },
    { "VERSION", CNI_VERSION },
};

/* Returns the name of 'command'. */
const char *
cni_command_to_string(enum cni_command command)
{
    for (size_t i = 0; i < ARRAY_SIZE(commands); i++) {
        if (commands[i].command == command) {
            return commands[i].name;
        }
    }
    OVS_NOT_REACHED();
}

static char *
getenv_dup(const char *name)
{
    const char *value = getenv(name);
    return value ? xstrdup(value) : NULL;
}

/* Reads the runtime's CNI_* variables into 'env'.  Returns true if they
 * are complete for the command, otherwise fills in 'error' (code 4). */
bool
cni_env_read(struct cni_env *env, struct cni_error *error)
{
    memset(env, 0, sizeof *env);
    smap_init(&env->args);

    const char *command = getenv("CNI_COMMAND");
    if (!command || !*command) {
        cni_error_set(error, CNI_ERR_INVALID_ENV, NULL,
                      "CNI_COMMAND is not set");
        return false;
    }
    size_t i;
    for (i = 0; i < ARRAY_SIZE(commands); i++) {
        if (!strcmp(command, commands[i].name)) {
            env->command = commands[i].command;
            break;
        }
    }
    if (i >= ARRAY_SIZE(commands)) {
        cni_error_set(error, CNI_ERR_INVALID_ENV, NULL,
                      "CNI_COMMAND=%s: unknown command", command);
        return false;
    }

    env->container_id = getenv_dup("CNI_CONTAINERID");
    env->netns = getenv_dup("CNI_NETNS");
    env->ifname = getenv_dup("CNI_IFNAME");
    env->path = getenv_dup("CNI_PATH");

    if (env->command == CNI_ADD || env->command == CNI_DEL
        || env->command == CNI_CHECK) {
        static const char *const required[] = {
            "CNI_CONTAINERID", "CNI_IFNAME", "CNI_PATH",
        };
        for (i = 0; i < ARRAY_SIZE(required); i++) {
            const char *v = getenv(required[i]);
            if (!v || !*v) {
                cni_error_set(error, CNI_ERR_INVALID_ENV, NULL,
                              "%s is not set", required[i]);
                return false;
            }
        }
        if (env->command != CNI_DEL && (!env->netns || !*env->netns)) {
            cni_error_set(error, CNI_ERR_INVALID_ENV, NULL,
                          "CNI_NETNS is not set");
            return false;
        }
    }

    const char *args = getenv("CNI_ARGS");
    char *msg = args ? cni_args_parse(args, &env->args) : NULL;
    if (msg) {
        cni_error_set(error, CNI_ERR_INVALID_ENV, NULL, "CNI_ARGS: %s", msg);
        free(msg);
        return false;
    }
    return true;
}

/* Parses CNI_ARGS 'text', "KEY=VALUE;KEY=VALUE...", into 'args'.  Returns
 * an error if a pair has no "=", an empty key, or a key seen before. */
char *
cni_args_parse(const char *text, struct smap *args)
{
    char *copy = xstrdup(text);
    char *save = NULL;
    char *error = NULL;
    for (char *kv = strtok_r(copy, ";", &save); kv && !error;
         kv = strtok_r(NULL, ";", &save)) {
        char *eq = strchr(kv, '=');
        if (!eq || eq == kv) {
            error = xasprintf("\"%s\" is not KEY=VALUE", kv);
        } else {
            *eq = '\0';
            if (!smap_add_once(args, kv, eq + 1)) {
                error = xasprintf("%s is given twice: give each key once",
                                  kv);
            }
        }
    }
    free(copy);
    if (error) {
        smap_clear(args);
    }
    return error;
}

/* Frees what 'env' owns. */
void
cni_env_destroy(struct cni_env *env)
{
    if (env) {
        free(env->container_id);
        free(env->netns);
        free(env->ifname);
        free(env->path);
        smap_destroy(&env->args);
    }
}

/* Compares versions "a.b.c" numerically, like strcmp(). */
int
cni_version_compare(const char *a, const char *b)
{
    int x[3] = { 0, 0, 0 }, y[3] = { 0, 0, 0 };
    sscanf(a, "%d.%d.%d", &x[0], &x[1], &x[2]);
    sscanf(b, "%d.%d.%d", &y[0], &y[1], &y[2]);
    for (int i = 0; i < 3; i++) {
        if (x[i] != y[i]) {
            return x[i] < y[i] ? -1 : 1;
        }
    }
    return 0;
}

/* Returns true if this plugin speaks 'version'. */
bool
cni_version_is_supported(const char *version)
{
    for (size_t i = 0; i < cni_n_versions; i++) {
        if (!strcmp(version, cni_versions[i])) {
            return true;
        }
    }
    return false;
}

/* Field readers: each returns false, with code 7 naming the field, if the
 * field is there with the wrong type.  Missing fields are not errors.
 * get_string_in() names the field as 'label', for nested fields. */
static bool
get_string_in(const struct json *obj, const char *field, const char *label,
              char **value, struct cni_error *error)
{
    const struct json *v = shash_find_data(json_object(obj), field);
    if (!v || v->type == JSON_NULL) {
        return true;
    }
    if (v->type != JSON_STRING) {
        cni_error_set(error, CNI_ERR_INVALID_CONFIG, NULL,
                      "field \"%s\" must be a string", label);
        return false;
    }
    *value = xstrdup(json_string(v));
    return true;
}

static bool
get_string(const struct json *obj, const char *field, char **value,
           struct cni_error *error)
{
    return get_string_in(obj, field, field, value, error);
}

static bool
get_int(const struct json *obj, const char *field, int min, int max,
        int *value, struct cni_error *error)
{
    const struct json *v = shash_find_data(json_object(obj), field);
    if (!v || v->type == JSON_NULL) {
        return true;
    }
    if (v->type != JSON_INTEGER || v->integer < min || v->integer > max) {
        cni_error_set(error, CNI_ERR_INVALID_CONFIG, NULL,
                      "field \"%s\" must be an integer from %d to %d",
                      field, min, max);
        return false;
    }
    *value = v->integer;
    return true;
}

static bool
get_object(const struct json *obj, const char *field,
           const struct json **value, struct cni_error *error)
{
    const struct json *v = shash_find_data(json_object(obj), field);
    if (!v || v->type == JSON_NULL) {
        return true;
    }
    if (v->type != JSON_OBJECT) {
        cni_error_set(error, CNI_ERR_INVALID_CONFIG, NULL,
                      "field \"%s\" must be an object", field);
        return false;
    }
    *value = v;
    return true;
}

/* Parses the network configuration 'text' ('length' bytes) for 'command'
 * into 'cfg'.  Unknown fields are ignored.  Returns false, with 'error'
 * set, if the text is too long (code 7), not JSON (code 6), lacks "name"
 * or "type" (except for VERSION), or has a field of the wrong type or a malformed
 * "prevResult" (code 7). */
bool
cni_config_parse(const char *text, size_t length, enum cni_command command,
                 struct cni_config *cfg, struct cni_error *error)
{
    memset(cfg, 0, sizeof *cfg);

    if (length > CNI_MAX_INPUT) {
        cni_error_set(error, CNI_ERR_INVALID_CONFIG, NULL,
                      "network configuration is larger than %d bytes",
                      CNI_MAX_INPUT);
        return false;
    }
    if (memchr(text, '\0', length)) {
        cni_error_set(error, CNI_ERR_DECODE, NULL,
                      "network configuration contains a NUL byte");
        return false;
    }
    char *copy = xmemdup0(text, length);
    char *bad_utf8 = utf8_validate(copy, NULL);
    if (bad_utf8) {
        cni_error_set(error, CNI_ERR_DECODE, NULL, "cannot decode the "
                      "network configuration: %s", bad_utf8);
        free(bad_utf8);
        free(copy);
        return false;
    }
    cfg->json = json_from_string(copy);
    free(copy);
    if (cfg->json->type == JSON_STRING) {
        cni_error_set(error, CNI_ERR_DECODE, json_string(cfg->json),
                      "cannot decode the network configuration");
        return false;
    }
    if (cfg->json->type != JSON_OBJECT) {
        cni_error_set(error, CNI_ERR_DECODE, NULL,
                      "the network configuration is not a JSON object");
        return false;
    }

    const struct json *j = cfg->json;
    const struct json *runtime = NULL;
    const struct json *ipam = NULL;
    if (!get_string(j, "cniVersion", &cfg->cni_version, error)
        || !get_string(j, "name", &cfg->name, error)
        || !get_string(j, "type", &cfg->type, error)
        || !get_string(j, "bridge", &cfg->bridge, error)
        || !get_string(j, "peer", &cfg->peer, error)
        || !get_string(j, "uplink", &cfg->uplink, error)
        || !get_int(j, "vlan", 1, 4094, &cfg->vlan, error)
        || !get_string(j, "mac", &cfg->mac, error)
        || !get_string(j, "socketDir", &cfg->socket_dir, error)
        || !get_string(j, "owner", &cfg->owner, error)
        || !get_int(j, "queues", 1, 64, &cfg->queues, error)
        || !get_int(j, "mtu", 68, 9702, &cfg->mtu, error)
        || !get_string(j, "ovsdb", &cfg->ovsdb, error)
        || !get_string(j, "podMount", &cfg->pod_mount, error)
        || !get_string(j, "portType", &cfg->port_type, error)
        || !get_int(j, "timeout", 1, 3600, &cfg->timeout, error)
        || !get_object(j, "ipam", &ipam, error)
        || !get_object(j, "prevResult", &cfg->prev_result, error)
        || !get_object(j, "runtimeConfig", &runtime, error)) {
        return false;
    }

    if (command != CNI_VERSION) {
        char *msg = (cfg->name
                     ? pod_check_name("field \"name\"", cfg->name, NAME_MAX)
                     : xstrdup("field \"name\" is missing"));
        if (msg) {
            cni_error_set(error, CNI_ERR_INVALID_CONFIG, NULL,
                          "%s: it names the network", msg);
            free(msg);
            return false;
        }
    }
    if (command != CNI_VERSION && (!cfg->type || !cfg->type[0])) {
        cni_error_set(error, CNI_ERR_INVALID_CONFIG, NULL,
                      "field \"type\" is %s: it must name this plugin, "
                      "\"ovs-pod\"", cfg->type ? "empty" : "missing");
        return false;
    }
    if (cfg->prev_result
        && !cni_result_parse(cfg->prev_result, "field \"prevResult\"",
                             CNI_ERR_INVALID_CONFIG, &cfg->prev, error)) {
        return false;
    }

    const struct json *dc = shash_find_data(json_object(j), "disableCheck");
    if (dc && dc->type != JSON_TRUE && dc->type != JSON_FALSE) {
        cni_error_set(error, CNI_ERR_INVALID_CONFIG, NULL,
                      "field \"disableCheck\" must be a boolean");
        return false;
    }
    cfg->disable_check = dc && dc->type == JSON_TRUE;

    if (ipam && shash_count(json_object(ipam))) {
        cfg->ipam = ipam;
        if (!get_string_in(ipam, "type", "ipam.type", &cfg->ipam_type,
                           error)) {
            return false;
        }
        char *msg = (cfg->ipam_type
                     ? pod_check_name("field \"ipam.type\"", cfg->ipam_type,
                                      NAME_MAX)
                     : xstrdup("field \"ipam.type\" is missing"));
        if (msg) {
            cni_error_set(error, CNI_ERR_INVALID_CONFIG, NULL,
                          "%s: it must name an IPAM plugin in CNI_PATH", msg);
            free(msg);
            return false;
        }
    }
    if (runtime && !get_string_in(runtime, "CNIDeviceInfoFile",
                                  "runtimeConfig.CNIDeviceInfoFile",
                                  &cfg->device_info_file, error)) {
        return false;
    }

    const struct json *valid = shash_find_data(json_object(j),
                                               "cni.dev/valid-attachments");
    if (valid) {
        if (valid->type != JSON_ARRAY) {
            cni_error_set(error, CNI_ERR_INVALID_CONFIG, NULL, "field "
                          "\"cni.dev/valid-attachments\" must be an array");
            return false;
        }
        cfg->valid_attachments = valid;
    }
    return true;
}

/* Frees what 'cfg' owns. */
void
cni_config_destroy(struct cni_config *cfg)
{
    if (cfg) {
        json_destroy(cfg->json);
        free(cfg->cni_version);
        free(cfg->name);
        free(cfg->bridge);
        free(cfg->peer);
        free(cfg->uplink);
        free(cfg->mac);
        free(cfg->socket_dir);
        free(cfg->owner);
        free(cfg->ovsdb);
        free(cfg->pod_mount);
        free(cfg->port_type);
        free(cfg->ipam_type);
        free(cfg->device_info_file);
        free(cfg->type);
        cni_result_destroy(&cfg->prev);
        memset(cfg, 0, sizeof *cfg);
    }
}

/* Initializes 'r' as empty. */
void
cni_result_init(struct cni_result *r)
{
    memset(r, 0, sizeof *r);
}

/* Frees what 'r' owns. */
void
cni_result_destroy(struct cni_result *r)
{
    if (r) {
        free(r->ifname);
        free(r->mac);
        free(r->sandbox);
        free(r->socket_path);
        for (size_t i = 0; i < r->n_ips; i++) {
            free(r->ips[i].address);
            free(r->ips[i].gateway);
        }
        free(r->ips);
        json_destroy(r->routes);
        json_destroy(r->dns);
        cni_result_init(r);
    }
}

/* Is 's' an IPv4 or IPv6 address, with a prefix length if 'cidr'? */
static bool
is_ip(const char *s, bool cidr)
{
    ovs_be32 ip4;
    struct in6_addr ip6;
    unsigned int plen;

    if (!cidr) {
        return ip_parse(s, &ip4) || ipv6_parse(s, &ip6);
    }
    if (!strchr(s, '/')) {
        return false;           /* The parsers would take a bare address. */
    }
    char *error = ip_parse_cidr(s, &ip4, &plen);
    if (error) {
        free(error);
        error = ipv6_parse_cidr(s, &ip6, &plen);
    }
    bool ok = !error;
    free(error);
    return ok;
}

/* Reads the IPs, routes and DNS of a CNI result 'j' (of any version from
 * 0.3.0 on) into 'r'.  On error, sets 'error' to 'code' with a message
 * that calls the result 'what'.  Each IP must have an address with a
 * prefix length, and a gateway, if any, must be an address. */
bool
cni_result_parse(const struct json *j, const char *what, int code,
                 struct cni_result *r, struct cni_error *error)
{
    if (j->type != JSON_OBJECT) {
        cni_error_set(error, code, NULL, "%s is not a JSON object", what);
        return false;
    }
    const struct json *ips = shash_find_data(json_object(j), "ips");
    if (ips && ips->type == JSON_ARRAY) {
        for (size_t i = 0; i < json_array(ips)->n; i++) {
            const struct json *ip = json_array(ips)->elems[i];
            char *address = NULL, *gateway = NULL;
            struct cni_error ignored = CNI_ERROR_INITIALIZER;
            if (ip->type != JSON_OBJECT
                || !get_string(ip, "address", &address, &ignored)
                || !get_string(ip, "gateway", &gateway, &ignored)
                || !address || !is_ip(address, true)
                || (gateway && !is_ip(gateway, false))) {
                cni_error_set(error, code, NULL, "%s: ips[%"PRIuSIZE"] "
                              "needs an \"address\" such as 10.1.0.5/24 "
                              "and at most an address as \"gateway\" "
                              "(address %s%s%s, gateway %s%s%s)", what, i,
                              address ? "\"" : "",
                              address ? address : "missing",
                              address ? "\"" : "",
                              gateway ? "\"" : "",
                              gateway ? gateway : "missing",
                              gateway ? "\"" : "");
                cni_error_destroy(&ignored);
                free(address);
                free(gateway);
                return false;
            }
            r->ips = xrealloc(r->ips, (r->n_ips + 1) * sizeof *r->ips);
            r->ips[r->n_ips].address = address;
            r->ips[r->n_ips].gateway = gateway;
            r->n_ips++;
        }
    }
    const struct json *routes = shash_find_data(json_object(j), "routes");
    if (routes && routes->type == JSON_ARRAY) {
        r->routes = json_clone(routes);
    }
    const struct json *dns = shash_find_data(json_object(j), "dns");
    if (dns && dns->type == JSON_OBJECT) {
        r->dns = json_clone(dns);
    }
    return true;
}

/* Returns 'r' as a result of CNI 'version': 0.3.x and 0.4.0 give each IP
 * a "version"; 1.1.0 adds the interface's "socketPath". */
struct json *
cni_result_to_json(const struct cni_result *r, const char *version)
{
    struct json *iface = json_object_create();
    json_object_put_string(iface, "name", r->ifname ? r->ifname : "");
    if (r->mac) {
        json_object_put_string(iface, "mac", r->mac);
    }
    json_object_put_string(iface, "sandbox", r->sandbox ? r->sandbox : "");
    if (r->socket_path && cni_version_compare(version, "1.1.0") >= 0) {
        json_object_put_string(iface, "socketPath", r->socket_path);
    }
    struct json *ifaces = json_array_create_1(iface);

    struct json *ips = json_array_create_empty();
    for (size_t i = 0; i < r->n_ips; i++) {
        struct json *ip = json_object_create();
        if (cni_version_compare(version, "1.0.0") < 0) {
            json_object_put_string(ip, "version",
                                   strchr(r->ips[i].address, ':')
                                   ? "6" : "4");
        }
        json_object_put_string(ip, "address", r->ips[i].address);
        if (r->ips[i].gateway) {
            json_object_put_string(ip, "gateway", r->ips[i].gateway);
        }
        json_object_put(ip, "interface", json_integer_create(0));
        json_array_add(ips, ip);
    }

    struct json *result = json_object_create();
    json_object_put_string(result, "cniVersion", version);
    json_object_put(result, "interfaces", ifaces);
    json_object_put(result, "ips", ips);
    if (r->routes) {
        json_object_put(result, "routes", json_clone(r->routes));
    }
    json_object_put(result, "dns", r->dns ? json_clone(r->dns)
                                          : json_object_create());
    return result;
}
