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

/* Pod operations: see pod-ops.h.
 *
 * The database is the record of every attachment's intent (in its port's
 * external_ids), so flows are always computed for the whole bridge from
 * it, never patched by hand: attach, detach and sync all end in the same
 * reconciliation. */

#include <config.h>
#include "pod-ops.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>
#include "flow-table.h"
#include "node-conf.h"
#include "operator-flows.h"
#include "jsonrpc.h"
#include "launch-kit.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "ovsdb-idl.h"
#include "packets.h"
#include "pod-dir.h"
#include "pod-flows.h"
#include "pod-intent.h"
#include "pod-queue.h"
#include "pod.h"
#include "simap.h"
#include "smap.h"
#include "sset.h"
#include "svec.h"
#include "unixctl.h"
#include "util.h"
#include "vswitch-db.h"
#include "timeval.h"
#include "vswitch-idl.h"
#include "openvswitch/vlog.h"

VLOG_DEFINE_THIS_MODULE(pod_ops);

/* The attachments on the pod bridge, and its ports' OpenFlow numbers. */
struct snapshot {
    struct pod_attachment *pods;
    const struct ovsrec_port **ports;   /* Parallel to 'pods'. */
    size_t n;
    size_t n_read;                      /* Ports read, ovs-pod's or not. */
    struct simap ofports;               /* Port name to OpenFlow number. */
};

static void
snapshot_read(const struct vsdb *db, const struct ovsrec_bridge *br,
              struct snapshot *snap, struct svec *warnings)
{
    memset(snap, 0, sizeof *snap);
    simap_init(&snap->ofports);
    size_t n_ports;
    const struct ovsrec_port **ports = vsdb_bridge_ports(db, br, &n_ports);
    snap->n_read = n_ports;
    snap->pods = xcalloc(n_ports, sizeof *snap->pods);
    snap->ports = xcalloc(n_ports, sizeof *snap->ports);

    for (size_t i = 0; i < n_ports; i++) {
        const struct ovsrec_port *port = ports[i];
        if (port->n_interfaces == 1 && port->interfaces[0]->n_ofport) {
            simap_put(&snap->ofports, port->name,
                      *port->interfaces[0]->ofport);
        }
        if (!pod_is_ours(&port->external_ids)) {
            continue;
        }
        char *error = pod_from_external_ids(&port->external_ids,
                                            &snap->pods[snap->n]);
        if (error) {
            if (warnings) {
                svec_add_nocopy(warnings, xasprintf("port %s: %s",
                                                    port->name, error));
            }
            free(error);
            continue;
        }
        snap->ports[snap->n++] = port;
    }
    free(ports);
}

/* Orders attachments by pod and interface, for stable listings. */
static int
compare_attachments(const void *a_, const void *b_)
{
    const struct pod_attachment *a = a_, *b = b_;
    int cmp = strcmp(a->namespace, b->namespace);
    if (!cmp) {
        cmp = strcmp(a->name, b->name);
    }
    return cmp ? cmp : strcmp(a->ifname, b->ifname);
}

static void
snapshot_destroy(struct snapshot *snap)
{
    for (size_t i = 0; i < snap->n; i++) {
        pod_attachment_destroy(&snap->pods[i]);
    }
    free(snap->pods);
    free(snap->ports);
    simap_destroy(&snap->ofports);
}

/* Returns the path of the bridge's lock file. */
static char *
lock_path(const struct pod_ops *ops)
{
    char *rundir = vsdb_rundir(ops->db_remote);
    char *path = xasprintf("%s/ovs-pod-%s.lock", rundir, ops->bridge);
    free(rundir);
    return path;
}

/* Returns what a queued request for 'operation' must share with the lock
 * holder's for the holder to carry it out as its requester would: the
 * operation, who asks, within which node file, with which port type. */
static char *
queue_key(const struct pod_ops *ops, const char *operation)
{
    return xasprintf("%s %d %s %s", operation, (int) ops->who,
                     ops->policy && ops->policy->path ? ops->policy->path
                     : "", ops->port_type ? ops->port_type : "");
}

/* Takes the bridge's lock, which serializes every operation that changes
 * its ports or flows: runtimes attach different pods in parallel, and the
 * flood flows of a shared uplink and the socket base directory are shared
 * among them.  Waits at most 'ops->timeout_s' seconds.  If 'queued' is
 * nonnull and the lock is taken, leaves a request with these arguments in
 * the lock's queue with 'key' while it waits (see pod-queue.h), with
 * 'ticket' to withdraw it.
 * Returns the locked file descriptor, or -1 after storing an error
 * message in '*errorp'. */
static int
lock_bridge__(const struct pod_ops *ops, const char *path,
              const struct smap *queued, const char *key,
              struct pod_queue_ticket *ticket, char **errorp)
{
    ticket->dir_fd = ticket->fd = -1;
    ticket->id = NULL;
    int fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == ENOENT && ops->db_unreachable) {
            /* No OVS run directory: OVS is not running. */
            *ops->db_unreachable = true;
        }
        *errorp = xasprintf("cannot open lock file %s: %s", path,
                            ovs_strerror(errno));
        return -1;
    }

    long long int deadline = time_msec() + ops->timeout_s * 1000LL;
    while (flock(fd, LOCK_EX | LOCK_NB)) {
        if (errno != EWOULDBLOCK && errno != EINTR) {
            *errorp = xasprintf("cannot lock %s: %s", path,
                                ovs_strerror(errno));
            break;
        }
        if (time_msec() >= deadline) {
            /* A queued request may have been carried out meanwhile, so
             * doing it again is the only safe answer: it is idempotent. */
            if (ops->not_yet) {
                *ops->not_yet = true;
            }
            *errorp = xasprintf("bridge %s is busy: another ovs-pod "
                                "operation holds %s; try again", ops->bridge,
                                path);
            break;
        }
        if (queued) {
            char *error = pod_queue_submit(path, key, queued, ticket);
            if (error) {
                VLOG_DBG("not queued: %s", error);
                free(error);
            }
            queued = NULL;
        }
        xnanosleep(10 * 1000 * 1000);
    }
    if (*errorp) {
        pod_queue_withdraw(ticket);
        close(fd);
        return -1;
    }
    return fd;
}

static int
lock_bridge(const struct pod_ops *ops, char **errorp)
{
    char *path = lock_path(ops);
    struct pod_queue_ticket ticket;
    int fd = lock_bridge__(ops, path, NULL, NULL, &ticket, errorp);
    free(path);
    return fd;
}

/* Takes the bridge lock for 'operation' like lock_bridge__(), leaving a
 * request with 'args' (unless null) in its queue while it waits.  Stores
 * the lock file's path in '*pathp' and the queue key in '*keyp', which
 * the caller frees, however it ends. */
static int
lock_queued(const struct pod_ops *ops, const char *operation,
            const struct smap *args, char **pathp, char **keyp,
            struct pod_queue_ticket *ticket, char **errorp)
{
    *pathp = lock_path(ops);
    *keyp = queue_key(ops, operation);
    return lock_bridge__(ops, *pathp, args, *keyp, ticket, errorp);
}

static void
unlock_bridge(int fd)
{
    if (fd >= 0) {
        close(fd);
    }
}

static char *
no_bridge_error(const struct pod_ops *ops)
{
    return xasprintf("bridge %s does not exist: run \"ovs-podctl init\" "
                     "first", ops->bridge);
}

/* Connects to the bridge's flow table, in the run directory of the OVS
 * that 'ops' names. */
static char *
open_flow_table(const struct pod_ops *ops, struct flow_table **tablep)
{
    char *rundir = vsdb_rundir(ops->db_remote);
    char *error = flow_table_open(rundir, ops->bridge, ops->timeout_s,
                                  tablep);
    free(rundir);
    return error;
}

/* Counts ovs-pod's flows installed on the bridge, by cookie, into
 * 'installed' (see installed_flows()). */
static char *
count_installed(const struct pod_ops *ops, struct simap *installed)
{
    struct flow_table *table;
    char *error = open_flow_table(ops, &table);
    if (!error) {
        error = flow_table_count_ours(table, installed);
        flow_table_close(table);
    }
    return error;
}

/* Returns how many flows with 'cookie' count_installed() found. */
static size_t
installed_flows(const struct simap *installed, uint64_t cookie)
{
    char *key = xasprintf("0x%016"PRIx64, cookie);
    size_t n = simap_get(installed, key);
    free(key);
    return n;
}

/* Connects to the database, noting in 'ops' if it cannot be reached.
 * Reads the ports' state and statistics only if 'state'. */
static char *
open_db(const struct pod_ops *ops, bool state, struct vsdb **dbp)
{
    char *error = vsdb_open(ops->db_remote, ops->timeout_s,
                            state ? VSDB_STATE : VSDB_CONFIG, dbp);
    if (error && ops->db_unreachable) {
        *ops->db_unreachable = true;
    }
    return error;
}

