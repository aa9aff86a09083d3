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

/* test-ovs-pod: exposes small library functions to the test suite. */

#include <config.h>

#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include "command-line.h"
#include "cpuset.h"
#include "mempool-size.h"
#include "packets.h"
#include "pod.h"
#include "uplink.h"
#include "util.h"

static void
print_cpuset__(const struct cpuset *set)
{
    char *list = cpuset_to_list(set);
    char *mask = cpuset_to_mask(set);
    printf("list=%s mask=%s count=%"PRIuSIZE"\n", list, mask,
           cpuset_count(set));
    free(list);
    free(mask);
}

/* Parses each argument of 'ctx' with 'parse' and prints the set. */
static void
test_cpuset__(struct ovs_cmdl_context *ctx,
              char *(*parse)(const char *, struct cpuset *))
{
    for (int i = 1; i < ctx->argc; i++) {
        struct cpuset set;
        char *error = parse(ctx->argv[i], &set);
        if (error) {
            ovs_fatal(0, "%s", error);
        }
        print_cpuset__(&set);
    }
}

/* cpuset-list LIST...: parses and prints each CPU list. */
static void
test_cpuset_list(struct ovs_cmdl_context *ctx)
{
    test_cpuset__(ctx, cpuset_parse_list);
}

/* cpuset-mask MASK...: parses and prints each CPU mask. */
static void
test_cpuset_mask(struct ovs_cmdl_context *ctx)
{
    test_cpuset__(ctx, cpuset_parse_mask);
}

/* mempool MTU...: prints OVS's shared mempool size for each MTU. */
static void
test_mempool(struct ovs_cmdl_context *ctx)
{
    for (int i = 1; i < ctx->argc; i++) {
        int mtu = atoi(ctx->argv[i]);
        uint64_t bytes = mpsize_pool_bytes(mtu);
        printf("mtu=%d bucket=%"PRIu32" mbufs=%"PRIu32" element=%"PRIu32
               " pool=%"PRIu64" MiB\n", mtu, mpsize_bucket(mtu),
               mpsize_n_mbufs(mtu),
               mpsize_bucket(mtu) + MPSIZE_ELEMENT_OVERHEAD,
               DIV_ROUND_UP(bytes, MPSIZE_MIB));
    }
}

/* uplink SPEC...: parses each uplink specification. */
static void
test_uplink(struct ovs_cmdl_context *ctx)
{
    for (int i = 1; i < ctx->argc; i++) {
        struct uplink u;
        char *error = uplink_parse(ctx->argv[i], &u);
        if (error) {
            ovs_fatal(0, "%s", error);
        }
        printf("name=%s devargs=%s %s\n", u.name, u.devargs,
               u.is_pci ? "pci" : "vdev");
        uplink_destroy(&u);
    }
}

/* pod NAMESPACE/NAME UID IFNAME: prints what derives from the identity. */
static void
test_pod(struct ovs_cmdl_context *ctx)
{
    char *ns, *name;
    char *error = pod_parse_ref(ctx->argv[1], &ns, &name);
    struct pod_attachment pa;
    if (!error) {
        error = pod_attachment_init(&pa, ns, name, ctx->argv[2],
                                    ctx->argv[3], NULL);
    }
    if (error) {
        ovs_fatal(0, "%s", error);
    }
    char *id = pod_short_id(&pa);
    char *port = pod_port_name(&pa);
    char *sock = pod_socket_path(&pa);
    printf("short-id=%s port=%s cookie=0x%016"PRIx64" mac="ETH_ADDR_FMT
           " socket=%s\n", id, port, pod_cookie(&pa),
           ETH_ADDR_ARGS(pa.mac), sock);
    free(id);
    free(port);
    free(sock);
    pod_attachment_destroy(&pa);
    free(ns);
    free(name);
}

int
main(int argc, char *argv[])
{
    static const struct ovs_cmdl_command commands[] = {
        { "cpuset-list", "LIST...", 1, INT_MAX, test_cpuset_list, OVS_RO },
        { "cpuset-mask", "MASK...", 1, INT_MAX, test_cpuset_mask, OVS_RO },
        { "mempool", "MTU...", 1, INT_MAX, test_mempool, OVS_RO },
        { "uplink", "SPEC...", 1, INT_MAX, test_uplink, OVS_RO },
        { "pod", "NAMESPACE/NAME UID IFNAME", 3, 3, test_pod, OVS_RO },
        { NULL, NULL, 0, 0, NULL, OVS_RO },
    };

    set_program_name(argv[0]);
    struct ovs_cmdl_context ctx = { .argc = argc - 1, .argv = argv + 1 };
    ovs_cmdl_run_command(&ctx, commands);
    return 0;
}
