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

/* Pod requests: see pod-intent.h. */

#include <config.h>
#include "pod-intent.h"

#include <stdlib.h>
#include <string.h>
#include "node-conf.h"
#include "packets.h"
#include "pod-dir.h"
#include "pod.h"
#include "uplink.h"
#include "util.h"
#include "openvswitch/vlog.h"

VLOG_DEFINE_THIS_MODULE(pod_intent);

/* Returns how the requester 'who' calls 'field' in an error message: an
 * ovs-podctl option ("--peer") or a network configuration field ("field
 * \"peer\"").  The result is a constant, so that one message may name
 * several fields. */
const char *
pod_intent_field(enum pod_requester who, const char *field)
{
    static const struct {
        const char *field, *option, *netconf;
    } names[] = {
        { "peer", "--peer", "field \"peer\"" },
        { "uplink", "--uplink", "field \"uplink\"" },
        { "vlan", "--vlan", "field \"vlan\"" },
        { "mac", "--mac", "field \"mac\"" },
        { "queues", "--queues", "field \"queues\"" },
        { "owner", "--owner", "field \"owner\"" },
        { "podMount", "--pod-mount", "field \"podMount\"" },
    };
    for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
        if (!strcmp(names[i].field, field)) {
            return who == POD_REQ_ADMIN ? names[i].option : names[i].netconf;
        }
    }
    OVS_NOT_REACHED();
}

/* Returns true if 'path' can be the pod-side mount: absolute, short, and
 * with nothing that could add an argument to the kit's --vdev. */
static bool
pod_mount_is_valid(const char *path)
{
    if (!pod_path_is_clean(path) || strlen(path) > POD_BASE_DIR_MAX) {
        return false;
    }
    for (const char *p = path; *p; p++) {
        unsigned char c = *p;
        if (c <= 0x20 || c == 0x7f || c == ',' || c == '=' || c == '"'
            || c == '\\' || c == '\'') {
            return false;
        }
    }
    return true;
}

/* Builds the attachment that 'req' asks for into 'pa', within what 'nc'
 * (the node file, with the admin's overrides) allows.  Returns NULL on
 * success, otherwise a malloc()'d error message naming the option or
 * field and its value, and what was wrong in '*kind'; 'pa' then needs no
 * destruction. */
char *
pod_intent_build(const struct pod_request *req, const struct node_conf *nc,
                 struct pod_attachment *pa, enum pod_intent_error *kind)
{
    enum pod_requester who = req->who;
    *kind = POD_INTENT_BAD_IDENTITY;
    char *error = pod_attachment_init(pa, req->namespace, req->name,
                                      req->uid, req->ifname,
                                      req->container_id);
    if (error) {
        return error;
    }
    *kind = POD_INTENT_BAD_CONFIG;

    /* The forwarding mode follows from what was given. */
    if (req->peer && req->uplink) {
        error = xasprintf("%s and %s exclude each other: %s cross-connects, "
                          "%s uses an uplink; give one",
                          pod_intent_field(who, "peer"),
                          pod_intent_field(who, "uplink"),
                          pod_intent_field(who, "peer"),
                          pod_intent_field(who, "uplink"));
    } else if (req->peer) {
        if (req->vlan) {
            error = xasprintf("%s needs %s, not %s",
                              pod_intent_field(who, "vlan"),
                              pod_intent_field(who, "uplink"),
                              pod_intent_field(who, "peer"));
        }
        pa->mode = POD_MODE_CROSS;
        pa->peer = xstrdup(req->peer);
    } else if (req->uplink) {
        pa->uplink = xstrdup(req->uplink);
        pa->mode = req->mac ? POD_MODE_SHARED : POD_MODE_VLAN;
        if (!req->mac && !req->vlan) {
            error = xasprintf("%s=%s needs %s (a VLAN circuit) or %s (a "
                              "shared uplink)",
                              pod_intent_field(who, "uplink"), req->uplink,
                              pod_intent_field(who, "vlan"),
                              pod_intent_field(who, "mac"));
        }
    } else if (req->vlan) {
        error = xasprintf("%s needs %s", pod_intent_field(who, "vlan"),
                          pod_intent_field(who, "uplink"));
    }
    const char *target = req->peer ? req->peer : req->uplink;
    if (!error && target && !uplink_name_is_valid(target)) {
        error = xasprintf("%s=\"%s\" is not a port name",
                          pod_intent_field(who, req->peer ? "peer"
                                                          : "uplink"),
                          target);
    }
    pa->vlan = req->vlan;

    if (!error && (req->vlan < 0 || req->vlan > 4094)) {
        error = xasprintf("%s=%d: expected a VLAN from 1 to 4094",
                          pod_intent_field(who, "vlan"), req->vlan);
    }
    if (!error && req->mac
        && (!eth_addr_from_string(req->mac, &pa->mac)
            || eth_addr_is_multicast(pa->mac) || eth_addr_is_zero(pa->mac))) {
        error = xasprintf("%s=%s: expected a unicast MAC address such as "
                          "02:00:00:00:00:01", pod_intent_field(who, "mac"),
                          req->mac);
    }