/* Adds to 'scope' the ports that attachment 'pa' on port 'port' depends
 * on, or that depend on it, for checks and flows: the port itself, its
 * peer or uplink, the attachments cross-connected to it and, if it shares
 * its uplink, every attachment on that uplink (their flood flow lists
 * them all). */
static void
scope_add_deps(struct vsdb_scope *scope, const struct pod_attachment *pa,
               const char *port)
{
    vsdb_scope_add_name(scope, port);
    vsdb_scope_add_pair(scope, POD_KEY_PEER, port);
    if (pa->peer) {
        vsdb_scope_add_name(scope, pa->peer);
    }
    if (pa->uplink) {
        vsdb_scope_add_name(scope, pa->uplink);
        if (pa->mode == POD_MODE_SHARED) {
            vsdb_scope_add_pair(scope, POD_KEY_UPLINK, pa->uplink);
        }
    }
}

/* Returns the port that 'req' forwards to, or NULL for an isolated
 * attachment. */
static const char *
request_target(const struct pod_attachment *req)
{
    return (req->mode == POD_MODE_ISOLATED ? NULL
            : req->mode == POD_MODE_CROSS ? req->peer
            : req->uplink);
}

/* Adds to 'scope' what attaching 'req' on 'port_name' checks: this
 * interface's port, any port of the same pod or with its UID or container
 * ID, and its peer or uplink with whatever already uses it. */
static void
scope_add_request(struct vsdb_scope *scope, const struct pod_attachment *req,
                  const char *port_name)
{
    scope_add_deps(scope, req, port_name);
    vsdb_scope_add_pairs(scope, POD_KEY_NAMESPACE, req->namespace,
                         POD_KEY_NAME, req->name);
    vsdb_scope_add_pair(scope, POD_KEY_UID, req->uid);
    if (req->container_id) {
        vsdb_scope_add_pair(scope, POD_KEY_CONTAINER_ID, req->container_id);
    }
    const char *target = request_target(req);
    if (target) {
        vsdb_scope_add_pair(scope, POD_KEY_PEER, target);
        vsdb_scope_add_pair(scope, POD_KEY_UPLINK, target);
    }
}

/* Connects to the database like open_db(), but reads only the ports in
 * 'scope' and, widening it round by round, those that they depend on (see
 * scope_add_deps()), until nothing is added: what attach and detach need
 * of the bridge, whatever the number of other pods on it. */
static char *
open_scoped(const struct pod_ops *ops, struct vsdb_scope *scope,
            struct vsdb **dbp)
{
    char *error = vsdb_open_scoped(ops->db_remote, ops->timeout_s,
                                   ops->bridge, scope, dbp);
    if (error) {
        if (ops->db_unreachable) {
            *ops->db_unreachable = true;
        }
        return error;
    }
    for (;;) {
        const struct ovsrec_bridge *br = vsdb_find_bridge(vsdb_root(*dbp),
                                                          ops->bridge);
        size_t size = vsdb_scope_size(scope);
        size_t n_read = 0;
        if (br) {
            struct snapshot snap;
            snapshot_read(*dbp, br, &snap, NULL);
            for (size_t i = 0; i < snap.n; i++) {
                scope_add_deps(scope, &snap.pods[i], snap.ports[i]->name);
            }
            n_read = snap.n_read;
            snapshot_destroy(&snap);
        }
        if (vsdb_scope_size(scope) == size) {
            if (br) {
                VLOG_DBG("read %"PRIuSIZE" ports on bridge %s", n_read,
                         br->name);
            }
            return NULL;
        }
        error = vsdb_widen(*dbp, scope);
        if (error) {
            vsdb_close(*dbp);
            *dbp = NULL;
            return error;
        }
    }
}

/* Connects to the database and finds the pod bridge.  On success returns
 * NULL, with the connection in '*dbp' and the bridge (NULL if there is
 * none) in '*brp'. */
static char *
open_bridge(const struct pod_ops *ops, bool state, struct vsdb **dbp,
            const struct ovsrec_bridge **brp)
{
    char *error = open_db(ops, state, dbp);
    *brp = error ? NULL : vsdb_find_bridge(vsdb_root(*dbp), ops->bridge);
    return error;
}

/* Connects to the database and reads the pod bridge's attachments into
 * 'snap'.  On success returns NULL, with the connection in '*dbp';
 * otherwise (no bridge included) returns a malloc()'d error message. */
static char *
open_snapshot(const struct pod_ops *ops, bool state, struct vsdb **dbp,
              struct snapshot *snap)
{
    const struct ovsrec_bridge *br;
    char *error = open_bridge(ops, state, dbp, &br);
    if (error || !br) {
        vsdb_close(*dbp);
        *dbp = NULL;
        return error ? error : no_bridge_error(ops);
    }
    snapshot_read(*dbp, br, snap, NULL);
    return NULL;
}

/* Reads the attachments on 'ops''s bridge in 'db' into 'snap'.  Returns
 * NULL on success, otherwise a malloc()'d error (and 'snap' is not to be
 * destroyed). */
static char *
bridge_snapshot(const struct pod_ops *ops, struct vsdb *db,
                struct snapshot *snap, struct svec *warnings)
{
    const struct ovsrec_bridge *br = vsdb_find_bridge(vsdb_root(db),
                                                      ops->bridge);
    if (!br) {
        return no_bridge_error(ops);
    }
    snapshot_read(db, br, snap, warnings);
    return NULL;
}

/* Builds into 'flows' the flows of the attachments in 'snap' except the
 * ports named in 'exclude' (if nonnull).  A peer that is gone makes its
 * attachment forward nothing, with a line in 'warnings' (if nonnull). */
static void
build_flows(const struct snapshot *snap, const struct sset *exclude,
            struct pod_flow_set *flows, struct svec *warnings)
{
    /* Without 'exclude', 'snap''s own attachments, so that the digests
     * they memoize serve the next build too. */
    struct pod_attachment *pods = NULL;
    size_t n = 0;
    if (exclude) {
        pods = xcalloc(snap->n + 1, sizeof *pods);
        for (size_t i = 0; i < snap->n; i++) {
            if (!sset_contains(exclude, snap->ports[i]->name)) {
                pods[n++] = snap->pods[i];
            }
        }
    }
    pod_flow_set_init(flows);
    char *error = pod_flows_build(exclude ? pods : snap->pods,
                                  exclude ? n : snap->n, &snap->ofports,
                                  flows);
    if (error && warnings) {
        svec_add_nocopy(warnings, error);
    } else {
        free(error);
    }
    free(pods);
}

/* Makes the bridge's flows those of its attachments except the ports named
 * in 'exclude', plus the operator's flows 'extra' (if nonnull). */
static char *
sync_flows(const struct pod_ops *ops, struct vsdb *db,
           const struct sset *exclude, const struct operator_flows *extra,
           size_t *n_added, size_t *n_removed, struct svec *warnings)
{
    struct snapshot snap;
    char *error = bridge_snapshot(ops, db, &snap, warnings);
    if (error) {
        return error;
    }

    struct pod_flow_set flows;
    build_flows(&snap, exclude, &flows, warnings);

    struct flow_table *table;
    error = open_flow_table(ops, &table);
    if (!error) {
        size_t added, removed;
        error = flow_table_sync(table, &flows, extra, &snap.ofports, &added,
                                &removed, warnings);
        flow_table_close(table);
        if (n_added) {
            *n_added = added;
        }
        if (n_removed) {
            *n_removed = removed;
        }
    }
    pod_flow_set_destroy(&flows);
    snapshot_destroy(&snap);
    return error;
}

/* Adds to 'set' one string per flow of 'flows', as add_changed_cookies()
 * compares them. */
static void
flow_strings(const struct pod_flow_set *flows, struct sset *set)
{
    for (size_t i = 0; i < flows->n; i++) {
        const struct pod_flow *f = &flows->flows[i];
        sset_add_and_free(set, xasprintf("%"PRIx64" %d %s %s", f->cookie,
                                         f->priority, f->match, f->actions));
    }
}

/* Adds to the 'n' 'cookies' the cookie of each flow of 'flows' that
 * 'other' (from flow_strings()) lacks, once. */
static void
add_changed_cookies(const struct pod_flow_set *flows,
                    const struct sset *other, uint64_t **cookies, size_t *n)
{
    for (size_t i = 0; i < flows->n; i++) {
        const struct pod_flow *f = &flows->flows[i];
        char *s = xasprintf("%"PRIx64" %d %s %s", f->cookie, f->priority,
                            f->match, f->actions);
        if (!sset_contains(other, s)) {
            flow_table_add_cookie(cookies, n, f->cookie);
        }
        free(s);
    }
}

/* Adds to the 'n' 'cookies' those of ovs-pod's flows on the OpenFlow
 * ports of 'names' in 'snap' that belong to no attachment in 'snap' nor to
 * any flow of 'with': flows left by an attachment that is gone (its port
 * deleted by hand, say), which must not reach a port that gets its
 * number again. */
