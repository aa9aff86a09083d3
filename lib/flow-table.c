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

/* Reconciling ovs-pod's flows: see flow-table.h.
 *
 * Flows are compared as OVS itself prints them after a round trip through
 * the negotiated OpenFlow version, so that a flow we would add compares
 * equal to the same flow read back from the switch.  A second sync of an
 * unchanged table therefore sends no flow_mod at all. */

#include <config.h>
#include "flow-table.h"

#include <string.h>
#include "byte-order.h"
#include "flow.h"
#include "openflow/openflow.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/ofp-actions.h"
#include "openvswitch/ofp-bundle.h"
#include "openvswitch/ofp-errors.h"
#include "openvswitch/ofp-flow.h"
#include "openvswitch/ofp-msgs.h"
#include "openvswitch/ofp-port.h"
#include "openvswitch/ofp-protocol.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/shash.h"
#include "openvswitch/list.h"
#include "openvswitch/vconn.h"
#include "operator-flows.h"
#include "pod-flows.h"
#include "pod.h"
#include "simap.h"
#include "socket-util.h"
#include "sset.h"
#include "svec.h"
#include "util.h"
#include "openvswitch/vlog.h"

VLOG_DEFINE_THIS_MODULE(flow_table);

struct flow_table {
    struct vconn *vconn;
    enum ofputil_protocol protocol;
    char *bridge;
};

/* A flow, as compared. */
struct table_flow {
    uint64_t cookie;
    char *actions;              /* Formatted. */
    char *text;                 /* Whole, in add-flows syntax (not ours). */
    struct ofputil_flow_mod fm; /* To delete it (installed flows only). */
    bool ours;
    bool wanted;                /* Installed and desired alike. */
};

/* Flows are compared by table, priority and match, which identify a flow
 * in OpenFlow: adding a flow replaces the one with the same key. */
static char *
flow_key(uint8_t table_id, const struct minimatch *match, int priority)
{
    char *m = minimatch_to_string(match, NULL, priority);
    char *key = xasprintf("table=%"PRIu8",%s", table_id, m);
    free(m);
    return key;
}

/* Connects to 'bridge''s management socket in OVS run directory 'rundir',
 * waiting at most 'timeout_s' seconds.  Returns NULL and stores the table
 * in '*tablep' on success, otherwise a malloc()'d error message. */
char *
flow_table_open(const char *rundir, const char *bridge, int timeout_s,
                struct flow_table **tablep)
{
    /* Bundles need OpenFlow 1.3 (with OVS's extension) or later. */
    uint32_t versions = ((1u << OFP13_VERSION) | (1u << OFP14_VERSION)
                         | (1u << OFP15_VERSION));
    char *name = xasprintf("unix:%s/%s.mgmt", rundir, bridge);
    struct vconn *vconn;
    int error = vconn_open_block(name, versions, DSCP_DEFAULT,
                                 timeout_s * 1000LL, &vconn);
    if (error) {
        char *msg = xasprintf("cannot connect to bridge %s at %s (%s): is "
                              "ovs-vswitchd running, and the bridge created "
                              "with \"ovs-podctl init\"?", bridge, name,
                              ovs_retval_to_string(error));
        free(name);
        *tablep = NULL;
        return msg;
    }
    free(name);

    struct flow_table *table = xzalloc(sizeof *table);
    table->vconn = vconn;
    table->protocol = ofputil_protocol_from_ofp_version(
        vconn_get_version(vconn));
    table->bridge = xstrdup(bridge);
    *tablep = table;
    return NULL;
}

/* Closes 'table'. */
void
flow_table_close(struct flow_table *table)
{
    if (table) {
        vconn_close(table->vconn);
        free(table->bridge);
        free(table);
    }
}

static char *
format_actions(const struct ofpact *ofpacts, size_t len)
{
    struct ds s = DS_EMPTY_INITIALIZER;
    struct ofpact_format_params fp = { .s = &s };
    ofpacts_format(ofpacts, len, &fp);
    return ds_steal_cstr(&s);
}

