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

/* CPU sets: see cpuset.h.  The parsers are strict, because their input
 * comes from operators and from sysfs, and a silently misread CPU list puts
 * a PMD thread on the wrong core. */

#include <config.h>
#include "cpuset.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "openvswitch/dynamic-string.h"
#include "util.h"
#include "openvswitch/vlog.h"

VLOG_DEFINE_THIS_MODULE(cpuset);

/* Makes 'set' empty. */
void
cpuset_init(struct cpuset *set)
{
    memset(set->bits, 0, sizeof set->bits);
}

/* Adds 'cpu' to 'set'.  'cpu' must be less than CPUSET_MAX_CPUS. */
void
cpuset_add(struct cpuset *set, unsigned int cpu)
{
    ovs_assert(cpu < CPUSET_MAX_CPUS);
    bitmap_set1(set->bits, cpu);
}

/* Removes 'cpu' from 'set', if it is there. */
void
cpuset_remove(struct cpuset *set, unsigned int cpu)
{
    if (cpu < CPUSET_MAX_CPUS) {
        bitmap_set0(set->bits, cpu);
    }
}

/* Returns true if 'cpu' is in 'set'. */
bool
cpuset_contains(const struct cpuset *set, unsigned int cpu)
{
    return cpu < CPUSET_MAX_CPUS && bitmap_is_set(set->bits, cpu);
}

/* Returns the number of CPUs in 'set'. */
size_t
cpuset_count(const struct cpuset *set)
{
    return bitmap_count1(set->bits, CPUSET_MAX_CPUS);
}

/* Returns true if 'set' has no CPU. */
bool
cpuset_is_empty(const struct cpuset *set)
{
    return bitmap_is_all_zeros(set->bits, CPUSET_MAX_CPUS);
}

/* Returns true if 'a' and 'b' have the same CPUs. */
bool
cpuset_equals(const struct cpuset *a, const struct cpuset *b)
{
    return bitmap_equal(a->bits, b->bits, CPUSET_MAX_CPUS);
}

/* Returns true if every CPU of 'sub' is in 'super'. */
bool
cpuset_is_subset(const struct cpuset *sub, const struct cpuset *super)
{
    for (size_t i = 0; i < ARRAY_SIZE(sub->bits); i++) {
        if (sub->bits[i] & ~super->bits[i]) {
            return false;
        }
    }
    return true;
}

/* Returns true if 'a' and 'b' have a CPU in common. */
bool
cpuset_intersects(const struct cpuset *a, const struct cpuset *b)
{
    for (size_t i = 0; i < ARRAY_SIZE(a->bits); i++) {
        if (a->bits[i] & b->bits[i]) {
            return true;
        }
    }
    return false;
}

/* Adds every CPU of 'src' to 'dst'. */
void
cpuset_union(struct cpuset *dst, const struct cpuset *src)
{
    bitmap_or(dst->bits, src->bits, CPUSET_MAX_CPUS);
}

/* Removes from 'dst' every CPU that is not in 'src'. */
void
cpuset_intersect(struct cpuset *dst, const struct cpuset *src)
{
    bitmap_and(dst->bits, src->bits, CPUSET_MAX_CPUS);
}

/* Removes from 'dst' every CPU that is in 'src'. */
void
cpuset_subtract(struct cpuset *dst, const struct cpuset *src)
{
    for (size_t i = 0; i < ARRAY_SIZE(dst->bits); i++) {
        dst->bits[i] &= ~src->bits[i];
    }
}

/* Returns the lowest CPU in 'set', or -1 if 'set' is empty. */
int
cpuset_first(const struct cpuset *set)
{
    size_t cpu = bitmap_scan(set->bits, true, 0, CPUSET_MAX_CPUS);
    return cpu < CPUSET_MAX_CPUS ? cpu : -1;
}

/* Returns the lowest CPU in 'set' above 'cpu', or -1 if there is none. */
int
cpuset_next(const struct cpuset *set, unsigned int cpu)
{
    if (cpu + 1 >= CPUSET_MAX_CPUS) {
        return -1;
    }
    size_t next = bitmap_scan(set->bits, true, cpu + 1, CPUSET_MAX_CPUS);
    return next < CPUSET_MAX_CPUS ? next : -1;
}

/* Parses a CPU number at '*p', advancing '*p' past it.  Returns NULL on
 * success, otherwise a malloc()'d error message. */
static char *
parse_cpu_number__(const char *s, const char **p, unsigned int *cpu)
{
    if (!isdigit((unsigned char) **p)) {
        return xasprintf("\"%s\": expected a CPU number at \"%s\"", s, *p);
    }

    errno = 0;
    char *end;
    unsigned long value = strtoul(*p, &end, 10);
    if (errno || value >= CPUSET_MAX_CPUS) {
        return xasprintf("\"%s\": CPU number out of range (0 to %d)",
                         s, CPUSET_MAX_CPUS - 1);
    }
    *cpu = value;
    *p = end;
    return NULL;
}

