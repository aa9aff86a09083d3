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

/* The operator's own flows: see operator-flows.h. */

#include <config.h>
#include "operator-flows.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "node-conf.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/vlog.h"
#include "socket-util.h"
#include "svec.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(operator_flows);

/* Larger than any sane flows file; a bound on what is read. */
#define OPERATOR_FLOWS_MAX_SIZE (64 * 1024 * 1024)

/* Initializes 'ofs' as empty. */
void
operator_flows_init(struct operator_flows *ofs)
{
    memset(ofs, 0, sizeof *ofs);
}

/* Frees the flows of 'ofs' from the 'n'th on. */
static void
truncate_flows(struct operator_flows *ofs, size_t n)
{
    for (size_t i = n; i < ofs->n; i++) {
        free(ofs->flows[i].where);
        free(ofs->flows[i].text);
    }
    ofs->n = n;
}

/* Frees what 'ofs' owns. */
void
operator_flows_destroy(struct operator_flows *ofs)
{
    truncate_flows(ofs, 0);
    free(ofs->flows);
    memset(ofs, 0, sizeof *ofs);
}

static void
add_flow(struct operator_flows *ofs, char *where, char *text)
{
    if (ofs->n >= ofs->allocated) {
        ofs->flows = x2nrealloc(ofs->flows, &ofs->allocated,
                                sizeof *ofs->flows);
    }
    ofs->flows[ofs->n++] = (struct operator_flow) { where, text };
}

/* Appends the flows in root's file 'path' to 'ofs': one per line, blank
 * lines and '#' comment lines skipped.  A missing file adds nothing,
 * unless 'must_exist'.  Returns NULL on success, otherwise a malloc()'d
 * error naming the file, and then 'ofs' is unchanged. */
char *
operator_flows_read_file(const char *path, bool must_exist,
                         struct operator_flows *ofs)
{
    struct ds text = DS_EMPTY_INITIALIZER;
    bool found;
    char *error = node_conf_read_root_file(path, "flows file",
                                           OPERATOR_FLOWS_MAX_SIZE, &text,
                                           &found);
    if (!error && !found && must_exist) {
        error = xasprintf("flows file %s does not exist", path);
    }
    if (error || !found) {
        ds_destroy(&text);
        return error;
    }

    for (size_t i = 0; i < text.length; i++) {
        unsigned char c = text.string[i];
        if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            ds_destroy(&text);
            return xasprintf("flows file %s has a control character "
                             "(byte 0x%02x): it must be text", path, c);
        }
    }

    int line = 0;
    char *p = ds_cstr(&text);
    while (p && *p) {
        char *end = strchr(p, '\n');
        if (end) {
            *end = '\0';
        }
        line++;
        char *t = p + strspn(p, " \t\r");
        size_t len = strlen(t);
        while (len && strchr(" \t\r", t[len - 1])) {
            t[--len] = '\0';
        }
        if (*t && *t != '#') {
            add_flow(ofs, xasprintf("%s:%d", path, line), xstrdup(t));
        }
        p = end ? end + 1 : NULL;
    }
    ds_destroy(&text);
    return NULL;
}

/* Appends the flows of every "*.flows" file in root's directory 'dir', in
 * name order, to 'ofs'.  A missing directory adds nothing.  Returns NULL
 * on success, otherwise a malloc()'d error naming the file or directory,
 * and then 'ofs' is unchanged. */
char *
operator_flows_read_dir(const char *dir, struct operator_flows *ofs)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        return (errno == ENOENT ? NULL
                : xasprintf("cannot read flows directory %s: %s (it must "
                            "be a directory, not a symbolic link)", dir,
                            ovs_strerror(errno)));
    }
    DIR *d = fdopendir(fd);
    if (!d) {
        close(fd);
        return xasprintf("cannot read flows directory %s: %s", dir,
                         ovs_strerror(errno));
    }

    struct svec names = SVEC_EMPTY_INITIALIZER;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        size_t len = strlen(de->d_name);
        if (de->d_name[0] != '.' && len > 6
            && !strcmp(de->d_name + len - 6, ".flows")) {
            svec_add(&names, de->d_name);
        }
    }
    closedir(d);
    svec_sort(&names);

    size_t n0 = ofs->n;
    char *error = NULL;
    for (size_t i = 0; i < names.n && !error; i++) {
        char *path = xasprintf("%s/%s", dir, names.names[i]);
        error = operator_flows_read_file(path, true, ofs);
        free(path);
    }
    svec_destroy(&names);

    if (error) {
        truncate_flows(ofs, n0);    /* Leave 'ofs' as it was. */
    }
    return error;
}

/* Returns the file, in root's 'state_dir', where "ovs-podctl save-flows"
 * keeps bridge 'bridge''s ad-hoc flows across a restart.  The caller
 * frees it. */
char *
operator_flows_saved_path(const char *state_dir, const char *bridge)
{
    return xasprintf("%s/%s.saved-flows", state_dir, bridge);
}

/* Writes 'lines' as root's file 'path' (mode 0600), atomically: a reader
 * sees the old file or the whole new one.  The directory is created if
 * missing.  Returns NULL on success, otherwise a malloc()'d error. */
char *
operator_flows_write_file(const char *path, const struct svec *lines)
{
    char *dir = xstrdup(path);
    char *slash = strrchr(dir, '/');
    if (slash && slash != dir) {
        *slash = '\0';
        if (mkdir(dir, 0700) && errno != EEXIST) {
            char *error = xasprintf("cannot create %s: %s", dir,
                                    ovs_strerror(errno));
            free(dir);
            return error;
        }
    }
    free(dir);

    struct ds text = DS_EMPTY_INITIALIZER;
    ds_put_cstr(&text, "# Saved by \"ovs-podctl save-flows\"; restored and "
                "removed by \"ovs-podctl sync --restore-saved\".\n");
    for (size_t i = 0; i < lines->n; i++) {
        ds_put_format(&text, "%s\n", lines->names[i]);
    }

    char *tmp = xasprintf("%s.tmp", path);
    char *error = NULL;
    unlink(tmp);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                  0600);
    if (fd < 0) {
        error = xasprintf("cannot create %s: %s", tmp, ovs_strerror(errno));
    } else {
        size_t done;
        int retval = write_fully(fd, text.string, text.length, &done);
        if (!retval && fsync(fd)) {
            retval = errno;
        }
        if (retval) {
            error = xasprintf("cannot write %s: %s", tmp,
                              ovs_strerror(retval));
        }
        close(fd);
        if (!error && rename(tmp, path)) {
            error = xasprintf("cannot rename %s to %s: %s", tmp, path,
                              ovs_strerror(errno));
        }
        if (error) {
            unlink(tmp);
        }
    }
    free(tmp);
    ds_destroy(&text);
    if (!error) {
        VLOG_INFO("saved %"PRIuSIZE" flows in %s", lines->n, path);
    }
    return error;
}
