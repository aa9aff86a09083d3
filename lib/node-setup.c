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

/* Node set-up through the OVSDB IDL: see node-setup.h.
 *
 * Bridges and ports are created the way ovs-vsctl's add-br and add-port
 * create them, so that OVS's own tools see nothing unusual.  Map columns
 * are changed with mutations (setkey/delkey), which leave the keys that
 * others own alone; keys that should be unset are deleted, never set to
 * "" (OVS passes empty dpdk-* values on to EAL). */

#include <config.h>
#include "node-setup.h"

#include <string.h>
#include "openvswitch/dynamic-string.h"
#include "ovsdb-idl.h"
#include "plan.h"
#include "smap.h"
#include "svec.h"
#include "uplink.h"
#include "util.h"
#include "vswitch-db.h"
#include "vswitch-idl.h"
#include "openvswitch/vlog.h"

VLOG_DEFINE_THIS_MODULE(node_setup);

/* external_ids key that marks what ovs-pod created. */
#define OWNER_KEY "ovs-pod"

/* Returns the name of the interface, other than 'except', whose
 * dpdk-devargs are 'devargs', or NULL. */
static const char *
find_devargs_user__(const struct ovsrec_open_vswitch *ovs,
                    const char *devargs, const char *except)
{
    for (size_t i = 0; i < ovs->n_bridges; i++) {
        const struct ovsrec_bridge *br = ovs->bridges[i];
        for (size_t j = 0; j < br->n_ports; j++) {
            const struct ovsrec_port *port = br->ports[j];
            for (size_t k = 0; k < port->n_interfaces; k++) {
                const struct ovsrec_interface *iface = port->interfaces[k];
                const char *d = smap_get(&iface->options, "dpdk-devargs");
                if (d && !strcmp(d, devargs) && strcmp(iface->name, except)) {
                    return iface->name;
                }
            }
        }
    }
    return NULL;
}

/* Checks that nothing in the database conflicts with 'setup'.  Returns
 * NULL if so, otherwise a malloc()'d error message. */
static char *
check_conflicts__(const struct node_setup *setup,
                  const struct ovsrec_open_vswitch *ovs)
{
    const struct ovsrec_bridge *br = vsdb_find_bridge(ovs, setup->bridge);
    if (br && strcmp(br->datapath_type, "netdev")) {
        return xasprintf("bridge %s exists with datapath_type \"%s\", but "
                         "ovs-pod needs a \"netdev\" (userspace) bridge: "
                         "delete it or choose another with --bridge",
                         setup->bridge, br->datapath_type);
    }

    for (size_t i = 0; i < setup->n_uplinks; i++) {
        const struct uplink *u = &setup->uplinks[i];
        const struct ovsrec_bridge *port_br;
        const struct ovsrec_port *port = vsdb_find_port(ovs, u->name,
                                                        &port_br);
        if (port && strcmp(port_br->name, setup->bridge)) {
            return xasprintf("uplink %s: a port of that name is on bridge "
                             "%s: delete it or name the uplink differently",
                             u->name, port_br->name);
        }
        if (port && port->n_interfaces != 1) {
            return xasprintf("uplink %s: port %s is a bond, not a single "
                             "DPDK interface", u->name, u->name);
        }
        const char *user = find_devargs_user__(ovs, u->devargs, u->name);
        if (user) {
            return xasprintf("uplink %s: device %s is already used by "
                             "interface %s", u->name, u->devargs, user);
        }
    }
    return NULL;
}

/* Plans the other_config changes. */
static void
other_config_changes__(const struct node_setup *setup,
                       const struct ovsrec_open_vswitch *ovs,
                       struct ovsdb_idl_txn *txn, struct svec *changes)
{
    for (int i = 0; i < PLAN_N_KEYS; i++) {
        const struct plan_setting *s = &setup->plan->settings[i];
        const char *cur = smap_get(&ovs->other_config, s->key);
        if (s->value && (!cur || strcmp(cur, s->value))) {
            svec_add_nocopy(changes, cur
                ? xasprintf("set other_config:%s=%s (was %s)", s->key,
                            s->value, cur)
                : xasprintf("set other_config:%s=%s", s->key, s->value));
            if (txn) {
                ovsrec_open_vswitch_update_other_config_setkey(ovs, s->key,
                                                               s->value);
            }
        } else if (!s->value && cur) {
            svec_add_nocopy(changes, xasprintf("delete other_config:%s "
                                               "(was %s)", s->key, cur));
            if (txn) {
                ovsrec_open_vswitch_update_other_config_delkey(ovs, s->key);
            }
        }
    }
}