static char *
add_orphan_cookies(struct flow_table *table, const struct snapshot *snap,
                   const struct sset *names, const struct pod_flow_set *with,
                   uint64_t **cookies, size_t *n)
{
    uint64_t *found = NULL;
    size_t n_found = 0;
    char *error = NULL;
    const char *name;
    SSET_FOR_EACH (name, names) {
        int port = simap_get(&snap->ofports, name);
        if (port > 0 && !error) {
            error = flow_table_port_cookies(table, port, &found, &n_found);
        }
    }
    for (size_t i = 0; i < n_found && !error; i++) {
        bool live = flow_table_has_cookie(*cookies, *n, found[i]);
        for (size_t j = 0; j < snap->n && !live; j++) {
            live = pod_cookie(&snap->pods[j]) == found[i];
        }
        for (size_t j = 0; j < with->n && !live; j++) {
            live = with->flows[j].cookie == found[i];
        }
        if (!live) {
            flow_table_add_cookie(cookies, n, found[i]);
        }
    }
    free(found);
    return error;
}

/* Changes only the flows that the ports named in 'names' change: those
 * whose cookies differ between the bridge's flows with and without them.
 * Installs the flows with them if 'present', otherwise without, and
 * stores in '*n_changed' (if nonnull) how many flows it added, replaced or
 * removed.  Reads and changes no other attachment's flows, nor the
 * operator's; a full reconcile is sync_flows(). */
static char *
sync_changed_flows(const struct pod_ops *ops, struct vsdb *db,
                   const struct sset *names, bool present, size_t *n_changed)
{
    if (n_changed) {
        *n_changed = 0;
    }
    struct snapshot snap;
    char *error = bridge_snapshot(ops, db, &snap, NULL);
    if (error) {
        return error;
    }

    struct pod_flow_set with, without;
    build_flows(&snap, NULL, &with, NULL);
    build_flows(&snap, names, &without, NULL);

    struct sset with_s = SSET_INITIALIZER(&with_s);
    struct sset without_s = SSET_INITIALIZER(&without_s);
    flow_strings(&with, &with_s);
    flow_strings(&without, &without_s);
    uint64_t *cookies = NULL;
    size_t n_cookies = 0;
    add_changed_cookies(&with, &without_s, &cookies, &n_cookies);
    add_changed_cookies(&without, &with_s, &cookies, &n_cookies);

    /* An attachment's new port also sheds any flow a gone attachment left
     * on its number. */
    if (n_cookies || present) {
        struct flow_table *table;
        error = open_flow_table(ops, &table);
        if (!error && present) {
            error = add_orphan_cookies(table, &snap, names, &with, &cookies,
                                       &n_cookies);
        }
        if (!error && n_cookies) {
            size_t added, removed;
            error = flow_table_sync_cookies(table, present ? &with : &without,
                                            cookies, n_cookies, &added,
                                            &removed, NULL);
            if (!error && n_changed) {
                *n_changed = added + removed;
            }
        }
        flow_table_close(table);
    }
    free(cookies);
    sset_destroy(&with_s);
    sset_destroy(&without_s);
    pod_flow_set_destroy(&with);
    pod_flow_set_destroy(&without);
    snapshot_destroy(&snap);
    return error;
}

struct delete_ports_aux {
    const char *br_name;
    const struct sset *names;
};

static char *
build_delete_ports(struct vsdb *db, struct ovsdb_idl_txn *txn OVS_UNUSED,
                   void *aux_, bool *empty)
{
    const struct delete_ports_aux *aux = aux_;
    const struct ovsrec_bridge *br = vsdb_find_bridge(vsdb_root(db),
                                                      aux->br_name);
    *empty = true;
    size_t n_ports = 0;
    const struct ovsrec_port **ports = (br ? vsdb_bridge_ports(db, br,
                                                               &n_ports)
                                        : NULL);
    for (size_t i = 0; i < n_ports; i++) {
        const struct ovsrec_port *port = ports[i];
        if (sset_contains(aux->names, port->name)) {
            ovsrec_bridge_update_ports_delvalue(br, port);
            ovsrec_port_delete(port);
            *empty = false;
        }
    }
    free(ports);
    return NULL;
}

/* Deletes the ports named in 'names' from bridge 'br_name', and waits
 * for ovs-vswitchd if 'wait'.  Sets '*committed' if the database took the
 * deletion. */
static char *
delete_ports(struct vsdb *db, const char *br_name, const struct sset *names,
             const char *comment, bool wait, bool *committed)
{
    struct delete_ports_aux aux = { .br_name = br_name, .names = names };
    return vsdb_transact(db, comment, wait, build_delete_ports, &aux,
                         committed);
}

/* Checks that 'req''s pod UID and container ID belong to no other pod:
 * each names exactly one pod (namespace and name), and a second pod that
 * presents one is refused. */
static char *
check_identity(const struct pod_attachment *req, const struct snapshot *snap)
{
    for (size_t i = 0; i < snap->n; i++) {
        const struct pod_attachment *pa = &snap->pods[i];
        bool same_pod = (!strcmp(pa->namespace, req->namespace)
                         && !strcmp(pa->name, req->name));
        if (!same_pod && !strcmp(pa->uid, req->uid)) {
            return xasprintf("pod UID %s belongs to pod %s/%s, not %s/%s: "
                             "a UID names one pod", req->uid, pa->namespace,
                             pa->name, req->namespace, req->name);
        }
        if (!same_pod && req->container_id && pa->container_id
            && !strcmp(pa->container_id, req->container_id)) {
            return xasprintf("container ID %s belongs to pod %s/%s, not "
                             "%s/%s", req->container_id, pa->namespace,
                             pa->name, req->namespace, req->name);
        }
        if (same_pod && strcmp(pa->uid, req->uid)
            && !strcmp(pa->ifname, req->ifname)) {
            return xasprintf("pod %s/%s interface %s is already attached "
                             "for pod UID %s (port %s): detach it first",
                             req->namespace, req->name, req->ifname,
                             pa->uid, snap->ports[i]->name);
        }
    }
    return NULL;
}

/* Calls 'ops''s hook before attach changes anything, if it has one. */
static char *
before_change(const struct pod_ops *ops)
{
    return ops->before_change ? ops->before_change(ops->before_change_aux)
                              : NULL;
}

/* Tells 'ops''s caller that the request itself is at fault. */
static void
set_refused(const struct pod_ops *ops)
{
    if (ops->refused) {
        *ops->refused = true;
    }
}

/* Checks 'req' against the attachments already on 'br'.  Sets
 * '*refused' if the request itself is at fault, or '*not_yet' if its peer
 * port may still come. */
static char *
check_intent(const struct pod_ops *ops, const struct pod_attachment *req,
             const char *port_name, const struct vsdb *db,
             const struct ovsrec_bridge *br, const struct snapshot *snap,
             bool *refused, bool *not_yet)
{
    *refused = true;
    *not_yet = false;
    char *error = check_identity(req, snap);
    if (error || req->mode == POD_MODE_ISOLATED) {
        return error;
    }

    const char *target = req->mode == POD_MODE_CROSS ? req->peer : req->uplink;
    const char *what = req->mode == POD_MODE_CROSS ? "peer" : "uplink";
    const struct ovsrec_bridge *tbr;
    const struct ovsrec_port *tport = vsdb_find_port_anywhere(db, target,
                                                              &tbr);

    if (!strcmp(target, "LOCAL")) {
        return xasprintf("%s port LOCAL is the host's: a pod never reaches "
                         "it", what);
    }
    if (req->mode != POD_MODE_CROSS && (!tport || tbr != br)) {
        return xasprintf("uplink port %s does not exist on bridge %s: use "
                         "an uplink that \"ovs-podctl init\" made", target,
                         br->name);
    }
    if (!tport || tbr != br) {
        /* Perhaps not yet: the peer pod may be attached next. */
        *refused = false;
        *not_yet = true;
        return xasprintf("peer port %s does not exist on bridge %s (it "
                         "may not be attached yet)",
                         target, br->name);
    }
    if (!strcmp(target, port_name)) {
        return xasprintf("%s port %s is this interface itself", what,
                         target);
    }
    struct pod_target t = {
        .name = target,
        .role = smap_get(&tport->external_ids, "ovs-pod"),
        .namespace = smap_get(&tport->external_ids, "ovs-pod-namespace"),
        .is_local = !strcmp(target, br->name),
    };
    error = pod_intent_check_target(ops->who, ops->policy, req, &t);
    if (error) {
        return error;
    }

    for (size_t i = 0; i < snap->n; i++) {
        const struct pod_attachment *pa = &snap->pods[i];
        const char *pa_port = snap->ports[i]->name;
        bool pa_uses_target = (pa->mode == POD_MODE_CROSS
                               ? !strcmp(pa->peer, target)
                               : pa->uplink && !strcmp(pa->uplink, target));

        if (!strcmp(pa_port, target)) {
            /* The target is a pod's port: only a cross-connect may take
             * it, and only from a pod that forwards nothing by itself. */
            if (req->mode != POD_MODE_CROSS) {
                return xasprintf("uplink %s is a pod's port", target);
            }
            if (pa->mode != POD_MODE_ISOLATED) {
                return xasprintf("peer port %s belongs to %s/%s interface "
                                 "%s, which is %s", target, pa->namespace,
                                 pa->name, pa->ifname,
                                 pa->mode == POD_MODE_CROSS
                                 ? "cross-connected already"
                                 : "on an uplink");
            }
        }
        if (pa->mode == POD_MODE_CROSS && pa_uses_target) {
            return xasprintf("%s port %s is already cross-connected by "
                             "%s/%s interface %s", what, target,
                             pa->namespace, pa->name, pa->ifname);
        }
        if (req->mode == POD_MODE_CROSS && pa_uses_target) {
            return xasprintf("peer port %s is already used by %s/%s "
                             "interface %s (%s)", target, pa->namespace,
                             pa->name, pa->ifname,
                             pod_mode_to_string(pa->mode));
        }
        if (req->mode != POD_MODE_CROSS && pa->mode != POD_MODE_CROSS
            && pa_uses_target && pa->vlan == req->vlan) {
            if (req->mode == POD_MODE_VLAN || pa->mode == POD_MODE_VLAN) {
                return xasprintf("VLAN %d of uplink %s is already used by "
                                 "%s/%s interface %s", req->vlan, target,
                                 pa->namespace, pa->name, pa->ifname);
            }
            if (eth_addr_equals(pa->mac, req->mac)) {
                return xasprintf("MAC "ETH_ADDR_FMT" on uplink %s is already "
                                 "used by %s/%s interface %s",
                                 ETH_ADDR_ARGS(req->mac), target,
                                 pa->namespace, pa->name, pa->ifname);
            }
        }
    }
    return NULL;
}

