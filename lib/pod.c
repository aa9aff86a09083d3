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

/* Pod attachments: see pod.h. */

#include <config.h>
#include "pod.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "openvswitch/dynamic-string.h"
#include "packets.h"
#include "sha1.h"
#include "smap.h"
#include "util.h"
#include "openvswitch/vlog.h"

VLOG_DEFINE_THIS_MODULE(pod);

static void identity_digest(const struct pod_attachment *, bool with_ifname,
                            uint8_t digest[SHA1_DIGEST_SIZE]);

/* Length of the short id, in hex digits: 48 bits, so that collisions need
 * millions of pods on one node. */
#define SHORT_ID_LEN 12

/* Returns 'value', at most 'max' bytes of it, quoted, with bytes that are
 * not printable ASCII as \xNN: safe in a message, in JSON or a log. */
static char *
quote__(const char *value, size_t max)
{
    struct ds ds = DS_EMPTY_INITIALIZER;
    ds_put_char(&ds, '"');
    size_t i;
    for (i = 0; value[i] && i < max; i++) {
        unsigned char c = value[i];
        if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
            ds_put_format(&ds, "\\x%02x", c);
        } else {
            ds_put_char(&ds, c);
        }
    }
    ds_put_cstr(&ds, value[i] ? "...\"" : "\"");
    return ds_steal_cstr(&ds);
}

/* Checks 'value', a name of 'what': 1 to 'max' characters, letters,
 * digits, '-', '_' and '.', and not "." or ".." or containing "..".
 * Returns NULL if it is fine, otherwise a malloc()'d error message. */