static void
table_flows_destroy(struct shash *flows)
{
    struct shash_node *node;
    SHASH_FOR_EACH_SAFE (node, flows) {
        struct table_flow *tf = node->data;
        free(tf->actions);
        free(tf->text);
        minimatch_destroy(&tf->fm.match);
        free(tf);
    }
    shash_destroy(flows);
}

/* Reads into 'flows', keyed by flow_key(), the flows that OpenFlow's
 * non-strict request 'fsr' names; if 'only_key' is nonnull, only the one
 * with that key.  A flow already in 'flows' stays as it was. */
static char *
dump_flows__(struct flow_table *table,
             const struct ofputil_flow_stats_request *fsr,
             const char *only_key, struct shash *flows)
{
    struct ofputil_flow_stats *fses;
    size_t n_fses;
    int error = vconn_dump_flows(table->vconn, fsr, table->protocol,
                                 &fses, &n_fses);
    if (error) {
        return xasprintf("cannot read the flows of bridge %s: %s",
                         table->bridge, ovs_retval_to_string(error));
    }

    for (size_t i = 0; i < n_fses; i++) {
        const struct ofputil_flow_stats *fs = &fses[i];
        struct table_flow *tf = xzalloc(sizeof *tf);
        tf->cookie = ntohll(fs->cookie);
        tf->ours = (tf->cookie & POD_COOKIE_MASK) == POD_COOKIE_MARK;
        tf->actions = format_actions(fs->ofpacts, fs->ofpacts_len);
        if (!tf->ours) {
            struct ds text = DS_EMPTY_INITIALIZER;
            ofputil_flow_stats_format(&text, fs, NULL, NULL, false);
            tf->text = ds_steal_cstr(&text);
        }
        minimatch_init(&tf->fm.match, &fs->match);
        tf->fm.priority = fs->priority;
        tf->fm.cookie = fs->cookie;
        tf->fm.cookie_mask = OVS_BE64_MAX;
        tf->fm.new_cookie = OVS_BE64_MAX;
        tf->fm.table_id = fs->table_id;
        tf->fm.command = OFPFC_DELETE_STRICT;
        tf->fm.buffer_id = UINT32_MAX;
        tf->fm.out_port = OFPP_ANY;
        tf->fm.out_group = OFPG_ANY;

        char *key = flow_key(fs->table_id, &tf->fm.match, fs->priority);
        if ((only_key && strcmp(key, only_key))
            || !shash_add_once(flows, key, tf)) {
            free(tf->actions);
            free(tf->text);
            minimatch_destroy(&tf->fm.match);
            free(tf);
        }
        free(key);
        free(CONST_CAST(struct ofpact *, fs->ofpacts));
    }
    free(fses);
    return NULL;
}

/* Initializes 'fsr' to ask for every flow of table 'table_id' (OFPTT_ALL:
 * of every table). */
static void
fsr_init(struct ofputil_flow_stats_request *fsr, uint8_t table_id)
{
    memset(fsr, 0, sizeof *fsr);
    fsr->out_port = OFPP_ANY;
    fsr->out_group = OFPG_ANY;
    fsr->table_id = table_id;
    match_init_catchall(&fsr->match);
}

/* Reads every table into 'flows', keyed by flow_key(). */
static char *
dump_flows(struct flow_table *table, struct shash *flows)
{
    struct ofputil_flow_stats_request fsr;
    fsr_init(&fsr, OFPTT_ALL);
    return dump_flows__(table, &fsr, NULL, flows);
}

/* Adds to the '*n' '*cookies' the cookie of every flow with ovs-pod's mark
 * in 'table' that takes frames from OpenFlow port 'port' or may send them
 * to it, each cookie once. */
