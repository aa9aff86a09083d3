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

/* Uplink port specifications: see uplink.h. */

#include <config.h>
#include "uplink.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "topology.h"
#include "util.h"
#include "openvswitch/vlog.h"

VLOG_DEFINE_THIS_MODULE(uplink);

/* Longest port name we accept: OVS names ports like network devices. */
#define UPLINK_NAME_MAX 15

/* Returns true if 'name' can name an OVS port: 1 to 15 letters, digits,
 * '-', '_' or '.'. */
bool
uplink_name_is_valid(const char *name)
{
    size_t len = strlen(name);
    if (!len || len > UPLINK_NAME_MAX) {
        return false;
    }
    for (const char *p = name; *p; p++) {
        if (!isalnum((unsigned char) *p) && !strchr("-_.", *p)) {
            return false;
        }
    }
    return true;
}

/* Does 's' start with 'pattern', in which 'x' stands for a hex digit and
 * 'd' for a decimal digit?  (sscanf's %x would also take signs and
 * spaces.) */
static bool
matches__(const char *s, const char *pattern)
{
    for (; *pattern; s++, pattern++) {
        if (*pattern == 'x' ? !isxdigit((unsigned char) *s)
            : *pattern == 'd' ? !isdigit((unsigned char) *s)
            : *s != *pattern) {
            return false;
        }
    }
    return true;
}

/* If 's' starts with a PCI address, stores it in canonical lowercase
 * "DDDD:BB:DD.F" form in 'bdf' and returns its length in 's', otherwise
 * returns 0. */
static size_t
parse_pci__(const char *s, char bdf[13])
{
    unsigned int domain = 0, bus, dev, fn;
    int n = 0;

    if (matches__(s, "xxxx:xx:xx.d")
        && sscanf(s, "%4x:%2x:%2x.%1u%n", &domain, &bus, &dev, &fn, &n) == 4
        && n == 12) {
        /* Full form. */
    } else if (matches__(s, "xx:xx.d")
               && sscanf(s, "%2x:%2x.%1u%n", &bus, &dev, &fn, &n) == 3
               && n == 7) {
        domain = 0;
    } else {
        return 0;
    }
    if (s[n] != '\0' && s[n] != ',') {
        return 0;
    }
    if (dev > 0x1f || fn > 7) {
        return 0;
    }
    snprintf(bdf, 13, "%04x:%02x:%02x.%u", domain, bus, dev, fn);
    return n;
}

/* Parses 'spec' ("[NAME=]DEVARGS") into 'uplink'.  Returns NULL on
 * success, otherwise a malloc()'d error message. */
char *
uplink_parse(const char *spec, struct uplink *uplink)
{
    memset(uplink, 0, sizeof *uplink);
    uplink->numa = -1;

    /* "NAME=" is a prefix without a comma, since devargs are
     * comma-separated and only their later parts hold '='. */
    const char *devargs = spec;
    const char *eq = strchr(spec, '=');
    if (eq && !memchr(spec, ',', eq - spec)) {
        uplink->name = xmemdup0(spec, eq - spec);
        devargs = eq + 1;
        if (!uplink_name_is_valid(uplink->name)) {
            char *error = xasprintf("uplink \"%s\": invalid port name \"%s\" "
                                    "(use 1 to %d letters, digits, '-', '_' "
                                    "or '.')", spec, uplink->name,
                                    UPLINK_NAME_MAX);
            uplink_destroy(uplink);
            return error;
        }
    }

    char bdf[13];
    size_t pci_len = parse_pci__(devargs, bdf);
    if (pci_len) {
        uplink->is_pci = true;
        uplink->devargs = xasprintf("%s%s", bdf, devargs + pci_len);
        if (!uplink->name) {
            /* 0000:03:00.0 -> dpdk-03-00.0; the domain is rarely nonzero. */
            const char *short_bdf = !strncmp(bdf, "0000:", 5) ? bdf + 5 : bdf;
            char *name = xasprintf("dpdk-%s", short_bdf);
            for (char *p = name; *p; p++) {
                if (*p == ':') {
                    *p = '-';
                }
            }
            uplink->name = name;
        }
    } else if (!strncmp(devargs, "net_", 4) && isalnum((unsigned char)
                                                        devargs[4])) {
        size_t len = strcspn(devargs, ",");
        for (size_t i = 0; i < len; i++) {
            if (!isalnum((unsigned char) devargs[i]) && devargs[i] != '_') {
                char *error = xasprintf("uplink \"%s\": invalid DPDK device "
                                        "name \"%.*s\"", spec, (int) len,
                                        devargs);
                uplink_destroy(uplink);
                return error;
            }
        }
        if (strpbrk(devargs, " \t\n")) {
            char *error = xasprintf("uplink \"%s\": devargs must not contain "
                                    "white space", spec);
            uplink_destroy(uplink);
            return error;
        }
        uplink->devargs = xstrdup(devargs);
        if (!uplink->name) {
            uplink->name = xmemdup0(devargs, len);
            if (!uplink_name_is_valid(uplink->name)) {
                char *error = xasprintf("uplink \"%s\": device name too long "
                                        "for a port name: give one with "
                                        "NAME=%s", spec, devargs);
                uplink_destroy(uplink);
                return error;
            }
        }
    } else {
        char *error = xasprintf("uplink \"%s\": \"%s\" is neither a PCI "
                                "address (e.g. 0000:03:00.0) nor a DPDK "
                                "virtual device (e.g. net_tap0,iface=tap0)",
                                spec, devargs);
        uplink_destroy(uplink);
        return error;
    }
    return NULL;
}

/* Finds 'uplink''s NUMA node in 'topo'.  A PCI device must exist in sysfs.
 * Virtual devices have no NUMA node.  Returns NULL on success, otherwise a
 * malloc()'d error message. */
char *
uplink_locate(struct uplink *uplink, const struct topology *topo)
{
    uplink->numa = -1;
    if (!uplink->is_pci) {
        return NULL;
    }

    char bdf[13];
    ovs_assert(parse_pci__(uplink->devargs, bdf));
    char *error = topo_pci_numa(topo, bdf, &uplink->numa);
    if (error) {
        char *e = xasprintf("uplink %s: %s", uplink->name, error);
        free(error);
        error = e;
    }
    return error;
}

/* Returns true if 'uplink''s DPDK driver refuses different numbers of rx
 * and tx queues.  net_tap does: it pairs each rx queue with a tx queue. */
bool
uplink_needs_equal_queues(const struct uplink *uplink)
{
    return !uplink->is_pci && !strncmp(uplink->devargs, "net_tap", 7);
}

/* Frees what 'uplink' owns. */
void
uplink_destroy(struct uplink *uplink)
{
    if (uplink) {
        free(uplink->name);
        free(uplink->devargs);
        uplink->name = uplink->devargs = NULL;
    }
}
