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

#ifndef POD_DIR_H
#define POD_DIR_H 1

/* The host side of a pod's vhost-user sockets:
 *
 *     BASE/              owned by root, mode 0711: pods can pass through
 *                        but cannot list it, nor rename what is in it
 *     BASE/NAME/         owned by the pod's user and group, mode 0770: the
 *                        pod's virtio-user creates its sockets here
 *     BASE/NAME/IFNAME.sock, IFNAME.json (the launch kit, 0660)
 *
 * NAME is the pod's UID (see pod_dir_name()).  One pod cannot see or reach
 * another pod's directory.
 *
 * A pod may put anything in its own directory (FIFOs, symbolic links,
 * device nodes, directories), so everything here works relative to the
 * directory's file descriptor, opened once per operation with O_NOFOLLOW
 * into a "struct pod_dir": files are created with O_EXCL|O_NOFOLLOW|
 * O_NONBLOCK after unlinkat(), checked with fstat(), never read back, and
 * removed with unlinkat(). */

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include "openvswitch/compiler.h"

struct ds;
struct pod_attachment;

/* A pod's socket directory, opened. */
struct pod_dir {
    int base_fd;                /* BASE. */
    int fd;                     /* BASE/NAME, or -1 if it does not exist. */
    char *name;                 /* NAME. */
    char *path;                 /* BASE/NAME, for messages. */
    bool created;               /* Did pod_dir_open() create it? */
};

char *pod_dir_check_base(const char *base_dir, bool create)
    OVS_WARN_UNUSED_RESULT;
char *pod_dir_parse_owner(const char *, uid_t *, gid_t *)
    OVS_WARN_UNUSED_RESULT;

char *pod_dir_open(const struct pod_attachment *, bool create,
                   struct pod_dir *) OVS_WARN_UNUSED_RESULT;
void pod_dir_close(struct pod_dir *);
bool pod_dir_has_kit(const struct pod_dir *, const struct pod_attachment *,
                     size_t size);
char *pod_dir_write_kit(const struct pod_dir *, const struct pod_attachment *,
                        const char *kit) OVS_WARN_UNUSED_RESULT;
void pod_dir_remove(struct pod_dir *, const struct pod_attachment *);

bool pod_dir_read_fd(int fd, size_t max, struct ds *);
char *pod_dir_write_file(const char *dir, const char *name, const char *text,
                         mode_t, uid_t, gid_t) OVS_WARN_UNUSED_RESULT;

#endif /* pod-dir.h */