char *
flow_table_port_cookies(struct flow_table *table, int port,
                        uint64_t **cookies, size_t *n)
{
    struct ofputil_flow_stats_request fsr;
    fsr_init(&fsr, OFPTT_ALL);
    match_set_in_port(&fsr.match, u16_to_ofp(port));
    struct shash flows = SHASH_INITIALIZER(&flows);
    char *error = dump_flows__(table, &fsr, NULL, &flows);
    if (!error) {
        fsr_init(&fsr, OFPTT_ALL);
        fsr.out_port = u16_to_ofp(port);
        error = dump_flows__(table, &fsr, NULL, &flows);
    }
    struct shash_node *node;
    SHASH_FOR_EACH (node, &flows) {
        const struct table_flow *tf = node->data;
        if (tf->ours) {
            flow_table_add_cookie(cookies, n, tf->cookie);
        }
    }
    table_flows_destroy(&flows);
    return error;
}

/* Returns true if 'cookie' is one of the 'n' 'cookies'. */
bool
flow_table_has_cookie(const uint64_t *cookies, size_t n, uint64_t cookie)
{
    for (size_t i = 0; i < n; i++) {
        if (cookies[i] == cookie) {
            return true;
        }
    }
    return false;
}

/* Appends 'cookie' to the '*n' '*cookies' (a malloc()'d array) unless it
 * is there already. */
void
flow_table_add_cookie(uint64_t **cookies, size_t *n, uint64_t cookie)
{
    if (!flow_table_has_cookie(*cookies, *n, cookie)) {
        *cookies = xrealloc(*cookies, (*n + 1) * sizeof **cookies);
        (*cookies)[(*n)++] = cookie;
    }
}

/* A set of cookies, or every cookie if 'cookies' is NULL. */
struct cookie_scope {
    const uint64_t *cookies;
    size_t n;
};

static bool
in_scope(const struct cookie_scope *scope, uint64_t cookie)
{
    if (!scope->cookies) {
        return true;
    }
    return flow_table_has_cookie(scope->cookies, scope->n, cookie);
}

/* Encodes 'fm' (whose match and actions it frees) into a flow_mod in
 * '*msgp', and stores its comparable form, as the switch will read it, in
 * '*keyp' and '*actionsp'. */
static char *
encode_flow(struct flow_table *table, struct ofputil_flow_mod *fm,
            struct ofpbuf **msgp, char **keyp, char **actionsp)
{
    struct ofpbuf *msg = ofputil_encode_flow_mod(fm, table->protocol);
    minimatch_destroy(&fm->match);
    free(fm->ofpacts);

    /* Read it back the way the switch will. */
    struct ofputil_flow_mod back;
    struct ofpbuf ofpacts;
    ofpbuf_init(&ofpacts, 64);
    enum ofperr err = ofputil_decode_flow_mod(&back, msg->data,
                                              table->protocol, NULL, NULL,
                                              &ofpacts, OFPP_MAX, 255);
    if (err) {
        ofpbuf_uninit(&ofpacts);
        ofpbuf_delete(msg);
        return xasprintf("cannot encode flow: %s", ofperr_to_string(err));
    }
    *keyp = flow_key(back.table_id, &back.match, back.priority);
    *actionsp = format_actions(ofpacts.data, ofpacts.size);
    *msgp = msg;
    minimatch_destroy(&back.match);
    ofpbuf_uninit(&ofpacts);
    return NULL;
}

/* Parses desired flow 'f' into an OFPFC_ADD '*fm'. */
static char *
parse_flow(const struct pod_flow *f, struct ofputil_flow_mod *fm)
{
    char *s = xasprintf("cookie=0x%"PRIx64",table=0,priority=%d,%s,"
                        "actions=%s", f->cookie, f->priority, f->match,
                        f->actions);
    enum ofputil_protocol usable;
    char *error = parse_ofp_flow_mod_str(fm, s, NULL, NULL, OFPFC_ADD,
                                         &usable);
    if (error) {
        char *msg = xasprintf("bad flow \"%s\": %s", s, error);
        free(error);
        free(s);
        return msg;
    }
    free(s);
    return NULL;
}

