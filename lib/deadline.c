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

/* Deadlines: see deadline.h. */

#include <config.h>
#include "deadline.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "util.h"
#include "openvswitch/vlog.h"

VLOG_DEFINE_THIS_MODULE(deadline);

static char *out_text;
static char *err_text;

static void
write_all(int fd, const char *s)
{
    size_t len = s ? strlen(s) : 0;
    while (len) {
        ssize_t n = write(fd, s, len);
        if (n <= 0) {
            break;
        }
        s += n;
        len -= n;
    }
}

static void
deadline_passed(int sig OVS_UNUSED)
{
    /* Only async-signal-safe calls here. */
    write_all(STDOUT_FILENO, out_text);
    write_all(STDERR_FILENO, err_text);
    _exit(EXIT_FAILURE);
}

/* Sets what the process writes to stdout ('out') and stderr ('err'),
 * either of which may be NULL, when its deadline passes. */
void
deadline_set_messages(const char *out, const char *err)
{
    char *old_out = out_text, *old_err = err_text;
    out_text = out ? xstrdup(out) : NULL;
    err_text = err ? xstrdup(err) : NULL;
    free(old_out);
    free(old_err);
}

/* Ends the process 'seconds' from now (0: never), after writing the
 * messages set with deadline_set_messages(). */
void
deadline_arm(unsigned int seconds)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = deadline_passed;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGALRM, &sa, NULL);
    alarm(seconds);
}
