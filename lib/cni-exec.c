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

/* Delegated CNI plugins: see cni-exec.h. */

#include <config.h>
#include "cni-exec.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "cni.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/shash.h"
#include "socket-util.h"
#include "timeval.h"
#include "util.h"
#include "openvswitch/vlog.h"

VLOG_DEFINE_THIS_MODULE(cni_exec);

/* The most output we read from a delegate. */
#define MAX_OUTPUT (1024 * 1024)

/* Finds plugin 'type' in the colon-separated directories of 'path'. */
static char *
find_plugin(const char *type, const char *path)
{
    char *copy = xstrdup(path ? path : "");
    char *save = NULL;
    char *found = NULL;
    for (char *dir = strtok_r(copy, ":", &save); dir && !found;
         dir = strtok_r(NULL, ":", &save)) {
        char *candidate = xasprintf("%s/%s", dir, type);
        if (!access(candidate, X_OK)) {
            found = candidate;
        } else {
            free(candidate);
        }
    }
    free(copy);
    return found;
}

/* Writes 'input' to a child's stdin 'in' and reads its stdout
 * 'out' into 'output' until it closes it, for at most 'timeout_s'
 * seconds.  Closes 'in'.  Returns 0, or ETIMEDOUT if the child did not
 * finish in time (a plugin that never closes its stdout must not hang its
 * caller). */
static int
exchange(int in, int out, const char *input,
         int timeout_s, struct ds *output)
{
    long long int deadline = time_msec() + timeout_s * 1000LL;
    size_t len = strlen(input);
    const char *p = input;
    int error = 0;

    set_nonblocking(in);
    set_nonblocking(out);
    if (!len) {
        close(in);
        in = -1;
    }
    for (;;) {
        long long int left = deadline - time_msec();
        if (left <= 0) {
            error = ETIMEDOUT;
            break;
        }
        struct pollfd pfd[2] = {
            { .fd = out, .events = POLLIN },
            { .fd = in, .events = POLLOUT },
        };
        int retval = poll(pfd, in >= 0 ? 2 : 1, MIN(left, INT_MAX));
        if (retval < 0 && errno != EINTR) {
            error = errno;
            break;
        }
        if (in >= 0 && pfd[1].revents) {
            ssize_t n = write(in, p, len);
            if (n > 0) {
                p += n;
                len -= n;
            }
            if (!len || (n < 0 && errno != EAGAIN && errno != EINTR)) {
                close(in);
                in = -1;
            }
        }
        if (pfd[0].revents) {
            char buf[4096];
            ssize_t n = read(out, buf, sizeof buf);
            if (n > 0) {
                if (output->length < MAX_OUTPUT) {
                    ds_put_buffer(output, buf, n);
                }
            } else if (!n || (errno != EAGAIN && errno != EINTR)) {
                break;
            }
        }
    }
    if (in >= 0) {
        close(in);
    }
    return error;
}

/* Runs 'program' with CNI_COMMAND='command' and 'input' on stdin.  Stores
 * its stdout in 'output' and its exit status in '*status'.  Returns 0 or
 * an errno value. */
static int
run_plugin(const char *program, const char *command, const char *input,
           int timeout_s, struct ds *output, int *status)
{
    int in[2], out[2];
    if (pipe(in)) {
        return errno;
    }
    if (pipe(out)) {
        int error = errno;
        close(in[0]);
        close(in[1]);
        return error;
    }

    pid_t pid = fork();
    if (pid < 0) {
        int error = errno;
        close(in[0]);
        close(in[1]);
        close(out[0]);
        close(out[1]);
        return error;
    }
    if (!pid) {
        /* Child. */
        dup2(in[0], STDIN_FILENO);
        dup2(out[1], STDOUT_FILENO);
        close(in[0]);
        close(in[1]);
        close(out[0]);
        close(out[1]);
        setenv("CNI_COMMAND", command, 1);
        const char *base = strrchr(program, '/');
        execl(program, base ? base + 1 : program, (char *) NULL);
        _exit(127);
    }

    close(in[0]);
    close(out[1]);
    int error = exchange(in[1], out[0], input, timeout_s, output);
    close(out[0]);

    /* Reap the child; past the deadline, kill it first. */
    long long int deadline = time_msec() + (error ? 0 : 1000);
    int wstatus;
    for (;;) {
        pid_t r = waitpid(pid, &wstatus, WNOHANG);
        if (r == pid) {
            break;
        } else if (r < 0 && errno != EINTR) {
            return errno;
        } else if (time_msec() >= deadline) {
            VLOG_WARN("%s did not finish %s in time: killing pid %ld",
                      program, command, (long int) pid);
            kill(pid, SIGKILL);
            error = error ? error : ETIMEDOUT;
            deadline = LLONG_MAX;
        } else {
            xnanosleep(5 * 1000 * 1000);
        }
    }
    *status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128;
    return error;
}

/* Runs the IPAM plugin for 'command' with configuration 'config' and
 * parses its output.  Returns the output (the result, or NULL for
 * commands without one) or sets 'error'. */
