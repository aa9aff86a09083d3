/* Copyright (c) 2026 The ovs-pod authors.
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

/* libFuzzer target: the CNI_ARGS parser. */

#include <config.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "cni.h"
#include "smap.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (memchr(data, '\0', size)) {
        return 0;               /* An environment variable holds no NUL. */
    }
    char *text = xmemdup0((const char *) data, size);
    struct smap args = SMAP_INITIALIZER(&args);
    char *error = cni_args_parse(text, &args);
    if (error && !smap_is_empty(&args)) {
        __builtin_trap();       /* A refusal keeps nothing. */
    }
    free(error);
    smap_destroy(&args);
    free(text);
    return 0;
}