    int max_queues = who == POD_REQ_ADMIN ? 64 : nc->max_queues;
    pa->queues = req->queues ? req->queues : 1;
    if (!error && (pa->queues < 1 || pa->queues > max_queues)) {
        error = xasprintf("%s=%d: expected 1 to %d queue pairs%s",
                          pod_intent_field(who, "queues"), pa->queues,
                          max_queues, who == POD_REQ_ADMIN ? ""
                          : " (the node file's \"maxQueues\")");
    }

    pa->owner_uid = nc->owner_uid;
    pa->owner_gid = nc->owner_gid;
    if (!error && req->owner) {
        char *msg = pod_dir_parse_owner(req->owner, &pa->owner_uid,
                                        &pa->owner_gid);
        if (msg) {
            error = xasprintf("%s=%s: %s", pod_intent_field(who, "owner"),
                              req->owner, msg);
            free(msg);
        } else if (who != POD_REQ_ADMIN
                   && !node_conf_owner_allowed(nc, pa->owner_uid,
                                               pa->owner_gid)) {
            error = xasprintf("%s=%s: the node file allows only %lu:%lu and "
                              "its \"allowedOwners\"",
                              pod_intent_field(who, "owner"), req->owner,
                              (unsigned long) nc->owner_uid,
                              (unsigned long) nc->owner_gid);
        }
    }

    free(pa->base_dir);
    pa->base_dir = xstrdup(nc->socket_dir);
    free(pa->pod_mount);
    pa->pod_mount = xstrdup(req->pod_mount ? req->pod_mount : nc->pod_mount);
    if (!error && !pod_mount_is_valid(pa->pod_mount)) {
        error = xasprintf("%s=\"%s\": expected an absolute path of at most "
                          "%d bytes without \"..\", commas, '=', quotes or "
                          "spaces", pod_intent_field(who, "podMount"),
                          pa->pod_mount, POD_BASE_DIR_MAX);
    }

    if (error) {
        pod_attachment_destroy(pa);
    }
    return error;
}

/* Checks that 'pa' may forward to 'target', the port its "peer" or
 * "uplink" names, for requester 'who' under node file 'nc'.  Returns NULL
 * if it may, otherwise a malloc()'d error message. */
char *
pod_intent_check_target(enum pod_requester who, const struct node_conf *nc,
                        const struct pod_attachment *pa,
                        const struct pod_target *target)
{
    const char *field = pod_intent_field(who, (pa->mode == POD_MODE_CROSS
                                               ? "peer" : "uplink"));
    const char *role = target->role ? target->role : "";

    if (target->is_local) {
        return xasprintf("%s=%s is the bridge's own port, which reaches the "
                         "host: never a pod's peer", field, target->name);
    }
    if (strcmp(role, "pod") && strcmp(role, "uplink")) {
        return xasprintf("%s=%s is not a port that ovs-pod manages (not a "
                         "pod, nor an uplink made by \"ovs-podctl init\")",
                         field, target->name);
    }
    if (!strcmp(role, "pod")) {
        if (pa->mode != POD_MODE_CROSS) {
            return xasprintf("%s=%s is a pod's port, not an uplink", field,
                             target->name);
        }
        if (!target->namespace || strcmp(target->namespace, pa->namespace)) {
            return xasprintf("%s=%s belongs to a pod of another namespace: "
                             "cross-connects join pods of one namespace",
                             field, target->name);
        }
        return NULL;
    }

    /* An uplink.  The node admin may use any; a network configuration
     * only what the node file allows for its namespace. */
    if (who == POD_REQ_ADMIN) {
        return NULL;
    }
    const struct node_conf_uplink *u = node_conf_find_uplink(nc,
                                                             target->name);
    const char *file = node_conf_file(nc);
    if (!u) {
        return xasprintf("%s=%s: the node file %s does not let pods use "
                         "this uplink (see its \"uplinks\")", field,
                         target->name, file);
    }
    if (!node_conf_uplink_allows_namespace(u, pa->namespace)) {
        return xasprintf("%s=%s: the node file %s does not allow uplink %s "
                         "for namespace %s", field, target->name, file,
                         target->name, pa->namespace);
    }
    if (pa->mode == POD_MODE_CROSS) {
        if (!u->cross_connect) {
            return xasprintf("%s=%s: the node file %s does not let one pod "
                             "take all of uplink %s (\"crossConnect\")",
                             field, target->name, file, target->name);
        }
    } else if (pa->vlan) {
        if (!cpuset_contains(&u->vlans, pa->vlan)) {
            return xasprintf("%s=%d: the node file %s does not allow VLAN %d "
                             "on uplink %s (see its \"vlans\")",
                             pod_intent_field(who, "vlan"), pa->vlan, file,
                             pa->vlan, target->name);
        }
    } else if (!u->untagged) {
        return xasprintf("%s=%s: the node file %s does not let pods share "
                         "the untagged traffic of uplink %s (\"untagged\"); "
                         "give a VLAN", field, target->name, file,
                         target->name);
    }
    return NULL;
}
