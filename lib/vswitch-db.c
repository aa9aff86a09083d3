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

/* Open_vSwitch database access for ovs-pod's tools: see vswitch-db.h.
 *
 * This uses OVS's IDL exactly as ovs-vsctl does, so it accepts the same
 * remotes (unix:, tcp:, ssl: with the usual key, certificate and CA
 * options) and its transactions are the same OVSDB operations. */

#include <config.h>
#include "vswitch-db.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>
#include "daemon.h"
#include "dirs.h"
#include "openvswitch/poll-loop.h"
#include "ovsdb-idl.h"
#include "timeval.h"
#include "util.h"
#include "uuid.h"
#include "vswitch-idl.h"
#include "openvswitch/vlog.h"

VLOG_DEFINE_THIS_MODULE(vswitch_db);

struct vsdb {
    struct ovsdb_idl *idl;
    char *remote;
    int timeout_s;
    long long int deadline;     /* time_msec() when we give up. */

    /* A scoped connection (see vsdb_open_scoped()) reads only some ports,
     * and of the interfaces only those named here. */
    bool scoped;
    struct sset iface_names;

    /* A scoped connection does not read its bridge's 'ports' (a UUID per
     * port of the bridge) when the bridge is the database's only one: a
     * port, which only a bridge holds, is then on it. */
    bool ports_unread;
};

static bool wait_until(struct vsdb *, bool (*done)(struct vsdb *, int64_t),
                       int64_t aux);

/* Returns the database remote OVS tools use by default, as a malloc()'d
 * string: "unix:<rundir>/db.sock". */
char *
vsdb_default_remote(void)
{
    return xasprintf("unix:%s/db.sock", ovs_rundir());
}

/* Returns the socket path of 'remote' if it is a single "unix:" remote,
 * otherwise NULL. */
static const char *
unix_socket(const char *remote)
{
    return (!strncmp(remote, "unix:", 5) && !strchr(remote, ',')
            ? remote + 5 : NULL);
}

/* Returns the run directory of the OVS whose database is at 'remote', as a
 * malloc()'d string: the directory of a "unix:" socket, since ovsdb-server
 * and ovs-vswitchd keep their sockets and pidfiles together; otherwise
 * the OVS run directory of this environment.
 *
 * The database remote is what names an OVS instance in ovs-pod's
 * configuration.  Deriving the rest from it, not from OVS_RUNDIR, keeps
 * the CNI plugin working when a runtime runs it in an environment of its
 * own (podman runs DEL from its cleanup process, without the caller's
 * variables). */
char *
vsdb_rundir(const char *remote)
{
    const char *socket = unix_socket(remote);
    if (socket) {
        return dir_name(socket);
    }
    return xstrdup(ovs_rundir());
}

/* The columns that ovs-vswitchd writes as it runs: with 1000 pods they
 * are most of the database, and only "list" and checks read them. */
static const struct ovsdb_idl_column *const state_columns[] = {
    &ovsrec_open_vswitch_col_statistics,
    &ovsrec_bridge_col_status,
    &ovsrec_bridge_col_rstp_status,
    &ovsrec_port_col_statistics,
    &ovsrec_port_col_status,
    &ovsrec_port_col_rstp_statistics,
    &ovsrec_port_col_rstp_status,
    &ovsrec_interface_col_statistics,
    &ovsrec_interface_col_status,
    &ovsrec_interface_col_link_state,
    &ovsrec_interface_col_link_speed,
    &ovsrec_interface_col_link_resets,
    &ovsrec_interface_col_admin_state,
    &ovsrec_interface_col_duplex,
    &ovsrec_interface_col_lacp_current,
    &ovsrec_interface_col_bfd_status,
    &ovsrec_interface_col_cfm_fault,
    &ovsrec_interface_col_cfm_fault_status,
    &ovsrec_interface_col_cfm_flap_count,
    &ovsrec_interface_col_cfm_health,
    &ovsrec_interface_col_cfm_remote_mpids,
    &ovsrec_interface_col_cfm_remote_opstate,
};

