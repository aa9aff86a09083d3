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
#include "pod-queue.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/vlog.h"
#include "pod-dir.h"
#include "random.h"
#include "smap.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(pod_queue);

/* A request is small: an attachment's external_ids, or what a detach
 * selects; so is an answer, the ports a detach detached. */
#define MAX_REQUEST 65536

/* Returns the queue directory beside the bridge lock file 'lock_path'. */
static char *
queue_path(const char *lock_path)
{
    return xasprintf("%s.queue", lock_path);
}

/* Opens the queue directory of 'lock_path', creating it if 'create'.  It
 * must be a directory of ours that no one else can reach.  Returns its fd,
 * or -1. */
static int
open_queue_dir(const char *lock_path, bool create)
{
    char *path = queue_path(lock_path);
    if (create && mkdir(path, 0700) && errno != EEXIST) {
        VLOG_WARN("cannot create %s: %s", path, ovs_strerror(errno));
    }
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    struct stat st;
    if (fd >= 0 ? (fstat(fd, &st) || st.st_uid != geteuid()
                   || st.st_mode & 077)
        : errno == ENOTDIR || errno == ELOOP) {
        VLOG_WARN("%s is not a directory that only its owner, this user, "
                  "may reach: attaches and detaches are not queued; "
                  "remove it", path);
        if (fd >= 0) {
            close(fd);
        }
        fd = -1;
    } else if (fd < 0 && (create || errno != ENOENT)) {
        VLOG_WARN("cannot open %s: %s", path, ovs_strerror(errno));
    }
    free(path);
    return fd;
}

static char *
file_name(const char *id, const char *suffix)
{
    return xasprintf("%s.%s", id, suffix);
}

/* Leaves a request with 'key' and 'args' in the queue of 'lock_path', for
 * the holder of that lock, and stores in 'ticket' what the requester needs
 * to wait for its answer.  Returns NULL on success, otherwise a malloc()'d
 * message, with 'ticket' needing no withdrawal. */
char *
pod_queue_submit(const char *lock_path, const char *key,
                 const struct smap *args, struct pod_queue_ticket *ticket)
{
    ticket->fd = -1;
    ticket->id = NULL;
    ticket->dir_fd = open_queue_dir(lock_path, true);
    if (ticket->dir_fd < 0) {
        return xstrdup("no queue directory");
    }

    /* Written under a temporary name, then locked, then renamed, so that
     * the holder never sees a request without its lock. */
    char *id = xasprintf("%ld-%08"PRIx32, (long int) getpid(),
                         random_uint32());
    char *tmp = file_name(id, "tmp");
    char *req = file_name(id, "req");
    char *error = NULL;
    int fd = openat(ticket->dir_fd, tmp,
                    O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                    0600);
    if (fd < 0 || flock(fd, LOCK_SH | LOCK_NB)) {
        error = xasprintf("%s: %s", tmp, ovs_strerror(errno));
    } else {
        struct json *json = json_object_create();
        json_object_put_string(json, "key", key);
        json_object_put(json, "args", smap_to_json(args));
        char *text = json_to_string(json, 0);
        size_t len = strlen(text);
        if (write(fd, text, len) != len) {
            error = xasprintf("%s: short write", tmp);
        } else if (renameat(ticket->dir_fd, tmp, ticket->dir_fd, req)) {
            error = xasprintf("%s: %s", req, ovs_strerror(errno));
        }
        free(text);
        json_destroy(json);
    }
    if (error) {
        unlinkat(ticket->dir_fd, tmp, 0);
        if (fd >= 0) {
            close(fd);
        }
        close(ticket->dir_fd);
        ticket->dir_fd = -1;
        free(id);
    } else {
        ticket->fd = fd;
        ticket->id = id;
    }
    free(tmp);
    free(req);
    return error;
}

/* Returns true if the lock holder carried out 'ticket''s request, with its
 * answer in 'answer'.  Call it with the bridge lock held. */