struct create_ports_aux {
    const struct pod_ops *ops;
    const struct pod_attachment *const *reqs;
    char *const *port_names;
    size_t n;
};

static char *
build_create_ports(struct vsdb *db, struct ovsdb_idl_txn *txn, void *aux_,
                   bool *empty OVS_UNUSED)
{
    const struct create_ports_aux *aux = aux_;
    const struct pod_ops *ops = aux->ops;
    const struct ovsrec_bridge *br = vsdb_find_bridge(vsdb_root(db),
                                                      ops->bridge);
    if (!br) {
        return no_bridge_error(ops);
    }

    for (size_t i = 0; i < aux->n; i++) {
        const struct pod_attachment *req = aux->reqs[i];
        char *sock = pod_socket_path(req);
        struct ovsrec_interface *iface = vsdb_insert_interface(txn);
        ovsrec_interface_set_name(iface, aux->port_names[i]);
        ovsrec_interface_set_type(iface, (ops->port_type ? ops->port_type
                                          : NODE_CONF_PORT_TYPE));
        ovsrec_interface_update_options_setkey(iface, "vhost-server-path",
                                               sock);
        free(sock);

        struct smap ids = SMAP_INITIALIZER(&ids);
        struct pod_attachment pa;
        pod_attachment_clone(&pa, req);
        pa.attached = time_wall();
        pod_to_external_ids(&pa, &ids);
        pod_attachment_destroy(&pa);
        struct ovsrec_port *port = vsdb_insert_port(txn);
        ovsrec_port_set_name(port, aux->port_names[i]);
        ovsrec_port_set_interfaces(port, &iface, 1);
        ovsrec_port_set_external_ids(port, &ids);
        smap_destroy(&ids);

        /* A partial update of Bridge.ports: other ports may come and
         * go. */
        ovsrec_bridge_update_ports_addvalue(br, port);
    }
    return NULL;
}

/* Creates the 'n' attachments 'reqs' on ports 'port_names', in one
 * transaction, and waits until ovs-vswitchd has them. */
static char *
create_ports(const struct pod_ops *ops, struct vsdb *db,
             const struct pod_attachment *const *reqs,
             char *const *port_names, size_t n)
{
    struct create_ports_aux aux = { .ops = ops, .reqs = reqs,
                                    .port_names = port_names, .n = n };
    struct ds comment = DS_EMPTY_INITIALIZER;
    ds_put_cstr(&comment, "ovs-podctl: attach");
    for (size_t i = 0; i < n; i++) {
        ds_put_format(&comment, "%s %s/%s %s", i ? "," : "",
                      reqs[i]->namespace, reqs[i]->name, reqs[i]->ifname);
    }
    char *error = vsdb_transact(db, ds_cstr(&comment), true,
                                build_create_ports, &aux, NULL);
    ds_destroy(&comment);
    return error;
}

/* Checks that ovs-vswitchd made port 'port_name' and gave it an OpenFlow
 * port number. */
static char *
check_created(struct vsdb *db, const char *port_name)
{
    const struct ovsrec_port *port = vsdb_find_port_anywhere(db, port_name,
                                                             NULL);
    const struct ovsrec_interface *iface = (port && port->n_interfaces
                                            ? port->interfaces[0] : NULL);
    if (!iface) {
        return xasprintf("port %s vanished", port_name);
    } else if (iface->error) {
        /* ovs-vswitchd's reason is in its log: for a vhost-user port, DPDK
         * says there when it has all the sockets it allows. */
        bool vhost = !strcmp(iface->type, NODE_CONF_PORT_TYPE);
        return xasprintf("port %s: %s (ovs-vswitchd's log says why%s)",
                         port_name, iface->error,
                         vhost ? "; DPDK allows at most 1024 vhost-user "
                                 "ports per ovs-vswitchd" : "");
    } else if (!iface->n_ofport || *iface->ofport <= 0) {
        return xasprintf("ovs-vswitchd gave port %s no OpenFlow port "
                         "number", port_name);
    }
    return NULL;
}

/* Writes 'kit' into 'd' unless ovs-pod's kit of the same size is there
 * already; sets '*changed' if it wrote.  The kit is never read back: the
 * pod may write to it. */
static char *
put_kit(const struct pod_dir *d, const struct pod_attachment *pa,
        const char *kit, bool *changed)
{
    if (pod_dir_has_kit(d, pa, strlen(kit))) {
        return NULL;
    }
    *changed = true;
    return pod_dir_write_kit(d, pa, kit);
}

/* Returns 'pa''s launch kit, and stores it as text in '*text'. */
static struct json *
kit_create(const struct pod_attachment *pa, char **text)
{
    struct json *kit = launch_kit_create(pa);
    *text = json_to_string(kit, JSSF_PRETTY | JSSF_SORT);
    return kit;
}

/* Returns true if 'pa''s socket directory holds the launch kit that
 * ovs-pod wrote for it. */
bool
pod_ops_has_kit(const struct pod_attachment *pa)
{
    char *text;
    json_destroy(kit_create(pa, &text));
    struct pod_dir dir;
    char *error = pod_dir_open(pa, false, &dir);
    bool ok = !error && pod_dir_has_kit(&dir, pa, strlen(text));
    pod_dir_close(&dir);
    free(error);
    free(text);
    return ok;
}

/* Undoes what attach__() or attach_batch() did for the 'n' attachments
 * 'reqs' on ports 'names' with directories 'dirs', in reverse order: their
 * flows and ports if 'ports', and their directories if it made them or
 * 'ports'. */
static void
undo_attach(const struct pod_ops *ops, struct vsdb *db,
           const struct pod_attachment *const *reqs, char *const *names,
           struct pod_dir *dirs, size_t n, bool ports)
{
    if (ports) {
        struct sset set = SSET_INITIALIZER(&set);
        for (size_t i = 0; i < n; i++) {
            sset_add(&set, names[i]);
        }
        free(sync_changed_flows(ops, db, &set, false, NULL));
        bool committed;
        free(delete_ports(db, ops->bridge, &set, "ovs-podctl: undo attach",
                          true, &committed));
        sset_destroy(&set);
    }
    for (size_t i = 0; i < n; i++) {
        if ((ports || dirs[i].created) && dirs[i].fd >= 0) {
            pod_dir_remove(&dirs[i], reqs[i]);
        }
    }
}