/* The configuration columns of the two big tables that ovs-pod never reads
 * or writes.  ovsdb-server copies every monitored column of every row of
 * a table for a client's first read, before its condition picks the
 * rows, so each of them costs every call as many copies as there are
 * ports. */
static const struct ovsdb_idl_column *const unused_columns[] = {
    &ovsrec_port_col_bond_active_slave,
    &ovsrec_port_col_bond_downdelay,
    &ovsrec_port_col_bond_fake_iface,
    &ovsrec_port_col_bond_mode,
    &ovsrec_port_col_bond_updelay,
    &ovsrec_port_col_cvlans,
    &ovsrec_port_col_fake_bridge,
    &ovsrec_port_col_lacp,
    &ovsrec_port_col_mac,
    &ovsrec_port_col_other_config,
    &ovsrec_port_col_protected_,
    &ovsrec_port_col_tag,
    &ovsrec_port_col_trunks,
    &ovsrec_port_col_vlan_mode,
    &ovsrec_interface_col_bfd,
    &ovsrec_interface_col_cfm_mpid,
    &ovsrec_interface_col_ifindex,
    &ovsrec_interface_col_ingress_policing_burst,
    &ovsrec_interface_col_ingress_policing_kpkts_burst,
    &ovsrec_interface_col_ingress_policing_kpkts_rate,
    &ovsrec_interface_col_ingress_policing_rate,
    &ovsrec_interface_col_lldp,
    &ovsrec_interface_col_mac,
    &ovsrec_interface_col_mac_in_use,
    &ovsrec_interface_col_mtu,
    &ovsrec_interface_col_ofport_request,
    &ovsrec_interface_col_other_config,
};

/* The tables that ovs-pod reads or writes. */
static const struct ovsdb_idl_table_class *const used_tables[] = {
    &ovsrec_table_open_vswitch,
    &ovsrec_table_bridge,
    &ovsrec_table_port,
    &ovsrec_table_interface,
};

/* Returns true if 'base' refers to rows of a table that ovs-pod does not
 * use. */
static bool
refers_to_unused_table(const struct ovsdb_base_type *base)
{
    if (!ovsdb_base_type_is_ref(base)) {
        return false;
    }
    for (size_t i = 0; i < ARRAY_SIZE(used_tables); i++) {
        if (!strcmp(base->uuid.refTableName, used_tables[i]->name)) {
            return false;
        }
    }
    return true;
}

/* Has 'idl' neither monitor nor write the tables that ovs-pod does not use
 * (mirrors, controllers, QoS, managers and the rest), nor the columns of
 * its own tables that refer to them.  ovsdb-server would otherwise set up
 * a monitor for each of them on every call. */
static void
omit_unused_tables(struct ovsdb_idl *idl)
{
    for (size_t i = 0; i < ovsrec_idl_class.n_tables; i++) {
        const struct ovsdb_idl_table_class *tc = &ovsrec_idl_class.tables[i];
        bool used = false;
        for (size_t j = 0; j < ARRAY_SIZE(used_tables); j++) {
            used = used || tc == used_tables[j];
        }
        for (size_t j = 0; j < tc->n_columns; j++) {
            const struct ovsdb_idl_column *c = &tc->columns[j];
            if (!used || refers_to_unused_table(&c->type.key)
                || refers_to_unused_table(&c->type.value)) {
                ovsdb_idl_omit(idl, c);
            }
        }
    }
}

/* Has 'idl' neither monitor nor write the 'n' columns in 'columns'. */
static void
omit_columns(struct ovsdb_idl *idl,
             const struct ovsdb_idl_column *const columns[], size_t n)
{
    for (size_t i = 0; i < n; i++) {
        ovsdb_idl_omit(idl, columns[i]);
    }
}

/* Initializes 'scope' as empty: no ports. */
void
vsdb_scope_init(struct vsdb_scope *scope)
{
    sset_init(&scope->names);
    scope->ids = NULL;
    scope->n_ids = 0;
}

void
vsdb_scope_destroy(struct vsdb_scope *scope)
{
    sset_destroy(&scope->names);
    for (size_t i = 0; i < scope->n_ids; i++) {
        smap_destroy(&scope->ids[i]);
    }
    free(scope->ids);
}

