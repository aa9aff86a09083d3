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

#include <ctype.h>
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
#include "pod-dir.h"
#include "pod-ops.h"
#include "pod.h"
#include "sset.h"
#include "svec.h"
#include "util.h"
#include "timeval.h"
#include "openvswitch/vlog.h"

VLOG_DEFINE_THIS_MODULE(pod_gc);

/* Opens 'name' in directory 'dirfd' for locking, if it is a regular file:
 * checks with fstatat() before opening (so that no FIFO, device or link is
 * ever opened), opens without following links or blocking, and checks
 * that it opened the same file.  Returns the fd, or -1.  Stores its status
 * in '*st'. */
static int
open_regular_at(int dirfd, const char *name, int flags, struct stat *st)
{
    struct stat before;
    if (fstatat(dirfd, name, &before, AT_SYMLINK_NOFOLLOW)
        || !S_ISREG(before.st_mode)) {
        return -1;
    }
    int fd = openat(dirfd, name, (flags | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY
                                  | O_CLOEXEC));
    if (fd < 0) {
        return -1;
    }
    if (fstat(fd, st) || !S_ISREG(st->st_mode) || st->st_dev != before.st_dev
        || st->st_ino != before.st_ino) {
        close(fd);
        return -1;
    }
    return fd;
}

/* Checks that container ID 'cid' and interface 'ifname' can name a CNI
 * attachment.  Returns NULL if so, otherwise a malloc()'d error. */
char *
pod_gc_check_key(const char *cid, const char *ifname)
{
    char *error = pod_check_name("container ID", cid, POD_CONTAINER_ID_MAX);
    return error ? error : pod_check_name("interface name", ifname,
                                          POD_IFNAME_MAX);
}

/* Checks a live attachment given as container ID 'cid' and interface
 * 'ifname', and adds its key "CID/IFNAME" to 'valid'.  A malformed entry
 * is an error, never a silent miss that would make a live pod look
 * dead. */
char *
pod_gc_add_valid(struct sset *valid, const char *cid, const char *ifname)
{
    char *error = pod_gc_check_key(cid, ifname);
    if (!error) {
        sset_add_and_free(valid, xasprintf("%s/%s", cid, ifname));
    }
    return error;
}

/* The largest CNI cache file read. */
#define MAX_CACHE_FILE (1024 * 1024)

/* Reads the CNI cache file 'name' in 'dirfd' into '*jsonp'. */
static char *
read_cache_file(int dirfd, const char *dir, const char *name,
                struct json **jsonp)
{
    struct stat st;
    int fd = open_regular_at(dirfd, name, O_RDONLY, &st);
    if (fd < 0 || st.st_size > MAX_CACHE_FILE) {
        if (fd >= 0) {
            close(fd);
        }
        return xasprintf("%s/%s is not a regular file of at most %d bytes",
                         dir, name, MAX_CACHE_FILE);
    }
    struct ds text = DS_EMPTY_INITIALIZER;
    bool ok = pod_dir_read_fd(fd, MAX_CACHE_FILE, &text);
    close(fd);
    *jsonp = json_from_string(ds_cstr(&text));
    ds_destroy(&text);
    if (!ok || (*jsonp)->type != JSON_OBJECT) {
        json_destroy(*jsonp);
        *jsonp = NULL;
        return xasprintf("cannot parse %s/%s", dir, name);
    }
    return NULL;
}

/* Adds to 'valid' ("CONTAINERID/IFNAME") the attachments recorded in the
 * CNI result cache 'dir' that runtimes keep (libcni writes one file per
 * attachment, with "containerId" and "ifName").  A missing directory, or
 * any file that cannot be read (one being written, say), is an error:
 * without all of it, nothing can be judged dead. */
char *
pod_gc_read_cni_cache(const char *dir, struct sset *valid)
{
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    DIR *d = dfd >= 0 ? fdopendir(dup(dfd)) : NULL;
    if (!d) {
        char *error = xasprintf("cannot read the CNI result cache %s: %s",
                                dir, ovs_strerror(errno));
        if (dfd >= 0) {
            close(dfd);
        }
        return error;
    }

    char *error = NULL;
    struct dirent *de;
    while (!error && (de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.') {
            continue;
        }
        struct json *j;
        error = read_cache_file(dfd, dir, de->d_name, &j);
        if (error) {
            break;
        }
        const struct json *id = shash_find_data(json_object(j),
                                                "containerId");
        const struct json *ifname = shash_find_data(json_object(j),
                                                    "ifName");
        if (id && ifname && id->type == JSON_STRING
            && ifname->type == JSON_STRING) {
            sset_add_and_free(valid, xasprintf("%s/%s", json_string(id),
                                               json_string(ifname)));
        } else {
            error = xasprintf("%s/%s lacks \"containerId\" or \"ifName\"",
                              dir, de->d_name);
        }
        json_destroy(j);
    }
    closedir(d);
    close(dfd);
    return error;
}

