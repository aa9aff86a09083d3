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

/* kubelet configuration: see kubelet.h.
 *
 * A KubeletConfiguration file is YAML (or JSON, which is YAML too).  We
 * need a single top-level scalar from it, reservedSystemCPUs, so we look
 * for that key rather than parse YAML in general. */

#include <config.h>
#include "kubelet.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "cpuset.h"
#include "openvswitch/dynamic-string.h"
#include "util.h"
#include "openvswitch/vlog.h"

VLOG_DEFINE_THIS_MODULE(kubelet);

/* Reads reservedSystemCPUs from kubelet configuration file 'config_file'
 * into 'cpus'.  Sets '*found' to false if the file does not set it.
 * Returns NULL on success, otherwise a malloc()'d error message. */
char *
kubelet_read_reserved_cpus(const char *config_file, struct cpuset *cpus,
                           bool *found)
{
    static const char key[] = "reservedSystemCPUs";

    cpuset_init(cpus);
    *found = false;

    FILE *file = fopen(config_file, "r");
    if (!file) {
        return xasprintf("%s: %s", config_file, ovs_strerror(errno));
    }

    char *error = NULL;
    struct ds line = DS_EMPTY_INITIALIZER;
    while (!ds_get_line(&line, file)) {
        char *p = ds_cstr(&line);
        p += strspn(p, " \t{,");
        if (*p == '"') {
            p++;
        }
        if (strncmp(p, key, strlen(key))) {
            continue;
        }
        p += strlen(key);
        if (*p == '"') {
            p++;
        }
        p += strspn(p, " \t");
        if (*p != ':') {
            continue;
        }
        p++;
        p += strspn(p, " \t");

        /* The value, possibly quoted, up to a comment or delimiter. */
        char quote = (*p == '"' || *p == '\'') ? *p++ : 0;
        size_t len = quote ? strcspn(p, quote == '"' ? "\"" : "'")
                           : strcspn(p, " \t#,}");
        char *value = xmemdup0(p, len);
        error = cpuset_parse_list(value, cpus);
        if (error) {
            char *e = xasprintf("%s: %s: %s", config_file, key, error);
            free(error);
            error = e;
        } else {
            *found = true;
        }
        free(value);
        break;
    }
    ds_destroy(&line);
    fclose(file);
    return error;
}