/* Parses desired flow 'f' into an encoded flow_mod in '*msgp', and its
 * comparable form into '*keyp' and '*actionsp'. */
static char *
prepare_flow(struct flow_table *table, const struct pod_flow *f,
             struct ofpbuf **msgp, char **keyp, char **actionsp)
{
    struct ofputil_flow_mod fm;
    char *error = parse_flow(f, &fm);
    return error ? error : encode_flow(table, &fm, msgp, keyp, actionsp);
}

/* Parses the operator's flow 'of', with port names from 'port_map', into
 * an encoded flow_mod in '*msgp', and its comparable form into '*keyp' and
 * '*actionsp'.  The flow must not use ovs-pod's cookie space. */
static char *
prepare_operator_flow(struct flow_table *table,
                      const struct operator_flow *of,
                      const struct ofputil_port_map *port_map,
                      struct ofpbuf **msgp, char **keyp, char **actionsp,
                      uint64_t *cookiep)
{
    struct ofputil_flow_mod fm;
    enum ofputil_protocol usable;
    char *error = parse_ofp_flow_mod_str(&fm, of->text, port_map, NULL,
                                         OFPFC_ADD, &usable);
    if (error) {
        char *msg = xasprintf("%s: bad flow \"%s\": %s (one flow per "
                              "line, in OVS's flow syntax: see "
                              "ovs-pod.conf(5))", of->where, of->text,
                              error);
        free(error);
        return msg;
    }

    uint64_t cookie = ntohll(fm.new_cookie);
    *cookiep = cookie;
    if ((cookie & POD_COOKIE_MASK) == POD_COOKIE_MARK) {
        error = xasprintf("%s: cookie 0x%"PRIx64" is in ovs-pod's cookie "
                          "space (0x%016"PRIx64"/0x%016"PRIx64"): give the "
                          "flow another cookie", of->where, cookie,
                          POD_COOKIE_MARK, POD_COOKIE_MASK);
    } else if (!(usable & table->protocol)) {
        error = xasprintf("%s: flow \"%s\" needs an OpenFlow version or "
                          "extension that the connection (%s) lacks",
                          of->where, of->text,
                          ofputil_protocol_to_string(table->protocol));
    }
    if (error) {
        minimatch_destroy(&fm.match);
        free(fm.ofpacts);
        return error;
    }
    if (fm.table_id == OFPTT_ALL) {
        fm.table_id = 0;
    }
    error = encode_flow(table, &fm, msgp, keyp, actionsp);
    if (error) {
        char *msg = xasprintf("%s: %s", of->where, error);
        free(error);
        error = msg;
    }
    return error;
}

/* Reports clash 'msg' in 'warnings', if nonnull, for the caller to show,
 * otherwise in the log. */
static void
clash(struct svec *warnings, char *msg)
{
    if (warnings) {
        VLOG_INFO("%s", msg);
        svec_add_nocopy(warnings, msg);
    } else {
        VLOG_WARN("%s", msg);
        free(msg);
    }
}

/* Adds to 'requests' the operator's flows 'extra' that 'installed' lacks,
 * with port names from 'ofports', and records each one's key in
 * 'claimed'. */