/* Returns how many selections 'scope' has: it grows with each one added
 * that it did not have. */
size_t
vsdb_scope_size(const struct vsdb_scope *scope)
{
    return sset_count(&scope->names) + scope->n_ids;
}

/* Adds the port named 'name' to 'scope'. */
void
vsdb_scope_add_name(struct vsdb_scope *scope, const char *name)
{
    sset_add(&scope->names, name);
}

/* Adds to 'scope' the ports whose external_ids include all of 'ids'
 * (which the function takes over). */
static void
add_ids(struct vsdb_scope *scope, struct smap *ids)
{
    for (size_t i = 0; i < scope->n_ids; i++) {
        if (smap_equal(&scope->ids[i], ids)) {
            smap_destroy(ids);
            return;
        }
    }
    /* A small map's hash table points into the map itself: each map moved
     * (by the realloc, or here) must be told. */
    scope->ids = xrealloc(scope->ids, (scope->n_ids + 1) * sizeof *scope->ids);
    scope->ids[scope->n_ids++] = *ids;
    for (size_t i = 0; i < scope->n_ids; i++) {
        hmap_moved(&scope->ids[i].map);
    }
}

/* Adds to 'scope' the ports whose external_ids map 'key' to 'value'. */
void
vsdb_scope_add_pair(struct vsdb_scope *scope, const char *key,
                    const char *value)
{
    struct smap ids = SMAP_INITIALIZER(&ids);
    smap_add(&ids, key, value);
    add_ids(scope, &ids);
}

/* Adds to 'scope' the ports whose external_ids map both 'key1' to 'value1'
 * and 'key2' to 'value2'. */
void
vsdb_scope_add_pairs(struct vsdb_scope *scope, const char *key1,
                     const char *value1, const char *key2,
                     const char *value2)
{
    struct smap ids = SMAP_INITIALIZER(&ids);
    smap_add(&ids, key1, value1);
    smap_add(&ids, key2, value2);
    add_ids(scope, &ids);
}

/* Asks the server for bridge 'name' only: the other bridges' rows, with
 * all their ports' UUIDs, are none of a scoped connection's business. */
static void
set_bridge_condition(struct vsdb *db, const char *name)
{
    struct ovsdb_idl_condition cond;
    ovsdb_idl_condition_init(&cond);
    ovsrec_bridge_add_clause_name(&cond, OVSDB_F_EQ, name);
    ovsrec_bridge_set_condition(db->idl, &cond);
    ovsdb_idl_condition_destroy(&cond);
}

/* Asks the server for the ports in 'scope'.  Returns the condition
 * sequence number at which 'db' has them. */
static unsigned int
set_port_condition(struct vsdb *db, const struct vsdb_scope *scope)
{
    struct ovsdb_idl_condition cond;
    ovsdb_idl_condition_init(&cond);
    const char *name;
    SSET_FOR_EACH (name, &scope->names) {
        ovsrec_port_add_clause_name(&cond, OVSDB_F_EQ, name);
    }
    for (size_t i = 0; i < scope->n_ids; i++) {
        ovsrec_port_add_clause_external_ids(&cond, OVSDB_F_INCLUDES,
                                            &scope->ids[i]);
    }
    unsigned int seqno = ovsrec_port_set_condition(db->idl, &cond);
    ovsdb_idl_condition_destroy(&cond);
    return seqno;
}

/* Asks the server for the interfaces named in 'names', and remembers
 * them.  Returns the condition sequence number at which 'db' has them. */
static unsigned int
set_iface_condition(struct vsdb *db, const struct sset *names)
{
    struct ovsdb_idl_condition cond;
    ovsdb_idl_condition_init(&cond);
    const char *name;
    SSET_FOR_EACH (name, names) {
        ovsrec_interface_add_clause_name(&cond, OVSDB_F_EQ, name);
    }
    unsigned int seqno = ovsrec_interface_set_condition(db->idl, &cond);
    ovsdb_idl_condition_destroy(&cond);
    sset_destroy(&db->iface_names);
    sset_clone(&db->iface_names, names);
    return seqno;
}

