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
#include "openflow/openflow.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/ofp-actions.h"
#include "openvswitch/ofp-bundle.h"
#include "openvswitch/ofp-errors.h"
#include "openvswitch/ofp-flow.h"
#include "openvswitch/ofp-msgs.h"
#include "openvswitch/ofp-protocol.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/shash.h"
#include "openvswitch/list.h"
#include "openvswitch/vconn.h"
#include "pod-flows.h"
#include "pod.h"
#include "simap.h"
#include "socket-util.h"
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
    struct ofputil_flow_mod fm; /* To delete it (installed flows only). */
    bool ours;
    bool wanted;                /* Installed and desired alike. */
};

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
        minimatch_destroy(&tf->fm.match);
        free(tf);
    }
    shash_destroy(flows);
}

/* Reads table 0 into 'flows', keyed by formatted match and priority. */
static char *
dump_flows(struct flow_table *table, struct shash *flows)
{
    struct ofputil_flow_stats_request fsr = {
        .aggregate = false,
        .out_port = OFPP_ANY,
        .out_group = OFPG_ANY,
        .table_id = 0,
    };
    match_init_catchall(&fsr.match);

    struct ofputil_flow_stats *fses;
    size_t n_fses;
    int error = vconn_dump_flows(table->vconn, &fsr, table->protocol,
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
        minimatch_init(&tf->fm.match, &fs->match);
        tf->fm.priority = fs->priority;
        tf->fm.cookie = fs->cookie;
        tf->fm.cookie_mask = OVS_BE64_MAX;
        tf->fm.new_cookie = OVS_BE64_MAX;
        tf->fm.table_id = 0;
        tf->fm.command = OFPFC_DELETE_STRICT;
        tf->fm.buffer_id = UINT32_MAX;
        tf->fm.out_port = OFPP_ANY;
        tf->fm.out_group = OFPG_ANY;

        char *key = match_to_string(&fs->match, NULL, fs->priority);
        if (!shash_add_once(flows, key, tf)) {
            free(tf->actions);
            minimatch_destroy(&tf->fm.match);
            free(tf);
        }
        free(key);
        free(CONST_CAST(struct ofpact *, fs->ofpacts));
    }
    free(fses);
    return NULL;
}

/* Parses desired flow 'f' into an encoded flow_mod in '*msgp', and its
 * comparable form into '*keyp' and '*actionsp'. */
static char *
prepare_flow(struct flow_table *table, const struct pod_flow *f,
             struct ofpbuf **msgp, char **keyp, char **actionsp)
{
    char *s = xasprintf("cookie=0x%"PRIx64",table=0,priority=%d,%s,"
                        "actions=%s", f->cookie, f->priority, f->match,
                        f->actions);
    struct ofputil_flow_mod fm;
    enum ofputil_protocol usable;
    char *error = parse_ofp_flow_mod_str(&fm, s, NULL, NULL, OFPFC_ADD,
                                         &usable);
    if (error) {
        char *msg = xasprintf("bad flow \"%s\": %s", s, error);
        free(error);
        free(s);
        return msg;
    }
    free(s);

    struct ofpbuf *msg = ofputil_encode_flow_mod(&fm, table->protocol);
    minimatch_destroy(&fm.match);
    free(fm.ofpacts);

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
    *keyp = minimatch_to_string(&back.match, NULL, back.priority);
    *actionsp = format_actions(ofpacts.data, ofpacts.size);
    *msgp = msg;
    minimatch_destroy(&back.match);
    ofpbuf_uninit(&ofpacts);
    return NULL;
}

/* Makes the flows with ovs-pod's cookie mark in 'table' exactly 'desired',
 * in one atomic bundle, or changes nothing if they already are.  Stores
 * how many flows were added (or replaced) and removed.  Returns NULL on
 * success, otherwise a malloc()'d error message, and then nothing was
 * changed. */
char *
flow_table_sync(struct flow_table *table, const struct pod_flow_set *desired,
                size_t *n_added, size_t *n_removed)
{
    *n_added = *n_removed = 0;

    struct shash installed = SHASH_INITIALIZER(&installed);
    char *error = dump_flows(table, &installed);
    if (error) {
        table_flows_destroy(&installed);
        return error;
    }

    struct ovs_list requests = OVS_LIST_INITIALIZER(&requests);
    for (size_t i = 0; i < desired->n && !error; i++) {
        const struct pod_flow *f = &desired->flows[i];
        struct ofpbuf *msg = NULL;
        char *key = NULL, *actions = NULL;
        error = prepare_flow(table, f, &msg, &key, &actions);
        if (error) {
            break;
        }

        struct table_flow *tf = shash_find_data(&installed, key);
        if (tf && !tf->ours) {
            error = xasprintf("bridge %s has a flow that ovs-pod did not "
                              "install with the match it needs (%s): "
                              "remove it", table->bridge, key);
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

    if (!error) {
        struct shash_node *node;
        SHASH_FOR_EACH (node, &installed) {
            struct table_flow *tf = node->data;
            if (tf->ours && !tf->wanted) {
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
            error = xasprintf("bridge %s refused ovs-pod's flows (nothing "
                              "was changed): %s", table->bridge,
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
    }
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