/* Does the work of pod_ops_attach(), under the bridge lock. */
static char *
attach__(const struct pod_ops *ops, const struct pod_attachment *req,
         bool *changed, struct json **kit)
{
    *changed = false;
    *kit = NULL;

    /* What the checks below read: this interface's port, any port of the
     * same pod or with its UID or container ID, and its peer or uplink
     * with whatever already uses it. */
    char *port_name = pod_port_name(req);
    struct vsdb_scope scope;
    vsdb_scope_init(&scope);
    scope_add_request(&scope, req, port_name);
    struct vsdb *db;
    char *error = open_scoped(ops, &scope, &db);
    vsdb_scope_destroy(&scope);
    if (error) {
        free(port_name);
        return error;
    }

    const struct ovsrec_open_vswitch *ovs = vsdb_root(db);
    const struct ovsrec_bridge *br = vsdb_find_bridge(ovs, ops->bridge);
    char *kit_text;
    struct json *kit_json = kit_create(req, &kit_text);
    struct snapshot snap;
    bool have_snap = false;
    bool port_created = false, dir_created = false;
    struct pod_dir dir = { .fd = -1, .base_fd = -1 };

    if (!br) {
        error = no_bridge_error(ops);
        goto out;
    }

    const struct ovsrec_bridge *pbr;
    const struct ovsrec_port *existing = vsdb_find_port_anywhere(db,
                                                                 port_name,
                                                                 &pbr);
    if (existing) {
        struct pod_attachment cur;
        if (!pod_is_ours(&existing->external_ids) || pbr != br) {
            error = xasprintf("port %s exists but is not ovs-pod's "
                              "attachment on bridge %s", port_name,
                              ops->bridge);
            set_refused(ops);
            goto out;
        }
        error = pod_from_external_ids(&existing->external_ids, &cur);
        if (error) {
            goto out;
        }
        bool same = (!strcmp(cur.uid, req->uid)
                     && pod_same_intent(&cur, req));
        pod_attachment_destroy(&cur);
        if (!same) {
            error = xasprintf("pod %s/%s interface %s is already attached "
                              "with another intent (see \"ovs-podctl show "
                              "%s/%s\"): detach it first", req->namespace,
                              req->name, req->ifname, req->namespace,
                              req->name);
            set_refused(ops);
            goto out;
        }

        /* The same again: make sure everything is there. */
        error = before_change(ops);
        if (error) {
            goto out;
        }
        error = pod_dir_open(req, true, &dir);
        *changed |= dir.created;
        size_t n_changed = 0;
        if (!error) {
            struct sset names = SSET_INITIALIZER(&names);
            sset_add(&names, port_name);
            error = sync_changed_flows(ops, db, &names, true, &n_changed);
            sset_destroy(&names);
        }
        if (!error) {
            *changed |= n_changed != 0;
            error = put_kit(&dir, req, kit_text, changed);
        }
        goto out;
    }

    snapshot_read(db, br, &snap, NULL);
    have_snap = true;
    bool refused, not_yet;
    error = check_intent(ops, req, port_name, db, br, &snap, &refused,
                         &not_yet);
    if (error) {
        if (refused) {
            set_refused(ops);
        }
        if (ops->not_yet) {
            *ops->not_yet = not_yet;
        }
        VLOG_INFO("refused to attach %s/%s interface %s: %s",
                  req->namespace, req->name, req->ifname, error);
        goto out;
    }

    error = before_change(ops);
    if (error) {
        goto out;
    }

    error = pod_dir_open(req, true, &dir);
    dir_created = dir.created;
    if (error) {
        goto out;
    }

    error = create_ports(ops, db, &req, &port_name, 1);
    port_created = true;
    if (!error) {
        error = check_created(db, port_name);
    }
    if (!error) {
        struct sset names = SSET_INITIALIZER(&names);
        sset_add(&names, port_name);
        error = sync_changed_flows(ops, db, &names, true, NULL);
        sset_destroy(&names);
    }
    if (!error) {
        error = pod_dir_write_kit(&dir, req, kit_text);
    }
    if (!error) {
        *changed = true;
        VLOG_INFO("attached %s/%s interface %s as port %s (%s)",
                  req->namespace, req->name, req->ifname, port_name,
                  pod_mode_to_string(req->mode));
    }

out:
    if (error) {
        if (port_created || dir_created) {
            undo_attach(ops, db, &req, &port_name, &dir, 1, port_created);
        }
        json_destroy(kit_json);
    } else {
        *kit = kit_json;
    }
    if (have_snap) {
        snapshot_destroy(&snap);
    }
    pod_dir_close(&dir);
    free(kit_text);
    free(port_name);
    vsdb_close(db);
    return error;
}

/* What a detach selects: the attachments of 'container_id' if it is
 * nonnull, otherwise of pod 'namespace'/'name'; only interface 'ifname' if
 * it is nonnull. */
struct detach_sel {
    const char *namespace;
    const char *name;
    const char *container_id;
    const char *ifname;
};

static bool
sel_matches(const struct detach_sel *sel, const struct pod_attachment *pa)
{
    bool match = (sel->container_id
                  ? pa->container_id
                    && !strcmp(pa->container_id, sel->container_id)
                  : (!strcmp(pa->namespace, sel->namespace)
                     && !strcmp(pa->name, sel->name)));
    return match && (!sel->ifname || !strcmp(pa->ifname, sel->ifname));
}

/* Does the work of pod_ops_detach() and pod_ops_detach_container(), under
 * the bridge lock, for the 'n' selections 'sels' together, with one
 * transaction and one flow bundle: adds to 'detached[i]' the ports that
 * 'sels[i]' detached. */
static char *
detach__(const struct pod_ops *ops, const struct detach_sel *sels, size_t n,
         struct svec *detached)
{
    struct vsdb_scope scope;
    vsdb_scope_init(&scope);
    for (size_t i = 0; i < n; i++) {
        if (sels[i].container_id) {
            vsdb_scope_add_pair(&scope, POD_KEY_CONTAINER_ID,
                                sels[i].container_id);
        } else {
            vsdb_scope_add_pairs(&scope, POD_KEY_NAMESPACE, sels[i].namespace,
                                 POD_KEY_NAME, sels[i].name);
        }
    }
    struct vsdb *db;
    char *error = open_scoped(ops, &scope, &db);
    vsdb_scope_destroy(&scope);
    const struct ovsrec_bridge *br = (error ? NULL
                                      : vsdb_find_bridge(vsdb_root(db),
                                                         ops->bridge));
    if (error || !br) {
        vsdb_close(db);
        return error;
    }

    /* Copy what goes: committing frees the IDL rows that 'snap' uses. */
    struct snapshot snap;
    snapshot_read(db, br, &snap, NULL);
    struct sset names = SSET_INITIALIZER(&names);
    struct pod_attachment *gone = xcalloc(snap.n + 1, sizeof *gone);
    struct svec gone_ports = SVEC_EMPTY_INITIALIZER;
    size_t n_gone = 0;
    for (size_t i = 0; i < snap.n; i++) {
        const struct pod_attachment *pa = &snap.pods[i];
        bool match = false;
        for (size_t j = 0; j < n && !match; j++) {
            match = sel_matches(&sels[j], pa);
        }
        if (match) {
            sset_add(&names, snap.ports[i]->name);
            svec_add(&gone_ports, snap.ports[i]->name);
            pod_attachment_clone(&gone[n_gone++], pa);
        }
    }
    snapshot_destroy(&snap);

    if (n_gone) {
        /* Flows first, so that nothing is ever sent to a port that is
         * gone, or to the next port that gets its number.  With
         * ovs-vswitchd down there are no flows, and nobody to wait for:
         * when it starts, the ports are gone and sync restores the
         * others' flows. */
        bool vswitchd_up = vsdb_vswitchd_pid(ops->db_remote) != 0;
        if (vswitchd_up) {
            error = sync_changed_flows(ops, db, &names, false, NULL);
        } else {
            VLOG_INFO("detach: ovs-vswitchd is not running: deleting the "
                      "ports without touching flows");
        }
        bool committed = false;
        if (!error) {
            error = delete_ports(db, ops->bridge, &names,
                                 "ovs-podctl: detach", vswitchd_up,
                                 &committed);
        }
        if (error && committed) {
            /* The ports are gone from the database; ovs-vswitchd drops
             * them when it catches up.  Their directories must not stay
             * behind for good. */
            VLOG_WARN("detach: %s; the ports are deleted from the "
                      "database all the same", error);
            free(error);
            error = NULL;
        }
        if (!error) {
            for (size_t i = 0; i < n_gone; i++) {
                struct pod_dir dir;
                char *e = pod_dir_open(&gone[i], false, &dir);
                if (e) {
                    VLOG_WARN("detach %s: %s", gone_ports.names[i], e);
                    free(e);
                } else {
                    pod_dir_remove(&dir, &gone[i]);
                }
                pod_dir_close(&dir);
                for (size_t j = 0; j < n; j++) {
                    if (sel_matches(&sels[j], &gone[i])) {
                        svec_add(&detached[j], gone_ports.names[i]);
                    }
                }
                VLOG_INFO("detached %s/%s interface %s (port %s)%s",
                          gone[i].namespace, gone[i].name, gone[i].ifname,
                          gone_ports.names[i],
                          n > 1 ? ", with other requests' ports" : "");
            }
        }
    }

    for (size_t i = 0; i < n_gone; i++) {
        pod_attachment_destroy(&gone[i]);
    }
    free(gone);
    svec_destroy(&gone_ports);
    sset_destroy(&names);
    vsdb_close(db);
    return error;
}

/* Reads a queued detach request's selection from 'args' into 'sel', which
 * points into 'args'.  Returns false if 'args' select nothing valid. */