static bool
condition_acked(struct vsdb *db, int64_t seqno)
{
    return ovsdb_idl_get_condition_seqno(db->idl) == (unsigned int) seqno;
}

/* Waits until 'db' has the rows of the conditions numbered 'seqno'. */
static char *
wait_condition(struct vsdb *db, unsigned int seqno)
{
    if (wait_until(db, condition_acked, seqno)) {
        return NULL;
    }
    return xasprintf("the OVS database at %s did not send the ports asked "
                     "for within %d s", db->remote, db->timeout_s);
}

/* Makes scoped connection 'db' read the interfaces of the ports it read:
 * a port that ovs-pod creates, like an uplink port made by hand, has one
 * interface with the port's name. */
static char *
settle_ifaces(struct vsdb *db)
{
    struct sset names;
    sset_clone(&names, &db->iface_names);
    const struct ovsrec_port *port;
    OVSREC_PORT_FOR_EACH (port, db->idl) {
        sset_add(&names, port->name);
    }
    char *error = NULL;
    if (!sset_equals(&names, &db->iface_names)) {
        error = wait_condition(db, set_iface_condition(db, &names));
    }
    sset_destroy(&names);
    return error;
}

/* Does the work of vsdb_open() and vsdb_open_scoped(), giving up at
 * 'deadline' (a time_msec() value). */
static char *
open__(const char *remote, int timeout_s, long long int deadline,
       enum vsdb_monitor monitor, const char *bridge,
       const struct vsdb_scope *scope, bool read_ports, struct vsdb **dbp)
{
    *dbp = NULL;
    const char *socket = unix_socket(remote);
    if (socket && access(socket, F_OK)) {
        /* No socket: no ovsdb-server, no point in waiting. */
        return xasprintf("cannot reach the OVS database at %s (%s): is "
                         "ovsdb-server running? (see --db)", remote,
                         ovs_strerror(errno));
    }

    struct vsdb *db = xzalloc(sizeof *db);
    db->remote = xstrdup(remote);
    db->timeout_s = timeout_s;
    db->deadline = deadline;
    db->idl = ovsdb_idl_create(remote, &ovsrec_idl_class, true, true);
    omit_unused_tables(db->idl);
    omit_columns(db->idl, unused_columns, ARRAY_SIZE(unused_columns));
    if (monitor == VSDB_CONFIG) {
        omit_columns(db->idl, state_columns, ARRAY_SIZE(state_columns));
    }
    sset_init(&db->iface_names);
    if (scope) {
        /* Set before the first connection, the conditions apply to the
         * initial read. */
        db->scoped = true;
        if (!read_ports) {
            /* ovsrec_bridge_update_ports_addvalue() and _delvalue()
             * change the set without a copy of it. */
            ovsdb_idl_omit(db->idl, &ovsrec_bridge_col_ports);
            db->ports_unread = true;
        }
        set_bridge_condition(db, bridge);
        set_port_condition(db, scope);
        set_iface_condition(db, &scope->names);
    }
    *dbp = NULL;

    for (;;) {
        ovsdb_idl_run(db->idl);
        if (ovsdb_idl_has_ever_connected(db->idl)) {
            break;
        }
        if (time_msec() >= db->deadline) {
            int error = ovsdb_idl_get_last_error(db->idl);
            char *msg = xasprintf("cannot reach the OVS database at %s "
                                  "within %d s (%s): is ovsdb-server "
                                  "running? (see --db and --timeout)",
                                  remote, timeout_s,
                                  error ? ovs_retval_to_string(error)
                                        : "no answer");
            vsdb_close(db);
            return msg;
        }
        ovsdb_idl_wait(db->idl);
        poll_timer_wait_until(db->deadline);
        poll_block();
    }

    if (!ovsrec_open_vswitch_first(db->idl)) {
        char *msg = xasprintf("the database at %s has no Open_vSwitch "
                              "record: initialize it with 'ovs-vsctl init'",
                              remote);
        vsdb_close(db);
        return msg;
    }
    *dbp = db;
    return NULL;
}

