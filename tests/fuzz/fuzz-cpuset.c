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

/* libFuzzer target: CPU lists ("0-3,8") and masks ("0xf0"), and that what
 * parses formats back to the same set. */

#include <config.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "cpuset.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_round_trip(const struct cpuset *set)
{
    struct cpuset again;
    char *list = cpuset_to_list(set);
    char *error = cpuset_parse_list(list, &again);
    if (!cpuset_is_empty(set) && (error || !cpuset_equals(set, &again))) {
        __builtin_trap();
    }
    free(error);
    free(list);

    char *mask = cpuset_to_mask(set);
    error = cpuset_parse_mask(mask, &again);
    if (!cpuset_is_empty(set) && (error || !cpuset_equals(set, &again))) {
        __builtin_trap();
    }
    free(error);
    free(mask);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (memchr(data, '\0', size)) {
        return 0;
    }
    char *text = xmemdup0((const char *) data, size);
    struct cpuset set;
    char *error = cpuset_parse_list(text, &set);
    if (!error) {
        check_round_trip(&set);
    }
    free(error);
    error = cpuset_parse_mask(text, &set);
    if (!error) {
        check_round_trip(&set);
    }
    free(error);
    free(text);
    return 0;
}
