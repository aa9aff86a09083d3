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

/* Garbage collection: see pod-gc.h. */

#include <config.h>
#include "pod-gc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/shash.h"
#include "pod-ops.h"
#include "sset.h"
#include "svec.h"
#include "util.h"

/* Adds to 'valid' ("CONTAINERID/IFNAME") the attachments recorded in the
 * CNI result cache 'dir' that runtimes keep (libcni writes one file per
 * attachment, with "containerId" and "ifName").  A missing directory is
 * an error: without it, nothing can be judged dead. */
char *
pod_gc_read_cni_cache(const char *dir, struct sset *valid)
{
    DIR *d = opendir(dir);
    if (!d) {
        return xasprintf("cannot read the CNI result cache %s: %s", dir,
                         ovs_strerror(errno));
    }

    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.') {
            continue;
        }
        char *path = xasprintf("%s/%s", dir, de->d_name);
        struct json *j = json_from_file(path);
        free(path);
        if (j->type == JSON_OBJECT) {
            const struct json *id = shash_find_data(json_object(j),
                                                    "containerId");
            const struct json *ifname = shash_find_data(json_object(j),
                                                        "ifName");
            if (id && ifname && id->type == JSON_STRING
                && ifname->type == JSON_STRING) {
                sset_add_and_free(valid, xasprintf("%s/%s",
                                                   json_string(id),
                                                 json_string(ifname)));
            }
        }
        json_destroy(j);
    }
    closedir(d);
    return NULL;
}

/* Detaches every attachment made for a container (by CNI) that is not in
 * 'valid' ("CONTAINERID/IFNAME"), or only lists them if 'dry_run'.
 * Attachments without a container ID were made by hand and are left
 * alone.  Adds "POD IFNAME (CONTAINERID)" to 'removed' and
 * "CONTAINERID/IFNAME" to 'removed_keys' (if nonnull) for each. */
char *
pod_gc_attachments(const struct pod_ops *ops, const struct sset *valid,
                   bool dry_run, struct svec *removed,
                   struct svec *removed_keys)
{
    struct json *rows;
    char *error = pod_ops_list(ops, NULL, NULL, &rows);
    if (error) {
        json_destroy(rows);
        return error;
    }

    for (size_t i = 0; !error && i < json_array(rows)->n; i++) {
        const struct shash *row = json_object(json_array(rows)->elems[i]);
        const struct json *cid = shash_find_data(row, "container_id");
        const char *ifname = json_string(shash_find_data(row, "ifname"));
        const char *pod = json_string(shash_find_data(row, "pod"));
        if (!cid || cid->type != JSON_STRING) {
            continue;
        }
        char *key = xasprintf("%s/%s", json_string(cid), ifname);
        if (!sset_contains(valid, key)) {
            struct svec detached = SVEC_EMPTY_INITIALIZER;
            if (!dry_run) {
                error = pod_ops_detach_container(ops, json_string(cid),
                                                 ifname, &detached);
            }
            if (!error) {
                svec_add_nocopy(removed, xasprintf("%s %s (%s)", pod,
                                                   ifname,
                                                   json_string(cid)));
                if (removed_keys) {
                    svec_add(removed_keys, key);
                }
            }
            svec_destroy(&detached);
        }
        free(key);
    }
    json_destroy(rows);
    return error;
}

/* Returns true if nobody holds a lock on open file 'fd'.  DPDK holds a
 * shared flock() on each hugepage file it maps. */
static bool
flock_is_free(int fd)
{
    if (flock(fd, LOCK_EX | LOCK_NB)) {
        return false;
    }
    flock(fd, LOCK_UN);
    return true;
}

/* Returns true if nobody holds a POSIX lock on open file 'fd'.  A DPDK
 * primary process holds a write lock on its runtime directory's config. */
static bool
fcntl_lock_is_free(int fd)
{
    struct flock lk = {
        .l_type = F_WRLCK,
        .l_whence = SEEK_SET,
    };
    return !fcntl(fd, F_GETLK, &lk) && lk.l_type == F_UNLCK;
}

/* Removes the files of runtime directory 'dir' and then 'dir'. */
static void
remove_runtime_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *de;
        while ((de = readdir(d)) != NULL) {
            if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")) {
                char *path = xasprintf("%s/%s", dir, de->d_name);
                unlink(path);
                free(path);
            }
        }
        closedir(d);
    }
    rmdir(dir);
}

/* Collects the hugepage map files in the hugetlbfs directories
 * 'huge_dirs' that no process holds, and the DPDK runtime directories in
 * 'runtime_dir' (e.g. /var/run/dpdk) whose config file no process holds.
 * With 'dry_run', only reports them.  Adds a line per file or directory
 * to 'removed' and counts them in 'stats'. */
void
pod_gc_hugepages(const char *const *huge_dirs, size_t n_huge_dirs,
                 const char *runtime_dir, bool dry_run,
                 struct svec *removed, struct pod_gc_hugepages *stats)
{
    memset(stats, 0, sizeof *stats);

    for (size_t i = 0; i < n_huge_dirs; i++) {
        DIR *d = opendir(huge_dirs[i]);
        if (!d) {
            continue;
        }
        struct statfs sfs;
        uint64_t page = !statfs(huge_dirs[i], &sfs) ? sfs.f_bsize : 0;

        struct dirent *de;
        while ((de = readdir(d)) != NULL) {
            /* DPDK names them PREFIXmap_N. */
            if (!strstr(de->d_name, "map_")) {
                continue;
            }
            char *path = xasprintf("%s/%s", huge_dirs[i], de->d_name);
            int fd = open(path, O_RDWR | O_NOFOLLOW | O_CLOEXEC);
            struct stat st;
            if (fd >= 0 && !fstat(fd, &st) && S_ISREG(st.st_mode)
                && flock_is_free(fd)) {
                uint64_t pages = page ? DIV_ROUND_UP(st.st_size, page) : 0;
                if (dry_run || !unlink(path)) {
                    stats->files++;
                    stats->pages += pages;
                    svec_add_nocopy(removed, xasprintf(
                                        "%s (%"PRIu64" hugepages)", path,
                                        pages));
                }
            }
            if (fd >= 0) {
                close(fd);
            }
            free(path);
        }
        closedir(d);
    }

    DIR *d = runtime_dir ? opendir(runtime_dir) : NULL;
    if (d) {
        struct dirent *de;
        while ((de = readdir(d)) != NULL) {
            if (de->d_name[0] == '.') {
                continue;
            }
            char *dir = xasprintf("%s/%s", runtime_dir, de->d_name);
            char *config = xasprintf("%s/config", dir);
            int fd = open(config, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
            if (fd >= 0) {
                bool dead = fcntl_lock_is_free(fd);
                close(fd);
                if (dead) {
                    if (!dry_run) {
                        remove_runtime_dir(dir);
                    }
                    stats->runtime_dirs++;
                    svec_add_nocopy(removed, xasprintf("%s/", dir));
                }
            }
            free(config);
            free(dir);
        }
        closedir(d);
    }
}