static char *
add_operator_flows(struct flow_table *table,
                   const struct operator_flows *extra,
                   const struct simap *ofports, struct shash *installed,
                   struct shash *claimed, struct ovs_list *requests,
                   size_t *n_added)
{
    struct ofputil_port_map port_map = OFPUTIL_PORT_MAP_INITIALIZER(
        &port_map);
    if (ofports) {
        struct simap_node *node;
        SIMAP_FOR_EACH (node, ofports) {
            ofputil_port_map_put(&port_map, u16_to_ofp(node->data),
                                 node->name);
        }
    }

    struct sset seen = SSET_INITIALIZER(&seen);
    char *error = NULL;
    for (size_t i = 0; extra && i < extra->n && !error; i++) {
        const struct operator_flow *of = &extra->flows[i];
        struct ofpbuf *msg;
        char *key, *actions;
        uint64_t cookie = 0;
        error = prepare_operator_flow(table, of, &port_map, &msg, &key,
                                      &actions, &cookie);
        if (error) {
            break;
        }
        /* The same flow from two places (flows.d, and saved before a
         * restart) is sent once. */
        char *flow = xasprintf("%s,cookie=%#"PRIx64",actions=%s", key,
                               cookie, actions);
        struct table_flow *tf = shash_find_data(installed, key);
        if (!sset_add(&seen, flow)) {
            ofpbuf_delete(msg);
        } else if (tf && !tf->ours && tf->cookie == cookie
                   && !strcmp(tf->actions, actions)
                   && !shash_find(claimed, key)) {
            tf->wanted = true;
            ofpbuf_delete(msg);
        } else {
            if (tf) {
                tf->wanted = true;
            }
            VLOG_DBG("bridge %s: operator's flow from %s: %s actions=%s",
                     table->bridge, of->where, key, actions);
            ovs_list_push_back(requests, &msg->list_node);
            (*n_added)++;
        }
        shash_replace(claimed, key, of->where);
        free(flow);
        free(key);
        free(actions);
    }
    sset_destroy(&seen);
    ofputil_port_map_destroy(&port_map);
    return error;
}

/* Reads into 'installed' the flows whose cookies are in 'scope', and, for
 * each flow of 'desired' in 'scope' that none of them has the key of, the
 * installed flow with that key, if any, whatever its cookie: to leave an
 * operator's flow that has it in place and report the clash. */
static char *
dump_scoped(struct flow_table *table, const struct pod_flow_set *desired,
            const struct cookie_scope *scope, struct shash *installed)
{
    struct ofputil_flow_stats_request fsr;
    fsr_init(&fsr, OFPTT_ALL);
    fsr.cookie_mask = OVS_BE64_MAX;
    char *error = NULL;
    for (size_t i = 0; i < scope->n && !error; i++) {
        fsr.cookie = htonll(scope->cookies[i]);
        error = dump_flows__(table, &fsr, NULL, installed);
    }

    for (size_t i = 0; i < desired->n && !error; i++) {
        const struct pod_flow *f = &desired->flows[i];
        if (!in_scope(scope, f->cookie)) {
            continue;
        }
        struct ofputil_flow_mod fm;
        error = parse_flow(f, &fm);
        if (error) {
            break;
        }
        struct ofputil_flow_stats_request one;
        fsr_init(&one, 0);
        minimatch_expand(&fm.match, &one.match);

        struct ofpbuf *msg;
        char *key, *actions;
        error = encode_flow(table, &fm, &msg, &key, &actions);
        if (error) {
            break;
        }
        ofpbuf_delete(msg);
        free(actions);
        if (!shash_find(installed, key)) {
            error = dump_flows__(table, &one, key, installed);
        }
        free(key);
    }
    return error;
}

static char *sync__(struct flow_table *, const struct pod_flow_set *,
                    const struct operator_flows *, const struct simap *,
                    const struct cookie_scope *, size_t *n_added,
                    size_t *n_removed, struct svec *warnings);

/* Makes the flows with ovs-pod's cookie mark in 'table' exactly 'desired',
 * and adds the operator's flows 'extra' (if nonnull) that are missing,
 * with port names resolved through 'ofports', all in one atomic bundle;
 * or changes nothing if nothing is missing.  Flows without ovs-pod's mark
 * are never removed.
 *
 * A flow of 'desired' whose table, priority and match are those of an
 * operator's flow (one of 'extra', or one already installed without
 * ovs-pod's mark) clashes: the operator's flow stays, that flow of
 * 'desired' is left out, and a message naming both goes to 'warnings'
 * (if nonnull) and the log.
 *
 * Stores how many flows were added (or replaced) and removed.  Returns
 * NULL on success, otherwise a malloc()'d error message, and then nothing
 * was changed. */