/* Detaches every attachment made for a container (by CNI) that 'req' shows
 * to be dead, or only lists them if 'dry_run'.  The attachments are listed
 * first and the live ones read after, so that a pod attached meanwhile is
 * never judged dead; one attached less than 'req->grace_s' ago is kept,
 * whatever the list says (its runtime may not have recorded it yet).
 * Attachments without a container ID were made by hand and are left
 * alone; with 'req->network', so are those of other networks.  Adds "POD
 * IFNAME (CONTAINERID)" to 'removed' and "CONTAINERID/IFNAME" to
 * 'removed_keys' (if nonnull) for each one removed. */
char *
pod_gc_attachments(const struct pod_ops *ops, const struct pod_gc_request *req,
                   bool dry_run, struct svec *removed,
                   struct svec *removed_keys)
{
    struct json *rows;
    char *error = pod_ops_list(ops, NULL, NULL, &rows);
    if (error) {
        json_destroy(rows);
        return error;
    }

    struct sset valid = SSET_INITIALIZER(&valid);
    if (req->valid) {
        sset_clone(&valid, req->valid);
    } else {
        error = pod_gc_read_cni_cache(req->cni_cache, &valid);
    }
    long long int now = time_wall();

    for (size_t i = 0; !error && i < json_array(rows)->n; i++) {
        const struct shash *row = json_object(json_array(rows)->elems[i]);
        const struct json *cid = shash_find_data(row, "container_id");
        const struct json *net = shash_find_data(row, "network");
        const struct json *at = shash_find_data(row, "attached");
        const char *ifname = json_string(shash_find_data(row, "ifname"));
        const char *pod = json_string(shash_find_data(row, "pod"));
        if (!cid || cid->type != JSON_STRING) {
            continue;
        }
        if (req->network && (!net || net->type != JSON_STRING
                             || strcmp(json_string(net), req->network))) {
            continue;
        }
        if (at && at->type == JSON_INTEGER && at->integer
            && now - at->integer < req->grace_s) {
            continue;
        }
        char *key = xasprintf("%s/%s", json_string(cid), ifname);
        if (!sset_contains(&valid, key)) {
            struct svec detached = SVEC_EMPTY_INITIALIZER;
            if (!dry_run) {
                error = pod_ops_detach_container(ops, json_string(cid),
                                                 ifname, &detached);
            }
            if (!error && (dry_run || detached.n)) {
                if (!dry_run) {
                    VLOG_INFO("gc: detached %s %s (%s): its pod is gone",
                              pod, ifname, json_string(cid));
                }
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
    sset_destroy(&valid);
    json_destroy(rows);
    return error;
}

/* hugetlbfs, as statfs() reports it. */
#define HUGETLBFS_MAGIC_ 0x958458f6

/* Returns true if 'name' is a DPDK hugepage map file name:
 * "<prefix>map_<n>", where the prefix is DPDK's --file-prefix ("rte" by
 * default). */
static bool
is_map_file_name(const char *name)
{
    const char *m = strstr(name, "map_");
    if (!m) {
        return false;
    }
    for (const char *p = name; p < m; p++) {
        if (!isalnum((unsigned char) *p) && !strchr("-_.", *p)) {
            return false;
        }
    }
    const char *n = m + 4;
    if (!*n || strlen(n) > 10) {
        return false;
    }
    for (; *n; n++) {
        if (!isdigit((unsigned char) *n)) {
            return false;
        }
    }
    return true;
}

/* Returns true if 'name' in 'dirfd' is still the file 'st' describes. */
static bool
still_same(int dirfd, const char *name, const struct stat *st)
{
    struct stat now;
    return (!fstatat(dirfd, name, &now, AT_SYMLINK_NOFOLLOW)
            && now.st_dev == st->st_dev && now.st_ino == st->st_ino);
}

/* Collects the map files in hugetlbfs directory 'dir' that no process
 * holds.  DPDK holds a shared flock() on each map file it uses: a file
 * that we can lock exclusively belongs to a dead process.  The lock is held
 * across the unlink, so that no process can take the file meanwhile. */
static void
gc_huge_dir(const char *dir, bool dry_run, struct svec *removed,
            struct pod_gc_hugepages *stats)
{
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    struct statfs sfs;
    if (dfd < 0) {
        VLOG_INFO("gc: skipping %s: %s", dir, ovs_strerror(errno));
        return;
    }
    if (fstatfs(dfd, &sfs) || sfs.f_type != HUGETLBFS_MAGIC_) {
        VLOG_WARN("gc: skipping %s: not a hugetlbfs mount", dir);
        close(dfd);
        return;
    }
    uint64_t page = sfs.f_bsize;

    DIR *d = fdopendir(dup(dfd));
    struct dirent *de;
    while (d && (de = readdir(d)) != NULL) {
        if (!is_map_file_name(de->d_name)) {
            continue;
        }
        struct stat st;
        int fd = open_regular_at(dfd, de->d_name, O_RDWR, &st);
        if (fd < 0) {
            continue;
        }
        if (!flock(fd, LOCK_EX | LOCK_NB)
            && still_same(dfd, de->d_name, &st)
            && (dry_run || !unlinkat(dfd, de->d_name, 0))) {
            uint64_t pages = page ? DIV_ROUND_UP(st.st_size, page) : 0;
            stats->files++;
            stats->pages += pages;
            svec_add_nocopy(removed, xasprintf("%s/%s (%"PRIu64
                                               " hugepages)", dir,
                                               de->d_name, pages));
            if (!dry_run) {
                VLOG_INFO("gc: removed hugepage file %s/%s (%"PRIu64
                          " hugepages)", dir, de->d_name, pages);
            }
        }
        close(fd);
    }
    if (d) {
        closedir(d);
    }
    close(dfd);
}

/* Returns true if 'name' is a file that DPDK keeps in its runtime
 * directory. */
static bool
is_runtime_file_name(const char *name)
{
    static const char *const prefixes[] = {
        "config", "hugepage_info", "mp_socket", "fbarray_", "dpdk_telemetry",
        "telemetry",
    };
    for (size_t i = 0; i < ARRAY_SIZE(prefixes); i++) {
        if (!strncmp(name, prefixes[i], strlen(prefixes[i]))) {
            return true;
        }
    }
    return false;
}

/* Collects DPDK runtime directory 'name' in 'dfd' ('runtime_dir') if its
 * "config" file is a regular file that no primary process holds a POSIX
 * lock on.  Holds that lock while it removes DPDK's files, relative to the
 * directory's fd, never following a link; what is not DPDK's is left, and
 * the directory with it. */
static void
gc_runtime_entry(int dfd, const char *runtime_dir, const char *name,
                 bool dry_run, struct svec *removed,
                 struct pod_gc_hugepages *stats)
{
    struct stat st, dst;
    if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) || !S_ISDIR(st.st_mode)) {
        return;
    }
    int sub = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW
                     | O_CLOEXEC);
    if (sub < 0) {
        return;
    }
    if (fstat(sub, &dst) || dst.st_ino != st.st_ino
        || dst.st_dev != st.st_dev) {
        close(sub);
        return;
    }