/* Connects to the Open_vSwitch database at 'remote' and reads it (with
 * VSDB_CONFIG, without the state columns above), waiting at most
 * 'timeout_s' seconds; later steps on the returned connection share that
 * deadline.  Returns NULL and stores the connection in '*dbp' on success,
 * otherwise returns a malloc()'d error message. */
char *
vsdb_open(const char *remote, int timeout_s, enum vsdb_monitor monitor,
          struct vsdb **dbp)
{
    return open__(remote, timeout_s, time_msec() + timeout_s * 1000LL,
                  monitor, NULL, NULL, true, dbp);
}

/* Returns true if the database has no bridge but the one 'db' reads, if
 * any: every port is then on it. */
static bool
only_bridge(const struct vsdb *db)
{
    const struct ovsrec_open_vswitch *ovs = vsdb_root(db);
    size_t n = ovsrec_open_vswitch_get_bridges(ovs, OVSDB_TYPE_UUID)->n;
    return n == ovs->n_bridges && n <= 1;
}

/* Returns the path of the file whose presence says that the database at
 * 'remote' had more bridges than the one a scoped connection reads when
 * one last looked.  A scoped connection then reads its bridge's 'ports'
 * at once, instead of finding out and connecting again.  The file only
 * saves time: each connection checks the bridges it finds. */
static char *
more_bridges_path(const char *remote)
{
    char *rundir = vsdb_rundir(remote);
    char *path = xasprintf("%s/ovs-pod-more-bridges", rundir);
    free(rundir);
    return path;
}

/* Creates or removes the file at 'path' (see more_bridges_path()). */
static void
note_more_bridges(const char *path, bool more)
{
    if (more) {
        int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW
                      | O_NONBLOCK | O_CLOEXEC, 0600);
        if (fd >= 0) {
            close(fd);
        }
    } else {
        unlink(path);
    }
}

/* Like vsdb_open() with VSDB_CONFIG, but reads only bridge 'bridge' of the
 * bridges, and only the ports in 'scope' (with their interfaces) of all
 * the database's ports, whatever bridge they are on.  vsdb_bridge_ports()
 * then lists only the ports read (the bridge's own 'ports' may be empty);
 * vsdb_find_port_anywhere() finds one that is on another bridge. */
char *
vsdb_open_scoped(const char *remote, int timeout_s, const char *bridge,
                 const struct vsdb_scope *scope, struct vsdb **dbp)
{
    long long int deadline = time_msec() + timeout_s * 1000LL;
    char *hint = more_bridges_path(remote);
    bool more = !access(hint, F_OK);
    char *error = open__(remote, timeout_s, deadline, VSDB_CONFIG, bridge,
                         scope, more, dbp);
    if (!error && !more && !only_bridge(*dbp)) {
        /* Another bridge may hold some of the ports read: read which. */
        vsdb_close(*dbp);
        note_more_bridges(hint, true);
        error = open__(remote, timeout_s, deadline, VSDB_CONFIG, bridge,
                       scope, true, dbp);
    } else if (!error && more && only_bridge(*dbp)) {
        note_more_bridges(hint, false);
    }
    free(hint);
    if (!error) {
        error = settle_ifaces(*dbp);
        if (error) {
            vsdb_close(*dbp);
            *dbp = NULL;
        }
    }
    return error;
}

/* Makes scoped connection 'db' read the ports in 'scope' too, a superset
 * of its scope so far, and waits until it has read them. */
char *
vsdb_widen(struct vsdb *db, const struct vsdb_scope *scope)
{
    ovs_assert(db->scoped);
    char *error = wait_condition(db, set_port_condition(db, scope));
    return error ? error : settle_ifaces(db);
}

/* Closes 'db'. */
void
vsdb_close(struct vsdb *db)
{
    if (db) {
        sset_destroy(&db->iface_names);
        ovsdb_idl_destroy(db->idl);
        free(db->remote);
        free(db);
    }
}

/* Returns 'db''s IDL, to create transactions on. */
struct ovsdb_idl *
vsdb_idl(const struct vsdb *db)
{
    return db->idl;
}