char *
pod_check_name(const char *what, const char *value, size_t max)
{
    size_t len = strlen(value);
    char *error = NULL;
    char *q = quote__(value, 40);
    if (!len) {
        error = xasprintf("%s is empty", what);
    } else if (len > max) {
        error = xasprintf("%s %s is %"PRIuSIZE" characters long, more than "
                          "%"PRIuSIZE, what, q, len, max);
    } else if (strspn(value, "abcdefghijklmnopqrstuvwxyz"
                      "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.") != len) {
        unsigned char c = value[strspn(value, "abcdefghijklmnopqrstuvwxyz"
                                       "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                       "0123456789-_.")];
        char *cq = quote__((char []) { c, '\0' }, 1);
        error = xasprintf("%s %s contains %s: use letters, digits, '-', '_' "
                          "and '.'", what, q, cq);
        free(cq);
    } else if (strstr(value, "..") || !strcmp(value, ".")) {
        error = xasprintf("%s %s must not be \".\" or contain \"..\"",
                          what, q);
    }
    free(q);
    return error;
}

/* Returns true if 'path' is absolute, at most PATH_MAX bytes, with no "."
 * or ".." component, and no control character, comma or '=' (which
 * could add arguments where the path stands in a DPDK device argument). */
bool
pod_path_is_clean(const char *path)
{
    if (path[0] != '/' || strlen(path) > PATH_MAX) {
        return false;
    }
    for (const char *p = path; *p; p++) {
        unsigned char c = *p;
        if (c < 0x20 || c == 0x7f || c == ',' || c == '=') {
            return false;
        }
        if (c == '/' && (!strcmp(p, "/.") || !strcmp(p, "/..")
                         || !strncmp(p, "/./", 3)
                         || !strncmp(p, "/../", 4))) {
            return false;
        }
    }
    return true;
}

/* Parses 'ref', "NAMESPACE/NAME", into malloc()'d '*namespace' and
 * '*name', both checked.  Returns NULL on success, otherwise a malloc()'d
 * error message. */
char *
pod_parse_ref(const char *ref, char **namespace, char **name)
{
    *namespace = *name = NULL;
    const char *slash = strchr(ref, '/');
    if (!slash) {
        return xasprintf("pod \"%s\": expected NAMESPACE/NAME", ref);
    }
    char *ns = xmemdup0(ref, slash - ref);
    char *n = xstrdup(slash + 1);
    char *error = pod_check_name("pod namespace", ns, POD_NAMESPACE_MAX);
    if (!error) {
        error = pod_check_name("pod name", n, POD_NAME_MAX);
    }
    if (error) {
        free(ns);
        free(n);
        return error;
    }
    *namespace = ns;
    *name = n;
    return NULL;
}

static char *attachment_init(struct pod_attachment *, const char *namespace,
                             const char *name, const char *uid,
                             const char *ifname, const char *container_id,
                             bool default_mac);

/* Initializes 'pa' with a checked identity and default intent (none).
 * Returns NULL on success, otherwise a malloc()'d error message, in which
 * case 'pa' needs no destruction. */
char *
pod_attachment_init(struct pod_attachment *pa, const char *namespace,
                    const char *name, const char *uid, const char *ifname,
                    const char *container_id)
{
    return attachment_init(pa, namespace, name, uid, ifname, container_id,
                           true);
}

/* Does the work of pod_attachment_init(), leaving 'pa->mac' zero unless
 * 'default_mac' (which costs a digest). */
static char *
attachment_init(struct pod_attachment *pa, const char *namespace,
                const char *name, const char *uid, const char *ifname,
                const char *container_id, bool default_mac)
{
    memset(pa, 0, sizeof *pa);

    char *error = pod_check_name("pod namespace", namespace,
                                 POD_NAMESPACE_MAX);
    if (!error) {
        error = pod_check_name("pod name", name, POD_NAME_MAX);
    }
    if (!error) {
        error = pod_check_name("pod UID", uid, POD_UID_MAX);
    }
    if (!error) {
        error = pod_check_name("interface name", ifname, POD_IFNAME_MAX);
    }
    if (!error && container_id && *container_id) {
        error = pod_check_name("container ID", container_id,
                               POD_CONTAINER_ID_MAX);
    }
    if (error) {
        return error;
    }

    pa->namespace = xstrdup(namespace);
    pa->name = xstrdup(name);
    pa->uid = xstrdup(uid);
    pa->ifname = xstrdup(ifname);
    pa->container_id = (container_id && *container_id
                        ? xstrdup(container_id) : NULL);
    pa->mode = POD_MODE_ISOLATED;
    pa->queues = 1;
    if (default_mac) {
        pa->mac = pod_default_mac(pa);
    }
    pa->base_dir = xstrdup(POD_DEFAULT_BASE_DIR);
    pa->pod_mount = xstrdup(POD_DEFAULT_MOUNT);
    return NULL;
}

/* Frees what 'pa' owns. */
void
pod_attachment_destroy(struct pod_attachment *pa)
{
    if (pa) {
        free(pa->namespace);
        free(pa->name);
        free(pa->uid);
        free(pa->ifname);
        free(pa->container_id);
        free(pa->network);
        free(pa->peer);
        free(pa->uplink);
        free(pa->base_dir);
        free(pa->pod_mount);
        memset(pa, 0, sizeof *pa);
    }
}

static char *
nullable_strdup(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

/* Initializes 'dst' as a copy of 'src'. */
void
pod_attachment_clone(struct pod_attachment *dst,
                     const struct pod_attachment *src)
{
    *dst = *src;
    dst->namespace = xstrdup(src->namespace);
    dst->name = xstrdup(src->name);
    dst->uid = xstrdup(src->uid);
    dst->ifname = xstrdup(src->ifname);
    dst->container_id = nullable_strdup(src->container_id);
    dst->network = nullable_strdup(src->network);
    dst->peer = nullable_strdup(src->peer);
    dst->uplink = nullable_strdup(src->uplink);
    dst->base_dir = xstrdup(src->base_dir);
    dst->pod_mount = xstrdup(src->pod_mount);
}

/* Stores the SHA-1 of 'n' bytes at 'data' in 'digest'.
 *
 * Uses OVS's own SHA-1, not sha1_bytes(): with OpenSSL, sha1_bytes() makes
 * each ovs-podctl and CNI plugin process initialize OpenSSL, reading its
 * configuration and loading its providers, which costs 1 to 1.5 ms to hash
 * a few dozen bytes.  Both give the same digest. */
static void
pod_sha1(const void *data, size_t n, uint8_t digest[SHA1_DIGEST_SIZE])
{
    ovs_sha1_bytes(data, n, digest);
}

/* SHA-1 of the pod identity, plus the interface name if 'with_ifname'. */
static void
identity_digest(const struct pod_attachment *pa, bool with_ifname,
                uint8_t digest[SHA1_DIGEST_SIZE])
{
    unsigned int bit = with_ifname ? 2 : 1;
    struct pod_attachment *memo = CONST_CAST(struct pod_attachment *, pa);
    uint8_t *known = with_ifname ? memo->iface_digest : memo->pod_digest;
    if (!(pa->digests_known & bit)) {
        struct ds s = DS_EMPTY_INITIALIZER;
        ds_put_format(&s, "%s/%s/%s", pa->namespace, pa->name, pa->uid);
        if (with_ifname) {
            ds_put_format(&s, "/%s", pa->ifname);
        }
        pod_sha1(s.string, s.length, known);
        ds_destroy(&s);
        memo->digests_known |= bit;
    }
    memcpy(digest, known, SHA1_DIGEST_SIZE);
}

/* Returns the pod's short id, a malloc()'d string of 12 hex digits that
 * names its socket directory. */
char *
pod_short_id(const struct pod_attachment *pa)
{
    uint8_t digest[SHA1_DIGEST_SIZE];
    char hex[SHA1_HEX_DIGEST_LEN + 1];

    identity_digest(pa, false, digest);
    sha1_to_hex(digest, hex);
    hex[SHORT_ID_LEN] = '\0';
    return xstrdup(hex);
}

/* Returns the OVS port name of the attachment: "p" and 8 hex digits of
 * the pod's short id, then "-" and the interface name, e.g.
 * "p7a101998c-net1"; or, for interface names longer than 5 characters, "p"
 * and 14 hex digits of the identity.  Either way it fits OpenFlow's 15
 * characters, so that it can be used with ovs-ofctl. */
char *
pod_port_name(const struct pod_attachment *pa)
{
    if (strlen(pa->ifname) <= 5) {
        char *id = pod_short_id(pa);
        char *name = xasprintf("p%.8s-%s", id, pa->ifname);
        free(id);
        return name;
    }

    uint8_t digest[SHA1_DIGEST_SIZE];
    char hex[SHA1_HEX_DIGEST_LEN + 1];
    identity_digest(pa, true, digest);
    sha1_to_hex(digest, hex);
    return xasprintf("p%.14s", hex);
}

/* Returns true if 's' is a UUID in its 36-character text form, as
 * Kubernetes pod UIDs are. */
static bool
is_uuid(const char *s)
{
    static const char pattern[] = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
    if (strlen(s) != strlen(pattern)) {
        return false;
    }
    for (size_t i = 0; s[i]; i++) {
        bool ok = (pattern[i] == '-'
                   ? s[i] == '-'
                   : isxdigit((unsigned char) s[i]));
        if (!ok) {
            return false;
        }
    }
    return true;
}

/* Returns the name of the pod's socket directory: the pod's UID if it is
 * a UUID, as in Kubernetes, so that a pod spec can mount exactly its own
 * directory with "subPathExpr: $(POD_UID)"; otherwise the short id. */
char *
pod_dir_name(const struct pod_attachment *pa)
{
    return is_uuid(pa->uid) ? xstrdup(pa->uid) : pod_short_id(pa);
}

/* Returns the pod's socket directory on the host. */
char *
pod_dir(const struct pod_attachment *pa)
{
    char *name = pod_dir_name(pa);
    char *dir = xasprintf("%s/%s", pa->base_dir, name);
    free(name);
    return dir;
}

/* Returns the host path of the attachment's file with 'suffix'. */
static char *
pod_file(const struct pod_attachment *pa, const char *suffix)
{
    char *dir = pod_dir(pa);
    char *path = xasprintf("%s/%s%s", dir, pa->ifname, suffix);
    free(dir);
    return path;
}

/* Returns the vhost-user socket path on the host.  With a base directory
 * of at most 48 bytes, it is at most 48 + 1 + 36 + 1 + 15 + 5 = 106 bytes,
 * within sun_path's 108 (with its NUL); pod_dir_open() refuses longer
 * ones. */
char *
pod_socket_path(const struct pod_attachment *pa)
{
    return pod_file(pa, ".sock");
}

/* Returns the socket path as the pod sees it. */
char *
pod_socket_path_in_pod(const struct pod_attachment *pa)
{
    return xasprintf("%s/%s.sock", pa->pod_mount, pa->ifname);
}

/* Returns the path of the launch kit on the host. */
char *
pod_kit_path(const struct pod_attachment *pa)
{
    return pod_file(pa, ".json");
}

/* Returns ovs-pod's cookie mark with 48 bits of 'digest' below it. */
static uint64_t
digest_to_cookie(const uint8_t digest[SHA1_DIGEST_SIZE])
{
    uint64_t low = 0;
    for (int i = 0; i < 6; i++) {
        low = (low << 8) | digest[i];
    }
    return POD_COOKIE_MARK | low;
}

/* Returns the OpenFlow cookie of the attachment's flows: ovs-pod's mark in
 * the top bits, 48 bits of its identity below. */
uint64_t
pod_cookie(const struct pod_attachment *pa)
{
    uint8_t digest[SHA1_DIGEST_SIZE];
    identity_digest(pa, true, digest);
    return digest_to_cookie(digest);
}

/* Returns the cookie of the flows that an uplink's VLAN ('vlan', 0 for
 * untagged) shares among its attachments (flooding). */
uint64_t
pod_group_cookie(const char *uplink, int vlan)
{
    uint8_t digest[SHA1_DIGEST_SIZE];
    char *s = xasprintf("group/%s/%d", uplink, vlan);
    pod_sha1(s, strlen(s), digest);
    free(s);
    return digest_to_cookie(digest) | POD_COOKIE_GROUP;
}

/* Returns a locally administered unicast MAC derived from the identity. */
struct eth_addr
pod_default_mac(const struct pod_attachment *pa)
{
    uint8_t digest[SHA1_DIGEST_SIZE];
    identity_digest(pa, true, digest);

    /* Other digest bytes than the cookie's. */
    struct eth_addr mac;
    memcpy(mac.ea, digest + 8, ETH_ADDR_LEN);
    mac.ea[0] = (mac.ea[0] & 0xfc) | 0x02;
    return mac;
}

/* Returns the name of 'mode', as stored in external_ids. */
const char *
pod_mode_to_string(enum pod_mode mode)
{
    switch (mode) {
    case POD_MODE_ISOLATED:
        return "isolated";
    case POD_MODE_CROSS:
        return "cross-connect";
    case POD_MODE_VLAN:
        return "vlan";
    case POD_MODE_SHARED:
        return "shared";
    default:
        OVS_NOT_REACHED();
    }
}

static bool
nullable_streq(const char *a, const char *b)
{
    return a ? b && !strcmp(a, b) : !b;
}

/* Returns true if 'a' and 'b' ask for the same thing: attaching the same
 * interface again with the same intent changes nothing. */
bool
pod_same_intent(const struct pod_attachment *a,
                const struct pod_attachment *b)
{
    return (a->mode == b->mode
            && nullable_streq(a->peer, b->peer)
            && nullable_streq(a->uplink, b->uplink)
            && a->vlan == b->vlan
            && eth_addr_equals(a->mac, b->mac)
            && a->queues == b->queues
            && !strcmp(a->base_dir, b->base_dir)
            && !strcmp(a->pod_mount, b->pod_mount)
            && a->owner_uid == b->owner_uid
            && a->owner_gid == b->owner_gid
            && nullable_streq(a->container_id, b->container_id));
}

/* Adds 'pa' to 'ids', an empty map for a port's external_ids. */
void
pod_to_external_ids(const struct pod_attachment *pa, struct smap *ids)
{
    smap_add(ids, "ovs-pod", "pod");
    smap_add(ids, POD_KEY_NAMESPACE, pa->namespace);
    smap_add(ids, POD_KEY_NAME, pa->name);
    smap_add(ids, POD_KEY_UID, pa->uid);
    smap_add(ids, "ovs-pod-ifname", pa->ifname);
    if (pa->container_id) {
        smap_add(ids, POD_KEY_CONTAINER_ID, pa->container_id);
    }
    if (pa->network) {
        smap_add(ids, "ovs-pod-network", pa->network);
    }
    if (pa->attached) {
        smap_add_format(ids, "ovs-pod-attached", "%lld", pa->attached);
    }
    smap_add(ids, "ovs-pod-mode", pod_mode_to_string(pa->mode));
    if (pa->peer) {
        smap_add(ids, POD_KEY_PEER, pa->peer);
    }
    if (pa->uplink) {
        smap_add(ids, POD_KEY_UPLINK, pa->uplink);
    }
    if (pa->vlan) {
        smap_add_format(ids, "ovs-pod-vlan", "%d", pa->vlan);
    }
    smap_add_format(ids, "ovs-pod-mac", ETH_ADDR_FMT,
                    ETH_ADDR_ARGS(pa->mac));
    smap_add_format(ids, "ovs-pod-queues", "%d", pa->queues);
    smap_add(ids, "ovs-pod-base-dir", pa->base_dir);
    smap_add(ids, "ovs-pod-mount", pa->pod_mount);
    smap_add_format(ids, "ovs-pod-owner", "%lu:%lu",
                    (unsigned long) pa->owner_uid,
                    (unsigned long) pa->owner_gid);
}

/* Returns true if 'ids', a port's external_ids, mark a pod attachment. */
bool
pod_is_ours(const struct smap *ids)
{
    const char *owner = smap_get(ids, "ovs-pod");
    return owner && !strcmp(owner, "pod");
}

/* Reads an attachment from 'ids', a port's external_ids, into 'pa'.
 * Returns NULL on success, otherwise a malloc()'d error message, in which
 * case 'pa' needs no destruction. */
char *
pod_from_external_ids(const struct smap *ids, struct pod_attachment *pa)
{
    const char *ns = smap_get_def(ids, POD_KEY_NAMESPACE, "");
    const char *name = smap_get_def(ids, POD_KEY_NAME, "");
    const char *uid = smap_get_def(ids, POD_KEY_UID, "");
    const char *ifname = smap_get_def(ids, "ovs-pod-ifname", "");
    const char *mac = smap_get(ids, "ovs-pod-mac");
    struct eth_addr ea;
    bool have_mac = mac && eth_addr_from_string(mac, &ea);
    char *error = attachment_init(pa, ns, name, uid, ifname,
                                  smap_get(ids, POD_KEY_CONTAINER_ID),
                                  !have_mac);
    if (error) {
        return error;
    }

    const char *mode = smap_get_def(ids, "ovs-pod-mode", "");
    pa->mode = (!strcmp(mode, "vlan") ? POD_MODE_VLAN
                : !strcmp(mode, "shared") ? POD_MODE_SHARED
                : !strcmp(mode, "isolated") ? POD_MODE_ISOLATED
                : POD_MODE_CROSS);
    pa->network = nullable_strdup(smap_get(ids, "ovs-pod-network"));
    pa->attached = smap_get_ullong(ids, "ovs-pod-attached", 0);
    pa->peer = nullable_strdup(smap_get(ids, POD_KEY_PEER));
    pa->uplink = nullable_strdup(smap_get(ids, POD_KEY_UPLINK));
    pa->vlan = smap_get_int(ids, "ovs-pod-vlan", 0);
    pa->queues = smap_get_int(ids, "ovs-pod-queues", 1);
    if (have_mac) {
        pa->mac = ea;
    }
    const char *base = smap_get(ids, "ovs-pod-base-dir");
    if (base) {
        free(pa->base_dir);
        pa->base_dir = xstrdup(base);
    }
    const char *mount = smap_get(ids, "ovs-pod-mount");
    if (mount) {
        free(pa->pod_mount);
        pa->pod_mount = xstrdup(mount);
    }
    unsigned long uid_, gid_;
    if (ovs_scan(smap_get_def(ids, "ovs-pod-owner", ""), "%lu:%lu",
                 &uid_, &gid_)) {
        pa->owner_uid = uid_;
        pa->owner_gid = gid_;
    }
    if ((pa->mode == POD_MODE_CROSS && !pa->peer)
        || ((pa->mode == POD_MODE_VLAN || pa->mode == POD_MODE_SHARED)
            && !pa->uplink)) {
        pod_attachment_destroy(pa);
        return xstrdup("external_ids lack the forwarding intent");
    }
    return NULL;
}
