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
#include "openvswitch/dynamic-string.h"
#include "pod.h"
#include "util.h"
#include "openvswitch/vlog.h"

VLOG_DEFINE_THIS_MODULE(pod_dir);

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
    if (!pod_path_is_clean(base_dir)) {
        return xasprintf("socket base directory %s: must not contain "
                         "\".\" or \"..\" components, commas or '='",
                         base_dir);
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
        return xstrdup("expected UID:GID (numbers or names)");
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
            error = xasprintf("no user named \"%s\"", user);
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
                error = xasprintf("no group named \"%s\"", group);
            } else {
                *gid = gr->gr_gid;
            }
        }
    }
    free(user);
    return error;
}

/* Reads what is left of 'fd' into 'text'.  Returns false on a read error
 * or if there is more than 'max' bytes. */
bool
pod_dir_read_fd(int fd, size_t max, struct ds *text)
{
    char buf[4096];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0 && text->length <= max) {
        ds_put_buffer(text, buf, n);
    }
    return n >= 0 && text->length <= max;
}

/* Opens 'pa''s socket directory into 'd', in a base directory that must be
 * ours.  If 'create', creates the base and the directory if they are
 * missing, and makes the directory the pod's with mode 0770; otherwise a
 * missing directory leaves 'd->fd' at -1.  Returns NULL on success,
 * otherwise a malloc()'d error message; either way, 'd' must be closed
 * with pod_dir_close(). */
char *
pod_dir_open(const struct pod_attachment *pa, bool create, struct pod_dir *d)
{
    memset(d, 0, sizeof *d);
    d->base_fd = d->fd = -1;
    d->name = pod_dir_name(pa);
    d->path = xasprintf("%s/%s", pa->base_dir, d->name);

    struct stat st;
    if (!create && lstat(pa->base_dir, &st) && errno == ENOENT) {
        return NULL;            /* No base directory, so no pod's either. */
    }
    char *error = pod_dir_check_base(pa->base_dir, create);
    if (error) {
        return error;
    }

    char *sock = pod_socket_path(pa);
    size_t len = strlen(sock);
    free(sock);
    if (len > POD_SOCKET_PATH_MAX) {
        return xasprintf("socket path %s/%s.sock is %"PRIuSIZE" bytes, more "
                         "than the %d that sun_path holds: use a shorter "
                         "socket base directory (48 bytes always fit)",
                         d->path, pa->ifname, len, POD_SOCKET_PATH_MAX);
    }

    d->base_fd = open(pa->base_dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW
                      | O_CLOEXEC);
    if (d->base_fd < 0 || fstat(d->base_fd, &st)) {
        return xasprintf("socket base directory %s: %s", pa->base_dir,
                         ovs_strerror(errno));
    }
    if (st.st_uid != geteuid() || (st.st_mode & (S_IWGRP | S_IWOTH))) {
        return xasprintf("socket base directory %s is not ours",
                         pa->base_dir);
    }

    if (create) {
        if (!mkdirat(d->base_fd, d->name, 0700)) {
            d->created = true;
        } else if (errno != EEXIST) {
            return xasprintf("cannot create %s: %s", d->path,
                             ovs_strerror(errno));
        }
    }
    d->fd = openat(d->base_fd, d->name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW
                   | O_CLOEXEC);
    if (d->fd < 0) {
        if (errno == ENOENT && !create) {
            return NULL;
        }
        return xasprintf("%s: %s (it must be a directory)", d->path,
                         ovs_strerror(errno));
    }
    if (fstat(d->fd, &st) || !S_ISDIR(st.st_mode)) {
        return xasprintf("%s is not a directory", d->path);
    }
    if (create && (st.st_uid != pa->owner_uid || st.st_gid != pa->owner_gid
                   || (st.st_mode & 07777) != 0770)) {
        /* Mode first: never give the pod a directory that others may
         * write to, not even for a moment. */
        if (fchmod(d->fd, 0700)
            || fchown(d->fd, pa->owner_uid, pa->owner_gid)
            || fchmod(d->fd, 0770)) {
            return xasprintf("cannot give %s to %lu:%lu: %s", d->path,
                             (unsigned long) pa->owner_uid,
                             (unsigned long) pa->owner_gid,
                             ovs_strerror(errno));
        }
    }
    return NULL;
}

/* Closes 'd'. */
void
pod_dir_close(struct pod_dir *d)
{
    if (d) {
        if (d->fd >= 0) {
            close(d->fd);
        }
        if (d->base_fd >= 0) {
            close(d->base_fd);
        }
        free(d->name);
        free(d->path);
        memset(d, 0, sizeof *d);
        d->fd = d->base_fd = -1;
    }
}

/* Returns the name of 'pa''s file with 'suffix', in its directory. */
static char *
file_name(const struct pod_attachment *pa, const char *suffix)
{
    return xasprintf("%s%s", pa->ifname, suffix);
}