bool
pod_queue_answered(const struct pod_queue_ticket *ticket, struct ds *answer)
{
    if (ticket->dir_fd < 0) {
        return false;
    }
    char *done = file_name(ticket->id, "done");
    int fd = openat(ticket->dir_fd, done,
                    O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    free(done);
    struct stat st;
    bool answered = (fd >= 0 && !fstat(fd, &st) && S_ISREG(st.st_mode)
                     && pod_dir_read_fd(fd, MAX_REQUEST, answer));
    if (fd >= 0) {
        close(fd);
    }
    return answered;
}

/* Removes 'ticket''s request and its answer from the queue. */
void
pod_queue_withdraw(struct pod_queue_ticket *ticket)
{
    if (ticket->dir_fd >= 0) {
        static const char *const suffixes[] = { "req", "done" };
        for (size_t i = 0; i < ARRAY_SIZE(suffixes); i++) {
            char *name = file_name(ticket->id, suffixes[i]);
            unlinkat(ticket->dir_fd, name, 0);
            free(name);
        }
        close(ticket->dir_fd);
        ticket->dir_fd = -1;
    }
    if (ticket->fd >= 0) {
        close(ticket->fd);
        ticket->fd = -1;
    }
    free(ticket->id);
    ticket->id = NULL;
}

/* Reads the request in 'name' into 'r', if its requester still waits for
 * it and it has 'key'; removes it if its requester is gone.  Returns true
 * if 'r' holds it. */
static bool
read_request(int dir_fd, const char *name, const char *key,
             struct pod_queue_request *r)
{
    int fd = openat(dir_fd, name,
                    O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) || !S_ISREG(st.st_mode)
        || st.st_size > MAX_REQUEST) {
        if (fd >= 0) {
            close(fd);
        }
        return false;
    }
    if (!flock(fd, LOCK_EX | LOCK_NB)) {
        /* Nobody waits for it any more. */
        unlinkat(dir_fd, name, 0);
        close(fd);
        return false;
    }
    char *stem = xmemdup0(name, strlen(name) - strlen(".req"));
    char *done = file_name(stem, "done");
    bool answered = !fstatat(dir_fd, done, &st, AT_SYMLINK_NOFOLLOW);
    free(done);
    if (answered) {
        /* Attached already; its requester has yet to see it. */
        free(stem);
        close(fd);
        return false;
    }

    struct ds text = DS_EMPTY_INITIALIZER;
    bool ok = pod_dir_read_fd(fd, MAX_REQUEST, &text);
    close(fd);
    struct json *json = ok ? json_from_string(ds_cstr(&text)) : NULL;
    ds_destroy(&text);
    const struct json *k = (json && json->type == JSON_OBJECT
                            ? shash_find_data(json_object(json), "key")
                            : NULL);
    const struct json *args = (k ? shash_find_data(json_object(json),
                                                   "args")
                               : NULL);
    ok = (k && k->type == JSON_STRING && !strcmp(json_string(k), key)
          && args && args->type == JSON_OBJECT);
    if (ok) {
        smap_init(&r->args);
        smap_from_json(&r->args, args);
    }
    json_destroy(json);
    if (ok) {
        r->id = stem;
    } else {
        free(stem);
    }
    return ok;
}

/* Takes into '*requests' the requests with 'key' that wait in the queue of
 * 'lock_path', whose lock the caller holds, and returns how many.  Removes
 * those whose requesters are gone, and answers nobody waits for. */
size_t
pod_queue_take(const char *lock_path, const char *key,
               struct pod_queue_request **requests)
{
    *requests = NULL;
    int dir_fd = open_queue_dir(lock_path, false);
    if (dir_fd < 0) {
        return 0;
    }
    int fd = dup(dir_fd);
    DIR *dir = fd >= 0 ? fdopendir(fd) : NULL;
    if (!dir) {
        if (fd >= 0) {
            close(fd);
        }
        close(dir_fd);
        return 0;
    }

    size_t n = 0, allocated = 0;
    struct dirent *de;
    while ((de = readdir(dir)) != NULL) {
        const char *name = de->d_name;
        bool tmp = string_ends_with(name, ".tmp");
        if (string_ends_with(name, ".req")) {
            if (n >= allocated) {
                *requests = x2nrealloc(*requests, &allocated,
                                       sizeof **requests);
            }
            n += read_request(dir_fd, name, key, &(*requests)[n]);
        } else if (tmp || string_ends_with(name, ".done")) {
            /* An answer whose request is gone, or a request that its
             * requester did not finish writing: remove it once nobody
             * holds the request's lock. */
            char *stem = xmemdup0(name, strrchr(name, '.') - name);
            char *req = file_name(stem, "req");
            int rfd = openat(dir_fd, tmp ? name : req,
                             O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
            if (rfd < 0 ? errno == ENOENT : !flock(rfd, LOCK_EX | LOCK_NB)) {
                unlinkat(dir_fd, name, 0);
            }
            if (rfd >= 0) {
                close(rfd);
            }
            free(req);
            free(stem);
        }
    }
    closedir(dir);
    close(dir_fd);
    return n;
}

/* Tells the requester of 'id', in the queue of 'lock_path', that its
 * request was carried out, with 'answer' (may be empty). */
void
pod_queue_answer(const char *lock_path, const char *id, const char *answer)
{
    int dir_fd = open_queue_dir(lock_path, false);
    if (dir_fd >= 0) {
        char *done = file_name(id, "done");
        int fd = openat(dir_fd, done,
                        O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                        0600);
        size_t len = strlen(answer);
        if (fd < 0 || write(fd, answer, len) != len) {
            VLOG_WARN("cannot answer queued request %s: %s", id,
                      fd < 0 ? ovs_strerror(errno) : "short write");
            unlinkat(dir_fd, done, 0);
        }
        if (fd >= 0) {
            close(fd);
        }
        free(done);
        close(dir_fd);
    }
}

void
pod_queue_requests_destroy(struct pod_queue_request *requests, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(requests[i].id);
        smap_destroy(&requests[i].args);
    }
    free(requests);
}