static struct json *
call(const char *program, const char *type, const char *command,
     const struct json *config, int timeout_s, struct cni_error *error)
{
    char *input = json_to_string(config, 0);
    struct ds output = DS_EMPTY_INITIALIZER;
    int status = 0;
    int err = run_plugin(program, command, input, timeout_s, &output,
                         &status);
    free(input);
    if (err == ETIMEDOUT) {
        cni_error_set(error, CNI_ERR_TRY_AGAIN, NULL, "IPAM plugin %s %s "
                      "did not finish within %d s: it was killed; try again",
                      type, command, timeout_s);
        ds_destroy(&output);
        return NULL;
    } else if (err) {
        cni_error_set(error, CNI_ERR_IPAM, NULL, "cannot run IPAM plugin "
                      "%s: %s", program, ovs_strerror(err));
        ds_destroy(&output);
        return NULL;
    }

    struct json *result = NULL;
    if (output.length) {
        result = json_from_string(ds_cstr(&output));
        if (result->type == JSON_STRING) {
            json_destroy(result);
            result = NULL;
        }
    }
    if (status) {
        /* Pass the delegate's own error on, naming it. */
        const struct json *code = (result && result->type == JSON_OBJECT
                                   ? shash_find_data(json_object(result),
                                                     "code") : NULL);
        const struct json *msg = (result && result->type == JSON_OBJECT
                                  ? shash_find_data(json_object(result),
                                                    "msg") : NULL);
        cni_error_set(error,
                      code && code->type == JSON_INTEGER ? code->integer
                                                         : CNI_ERR_IPAM,
                      NULL, "IPAM plugin %s %s failed: %s", type, command,
                      msg && msg->type == JSON_STRING ? json_string(msg)
                      : "no error message");
        json_destroy(result);
        result = NULL;
    }
    ds_destroy(&output);
    return result;
}

/* Calls the IPAM plugin named in 'cfg' with 'command' ("ADD", "DEL",
 * "CHECK", "GC" or "STATUS"), passing 'prev_result' (for CHECK) in the
 * version the delegate speaks.  Returns its result for ADD, NULL
 * otherwise; on failure, sets 'error' and returns NULL.  GC and STATUS are
 * skipped for delegates older than CNI 1.1.0, which do not know them. */
struct json *
cni_ipam_call(const struct cni_config *cfg, const struct cni_env *env,
              const char *command, const struct json *prev_result,
              struct cni_error *error)
{
    char *program = find_plugin(cfg->ipam_type, env->path);
    if (!program) {
        cni_error_set(error, CNI_ERR_INVALID_CONFIG, NULL, "IPAM plugin "
                      "\"%s\" not found in CNI_PATH (%s)", cfg->ipam_type,
                      env->path ? env->path : "unset");
        return NULL;
    }

    /* The newest version that we, the runtime and the delegate share. */
    const char *version = cfg->cni_version;
    struct json *query = json_object_create();
    json_object_put_string(query, "cniVersion", cfg->cni_version);
    int timeout_s = cfg->timeout > 0 ? cfg->timeout : 10;
    struct json *versions = call(program, cfg->ipam_type, "VERSION", query,
                                 timeout_s, error);
    json_destroy(query);
    const struct json *supported = (versions && versions->type == JSON_OBJECT
                                    ? shash_find_data(json_object(versions),
                                                      "supportedVersions")
                                    : NULL);
    if (supported && supported->type == JSON_ARRAY) {
        const char *best = NULL;
        for (size_t i = 0; i < json_array(supported)->n; i++) {
            const struct json *v = json_array(supported)->elems[i];
            if (v->type == JSON_STRING
                && cni_version_is_supported(json_string(v))
                && cni_version_compare(json_string(v),
                                       cfg->cni_version) <= 0
                && (!best || cni_version_compare(json_string(v), best) > 0)) {
                best = json_string(v);
            }
        }
        if (!best) {
            cni_error_set(error, CNI_ERR_INCOMPATIBLE_VERSION, NULL,
                          "IPAM plugin %s speaks no CNI version of ours up "
                          "to %s", cfg->ipam_type, cfg->cni_version);
            json_destroy(versions);
            free(program);
            return NULL;
        }
        version = best;
    }
    struct json *result = NULL;
    if (error->code == CNI_ERR_TRY_AGAIN) {
        /* It hung: do not wait for it twice. */
        goto out;
    } else if (error->code) {
        /* Too old to answer VERSION: speak the runtime's version. */
        cni_error_destroy(error);
    }

    if ((!strcmp(command, "GC") || !strcmp(command, "STATUS"))
        && cni_version_compare(version, "1.1.0") < 0) {
        goto out;
    }

    struct json *config = json_clone(cfg->json);
    struct shash *fields = json_object(config);
    json_destroy(shash_replace(fields, "cniVersion",
                               json_string_create(version)));
    if (prev_result) {
        struct cni_result prev;
        cni_result_init(&prev);
        if (cni_result_parse(prev_result, "field \"prevResult\"",
                             CNI_ERR_INVALID_CONFIG, &prev, error)) {
            json_destroy(shash_replace(fields, "prevResult",
                                       cni_result_to_json(&prev, version)));
        }
        cni_result_destroy(&prev);
        cni_error_destroy(error);
    }
    result = call(program, cfg->ipam_type, command, config, timeout_s,
                  error);
    json_destroy(config);
    if (strcmp(command, "ADD")) {
        json_destroy(result);
        result = NULL;
    } else if (!result && !error->code) {
        cni_error_set(error, CNI_ERR_IPAM, NULL, "IPAM plugin %s gave no "
                      "result", cfg->ipam_type);
    }

out:
    json_destroy(versions);
    free(program);
    return result;
}
