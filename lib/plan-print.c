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

/* Plan output: see plan-print.h.  The table is meant to be read by the
 * operator who runs "ovs-podctl plan"; every value comes with its reason.
 * The JSON form carries the same facts, with stable keys, for tools. */

#include <config.h>
#include "plan-print.h"

#include <inttypes.h>
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "plan.h"
#include "uplink.h"
#include "util.h"
#include "openvswitch/vlog.h"

VLOG_DEFINE_THIS_MODULE(plan_print);

static const char *
setting_applies__(const struct plan_setting *s)
{
    return (s->restart ? "restart"
            : s->at_dpdk_init ? "dpdk-start"
            : "live");
}

static const char *
setting_change__(const struct plan_setting *s)
{
    return (!s->changed ? "keep"
            : s->value ? "set"
            : "delete");
}

/* Appends 'plan' to 'ds' as tables. */
void
plan_print_table(const struct plan *plan, struct ds *ds)
{
    ds_put_format(ds, "%-18s %-16s %-7s %-10s %s\n",
                  "KEY", "VALUE", "CHANGE", "APPLIES", "REASON");
    for (int i = 0; i < PLAN_N_KEYS; i++) {
        const struct plan_setting *s = &plan->settings[i];
        ds_put_format(ds, "%-18s %-16s %-7s %-10s %s\n", s->key,
                      s->value ? s->value : "(unset)", setting_change__(s),
                      setting_applies__(s),
                      s->reason ? s->reason : "(not planned: see the error)");
    }

    ds_put_format(ds, "\n%-5s %-12s %-12s %-8s %-5s %-9s %-9s %-9s %s\n",
                  "NUMA", "CPUS", "PMD-CPUS", "UPLINKS", "PODS", "PAGE-KB",
                  "MEM-MB", "LIMIT-MB", "PAGES-NEEDED/FREE");
    for (size_t i = 0; i < plan->n_numas; i++) {
        const struct plan_numa *pn = &plan->numas[i];
        char *cpus = cpuset_to_list(&pn->cpus);
        char *pmds = cpuset_to_list(&pn->pmd_cpus);
        int n_uplinks = 0;
        for (size_t j = 0; j < plan->n_uplinks; j++) {
            n_uplinks += plan->uplinks[j].numa == pn->id;
        }
        ds_put_format(ds, "%-5d %-12s %-12s %-8d %-5s %-9"PRIu64
                      " %-9"PRIu64" %-9"PRIu64" %"PRIu64"/%"PRIu64"\n",
                      pn->id, *cpus ? cpus : "-", *pmds ? pmds : "-",
                      n_uplinks,
                      pn->has_pods ? "yes" : "no", pn->page_kb,
                      pn->socket_mem_mb, pn->socket_limit_mb,
                      pn->pages_needed, pn->pages_free);
        free(cpus);
        free(pmds);
    }

    if (plan->n_uplinks) {
        ds_put_format(ds, "\n%-15s %-28s %-5s %-6s %s\n",
                      "UPLINK", "DPDK-DEVARGS", "NUMA", "N_RXQ", "REASON");
        for (size_t i = 0; i < plan->n_uplinks; i++) {
            const struct plan_uplink *pu = &plan->uplinks[i];
            ds_put_format(ds, "%-15s %-28s %-5d %-6d %s\n",
                          pu->uplink->name, pu->uplink->devargs, pu->numa,
                          pu->n_rxq, pu->reason);
        }
    }

    char *hk = cpuset_to_list(&plan->housekeeping);
    char *kubelet = cpuset_to_list(&plan->kubelet_reserved);
    ds_put_format(ds, "\nhousekeeping CPUs: %s\n", *hk ? hk : "none");
    ds_put_format(ds, "kubelet reservedSystemCPUs must include: %s\n",
                  *kubelet ? kubelet : "none");
    free(hk);
    free(kubelet);

    for (size_t i = 0; i < plan->warnings.n; i++) {
        ds_put_format(ds, "warning: %s\n", plan->warnings.names[i]);
    }
    if (plan_needs_restart(plan)) {
        ds_put_cstr(ds, "note: DPDK is already initialized; the changed "
                    "dpdk-* settings take effect when ovs-vswitchd "
                    "restarts\n");
    }
}