/* Plans the bridge: a userspace bridge that forwards nothing by itself. */
static const struct ovsrec_bridge *
bridge_changes__(const struct node_setup *setup,
                 const struct ovsrec_open_vswitch *ovs,
                 struct ovsdb_idl_txn *txn, struct svec *changes)
{
    const struct ovsrec_bridge *br = vsdb_find_bridge(ovs, setup->bridge);
    if (!br) {
        svec_add_nocopy(changes, xasprintf("create bridge %s "
                                           "(datapath_type=netdev, "
                                           "fail_mode=secure)",
                                           setup->bridge));
        if (!txn) {
            return NULL;
        }
        struct ovsrec_interface *iface = vsdb_insert_interface(txn);
        ovsrec_interface_set_name(iface, setup->bridge);
        ovsrec_interface_set_type(iface, "internal");

        struct ovsrec_port *port = vsdb_insert_port(txn);
        ovsrec_port_set_name(port, setup->bridge);
        ovsrec_port_set_interfaces(port, &iface, 1);

        struct ovsrec_bridge *nbr = vsdb_insert_bridge(txn);
        ovsrec_bridge_set_name(nbr, setup->bridge);
        ovsrec_bridge_set_ports(nbr, &port, 1);
        ovsrec_bridge_set_datapath_type(nbr, "netdev");
        ovsrec_bridge_set_fail_mode(nbr, "secure");
        ovsrec_bridge_update_external_ids_setkey(nbr, OWNER_KEY, "bridge");
        ovsrec_open_vswitch_update_bridges_addvalue(ovs, nbr);
        return nbr;
    }

    if (!br->fail_mode || strcmp(br->fail_mode, "secure")) {
        svec_add_nocopy(changes, xasprintf("set bridge %s fail_mode=secure "
                                           "(was %s)", setup->bridge,
                                           br->fail_mode ? br->fail_mode
                                                         : "unset"));
        if (txn) {
            ovsrec_bridge_set_fail_mode(br, "secure");
        }
    }
    return br;
}

/* Plans uplink 'u' (its n_rxq is 'n_rxq') on bridge 'br'. */
static void
uplink_changes__(const struct node_setup *setup,
                 const struct ovsrec_open_vswitch *ovs,
                 const struct ovsrec_bridge *br, const struct uplink *u,
                 int n_rxq, struct ovsdb_idl_txn *txn, struct svec *changes)
{
    char *rxq = xasprintf("%d", n_rxq);
    int64_t mtu = setup->uplink_mtu;
    bool want_mtu = mtu != 1500;

    const struct ovsrec_bridge *port_br;
    const struct ovsrec_port *port = vsdb_find_port(ovs, u->name, &port_br);
    if (!port) {
        svec_add_nocopy(changes, xasprintf("add port %s to %s (type=dpdk, "
                                           "dpdk-devargs=%s, n_rxq=%s%s)",
                                           u->name, setup->bridge,
                                           u->devargs, rxq,
                                           want_mtu ? ", mtu_request" : ""));
        if (txn) {
            struct ovsrec_interface *iface = vsdb_insert_interface(txn);
            ovsrec_interface_set_name(iface, u->name);
            ovsrec_interface_set_type(iface, "dpdk");
            ovsrec_interface_update_options_setkey(iface, "dpdk-devargs",
                                                   u->devargs);
            ovsrec_interface_update_options_setkey(iface, "n_rxq", rxq);
            if (want_mtu) {
                ovsrec_interface_set_mtu_request(iface, &mtu, 1);
            }

            struct ovsrec_port *nport = vsdb_insert_port(txn);
            ovsrec_port_set_name(nport, u->name);
            ovsrec_port_set_interfaces(nport, &iface, 1);
            ovsrec_port_update_external_ids_setkey(nport, OWNER_KEY,
                                                   "uplink");
            ovsrec_bridge_update_ports_addvalue(br, nport);
        }
        free(rxq);
        return;
    }

    const struct ovsrec_interface *iface = port->interfaces[0];
    if (strcmp(iface->type, "dpdk")) {
        svec_add_nocopy(changes, xasprintf("set interface %s type=dpdk "
                                           "(was %s)", u->name,
                                           iface->type[0] ? iface->type
                                                          : "system"));
        if (txn) {
            ovsrec_interface_set_type(iface, "dpdk");
        }
    }

    static const char *const keys[] = { "dpdk-devargs", "n_rxq" };
    const char *values[] = { u->devargs, rxq };
    for (size_t i = 0; i < ARRAY_SIZE(keys); i++) {
        const char *cur = smap_get(&iface->options, keys[i]);
        if (!cur || strcmp(cur, values[i])) {
            svec_add_nocopy(changes, xasprintf("set interface %s "
                                               "options:%s=%s%s%s%s",
                                               u->name, keys[i], values[i],
                                               cur ? " (was " : "",
                                               cur ? cur : "",
                                               cur ? ")" : ""));
            if (txn) {
                ovsrec_interface_update_options_setkey(iface, keys[i],
                                                       values[i]);
            }
        }
    }

    bool has_mtu = iface->n_mtu_request > 0;
    if (want_mtu ? !has_mtu || *iface->mtu_request != mtu : has_mtu) {
        svec_add_nocopy(changes, want_mtu
                        ? xasprintf("set interface %s mtu_request=%"PRId64,
                                    u->name, mtu)
                        : xasprintf("clear interface %s mtu_request",
                                    u->name));
        if (txn) {
            ovsrec_interface_set_mtu_request(iface, want_mtu ? &mtu : NULL,
                                             want_mtu);
        }
    }

    if (!smap_get(&port->external_ids, OWNER_KEY)) {
        svec_add_nocopy(changes, xasprintf("set port %s external_ids:%s="
                                           "uplink", u->name, OWNER_KEY));
        if (txn) {
            ovsrec_port_update_external_ids_setkey(port, OWNER_KEY,
                                                   "uplink");
        }
    }
    free(rxq);
}

