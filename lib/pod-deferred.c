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

/* Deferred detaches: see pod-deferred.h. */

#include <config.h>
#include "pod-deferred.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "openvswitch/vlog.h"
#include "pod-dir.h"
#include "pod-gc.h"
#include "pod-ops.h"
#include "pod.h"
#include "svec.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(pod_deferred);

/* Records that container 'container_id''s interface 'ifname' is still to
 * be detached. */
char *
pod_deferred_add(const char *state_dir, const char *container_id,
                 const char *ifname)
{
    char *error = pod_gc_check_key(container_id, ifname);
    if (error) {
        return error;
    }
    if (mkdir(state_dir, 0700) && errno != EEXIST) {
        return xasprintf("cannot create state directory %s: %s", state_dir,
                         ovs_strerror(errno));
    }
    char *dir = xasprintf("%s/deferred", state_dir);
    char *name = xasprintf("%s@%s", container_id, ifname);
    error = pod_dir_write_file(dir, name, "", 0600, -1, -1);
    if (!error) {
        VLOG_WARN("OVS is not reachable: the detach of container %s "
                  "interface %s is deferred to \"ovs-podctl gc\" (%s/%s)",
                  container_id, ifname, dir, name);
    }
    free(name);
    free(dir);
    return error;
}

/* Finishes the deferred detaches in 'state_dir', adding
 * "CONTAINERID IFNAME" to 'finished' for each one done.  Returns the first
 * error; what it could not finish stays recorded. */
char *
pod_deferred_finish(const struct pod_ops *ops, const char *state_dir,
                    struct svec *finished)
{
    char *path = xasprintf("%s/deferred", state_dir);
    int dfd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    DIR *d = dfd >= 0 ? fdopendir(dup(dfd)) : NULL;
    char *error = NULL;
    if (!d) {
        if (errno != ENOENT) {
            error = xasprintf("cannot read %s: %s", path,
                              ovs_strerror(errno));
        }
        if (dfd >= 0) {
            close(dfd);
        }
        free(path);
        return error;
    }

    struct dirent *de;
    while (!error && (de = readdir(d)) != NULL) {
        char *at = strchr(de->d_name, '@');
        if (de->d_name[0] == '.' || !at) {
            continue;
        }
        char *cid = xmemdup0(de->d_name, at - de->d_name);
        const char *ifname = at + 1;
        struct svec detached = SVEC_EMPTY_INITIALIZER;
        error = pod_ops_detach_container(ops, cid, ifname, &detached);
        if (!error) {
            unlinkat(dfd, de->d_name, 0);
            svec_add_nocopy(finished, xasprintf("%s %s", cid, ifname));
            VLOG_INFO("finished the deferred detach of container %s "
                      "interface %s", cid, ifname);
        }
        svec_destroy(&detached);
        free(cid);
    }
    closedir(d);
    close(dfd);
    free(path);
    return error;
}