static bool
sel_from_args(const struct smap *args, struct detach_sel *sel)
{
    sel->namespace = smap_get(args, "namespace");
    sel->name = smap_get(args, "name");
    sel->container_id = smap_get(args, "container-id");
    sel->ifname = smap_get(args, "ifname");
    return sel->container_id || (sel->namespace && sel->name);
}

static void
sel_to_args(const struct detach_sel *sel, struct smap *args)
{
    static const char *const keys[] = { "namespace", "name", "container-id",
                                        "ifname" };
    const char *values[] = { sel->namespace, sel->name, sel->container_id,
                             sel->ifname };
    for (size_t i = 0; i < ARRAY_SIZE(keys); i++) {
        if (values[i]) {
            smap_add(args, keys[i], values[i]);
        }
    }
}

/* Detaches what 'sel' selects, under the bridge lock at 'path', together
 * with the detach requests with 'key' that wait in its queue (see
 * pod-queue.h), and answers those with the ports they detached.  Only
 * while ovs-vswitchd runs: otherwise each requester finds out for itself.
 * Returns like pod_ops_detach(). */
static char *
detach_queued(const struct pod_ops *ops, const char *path, const char *key,
              const struct detach_sel *sel, struct svec *detached)
{
    struct pod_queue_request *queued;
    size_t n_queued = pod_queue_take(path, key, &queued);
    struct detach_sel *sels = xcalloc(n_queued + 1, sizeof *sels);
    const char **ids = xcalloc(n_queued + 1, sizeof *ids);
    size_t n = 1;
    sels[0] = *sel;
    if (vsdb_vswitchd_pid(ops->db_remote)) {
        for (size_t i = 0; i < n_queued; i++) {
            if (sel_from_args(&queued[i].args, &sels[n])) {
                ids[n++] = queued[i].id;
            }
        }
    }

    size_t n_each = n;
    struct svec *each = xcalloc(n_each, sizeof *each);
    for (size_t i = 0; i < n_each; i++) {
        svec_init(&each[i]);
    }
    char *error = detach__(ops, sels, n, each);
    if (n > 1 && error) {
        /* Each requester finds out for itself, and so does this one. */
        free(error);
        svec_clear(&each[0]);
        error = detach__(ops, sel, 1, each);
        n = 1;
    }
    for (size_t i = 1; i < n; i++) {
        struct ds answer = DS_EMPTY_INITIALIZER;
        for (size_t j = 0; j < each[i].n; j++) {
            ds_put_format(&answer, "%s\n", each[i].names[j]);
        }
        pod_queue_answer(path, ids[i], ds_cstr(&answer));
        ds_destroy(&answer);
    }
    for (size_t j = 0; j < each[0].n; j++) {
        svec_add(detached, each[0].names[j]);
    }
    for (size_t i = 0; i < n_each; i++) {
        svec_destroy(&each[i]);
    }
    free(each);
    free(ids);
    free(sels);
    pod_queue_requests_destroy(queued, n_queued);
    return error;
}

/* Does pod_ops_detach() or pod_ops_detach_container() for 'sel': takes the
 * bridge lock, leaving the request in its queue while it waits (see
 * pod-queue.h). */
static char *
detach_locked(const struct pod_ops *ops, const struct detach_sel *sel,
              struct svec *detached)
{
    struct smap args = SMAP_INITIALIZER(&args);
    sel_to_args(sel, &args);
    char *path, *key, *error = NULL;
    struct pod_queue_ticket ticket;
    int lock = lock_queued(ops, "detach", &args, &path, &key, &ticket,
                           &error);
    smap_destroy(&args);
    if (lock >= 0) {
        /* Withdrawn before the queue is taken, so as not to take itself. */
        struct ds answer = DS_EMPTY_INITIALIZER;
        bool answered = pod_queue_answered(&ticket, &answer);
        pod_queue_withdraw(&ticket);
        if (answered) {
            struct svec ports = SVEC_EMPTY_INITIALIZER;
            svec_parse_words(&ports, ds_cstr(&answer));
            for (size_t i = 0; i < ports.n; i++) {
                svec_add(detached, ports.names[i]);
            }
            svec_destroy(&ports);
            VLOG_INFO("%s%s%s was detached, while it waited for the bridge "
                      "lock, by the lock's previous holder",
                      sel->container_id ? sel->container_id : sel->namespace,
                      sel->container_id ? "" : "/",
                      sel->container_id ? "" : sel->name);
        } else {
            error = detach_queued(ops, path, key, sel, detached);
        }
        ds_destroy(&answer);
        unlock_bridge(lock);
    }
    free(key);
    free(path);
    return error;
}

/* Rebuilds every attachment's flows from the intent in the database: adds
 * what is missing, removes ovs-pod's stale flows.  In the same bundle,
 * installs the operator's flows from the node's flows directory and, if
 * 'restore_saved', those that pod_ops_save_flows() saved, whose file is
 * then removed.  A second run sends nothing. */
char *
pod_ops_sync(const struct pod_ops *ops, bool restore_saved, size_t *n_added,
             size_t *n_removed, struct svec *warnings)
{
    *n_added = *n_removed = 0;
    char *error = NULL;
    int lock = lock_bridge(ops, &error);
    if (lock < 0) {
        return error;
    }

    struct operator_flows extra;
    operator_flows_init(&extra);
    char *saved = (restore_saved
                   ? operator_flows_saved_path(ops->policy->state_dir,
                                               ops->bridge)
                   : NULL);
    if (saved) {
        error = operator_flows_read_file(saved, false, &extra);
    }
    if (!error) {
        error = operator_flows_read_dir(ops->policy->flows_dir, &extra);
    }

    struct vsdb *db = NULL;
    if (!error) {
        error = open_db(ops, false, &db);
    }
    if (!error) {
        error = sync_flows(ops, db, NULL, &extra, n_added, n_removed,
                           warnings);
    }
    vsdb_close(db);
    if (!error && (*n_added || *n_removed)) {
        VLOG_INFO("sync: %"PRIuSIZE" flows added or replaced, %"PRIuSIZE
                  " removed", *n_added, *n_removed);
    }
    if (!error && saved && !unlink(saved)) {
        VLOG_INFO("restored the flows saved in %s", saved);
    }
    free(saved);
    operator_flows_destroy(&extra);
    unlock_bridge(lock);
    return error;
}

/* Saves the bridge's flows that are not ovs-pod's, for pod_ops_sync() to
 * restore after ovs-vswitchd restarts, as OVS's ovs-save does.  Stores
 * how many were saved in '*n_saved' and the file in '*pathp' (which the
 * caller frees). */
char *
pod_ops_save_flows(const struct pod_ops *ops, size_t *n_saved, char **pathp)
{
    *n_saved = 0;
    *pathp = operator_flows_saved_path(ops->policy->state_dir, ops->bridge);

    struct flow_table *table;
    char *error = open_flow_table(ops, &table);
    if (!error) {
        struct svec lines = SVEC_EMPTY_INITIALIZER;
        error = flow_table_format_others(table, &lines);
        flow_table_close(table);
        if (!error) {
            error = operator_flows_write_file(*pathp, &lines);
            *n_saved = error ? 0 : lines.n;
        }
        svec_destroy(&lines);
    }
    return error;
}

/* Returns true if attaching 'a' and 'b' together could make one's checks
 * depend on the other: the same pod, UID or container ID; the same port to
 * forward to, unless both take different VLANs of an uplink; or one
 * forwarding to the other. */
static bool
requests_related(const struct pod_attachment *a, const char *a_port,
                 const struct pod_attachment *b, const char *b_port)
{
    const char *at = request_target(a), *bt = request_target(b);
    return ((!strcmp(a->namespace, b->namespace)
             && !strcmp(a->name, b->name))
            || !strcmp(a->uid, b->uid)
            || (a->container_id && b->container_id
                && !strcmp(a->container_id, b->container_id))
            || (at && bt && !strcmp(at, bt)
                && (a->mode == POD_MODE_CROSS || b->mode == POD_MODE_CROSS
                    || a->vlan == b->vlan))
            || (at && !strcmp(at, b_port))
            || (bt && !strcmp(bt, a_port)));
}

/* Attaches together, with one transaction, one wait for ovs-vswitchd and
 * one flow bundle, those of the 'n' requests 'reqs' that are new, pass
 * every check that attach__() makes, and are not related to one another
 * (see requests_related()), and sets 'done[i]' for each one attached.  It
 * leaves the rest, and all of them if any step fails, for attach__() to
 * attach one by one, which says why if it cannot. */