/* Returns the Open_vSwitch record. */
const struct ovsrec_open_vswitch *
vsdb_root(const struct vsdb *db)
{
    return ovsrec_open_vswitch_first(db->idl);
}

/* Commits 'txn' and waits for the server's answer.  Does not destroy
 * 'txn'.  Returns NULL on success.  If the database changed under us, sets
 * '*try_again' (the caller should rebuild the transaction from the new
 * contents) and returns NULL.  Otherwise returns a malloc()'d error. */
static char *
commit__(struct vsdb *db, struct ovsdb_idl_txn *txn, bool *try_again)
{
    *try_again = false;
    for (;;) {
        enum ovsdb_idl_txn_status status = ovsdb_idl_txn_commit(txn);
        switch (status) {
        case TXN_INCOMPLETE:
            break;

        case TXN_UNCHANGED:
        case TXN_SUCCESS:
            return NULL;

        case TXN_TRY_AGAIN:
            *try_again = true;
            return NULL;

        case TXN_UNCOMMITTED:
        case TXN_ABORTED:
        case TXN_NOT_LOCKED:
        case TXN_ERROR:
        default: {
            const char *error = ovsdb_idl_txn_get_error(txn);
            return xasprintf("transaction on %s failed: %s", db->remote,
                             error ? error
                                   : ovsdb_idl_txn_status_to_string(status));
        }
        }

        if (time_msec() >= db->deadline) {
            ovsdb_idl_txn_abort(txn);
            return xasprintf("no answer from the OVS database at %s within "
                             "%d s; nothing was changed", db->remote,
                             db->timeout_s);
        }
        ovsdb_idl_run(db->idl);
        ovsdb_idl_wait(db->idl);
        ovsdb_idl_txn_wait(txn);
        poll_timer_wait_until(db->deadline);
        poll_block();
    }
}

/* Runs 'db' until 'done' returns true, or until the deadline.  Returns
 * true if 'done' became true. */
static bool
wait_until(struct vsdb *db, bool (*done)(struct vsdb *, int64_t aux),
           int64_t aux)
{
    for (;;) {
        ovsdb_idl_run(db->idl);
        if (done(db, aux)) {
            return true;
        }
        if (time_msec() >= db->deadline) {
            return false;
        }
        ovsdb_idl_wait(db->idl);
        poll_timer_wait_until(db->deadline);
        poll_block();
    }
}

static bool
cfg_applied(struct vsdb *db, int64_t next_cfg)
{
    const struct ovsrec_open_vswitch *ovs = vsdb_root(db);
    return ovs && ovs->cur_cfg >= next_cfg;
}

static bool
dpdk_initialized(struct vsdb *db, int64_t aux OVS_UNUSED)
{
    const struct ovsrec_open_vswitch *ovs = vsdb_root(db);
    return ovs && ovs->dpdk_initialized;
}

/* True once the database's contents changed: its IDL's sequence number
 * moved from 'seqno'. */
static bool
seqno_moved(struct vsdb *db, int64_t seqno)
{
    return ovsdb_idl_get_seqno(db->idl) != seqno;
}

/* Makes one change to the database, the one way ovs-pod writes it:
 * creates a transaction with 'comment', lets 'build' fill it from the
 * current contents, bumps next_cfg and commits.  If the database changed
 * under the transaction, builds it again from the new contents, until the
 * deadline.  If 'wait', then waits until ovs-vswitchd applied the change.
 * Sets '*committed' (if nonnull) if the database took the change, even if
 * ovs-vswitchd did not apply it in time.  Returns NULL on success or when
 * 'build' found nothing to change, otherwise a malloc()'d error. */