static struct json *
json_string_or_null__(const char *s)
{
    return s ? json_string_create(s) : json_null_create();
}

static struct json *
json_cpus__(const struct cpuset *cpus)
{
    return json_string_create_nocopy(cpuset_to_list(cpus));
}

/* Returns 'plan' as a JSON object. */
struct json *
plan_to_json(const struct plan *plan)
{
    struct json *settings = json_array_create_empty();
    for (int i = 0; i < PLAN_N_KEYS; i++) {
        const struct plan_setting *s = &plan->settings[i];
        struct json *o = json_object_create();
        json_object_put_string(o, "key", s->key);
        json_object_put(o, "value", json_string_or_null__(s->value));
        json_object_put(o, "change", json_string_create(setting_change__(s)));
        json_object_put(o, "applies",
                        json_string_create(setting_applies__(s)));
        json_object_put(o, "reason", json_string_or_null__(s->reason));
        json_array_add(settings, o);
    }

    struct json *numas = json_array_create_empty();
    for (size_t i = 0; i < plan->n_numas; i++) {
        const struct plan_numa *pn = &plan->numas[i];
        struct json *o = json_object_create();
        json_object_put(o, "id", json_integer_create(pn->id));
        json_object_put(o, "pmd_cpus", json_cpus__(&pn->pmd_cpus));
        json_object_put(o, "uplink", json_boolean_create(pn->has_uplink));
        json_object_put(o, "pods", json_boolean_create(pn->has_pods));
        json_object_put(o, "main_lcore", json_boolean_create(pn->main_lcore));
        json_object_put(o, "page_kb", json_integer_create(pn->page_kb));
        json_object_put(o, "pools_mb", json_integer_create(pn->pools_mb));
        json_object_put(o, "socket_mem_mb",
                        json_integer_create(pn->socket_mem_mb));
        json_object_put(o, "socket_limit_mb",
                        json_integer_create(pn->socket_limit_mb));
        json_object_put(o, "pages_needed",
                        json_integer_create(pn->pages_needed));
        json_object_put(o, "pages_free", json_integer_create(pn->pages_free));
        json_array_add(numas, o);
    }

    struct json *uplinks = json_array_create_empty();
    for (size_t i = 0; i < plan->n_uplinks; i++) {
        const struct plan_uplink *pu = &plan->uplinks[i];
        struct json *o = json_object_create();
        json_object_put_string(o, "name", pu->uplink->name);
        json_object_put_string(o, "devargs", pu->uplink->devargs);
        json_object_put(o, "numa", json_integer_create(pu->numa));
        json_object_put(o, "n_rxq", json_integer_create(pu->n_rxq));
        json_object_put_string(o, "reason", pu->reason);
        json_array_add(uplinks, o);
    }

    struct json *warnings = json_array_create_empty();
    for (size_t i = 0; i < plan->warnings.n; i++) {
        json_array_add(warnings, json_string_create(plan->warnings.names[i]));
    }

    struct json *top = json_object_create();
    json_object_put(top, "settings", settings);
    json_object_put(top, "numa", numas);
    json_object_put(top, "uplinks", uplinks);
    json_object_put(top, "pmd_cpus", json_cpus__(&plan->pmd_cpus));
    json_object_put(top, "housekeeping_cpus",
                    json_cpus__(&plan->housekeeping));
    json_object_put(top, "kubelet_reserved_cpus",
                    json_cpus__(&plan->kubelet_reserved));
    json_object_put(top, "restart_required",
                    json_boolean_create(plan_needs_restart(plan)));
    json_object_put(top, "warnings", warnings);
    json_object_put(top, "error", json_string_or_null__(plan->error));
    return top;
}