static void
attach_batch(const struct pod_ops *ops, const struct pod_attachment *reqs,
             size_t n, bool *done)
{
    char **names = xcalloc(n, sizeof *names);
    struct vsdb_scope scope;
    vsdb_scope_init(&scope);
    for (size_t i = 0; i < n; i++) {
        done[i] = false;
        names[i] = pod_port_name(&reqs[i]);
        scope_add_request(&scope, &reqs[i], names[i]);
    }
    struct vsdb *db;
    char *error = open_scoped(ops, &scope, &db);
    vsdb_scope_destroy(&scope);
    if (error) {
        /* Each requester will find out for itself. */
        free(error);
        for (size_t i = 0; i < n; i++) {
            free(names[i]);
        }
        free(names);
        return;
    }
    const struct ovsrec_open_vswitch *ovs = vsdb_root(db);
    const struct ovsrec_bridge *br = vsdb_find_bridge(ovs, ops->bridge);

    /* The requests to attach, in order. */
    const struct pod_attachment **batch = xcalloc(n, sizeof *batch);
    char **batch_names = xcalloc(n, sizeof *batch_names);
    size_t *index = xcalloc(n, sizeof *index);
    size_t n_batch = 0;
    struct snapshot snap;
    if (br) {
        snapshot_read(db, br, &snap, NULL);
    }
    for (size_t i = 0; br && i < n; i++) {
        const struct ovsrec_bridge *pbr;
        bool ok = !vsdb_find_port_anywhere(db, names[i], &pbr);
        for (size_t j = 0; ok && j < n_batch; j++) {
            ok = !requests_related(&reqs[i], names[i], batch[j],
                                   batch_names[j]);
        }
        if (ok) {
            bool refused, not_yet;
            char *e = check_intent(ops, &reqs[i], names[i], db, br, &snap,
                                   &refused, &not_yet);
            ok = !e;
            free(e);
        }
        if (ok) {
            index[n_batch] = i;
            batch_names[n_batch] = names[i];
            batch[n_batch++] = &reqs[i];
        }
    }
    if (br) {
        snapshot_destroy(&snap);
    }

    struct pod_dir *dirs = xcalloc(n_batch, sizeof *dirs);
    size_t n_dirs = 0;
    for (; n_dirs < n_batch && !error; n_dirs++) {
        error = pod_dir_open(batch[n_dirs], true, &dirs[n_dirs]);
    }
    bool created = false;
    if (!error && n_batch) {
        error = create_ports(ops, db, batch, batch_names, n_batch);
        created = true;
        for (size_t i = 0; i < n_batch && !error; i++) {
            error = check_created(db, batch_names[i]);
        }
    }
    if (!error && n_batch) {
        struct sset set = SSET_INITIALIZER(&set);
        for (size_t i = 0; i < n_batch; i++) {
            sset_add(&set, batch_names[i]);
        }
        error = sync_changed_flows(ops, db, &set, true, NULL);
        sset_destroy(&set);
    }
    for (size_t i = 0; i < n_batch && !error; i++) {
        char *kit_text;
        json_destroy(kit_create(batch[i], &kit_text));
        error = pod_dir_write_kit(&dirs[i], batch[i], kit_text);
        free(kit_text);
    }

    if (error) {
        VLOG_INFO("attaching %"PRIuSIZE" interfaces together failed, so "
                  "each is attached alone: %s", n_batch, error);
        undo_attach(ops, db, batch, batch_names, dirs, n_dirs, created);
        free(error);
    } else {
        for (size_t i = 0; i < n_batch; i++) {
            done[index[i]] = true;
            VLOG_INFO("attached %s/%s interface %s as port %s (%s), one of "
                      "%"PRIuSIZE" together", batch[i]->namespace,
                      batch[i]->name, batch[i]->ifname, batch_names[i],
                      pod_mode_to_string(batch[i]->mode), n_batch);
        }
    }
    for (size_t i = 0; i < n_dirs; i++) {
        pod_dir_close(&dirs[i]);
    }
    free(dirs);
    free(index);
    free(batch_names);
    free(batch);
    for (size_t i = 0; i < n; i++) {
        free(names[i]);
    }
    free(names);
    vsdb_close(db);
}

/* Attaches 'req', under the bridge lock at 'path', together with the
 * requests with 'key' that wait in its queue (see pod-queue.h), and
 * answers those it attached.  Returns like pod_ops_attach(). */
static char *
attach_queued(const struct pod_ops *ops, const char *path, const char *key,
              const struct pod_attachment *req, bool *changed,
              struct json **kit)
{
    struct pod_queue_request *queued;
    size_t n_queued = pod_queue_take(path, key, &queued);
    if (!n_queued) {
        pod_queue_requests_destroy(queued, 0);
        return attach__(ops, req, changed, kit);
    }

    /* This request first, unless its hook must run first. */
    bool own = !ops->before_change;
    size_t n = n_queued + own;
    struct pod_attachment *reqs = xcalloc(n, sizeof *reqs);
    if (own) {
        pod_attachment_clone(&reqs[0], req);
    }
    const char **ids = xcalloc(n, sizeof *ids);
    size_t n_parsed = own;
    for (size_t i = 0; i < n_queued; i++) {
        char *e = pod_from_external_ids(&queued[i].args, &reqs[n_parsed]);
        if (e) {
            VLOG_WARN("queued request %s: %s", queued[i].id, e);
            free(e);
        } else {
            ids[n_parsed++] = queued[i].id;
        }
    }
    n = n_parsed;
    bool *done = xcalloc(n, sizeof *done);
    attach_batch(ops, reqs, n, done);
    for (size_t i = own; i < n; i++) {
        if (done[i]) {
            pod_queue_answer(path, ids[i], "");
        }
    }
    free(ids);

    char *error = NULL;
    if (own && done[0]) {
        *changed = true;
        *kit = launch_kit_create(req);
    } else {
        error = attach__(ops, req, changed, kit);
    }
    for (size_t i = 0; i < n; i++) {
        pod_attachment_destroy(&reqs[i]);
    }
    free(reqs);
    free(done);
    pod_queue_requests_destroy(queued, n_queued);
    return error;
}

/* Attaches 'req': creates its socket directory, its dpdkvhostuserclient
 * port, its flows and its launch kit.  Attaching again with the same
 * intent changes nothing (and sets '*changed' to false); with another
 * intent it fails.  On success, returns NULL and stores the launch kit in
 * '*kit'; otherwise returns a malloc()'d error message, and nothing that
 * this call created is left behind. */
char *
pod_ops_attach(const struct pod_ops *ops, const struct pod_attachment *req,
               bool *changed, struct json **kit)
{
    *changed = false;
    *kit = NULL;

    /* A request with a hook must run it itself, so it is never queued. */
    struct smap ids = SMAP_INITIALIZER(&ids);
    if (!ops->before_change) {
        pod_to_external_ids(req, &ids);
    }
    char *path, *key, *error = NULL;
    struct pod_queue_ticket ticket;
    int lock = lock_queued(ops, "attach", ops->before_change ? NULL : &ids,
                           &path, &key, &ticket, &error);
    smap_destroy(&ids);
    struct ds answer = DS_EMPTY_INITIALIZER;
    if (lock >= 0) {
        /* Withdrawn before the queue is taken, so as not to take itself. */
        bool answered = pod_queue_answered(&ticket, &answer);
        pod_queue_withdraw(&ticket);
        if (answered) {
            *changed = true;
            *kit = launch_kit_create(req);
            VLOG_INFO("%s/%s interface %s was attached, while it waited for "
                      "the bridge lock, by the lock's previous holder",
                      req->namespace, req->name, req->ifname);
        } else {
            error = attach_queued(ops, path, key, req, changed, kit);
        }
        unlock_bridge(lock);
    }
    ds_destroy(&answer);
    free(key);
    free(path);
    return error;
}

/* Detaches pod 'namespace'/'name''s interface 'ifname', or all its
 * interfaces if 'ifname' is NULL: removes their flows, ports, sockets and
 * launch kits, and adds their port names to 'detached'.  Detaching what is
 * not attached succeeds and detaches nothing. */
char *
pod_ops_detach(const struct pod_ops *ops, const char *namespace,
               const char *name, const char *ifname, struct svec *detached)
{
    struct detach_sel sel = { .namespace = namespace, .name = name,
                              .ifname = ifname };
    return detach_locked(ops, &sel, detached);
}

/* Like pod_ops_detach(), for the attachments made for container
 * 'container_id' (the CNI runtime's sandbox id). */
char *
pod_ops_detach_container(const struct pod_ops *ops, const char *container_id,
                         const char *ifname, struct svec *detached)
{
    struct detach_sel sel = { .container_id = container_id,
                              .ifname = ifname };
    return detach_locked(ops, &sel, detached);
}

/* Checks that 'req' is attached as it asks: its port, with the same
 * intent, all the flows that intent calls for, and its launch kit.
 * Returns NULL if so, with the port's vhost-user state in '*vhost';
 * otherwise a malloc()'d message that says what is missing, with
 * '*vhost' NULL. */
