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

/* libFuzzer target: the CNI network configuration parser, for a command
 * that needs a whole configuration (ADD) and for VERSION. */

#include <config.h>
#include <stddef.h>
#include <stdint.h>
#include "cni.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const enum cni_command commands[] = { CNI_ADD, CNI_VERSION };
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
        struct cni_config cfg;
        struct cni_error error = CNI_ERROR_INITIALIZER;
        if (!cni_config_parse((const char *) data, size, commands[i], &cfg,
                              &error)) {
            /* Every refusal has a code and a message. */
            if (!error.code || !error.msg) {
                __builtin_trap();
            }
        }
        cni_error_destroy(&error);
        cni_config_destroy(&cfg);
    }
    return 0;
}