    struct stat cst;
    int cfd = open_regular_at(sub, "config", O_RDWR, &cst);
    struct flock lk = {
        .l_type = F_WRLCK,
        .l_whence = SEEK_SET,
    };
    if (cfd < 0 || fcntl(cfd, F_SETLK, &lk)) {
        if (cfd >= 0) {
            close(cfd);
        }
        close(sub);
        return;
    }

    bool gone = dry_run;
    if (!dry_run) {
        DIR *d = fdopendir(dup(sub));
        struct dirent *de;
        while (d && (de = readdir(d)) != NULL) {
            struct stat fst;
            if (is_runtime_file_name(de->d_name)
                && !fstatat(sub, de->d_name, &fst, AT_SYMLINK_NOFOLLOW)
                && !S_ISDIR(fst.st_mode)) {
                unlinkat(sub, de->d_name, 0);
            }
        }
        if (d) {
            closedir(d);
        }
        gone = !unlinkat(dfd, name, AT_REMOVEDIR);
        if (!gone) {
            VLOG_WARN("gc: left %s/%s: it holds files that are not "
                      "DPDK's", runtime_dir, name);
        } else {
            VLOG_INFO("gc: removed DPDK runtime directory %s/%s",
                      runtime_dir, name);
        }
    }
    close(cfd);
    close(sub);
    if (gone) {
        stats->runtime_dirs++;
        svec_add_nocopy(removed, xasprintf("%s/%s/", runtime_dir, name));
    }
}

/* Collects the hugepage map files in the hugetlbfs directories
 * 'huge_dirs' that no process holds, and the DPDK runtime directories in
 * 'runtime_dir' (e.g. /var/run/dpdk) whose config file no process holds.
 * Directories that are not hugetlbfs are skipped.  With 'dry_run', only
 * reports them.  Adds a line per file or directory that was removed to
 * 'removed' and counts them in 'stats'. */
void
pod_gc_hugepages(const char *const *huge_dirs, size_t n_huge_dirs,
                 const char *runtime_dir, bool dry_run,
                 struct svec *removed, struct pod_gc_hugepages *stats)
{
    memset(stats, 0, sizeof *stats);
    for (size_t i = 0; i < n_huge_dirs; i++) {
        gc_huge_dir(huge_dirs[i], dry_run, removed, stats);
    }

    int dfd = (runtime_dir
               ? open(runtime_dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW
                      | O_CLOEXEC)
               : -1);
    if (dfd < 0) {
        return;
    }
    DIR *d = fdopendir(dup(dfd));
    struct dirent *de;
    while (d && (de = readdir(d)) != NULL) {
        if (de->d_name[0] != '.') {
            gc_runtime_entry(dfd, runtime_dir, de->d_name, dry_run, removed,
                             stats);
        }
    }
    if (d) {
        closedir(d);
    }
    close(dfd);
}
