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

/* Pod socket directories: see pod-dir.h. */

#include <config.h>
#include "pod-dir.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "pod.h"
#include "util.h"

/* Checks that 'base_dir' is a directory that ovs-pod owns: an absolute
 * path of at most POD_BASE_DIR_MAX bytes, not a symbolic link, owned by
 * us and writable by nobody else.  If it does not exist and 'create' is
 * true, creates it (and its parents).  Returns NULL if all is well,
 * otherwise a malloc()'d error message. */
char *
pod_dir_check_base(const char *base_dir, bool create)
{
    if (base_dir[0] != '/') {
        return xasprintf("socket base directory %s: must be an absolute "
                         "path", base_dir);
    }
    if (strlen(base_dir) > POD_BASE_DIR_MAX) {
        return xasprintf("socket base directory %s: longer than %d bytes",
                         base_dir, POD_BASE_DIR_MAX);
    }
    if (strstr(base_dir, "/../") || strstr(base_dir, "/./")) {
        return xasprintf("socket base directory %s: must not contain "
                         "\".\" or \"..\" components", base_dir);
    }

    struct stat st;
    if (lstat(base_dir, &st)) {
        if (errno != ENOENT || !create) {
            return xasprintf("socket base directory %s: %s", base_dir,
                             ovs_strerror(errno));
        }
        char *copy = xstrdup(base_dir);
        for (char *p = copy + 1; *p; p++) {
            if (*p == '/') {
                *p = '\0';
                if (mkdir(copy, 0755) && errno != EEXIST) {
                    char *error = xasprintf("cannot create %s: %s", copy,
                                            ovs_strerror(errno));
                    free(copy);
                    return error;
                }
                *p = '/';
            }
        }
        free(copy);
        if (mkdir(base_dir, 0711) && errno != EEXIST) {
            return xasprintf("cannot create socket base directory %s: %s",
                             base_dir, ovs_strerror(errno));
        }
        if (chmod(base_dir, 0711) || lstat(base_dir, &st)) {
            return xasprintf("socket base directory %s: %s", base_dir,
                             ovs_strerror(errno));
        }
    }

    if (S_ISLNK(st.st_mode) || !S_ISDIR(st.st_mode)) {
        return xasprintf("socket base directory %s is not ours: it is not a "
                         "directory (or is a symbolic link); choose another "
                         "with --socket-base", base_dir);
    }
    if (st.st_uid != geteuid()) {
        return xasprintf("socket base directory %s is not ours: it is owned "
                         "by uid %lu; choose another with --socket-base",
                         base_dir, (unsigned long) st.st_uid);
    }
    if (st.st_mode & (S_IWGRP | S_IWOTH)) {
        return xasprintf("socket base directory %s is not ours: others may "
                         "write to it (mode %04o); choose another with "
                         "--socket-base", base_dir,
                         (unsigned int) (st.st_mode & 07777));
    }
    return NULL;
}

/* Parses 'owner', "USER:GROUP" with names or numbers, into '*uid' and
 * '*gid'.  Names must exist; numbers need not, since Kubernetes' runAsUser
 * and fsGroup are numbers that the host may not know.  Returns NULL on
 * success, otherwise a malloc()'d error message. */
char *
pod_dir_parse_owner(const char *owner, uid_t *uid, gid_t *gid)
{
    const char *colon = strchr(owner, ':');
    if (!colon || colon == owner || !colon[1]) {
        return xasprintf("--owner=%s: expected UID:GID (numbers or names)",
                         owner);
    }
    char *user = xmemdup0(owner, colon - owner);
    const char *group = colon + 1;
    char *error = NULL;

    unsigned int n;
    if (str_to_uint(user, 10, &n) && n < UINT_MAX) {
        *uid = n;
    } else {
        struct passwd *pw = getpwnam(user);
        if (!pw) {
            error = xasprintf("--owner=%s: no user named \"%s\"", owner,
                              user);
        } else {
            *uid = pw->pw_uid;
        }
    }
    if (!error) {
        if (str_to_uint(group, 10, &n) && n < UINT_MAX) {
            *gid = n;
        } else {
            struct group *gr = getgrnam(group);
            if (!gr) {
                error = xasprintf("--owner=%s: no group named \"%s\"",
                                  owner, group);
            } else {
                *gid = gr->gr_gid;
            }
        }
    }
    free(user);
    return error;
}

