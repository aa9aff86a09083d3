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

#ifndef PLAN_PRINT_H
#define PLAN_PRINT_H 1

/* Shows a plan to people (a table) and to tools (JSON). */

struct ds;
struct json;
struct plan;

void plan_print_table(const struct plan *, struct ds *);
struct json *plan_to_json(const struct plan *);

#endif /* plan-print.h */
