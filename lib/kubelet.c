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
 * A KubeletConfiguration file is YAML (or JSON, which is YAML too), read
 * here with libyaml's event parser.  We need one top-level scalar from
 * it, reservedSystemCPUs. */

#include <config.h>
#include "kubelet.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>
#include "cpuset.h"
#include "openvswitch/dynamic-string.h"
#include "util.h"
#include "openvswitch/vlog.h"

VLOG_DEFINE_THIS_MODULE(kubelet);

/* A kubelet configuration is a few kB; anything much larger is not one. */
#define KUBELET_MAX_CONFIG (1024 * 1024)

static const char key[] = "reservedSystemCPUs";

/* Reads regular file 'name' into 'text', at most KUBELET_MAX_CONFIG
 * bytes. */
static char *
read_config__(const char *name, struct ds *text)
{
    int fd = open(name, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        return xasprintf("%s: %s", name, ovs_strerror(errno));
    }
    struct stat st;
    char *error = NULL;
    if (fstat(fd, &st)) {
        error = xasprintf("%s: %s", name, ovs_strerror(errno));
    } else if (!S_ISREG(st.st_mode)) {
        error = xasprintf("%s: not a regular file", name);
    } else if (st.st_size > KUBELET_MAX_CONFIG) {
        error = xasprintf("%s: larger than %d bytes: not a kubelet "
                          "configuration", name, KUBELET_MAX_CONFIG);
    } else {
        char buf[4096];
        ssize_t n;
        while ((n = read(fd, buf, sizeof buf)) > 0
               && text->length + n <= KUBELET_MAX_CONFIG) {
            ds_put_buffer(text, buf, n);
        }
        if (n < 0) {
            error = xasprintf("%s: %s", name, ovs_strerror(errno));
        } else if (n > 0) {
            error = xasprintf("%s: larger than %d bytes: not a kubelet "
                              "configuration", name, KUBELET_MAX_CONFIG);
        }
    }
    close(fd);
    return error;
}

/* Walks the YAML in 'text' and parses the top-level mapping's
 * reservedSystemCPUs into 'cpus'. */
static char *
parse_config__(const struct ds *text, struct cpuset *cpus, bool *found)
{
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        return xstrdup("out of memory");
    }
    yaml_parser_set_input_string(&parser, (const unsigned char *) text->string,
                                 text->length);

    char *error = NULL;
    int depth = 0;              /* Open mappings and sequences. */
    bool want_key = true;       /* In the top mapping, is a key next? */
    bool capture = false;       /* Is the next value reservedSystemCPUs'? */
    bool done = false;
    while (!done && !error) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event)) {
            error = xasprintf("not YAML: %s at line %zu, column %zu",
                              parser.problem ? parser.problem : "error",
                              parser.problem_mark.line + 1,
                              parser.problem_mark.column + 1);
            break;
        }
        switch (event.type) {
        case YAML_MAPPING_START_EVENT:
        case YAML_SEQUENCE_START_EVENT:
            if (!depth && event.type != YAML_MAPPING_START_EVENT) {
                error = xstrdup("not a mapping of settings");
            } else if (depth == 1 && want_key) {
                error = xstrdup("a key is not a plain string");
            } else if (depth == 1 && capture) {
                error = xasprintf("%s must be a CPU list such as \"0-1,4\"",
                                  key);
            }
            depth++;
            break;

        case YAML_MAPPING_END_EVENT:
        case YAML_SEQUENCE_END_EVENT:
            depth--;
            want_key = true;
            done = !depth;
            break;

        case YAML_SCALAR_EVENT:
        case YAML_ALIAS_EVENT: {
            const char *value = (event.type == YAML_SCALAR_EVENT
                                 ? (const char *) event.data.scalar.value
                                 : NULL);
            if (!depth) {
                error = xstrdup("not a mapping of settings");
            } else if (depth > 1) {
                /* Inside another setting's value. */
            } else if (want_key) {
                capture = value && !strcmp(value, key);
                if (capture && *found) {
                    error = xasprintf("%s is set twice", key);
                }
                want_key = false;
            } else {
                if (capture && !value) {
                    error = xasprintf("%s must be a CPU list, not an alias",
                                      key);
                } else if (capture) {
                    char *e = cpuset_parse_list(value, cpus);
                    if (e) {
                        error = xasprintf("%s: %s", key, e);
                        free(e);
                    }
                    *found = true;
                }
                capture = false;
                want_key = true;
            }
            break;
        }

        case YAML_STREAM_END_EVENT:
            done = true;
            break;

        case YAML_NO_EVENT:
        case YAML_STREAM_START_EVENT:
        case YAML_DOCUMENT_START_EVENT:
        case YAML_DOCUMENT_END_EVENT:
        default:
            break;
        }
        yaml_event_delete(&event);
    }
    yaml_parser_delete(&parser);
    if (error) {
        *found = false;
        cpuset_init(cpus);
    }
    return error;
}

/* Reads reservedSystemCPUs from kubelet configuration file 'config_file'
 * into 'cpus'.  Sets '*found' to false if the file does not set it.
 * Returns NULL on success, otherwise a malloc()'d error message. */
char *
kubelet_read_reserved_cpus(const char *config_file, struct cpuset *cpus,
                           bool *found)
{
    cpuset_init(cpus);
    *found = false;

    struct ds text = DS_EMPTY_INITIALIZER;
    char *error = read_config__(config_file, &text);
    if (!error) {
        error = parse_config__(&text, cpus, found);
        if (error) {
            char *e = xasprintf("%s: %s: fix the kubelet configuration or "
                                "give --reserved-cpus", config_file, error);
            free(error);
            error = e;
        }
    }
    ds_destroy(&text);
    return error;
}