/* Computes what applying 'setup' to the database whose root is 'ovs'
 * changes, as one line per change appended to 'changes'.  If 'txn' is
 * nonnull, also makes those changes in 'txn'.  Returns NULL on success,
 * otherwise a malloc()'d error message (and changes nothing). */
char *
node_setup_changes(const struct node_setup *setup,
                   const struct ovsrec_open_vswitch *ovs,
                   struct ovsdb_idl_txn *txn, struct svec *changes)
{
    char *error = check_conflicts__(setup, ovs);
    if (error) {
        return error;
    }

    other_config_changes__(setup, ovs, txn, changes);
    const struct ovsrec_bridge *br = bridge_changes__(setup, ovs, txn,
                                                      changes);
    for (size_t i = 0; i < setup->n_uplinks; i++) {
        uplink_changes__(setup, ovs, br, &setup->uplinks[i],
                         setup->plan->uplinks[i].n_rxq, txn, changes);
    }
    return NULL;
}

/* Collects the errors ovs-vswitchd reports for the uplinks, and whether
 * DPDK came up.  With dpdk-init=true, ovs-vswitchd either initializes DPDK
 * or exits, so we wait for the verdict; with "try" the operator accepted
 * running without DPDK, so we only report what we see. */
static void
collect_problems__(const struct node_setup *setup, struct vsdb *db,
                   struct svec *problems, struct svec *warnings)
{
    const struct ovsrec_open_vswitch *ovs = vsdb_root(db);
    const char *init = smap_get(&ovs->other_config, "dpdk-init");
    if (init && !strcmp(init, "true")) {
        if (!vsdb_wait_dpdk_initialized(db)) {
            svec_add(problems, "ovs-vswitchd did not report DPDK as "
                     "initialized: its log says why (with dpdk-init=true, "
                     "it exits when DPDK cannot start)");
        }
        ovs = vsdb_root(db);
    } else if (init && !strcmp(init, "try") && !ovs->dpdk_initialized) {
        svec_add(warnings, "ovs-vswitchd does not report DPDK as "
                 "initialized (dpdk-init=try): its log says why");
    }

    for (size_t i = 0; i < setup->n_uplinks; i++) {
        const struct uplink *u = &setup->uplinks[i];
        const struct ovsrec_bridge *br;
        const struct ovsrec_port *port = vsdb_find_port(ovs, u->name, &br);
        if (port && port->n_interfaces && port->interfaces[0]->error) {
            svec_add_nocopy(problems, xasprintf("uplink %s: %s", u->name,
                                                port->interfaces[0]->error));
        }
    }
}

struct apply_aux {
    const struct node_setup *setup;
    struct svec *changes;
};

static char *
build_apply(struct vsdb *db, struct ovsdb_idl_txn *txn, void *aux_,
            bool *empty)
{
    struct apply_aux *aux = aux_;
    const struct ovsrec_open_vswitch *ovs = vsdb_root(db);

    /* Dry run first: no transaction when nothing needs changing. */
    svec_clear(aux->changes);
    char *error = node_setup_changes(aux->setup, ovs, NULL, aux->changes);
    if (error || !aux->changes->n) {
        *empty = true;
        return error;
    }
    ovsrec_open_vswitch_verify_bridges(ovs);
    svec_clear(aux->changes);
    error = node_setup_changes(aux->setup, ovs, txn, aux->changes);
    ovs_assert(!error);
    return NULL;
}

/* Applies 'setup' to 'db' in one transaction, and waits until
 * ovs-vswitchd has applied it.  Appends a line per change to 'changes'
 * (none if nothing needed changing, in which case no transaction is made),
 * a line per problem that ovs-vswitchd reports afterward to 'problems' and
 * a line per lesser concern to 'warnings'.  Returns NULL on success,
 * otherwise a malloc()'d error. */
char *
node_setup_apply(const struct node_setup *setup, struct vsdb *db,
                 struct svec *changes, struct svec *problems,
                 struct svec *warnings)
{
    struct apply_aux aux = { .setup = setup, .changes = changes };
    bool committed;
    char *error = vsdb_transact(db, "ovs-podctl: init", !setup->no_wait,
                                build_apply, &aux, &committed);
    if (committed) {
        for (size_t i = 0; i < changes->n; i++) {
            VLOG_INFO("init: %s", changes->names[i]);
        }
    }
    if (!error && !setup->no_wait) {
        collect_problems__(setup, db, problems, warnings);
    }
    return error;
}