/* Parses CPU list 's' (e.g. "0-3,8") into 'set'.  A trailing new-line, as
 * in sysfs files, is ignored.  Returns NULL on success, otherwise a
 * malloc()'d error message, in which case 'set' is empty. */
char *
cpuset_parse_list(const char *s, struct cpuset *set)
{
    cpuset_init(set);

    size_t len = strlen(s);
    if (len && s[len - 1] == '\n') {
        len--;
    }
    char *copy = xmemdup0(s, len);
    char *error = NULL;
    const char *p = copy;
    while (*p && !error) {
        unsigned int first, last;
        error = parse_cpu_number__(copy, &p, &first);
        if (error) {
            break;
        }
        last = first;
        if (*p == '-') {
            p++;
            error = parse_cpu_number__(copy, &p, &last);
            if (!error && last < first) {
                error = xasprintf("\"%s\": range %u-%u is backwards",
                                  copy, first, last);
            }
        }
        if (error) {
            break;
        }
        for (unsigned int cpu = first; cpu <= last; cpu++) {
            cpuset_add(set, cpu);
        }
        if (*p == ',') {
            p++;
            if (!*p) {
                error = xasprintf("\"%s\": list ends with a comma", copy);
            }
        } else if (*p) {
            error = xasprintf("\"%s\": unexpected \"%c\" in CPU list "
                              "(expected e.g. \"0-3,8\")", copy, *p);
        }
    }
    free(copy);

    if (error) {
        cpuset_init(set);
    }
    return error;
}

/* Parses hex CPU mask 's' (e.g. "0x3c" or "3c") into 'set'.  Returns NULL
 * on success, otherwise a malloc()'d error message, in which case 'set' is
 * empty. */
char *
cpuset_parse_mask(const char *s, struct cpuset *set)
{
    cpuset_init(set);

    const char *digits = s;
    if (digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X')) {
        digits += 2;
    }
    size_t n = strlen(digits);
    if (!n) {
        return xasprintf("\"%s\": empty CPU mask", s);
    }
    for (size_t i = 0; i < n; i++) {
        int c = (unsigned char) digits[n - 1 - i];
        if (!isxdigit(c)) {
            cpuset_init(set);
            return xasprintf("\"%s\": CPU mask is not a hexadecimal number",
                             s);
        }
        int nibble = hexit_value(c);
        for (int bit = 0; bit < 4; bit++) {
            if (nibble & (1 << bit)) {
                size_t cpu = i * 4 + bit;
                if (cpu >= CPUSET_MAX_CPUS) {
                    cpuset_init(set);
                    return xasprintf("\"%s\": CPU mask wider than %d CPUs",
                                     s, CPUSET_MAX_CPUS);
                }
                cpuset_add(set, cpu);
            }
        }
    }
    return NULL;
}

/* Appends 'set' to 'ds' as a CPU list, e.g. "0-3,8". */
void
cpuset_format_list(const struct cpuset *set, struct ds *ds)
{
    bool first = true;
    int cpu = cpuset_first(set);
    while (cpu >= 0) {
        int last = cpu;
        while (last + 1 < CPUSET_MAX_CPUS && cpuset_contains(set, last + 1)) {
            last++;
        }
        ds_put_format(ds, "%s%d", first ? "" : ",", cpu);
        if (last > cpu) {
            ds_put_format(ds, "-%d", last);
        }
        first = false;
        cpu = cpuset_next(set, last);
    }
}

/* Appends 'set' to 'ds' as a hex mask with a "0x" prefix, e.g. "0x3c", the
 * form OVS documents for pmd-cpu-mask.  The empty set is "0x0". */
void
cpuset_format_mask(const struct cpuset *set, struct ds *ds)
{
    int top = -1;
    int cpu;
    CPUSET_FOR_EACH (cpu, set) {
        top = cpu;
    }

    ds_put_cstr(ds, "0x");
    if (top < 0) {
        ds_put_char(ds, '0');
        return;
    }
    for (int nib = top / 4; nib >= 0; nib--) {
        int value = 0;
        for (int bit = 0; bit < 4; bit++) {
            if (cpuset_contains(set, nib * 4 + bit)) {
                value |= 1 << bit;
            }
        }
        ds_put_char(ds, "0123456789abcdef"[value]);
    }
}

/* Returns 'set' as a malloc()'d CPU list. */
char *
cpuset_to_list(const struct cpuset *set)
{
    struct ds ds = DS_EMPTY_INITIALIZER;
    cpuset_format_list(set, &ds);
    return ds_steal_cstr(&ds);
}

/* Returns 'set' as a malloc()'d hex mask. */
char *
cpuset_to_mask(const struct cpuset *set)
{
    struct ds ds = DS_EMPTY_INITIALIZER;
    cpuset_format_mask(set, &ds);
    return ds_steal_cstr(&ds);
}
