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

/* ovs-pod: the CNI plugin.  Runtimes (and Multus) run it with the CNI_*
 * environment and the network configuration on stdin; the work is in
 * lib/cni-plugin.c. */

#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "cni-plugin.h"
#include "cni.h"
#include "fatal-signal.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/vlog.h"
#include "util.h"

int
main(int argc OVS_UNUSED, char *argv[])
{
    set_program_name(argv[0]);
    fatal_ignore_sigpipe();
    /* stdout belongs to the protocol. */
    vlog_set_levels(NULL, VLF_ANY_DESTINATION, VLL_OFF);

    /* Read one byte more than allowed, to tell "too long". */
    struct ds input = DS_EMPTY_INITIALIZER;
    char buf[4096];
    for (;;) {
        ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        if (input.length <= CNI_MAX_INPUT) {
            ds_put_buffer(&input, buf, n);
        }
    }

    struct ds output = DS_EMPTY_INITIALIZER;
    struct ds notes = DS_EMPTY_INITIALIZER;
    struct cni_error error = { 0 };
    char *version;
    int status = cni_plugin_run(input.string ? input.string : "",
                                input.length, &output, &notes, &error,
                                &version);
    if (status) {
        char *s = cni_error_to_string(&error, version);
        puts(s);
        free(s);
        fprintf(stderr, "ovs-pod: %s\n", error.msg);
    } else if (output.length) {
        puts(ds_cstr(&output));
    }
    fputs(ds_cstr(&notes), stderr);

    cni_error_destroy(&error);
    free(version);
    ds_destroy(&input);
    ds_destroy(&output);
    ds_destroy(&notes);
    return status;
}
