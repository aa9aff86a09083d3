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

#ifndef CNI_H
#define CNI_H 1

/* The Container Network Interface protocol, as a plugin speaks it (CNI
 * specification 0.3.0 to 1.1.0): the runtime's environment, the network
 * configuration on stdin, results in the version the runtime asked for,
 * and errors with the specification's codes. */

#include <stdbool.h>
#include <stddef.h>
#include "openvswitch/compiler.h"
#include "smap.h"

struct json;

/* The largest network configuration accepted on stdin. */
#define CNI_MAX_INPUT (256 * 1024)

/* The versions this plugin speaks, oldest first. */
extern const char *const cni_versions[];
extern const size_t cni_n_versions;

enum cni_command {
    CNI_ADD,
    CNI_DEL,
    CNI_CHECK,
    CNI_GC,
    CNI_STATUS,
    CNI_VERSION,
};

/* Error codes: the specification's, then ours (100 and up). */
enum cni_code {
    CNI_ERR_INCOMPATIBLE_VERSION = 1,
    CNI_ERR_UNSUPPORTED_FIELD = 2,
    CNI_ERR_UNKNOWN_CONTAINER = 3,
    CNI_ERR_INVALID_ENV = 4,
    CNI_ERR_IO = 5,
    CNI_ERR_DECODE = 6,
    CNI_ERR_INVALID_CONFIG = 7,
    CNI_ERR_TRY_AGAIN = 11,
    CNI_ERR_NOT_AVAILABLE = 50,
    CNI_ERR_LIMITED = 51,
    CNI_ERR_ATTACH = 100,       /* Attaching the pod failed. */
    CNI_ERR_IPAM = 101,         /* The IPAM plugin failed. */
    CNI_ERR_CHECK = 102,        /* CHECK found something missing. */
    CNI_ERR_DETACH = 103,       /* Detaching failed. */
};

struct cni_error {
    int code;                   /* 0 if no error. */
    char *msg;
    char *details;
};
#define CNI_ERROR_INITIALIZER { 0, NULL, NULL }

void cni_error_set(struct cni_error *, int code, const char *details,
                   const char *format, ...) OVS_PRINTF_FORMAT(4, 5);
void cni_error_destroy(struct cni_error *);
char *cni_error_to_string(const struct cni_error *, const char *version);

/* The runtime's CNI_* environment. */
struct cni_env {
    enum cni_command command;
    char *container_id;         /* CNI_CONTAINERID. */
    char *netns;                /* CNI_NETNS, may be empty. */
    char *ifname;               /* CNI_IFNAME. */
    char *path;                 /* CNI_PATH. */
    struct smap args;           /* CNI_ARGS, "K=V;K=V". */
};

bool cni_env_read(struct cni_env *, struct cni_error *);
char *cni_args_parse(const char *, struct smap *) OVS_WARN_UNUSED_RESULT;
void cni_env_destroy(struct cni_env *);
const char *cni_command_to_string(enum cni_command);

/* A result, normalized across versions. */
struct cni_ip {
    char *address;              /* CIDR. */
    char *gateway;              /* May be NULL. */
};

struct cni_result {
    char *ifname;
    char *mac;
    char *sandbox;
    char *socket_path;          /* Reported from 1.1.0 on. */
    struct cni_ip *ips;
    size_t n_ips;
    struct json *routes;        /* As the IPAM plugin gave them, or NULL. */
    struct json *dns;           /* Likewise. */
};

void cni_result_init(struct cni_result *);
void cni_result_destroy(struct cni_result *);
bool cni_result_parse(const struct json *, const char *what, int code,
                      struct cni_result *, struct cni_error *);
struct json *cni_result_to_json(const struct cni_result *,
                                const char *version);

/* The network configuration, as ovs-pod reads it. */
struct cni_config {
    struct json *json;          /* All of it. */
    char *cni_version;
    char *name;
    char *type;                 /* Must be there; the runtime chose us. */
    char *bridge;
    char *peer;
    char *uplink;
    int vlan;
    char *mac;
    char *socket_dir;
    char *owner;
    int queues;
    int mtu;
    char *ovsdb;
    char *pod_mount;
    char *port_type;
    int timeout;                /* Seconds to wait for OVS. */
    const struct json *ipam;    /* The "ipam" object, or NULL. */
    char *ipam_type;
    bool disable_check;
    const struct json *prev_result;
    struct cni_result prev;     /* 'prev_result', parsed and checked. */
    char *device_info_file;     /* runtimeConfig.CNIDeviceInfoFile. */
    const struct json *valid_attachments;   /* cni.dev/valid-attachments. */
};

bool cni_config_parse(const char *text, size_t length, enum cni_command,
                      struct cni_config *, struct cni_error *);
void cni_config_destroy(struct cni_config *);
bool cni_version_is_supported(const char *);
int cni_version_compare(const char *, const char *);


#endif /* cni.h */