char *
flow_table_sync(struct flow_table *table, const struct pod_flow_set *desired,
                const struct operator_flows *extra,
                const struct simap *ofports, size_t *n_added,
                size_t *n_removed, struct svec *warnings)
{
    struct cookie_scope all = { .cookies = NULL };
    return sync__(table, desired, extra, ofports, &all, n_added, n_removed,
                  warnings);
}

/* Like flow_table_sync() without operator's flows, but reads and changes
 * only the flows whose cookies are among the 'n_cookies' of 'cookies', and
 * of 'desired' takes only those: what one attachment's change needs, in
 * time that does not grow with the other attachments' flows. */
char *
flow_table_sync_cookies(struct flow_table *table,
                        const struct pod_flow_set *desired,
                        const uint64_t *cookies, size_t n_cookies,
                        size_t *n_added, size_t *n_removed,
                        struct svec *warnings)
{
    struct cookie_scope scope = { .cookies = cookies, .n = n_cookies };
    return sync__(table, desired, NULL, NULL, &scope, n_added, n_removed,
                  warnings);
}

static char *
sync__(struct flow_table *table, const struct pod_flow_set *desired,
       const struct operator_flows *extra, const struct simap *ofports,
       const struct cookie_scope *scope, size_t *n_added, size_t *n_removed,
       struct svec *warnings)
{
    *n_added = *n_removed = 0;

    struct shash installed = SHASH_INITIALIZER(&installed);
    char *error = (scope->cookies
                   ? dump_scoped(table, desired, scope, &installed)
                   : dump_flows(table, &installed));
    if (error) {
        table_flows_destroy(&installed);
        return error;
    }

    /* The operator's flows go first: a pod's flow never replaces one. */
    struct ovs_list requests = OVS_LIST_INITIALIZER(&requests);
    struct shash claimed = SHASH_INITIALIZER(&claimed);
    struct svec clashes = SVEC_EMPTY_INITIALIZER;
    error = add_operator_flows(table, extra, ofports, &installed, &claimed,
                               &requests, n_added);

    for (size_t i = 0; i < desired->n && !error; i++) {
        const struct pod_flow *f = &desired->flows[i];
        if (!in_scope(scope, f->cookie)) {
            continue;
        }
        struct ofpbuf *msg = NULL;
        char *key = NULL, *actions = NULL;
        error = prepare_flow(table, f, &msg, &key, &actions);
        if (error) {
            break;
        }

        struct table_flow *tf = shash_find_data(&installed, key);
        const char *where = shash_find_data(&claimed, key);
        if (where) {
            svec_add_nocopy(&clashes, xasprintf(
                "bridge %s: the operator's flow from %s has the table, "
                "priority and match of ovs-pod's flow \"%s actions=%s\" "
                "(cookie 0x%"PRIx64"): ovs-pod's flow is left out",
                table->bridge, where, key, f->actions, f->cookie));
            ofpbuf_delete(msg);
        } else if (tf && !tf->ours) {
            svec_add_nocopy(&clashes, xasprintf(
                "bridge %s: the flow \"%s\" has the table, priority and "
                "match of ovs-pod's flow \"%s actions=%s\" (cookie "
                "0x%"PRIx64"): ovs-pod left that flow as it is, and its "
                "own out; give it another priority, or delete it (by its "
                "exact priority and match) and run \"ovs-podctl sync\"",
                table->bridge, tf->text, key, f->actions, f->cookie));
            ofpbuf_delete(msg);
        } else if (tf && tf->cookie == f->cookie
                   && !strcmp(tf->actions, actions)) {
            tf->wanted = true;
            ofpbuf_delete(msg);
        } else {
            /* Missing, or different: an add replaces it. */
            if (tf) {
                tf->wanted = true;
            }
            VLOG_DBG("bridge %s: %s %s actions=%s", table->bridge,
                     tf ? "replace" : "add", key, actions);
            ovs_list_push_back(&requests, &msg->list_node);
            (*n_added)++;
        }
        free(key);
        free(actions);
    }
    shash_destroy(&claimed);