/* Creates 'pa''s socket directory, owned by its owner with mode 0770, in
 * a base directory that must be ours.  Returns NULL on success, otherwise
 * a malloc()'d error message. */
char *
pod_dir_create(const struct pod_attachment *pa)
{
    char *error = pod_dir_check_base(pa->base_dir, true);
    if (error) {
        return error;
    }

    char *sock = pod_socket_path(pa);
    size_t len = strlen(sock);
    if (len > POD_SOCKET_PATH_MAX) {
        error = xasprintf("socket path %s is %"PRIuSIZE" bytes, more than "
                          "the %d that sun_path holds: use a shorter "
                          "socket base directory (48 bytes always fit)",
                          sock, len, POD_SOCKET_PATH_MAX);
        free(sock);
        return error;
    }
    free(sock);

    char *dir = pod_dir(pa);
    if (mkdir(dir, 0770) && errno != EEXIST) {
        error = xasprintf("cannot create %s: %s", dir, ovs_strerror(errno));
    } else {
        struct stat st;
        if (lstat(dir, &st) || !S_ISDIR(st.st_mode)) {
            error = xasprintf("%s is not a directory", dir);
        } else if (chown(dir, pa->owner_uid, pa->owner_gid)
                   || chmod(dir, 0770)) {
            error = xasprintf("cannot give %s to %lu:%lu: %s", dir,
                              (unsigned long) pa->owner_uid,
                              (unsigned long) pa->owner_gid,
                              ovs_strerror(errno));
        }
    }
    free(dir);
    return error;
}

/* Writes 'kit' as 'pa''s launch kit, atomically, owned by the pod with
 * mode 0660.  Returns NULL on success, otherwise a malloc()'d error. */
char *
pod_dir_write_kit(const struct pod_attachment *pa, const char *kit)
{
    char *path = pod_kit_path(pa);
    char *tmp = xasprintf("%s.tmp", path);
    char *error = NULL;

    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0660);
    if (fd < 0) {
        error = xasprintf("cannot write %s: %s", tmp, ovs_strerror(errno));
        goto out;
    }
    size_t len = strlen(kit);
    if (write(fd, kit, len) != (ssize_t) len
        || fchown(fd, pa->owner_uid, pa->owner_gid)
        || fchmod(fd, 0660)) {
        error = xasprintf("cannot write %s: %s", tmp, ovs_strerror(errno));
        close(fd);
        unlink(tmp);
        goto out;
    }
    close(fd);
    if (rename(tmp, path)) {
        error = xasprintf("cannot rename %s: %s", tmp, ovs_strerror(errno));
        unlink(tmp);
    }

out:
    free(tmp);
    free(path);
    return error;
}

/* Returns true if 'pa''s directory and launch kit exist. */
bool
pod_dir_is_complete(const struct pod_attachment *pa)
{
    char *kit = pod_kit_path(pa);
    bool ok = !access(kit, F_OK);
    free(kit);
    return ok;
}

/* Removes 'pa''s socket and launch kit, and its pod's directory once no
 * other interface of the pod uses it.  Missing files are fine: removing
 * twice succeeds. */
void
pod_dir_remove(const struct pod_attachment *pa)
{
    char *sock = pod_socket_path(pa);
    char *kit = pod_kit_path(pa);
    char *dir = pod_dir(pa);

    unlink(sock);
    unlink(kit);
    if (rmdir(dir) && errno != ENOENT && errno != ENOTEMPTY) {
        /* Left for "ovs-podctl gc". */
    }

    free(sock);
    free(kit);
    free(dir);
}