char *
pod_ops_check(const struct pod_ops *ops, const struct pod_attachment *req,
              char **vhost)
{
    *vhost = NULL;
    struct vsdb *db;
    struct snapshot snap;
    char *error = open_snapshot(ops, true, &db, &snap);
    if (error) {
        return error;
    }
    char *port_name = pod_port_name(req);
    const struct pod_attachment *cur = NULL;
    const struct ovsrec_port *port = NULL;
    for (size_t i = 0; i < snap.n; i++) {
        if (!strcmp(snap.ports[i]->name, port_name)) {
            cur = &snap.pods[i];
            port = snap.ports[i];
        }
    }

    if (!cur) {
        error = xasprintf("%s/%s interface %s is not attached",
                          req->namespace, req->name, req->ifname);
    } else if (strcmp(cur->uid, req->uid) || !pod_same_intent(cur, req)) {
        error = xasprintf("%s/%s interface %s is attached with another "
                          "intent", req->namespace, req->name, req->ifname);
    }
    if (!error) {
        struct pod_flow_set flows;
        pod_flow_set_init(&flows);
        free(pod_flows_build(snap.pods, snap.n, &snap.ofports, &flows));
        uint64_t cookie = pod_cookie(req);
        size_t intended = pod_flows_count(&flows, cookie);
        pod_flow_set_destroy(&flows);

        struct simap installed = SIMAP_INITIALIZER(&installed);
        error = count_installed(ops, &installed);
        size_t have = installed_flows(&installed, cookie);
        simap_destroy(&installed);
        if (!error && have != intended) {
            error = xasprintf("port %s has %"PRIuSIZE" of its %"PRIuSIZE
                              " flows: run \"ovs-podctl sync\"", port_name,
                              have, intended);
        }
    }
    if (!error && !pod_ops_has_kit(req)) {
        char *kit = pod_kit_path(req);
        error = xasprintf("the launch kit %s is missing", kit);
        free(kit);
    }
    if (!error) {
        const struct ovsrec_interface *iface = port->interfaces[0];
        *vhost = xstrdup(smap_get_def(&iface->status, "status", "unknown"));
    }
    free(port_name);
    snapshot_destroy(&snap);
    vsdb_close(db);
    return error;
}

/* Asks ovs-vswitchd which PMD thread polls each port, into 'pmds' (port
 * name to "CORE NUMA").  Leaves 'pmds' empty if it cannot say. */
static void
read_pmd_assignment(const struct pod_ops *ops, struct smap *pmds)
{
    pid_t pid = vsdb_vswitchd_pid(ops->db_remote);
    if (!pid) {
        return;
    }

    char *rundir = vsdb_rundir(ops->db_remote);
    char *path = xasprintf("%s/ovs-vswitchd.%ld.ctl", rundir, (long int) pid);
    free(rundir);
    struct jsonrpc *client;
    int error = unixctl_client_create(path, &client);
    free(path);
    if (error) {
        return;
    }

    char *result = NULL, *err = NULL;
    if (!unixctl_client_transact(client, "dpif-netdev/pmd-rxq-show", 0,
                                 NULL, &result, &err) && result) {
        int core = -1, numa = -1;
        char *save = NULL;
        for (char *line = strtok_r(result, "\n", &save); line;
             line = strtok_r(NULL, "\n", &save)) {
            char port[64];
            if (ovs_scan(line, "pmd thread numa_id %d core_id %d:",
                         &numa, &core)) {
                continue;
            }
            if (core >= 0 && ovs_scan(line, " port: %63s", port)
                && !smap_get(pmds, port)) {
                smap_add_format(pmds, port, "%d %d", core, numa);
            }
        }
    }
    free(result);
    free(err);
    jsonrpc_close(client);
}

/* Finds counter 'key' of 'iface' into '*value', all 64 bits of it. */
static bool
iface_stat(const struct ovsrec_interface *iface, const char *key,
           int64_t *value)
{
    for (size_t i = 0; i < iface->n_statistics; i++) {
        if (!strcmp(iface->key_statistics[i], key)) {
            *value = iface->value_statistics[i];
            return true;
        }
    }
    return false;
}

static struct json *
iface_stat_json(const struct ovsrec_interface *iface, const char *key)
{
    int64_t value;
    return (iface_stat(iface, key, &value)
            ? json_integer_create(value) : json_null_create());
}

static int64_t
iface_stat_or_0(const struct ovsrec_interface *iface, const char *key)
{
    int64_t value;
    return iface_stat(iface, key, &value) ? value : 0;
}

/* Lists the attachments of pod 'namespace'/'name', or of every pod if
 * 'namespace' is NULL, as a JSON array of objects in '*rows'. */
char *
pod_ops_list(const struct pod_ops *ops, const char *namespace,
             const char *name, struct json **rows)
{
    *rows = json_array_create_empty();

    struct vsdb *db;
    struct snapshot snap;
    char *error = open_snapshot(ops, true, &db, &snap);
    if (error) {
        return error;
    }

    struct pod_flow_set flows;
    pod_flow_set_init(&flows);
    free(pod_flows_build(snap.pods, snap.n, &snap.ofports, &flows));

    /* List in pod order: sort an index of the attachments. */
    size_t *order = xmalloc((snap.n + 1) * sizeof *order);
    for (size_t i = 0; i < snap.n; i++) {
        order[i] = i;
    }
    for (size_t i = 1; i < snap.n; i++) {
        for (size_t j = i; j > 0 && compare_attachments(
                 &snap.pods[order[j - 1]], &snap.pods[order[j]]) > 0; j--) {
            size_t tmp = order[j];
            order[j] = order[j - 1];
            order[j - 1] = tmp;
        }
    }

    struct simap installed = SIMAP_INITIALIZER(&installed);
    error = count_installed(ops, &installed);

    struct smap pmds = SMAP_INITIALIZER(&pmds);
    read_pmd_assignment(ops, &pmds);

    for (size_t k = 0; !error && k < snap.n; k++) {
        size_t i = order[k];
        const struct pod_attachment *pa = &snap.pods[i];
        const struct ovsrec_port *port = snap.ports[i];
        const struct ovsrec_interface *iface = port->interfaces[0];
        if (namespace && (strcmp(pa->namespace, namespace)
                          || strcmp(pa->name, name))) {
            continue;
        }

        struct json *row = json_object_create();
        json_object_put(row, "pod", json_string_create_nocopy(
                            xasprintf("%s/%s", pa->namespace, pa->name)));
        json_object_put_string(row, "uid", pa->uid);
        json_object_put(row, "container_id", pa->container_id
                        ? json_string_create(pa->container_id)
                        : json_null_create());
        json_object_put_string(row, "ifname", pa->ifname);
        json_object_put(row, "network", pa->network
                        ? json_string_create(pa->network)
                        : json_null_create());
        json_object_put(row, "attached", json_integer_create(pa->attached));
        json_object_put_string(row, "port", port->name);
        json_object_put(row, "ofport", iface->n_ofport
                        ? json_integer_create(*iface->ofport)
                        : json_null_create());
        json_object_put(row, "socket",
                        json_string_create_nocopy(pod_socket_path(pa)));
        json_object_put_string(row, "vhost",
                               smap_get_def(&iface->status, "status",
                                            "unknown"));
        const char *vrings = smap_get(&iface->status, "num_of_vrings");
        json_object_put(row, "queues", json_integer_create(
                            vrings ? atoi(vrings) / 2 : pa->queues));

        json_object_put(row, "rx_packets",
                        iface_stat_json(iface, "rx_packets"));
        json_object_put(row, "tx_packets",
                        iface_stat_json(iface, "tx_packets"));
        json_object_put(row, "drops", json_integer_create(
                            iface_stat_or_0(iface, "rx_dropped")
                            + iface_stat_or_0(iface, "tx_dropped")));

        int core = -1, numa = -1;
        const char *pmd = smap_get(&pmds, port->name);
        if (pmd) {
            ovs_scan(pmd, "%d %d", &core, &numa);
        }
        json_object_put(row, "pmd_core", core >= 0 ? json_integer_create(core)
                                                   : json_null_create());
        json_object_put(row, "numa", numa >= 0 ? json_integer_create(numa)
                                               : json_null_create());

        json_object_put_string(row, "mode", pod_mode_to_string(pa->mode));
        json_object_put(row, "peer", pa->peer ? json_string_create(pa->peer)
                                              : json_null_create());
        json_object_put(row, "uplink", pa->uplink
                        ? json_string_create(pa->uplink)
                        : json_null_create());
        json_object_put(row, "vlan", pa->vlan ? json_integer_create(pa->vlan)
                                              : json_null_create());
        json_object_put(row, "mac", json_string_create_nocopy(
                            xasprintf(ETH_ADDR_FMT, ETH_ADDR_ARGS(pa->mac))));

        uint64_t cookie = pod_cookie(pa);
        json_object_put(row, "flows", json_integer_create(
                            installed_flows(&installed, cookie)));
        json_object_put(row, "flows_intended", json_integer_create(
                            pod_flows_count(&flows, cookie)));
        json_array_add(*rows, row);
    }

    free(order);
    smap_destroy(&pmds);
    simap_destroy(&installed);
    pod_flow_set_destroy(&flows);
    snapshot_destroy(&snap);
    vsdb_close(db);
    return error;
}