    if (!error) {
        struct shash_node *node;
        SHASH_FOR_EACH (node, &installed) {
            struct table_flow *tf = node->data;
            if (tf->ours && !tf->wanted && in_scope(scope, tf->cookie)) {
                VLOG_DBG("bridge %s: delete %s", table->bridge, node->name);
                struct ofpbuf *msg = ofputil_encode_flow_mod(&tf->fm,
                                                             table->protocol);
                ovs_list_push_back(&requests, &msg->list_node);
                (*n_removed)++;
            }
        }
    }

    if (!error && !ovs_list_is_empty(&requests)) {
        struct ovs_list errors;
        int retval = vconn_bundle_transact(table->vconn, &requests,
                                           OFPBF_ORDERED | OFPBF_ATOMIC,
                                           &errors);
        if (!ovs_list_is_empty(&errors)) {
            struct ofpbuf *reply = CONTAINER_OF(ovs_list_front(&errors),
                                                struct ofpbuf, list_node);
            enum ofperr err = ofperr_decode_msg(reply->data, NULL);
            error = xasprintf("bridge %s refused the flows (nothing was "
                              "changed): %s", table->bridge,
                              ofperr_to_string(err));
        } else if (retval) {
            error = xasprintf("cannot update the flows of bridge %s: %s",
                              table->bridge, ovs_retval_to_string(retval));
        }
        ofpbuf_list_delete(&errors);
    }
    ofpbuf_list_delete(&requests);
    table_flows_destroy(&installed);
    if (error) {
        *n_added = *n_removed = 0;
    } else {
        for (size_t i = 0; i < clashes.n; i++) {
            clash(warnings, xstrdup(clashes.names[i]));
        }
    }
    svec_destroy(&clashes);
    return error;
}

/* Appends to 'lines' every flow of 'table' that does not carry ovs-pod's
 * mark, one a line in OVS's flow syntax (as the flows files hold them),
 * with port numbers (which ovs-vswitchd keeps across a restart), the way
 * OVS's ovs-save keeps them. */
char *
flow_table_format_others(struct flow_table *table, struct svec *lines)
{
    struct shash installed = SHASH_INITIALIZER(&installed);
    char *error = dump_flows(table, &installed);
    if (!error) {
        const struct shash_node **nodes = shash_sort(&installed);
        for (size_t i = 0; i < shash_count(&installed); i++) {
            const struct table_flow *tf = nodes[i]->data;
            if (!tf->ours) {
                svec_add(lines, tf->text);
            }
        }
        free(nodes);
    }
    table_flows_destroy(&installed);
    return error;
}

/* Counts the flows with ovs-pod's mark in 'table' by cookie, into 'counts'
 * keyed by the cookie in "0x%016"PRIx64 form. */
char *
flow_table_count_ours(struct flow_table *table, struct simap *counts)
{
    struct shash installed = SHASH_INITIALIZER(&installed);
    char *error = dump_flows(table, &installed);
    if (!error) {
        struct shash_node *node;
        SHASH_FOR_EACH (node, &installed) {
            struct table_flow *tf = node->data;
            if (tf->ours) {
                char *key = xasprintf("0x%016"PRIx64, tf->cookie);
                simap_increase(counts, key, 1);
                free(key);
            }
        }
    }
    table_flows_destroy(&installed);
    return error;
}