char *
vsdb_transact(struct vsdb *db, const char *comment, bool wait,
              vsdb_build_func *build, void *aux, bool *committed)
{
    if (committed) {
        *committed = false;
    }
    for (;;) {
        const struct ovsrec_open_vswitch *ovs = vsdb_root(db);
        if (!ovs) {
            return xasprintf("the database at %s lost its Open_vSwitch "
                             "record", db->remote);
        }
        unsigned int seqno = ovsdb_idl_get_seqno(db->idl);
        struct ovsdb_idl_txn *txn = ovsdb_idl_txn_create(db->idl);
        ovsdb_idl_txn_add_comment(txn, "%s", comment);
        bool empty = false;
        char *error = build(db, txn, aux, &empty);
        if (error || empty) {
            ovsdb_idl_txn_destroy(txn);
            return error;
        }
        ovsdb_idl_txn_increment(txn, &ovs->header_,
                                &ovsrec_open_vswitch_col_next_cfg, false);

        bool try_again;
        error = commit__(db, txn, &try_again);
        int64_t next_cfg = (error || try_again ? 0
                            : ovsdb_idl_txn_get_increment_new_value(txn));
        ovsdb_idl_txn_destroy(txn);
        if (error) {
            return error;
        }
        if (try_again) {
            if (!wait_until(db, seqno_moved, seqno)) {
                return xasprintf("the OVS database at %s kept changing "
                                 "for %d s; nothing was changed: try "
                                 "again", db->remote, db->timeout_s);
            }
            continue;
        }
        if (committed) {
            *committed = true;
        }
        return wait ? vsdb_wait_applied(db, next_cfg) : NULL;
    }
}

/* Waits until ovs-vswitchd reports (in cur_cfg) that it has applied the
 * configuration numbered 'next_cfg'.  Returns NULL on success, otherwise a
 * malloc()'d error message. */
char *
vsdb_wait_applied(struct vsdb *db, int64_t next_cfg)
{
    if (wait_until(db, cfg_applied, next_cfg)) {
        return NULL;
    }
    return xasprintf("ovs-vswitchd did not apply the change within %d s: "
                     "is it running?  If DPDK failed to initialize, its log "
                     "says why", db->timeout_s);
}

/* Waits until ovs-vswitchd reports DPDK as initialized, until the
 * deadline.  ovs-vswitchd writes dpdk_initialized with its status updates,
 * which can come after cur_cfg.  Returns true if DPDK is initialized. */
bool
vsdb_wait_dpdk_initialized(struct vsdb *db)
{
    return wait_until(db, dpdk_initialized, 0);
}

/* Returns the bridge named 'name' in 'ovs', or NULL. */
const struct ovsrec_bridge *
vsdb_find_bridge(const struct ovsrec_open_vswitch *ovs, const char *name)
{
    for (size_t i = 0; i < ovs->n_bridges; i++) {
        if (!strcmp(ovs->bridges[i]->name, name)) {
            return ovs->bridges[i];
        }
    }
    return NULL;
}

/* Returns the port named 'name' on any bridge of 'ovs', or NULL, and
 * stores its bridge in '*brp' (if nonnull). */
const struct ovsrec_port *
vsdb_find_port(const struct ovsrec_open_vswitch *ovs, const char *name,
               const struct ovsrec_bridge **brp)
{
    for (size_t i = 0; i < ovs->n_bridges; i++) {
        const struct ovsrec_bridge *br = ovs->bridges[i];
        for (size_t j = 0; j < br->n_ports; j++) {
            if (!strcmp(br->ports[j]->name, name)) {
                if (brp) {
                    *brp = br;
                }
                return br->ports[j];
            }
        }
    }
    if (brp) {
        *brp = NULL;
    }
    return NULL;
}

/* Returns the bridge that holds every port 'db' has read, if 'db' does not
 * read the bridge's 'ports' (see only_bridge()); otherwise NULL.  Should a
 * bridge have been added since, a port read may be on either: none is. */
static const struct ovsrec_bridge *
the_bridge(const struct vsdb *db)
{
    const struct ovsrec_open_vswitch *ovs = vsdb_root(db);
    return (db->ports_unread && only_bridge(db) && ovs->n_bridges
            ? ovs->bridges[0] : NULL);
}

/* Returns the port named 'name' that 'db' has read, or NULL, and stores
 * its bridge in '*brp' (if nonnull): NULL if 'db' does not read that
 * bridge (see vsdb_open_scoped()). */
