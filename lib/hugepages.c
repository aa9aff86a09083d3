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

#include <config.h>
#include "hugepages.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <string.h>
#include <unistd.h>
#include "plan.h"
#include <stdio.h>
#include "svec.h"
#include "util.h"
#include "openvswitch/vlog.h"

VLOG_DEFINE_THIS_MODULE(hugepages);

/* Reads the count in sysfs file 'path' into '*n'. */
static char *
read_count__(const char *path, uint64_t *n)
{
    char buf[32];
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return xasprintf("%s: %s", path, ovs_strerror(errno));
    }
    ssize_t len = read(fd, buf, sizeof buf - 1);
    int error = len < 0 ? errno : 0;
    close(fd);
    if (error) {
        return xasprintf("%s: %s", path, ovs_strerror(error));
    }
    buf[len] = '\0';
    if (sscanf(buf, "%"SCNu64, n) != 1) {
        return xasprintf("%s: not a count", path);
    }
    return NULL;
}

/* Writes count 'n' into sysfs file 'path'. */
static char *
write_count__(const char *path, uint64_t n)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
        return xasprintf("cannot write %"PRIu64" to %s: %s", n, path,
                         ovs_strerror(errno));
    }
    char buf[32];
    int len = snprintf(buf, sizeof buf, "%"PRIu64"\n", n);
    ssize_t written = write(fd, buf, len);
    int error = written < 0 ? errno : written != len ? EIO : 0;
    if (close(fd) && !error) {
        error = errno;
    }
    return (error
            ? xasprintf("cannot write %"PRIu64" to %s: %s", n, path,
                        ovs_strerror(error))
            : NULL);
}

/* Reserves the hugepages that 'plan' finds missing: writes each NUMA
 * node's nr_hugepages with the count the plan gives, then checks that the
 * kernel reserved them all.  Adds a line to 'changes' per node changed.
 * Never lowers a count.  Returns NULL on success, otherwise a malloc()'d
 * error message. */
char *
hugepages_reserve(const struct plan *plan, struct svec *changes)
{
    for (size_t i = 0; i < plan->n_numas; i++) {
        const struct plan_numa *pn = &plan->numas[i];
        if (!pn->reserve_path) {
            continue;
        }
        uint64_t before = 0, after;
        char *error = read_count__(pn->reserve_path, &before);
        free(error);            /* A missing file fails the write too. */
        if (before >= pn->reserve_nr) {
            continue;
        }
        error = write_count__(pn->reserve_path, pn->reserve_nr);
        if (!error) {
            error = read_count__(pn->reserve_path, &after);
        }
        if (!error && after < pn->reserve_nr) {
            error = xasprintf("NUMA node %d: the kernel reserved only "
                              "%"PRIu64" of the %"PRIu64" hugepages needed "
                              "(%s): free memory, or reserve them at boot "
                              "on the kernel command line", pn->id, after,
                              pn->reserve_nr, pn->reserve_path);
        }
        if (error) {
            return error;
        }
        char *change = xasprintf("reserve hugepages on NUMA node %d: "
                                 "%"PRIu64" -> %"PRIu64" (%s)", pn->id,
                                 before, after, pn->reserve_path);
        VLOG_INFO("%s", change);
        svec_add_nocopy(changes, change);
    }
    return NULL;
}