/* Returns true if 'pa''s launch kit in 'd' is one that ovs-pod wrote: a
 * regular file of 'size' bytes, owned by the pod, with one link.  The
 * kit is never read back: the pod can write to it. */
bool
pod_dir_has_kit(const struct pod_dir *d, const struct pod_attachment *pa,
                size_t size)
{
    if (d->fd < 0) {
        return false;
    }
    char *name = file_name(pa, ".json");
    struct stat st;
    bool ok = (!fstatat(d->fd, name, &st, AT_SYMLINK_NOFOLLOW)
               && S_ISREG(st.st_mode) && st.st_nlink == 1
               && st.st_size == size && st.st_uid == pa->owner_uid);
    free(name);
    return ok;
}

/* Creates 'name' in directory 'dirfd' ('dir' in messages) with 'text',
 * owned by 'uid':'gid' (unless both are -1) with 'mode': whatever had the
 * name is unlinked first, and the file is created with O_EXCL, so that
 * nothing that someone else put there (a symbolic link, a FIFO, a device
 * node, a hard link) is ever opened. */
static char *
create_file_at(int dirfd, const char *dir, const char *name,
               const char *text, mode_t mode, uid_t uid, gid_t gid)
{
    if (unlinkat(dirfd, name, 0) && errno != ENOENT) {
        return xasprintf("cannot replace %s/%s: %s: remove it", dir, name,
                         ovs_strerror(errno));
    }
    int fd = openat(dirfd, name, (O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW
                                  | O_NONBLOCK | O_NOCTTY | O_CLOEXEC),
                    mode & 0600);
    if (fd < 0) {
        return xasprintf("cannot create %s/%s: %s", dir, name,
                         ovs_strerror(errno));
    }
    size_t len = strlen(text);
    char *error = NULL;
    struct stat st;
    if (fstat(fd, &st) || !S_ISREG(st.st_mode)
        || write(fd, text, len) != (ssize_t) len
        || ((uid != (uid_t) -1 || gid != (gid_t) -1)
            && fchown(fd, uid, gid))
        || fchmod(fd, mode)) {
        error = xasprintf("cannot write %s/%s: %s", dir, name,
                          ovs_strerror(errno));
        unlinkat(dirfd, name, 0);
    }
    close(fd);
    return error;
}

/* Writes 'kit' as 'pa''s launch kit in 'd', owned by the pod with mode
 * 0660.  Returns NULL on success, otherwise a malloc()'d error. */
char *
pod_dir_write_kit(const struct pod_dir *d, const struct pod_attachment *pa,
                  const char *kit)
{
    char *name = file_name(pa, ".json");
    char *error = create_file_at(d->fd, d->path, name, kit, 0660,
                                 pa->owner_uid, pa->owner_gid);
    free(name);
    return error;
}

/* Writes 'text' as file 'name' (a plain name) in root's directory 'dir',
 * which is created if missing, with 'mode' and owner 'uid':'gid' (unless
 * both are -1).  'dir' must be a directory, not a symbolic link.  Returns
 * NULL on success, otherwise a malloc()'d error. */
char *
pod_dir_write_file(const char *dir, const char *name, const char *text,
                   mode_t mode, uid_t uid, gid_t gid)
{
    if (mkdir(dir, 0755) && errno != EEXIST) {
        return xasprintf("cannot create %s: %s", dir, ovs_strerror(errno));
    }
    int dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (dirfd < 0) {
        return xasprintf("%s: %s (it must be a directory)", dir,
                         ovs_strerror(errno));
    }
    char *error = create_file_at(dirfd, dir, name, text, mode, uid, gid);
    close(dirfd);
    return error;
}

/* Removes 'pa''s socket and launch kit from 'd', and the directory once no
 * other interface of the pod uses it.  Missing files are fine: removing
 * twice succeeds.  What the pod put there in their place (a directory,
 * say) is left, and so is the directory then. */
void
pod_dir_remove(struct pod_dir *d, const struct pod_attachment *pa)
{
    if (d->fd < 0) {
        return;
    }
    static const char *const suffixes[] = { ".sock", ".json" };
    for (size_t i = 0; i < ARRAY_SIZE(suffixes); i++) {
        char *name = file_name(pa, suffixes[i]);
        unlinkat(d->fd, name, 0);
        free(name);
    }
    close(d->fd);
    d->fd = -1;
    if (!unlinkat(d->base_fd, d->name, AT_REMOVEDIR)) {
        VLOG_INFO("removed socket directory %s", d->path);
    } else if (errno == ENOTEMPTY) {
        VLOG_INFO("kept socket directory %s: it holds more than "
                  "ovs-pod's files", d->path);
    } else if (errno != ENOENT) {
        /* Left for "ovs-podctl gc". */
        VLOG_WARN("cannot remove socket directory %s: %s", d->path,
                  ovs_strerror(errno));
    }
}