const struct ovsrec_port *
vsdb_find_port_anywhere(const struct vsdb *db, const char *name,
                        const struct ovsrec_bridge **brp)
{
    const struct ovsrec_port *port = (db->ports_unread ? NULL
                                      : vsdb_find_port(vsdb_root(db), name,
                                                       brp));
    if (!port) {
        OVSREC_PORT_FOR_EACH (port, db->idl) {
            if (!strcmp(port->name, name)) {
                break;
            }
        }
        if (brp) {
            *brp = port ? the_bridge(db) : NULL;
        }
    }
    return port;
}

/* Returns the ports of 'br' that 'db' has read, as a malloc()'d array of
 * '*n' ports. */
const struct ovsrec_port **
vsdb_bridge_ports(const struct vsdb *db, const struct ovsrec_bridge *br,
                  size_t *n)
{
    if (!db->ports_unread) {
        *n = br->n_ports;
        return (br->n_ports
                ? xmemdup(br->ports, br->n_ports * sizeof *br->ports)
                : NULL);
    }

    const struct ovsrec_port **ports = NULL;
    size_t allocated = 0;
    *n = 0;
    if (br == the_bridge(db)) {
        const struct ovsrec_port *port;
        OVSREC_PORT_FOR_EACH (port, db->idl) {
            if (*n >= allocated) {
                ports = x2nrealloc(ports, &allocated, sizeof *ports);
            }
            ports[(*n)++] = port;
        }
    }
    return ports;
}

/* Returns the pid of the running ovs-vswitchd of the OVS whose database is
 * at 'remote', from its pidfile (see vsdb_rundir()), or 0 if it is not
 * running. */
pid_t
vsdb_vswitchd_pid(const char *remote)
{
    char *rundir = vsdb_rundir(remote);
    char *pidfile = xasprintf("%s/ovs-vswitchd.pid", rundir);
    pid_t pid = access(pidfile, F_OK) ? 0 : read_pidfile(pidfile);
    free(pidfile);
    free(rundir);
    return pid > 0 ? pid : 0;
}

/* Stores in '*uuid' a provisional UUID for a row that a transaction
 * inserts; the IDL replaces it by the one that ovsdb-server assigns.
 *
 * The IDL's own comes from uuid_generate(), whose first call hashes a seed
 * with OVS's SHA-1.  With OpenSSL, that initializes OpenSSL, reading its
 * configuration and loading its providers: 1 to 1.5 ms of each
 * ovs-podctl or CNI plugin process that attaches a pod. */
static void
provisional_uuid(struct uuid *uuid)
{
    if (getrandom(uuid, sizeof *uuid, GRND_NONBLOCK) == sizeof *uuid) {
        uuid_set_bits_v4(uuid);
    } else {
        uuid_generate(uuid);
    }
}

/* Inserts a row of 'class' into 'txn' with a provisional UUID. */
static const struct ovsdb_idl_row *
insert_row(struct ovsdb_idl_txn *txn,
           const struct ovsdb_idl_table_class *class)
{
    struct uuid uuid;
    provisional_uuid(&uuid);
    return ovsdb_idl_txn_insert(txn, class, &uuid);
}

/* Inserts a Bridge row into 'txn', as ovsrec_bridge_insert() does. */
struct ovsrec_bridge *
vsdb_insert_bridge(struct ovsdb_idl_txn *txn)
{
    return CONTAINER_OF(insert_row(txn, &ovsrec_table_bridge),
                        struct ovsrec_bridge, header_);
}

/* Inserts a Port row into 'txn', as ovsrec_port_insert() does. */
struct ovsrec_port *
vsdb_insert_port(struct ovsdb_idl_txn *txn)
{
    return CONTAINER_OF(insert_row(txn, &ovsrec_table_port),
                        struct ovsrec_port, header_);
}

/* Inserts an Interface row into 'txn', as ovsrec_interface_insert() does. */
struct ovsrec_interface *
vsdb_insert_interface(struct ovsdb_idl_txn *txn)
{
    return CONTAINER_OF(insert_row(txn, &ovsrec_table_interface),
                        struct ovsrec_interface, header_);
}
