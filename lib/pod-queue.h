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

#ifndef POD_QUEUE_H
#define POD_QUEUE_H 1

/* Attach and detach requests that wait for the bridge lock.
 *
 * An attach or detach that finds the bridge lock taken leaves its request
 * in a directory beside the lock file, "<lock file>.queue", which only
 * root can reach, and holds a lock on the request's file while it waits:
 * a request whose file nobody locks has lost its requester and is
 * removed.
 * Whoever takes the bridge lock next takes the waiting requests with
 * pod_queue_take(), carries out what it can of them together, and
 * answers each one that it carried out with pod_queue_answer() before it
 * lets the lock go.  A requester that then gets the lock and finds its
 * request answered is done; otherwise it goes on by itself, as if it had
 * never waited, so that every refusal and error reaches it in full.
 *
 * Only requests with the same 'key' (the operation, who asks, within
 * which node file, with which port type) are taken together.  A request's
 * arguments are a string map: an attachment's external_ids, or what a
 * detach selects. */

#include <stdbool.h>
#include <stddef.h>
#include "openvswitch/dynamic-string.h"
#include "smap.h"

/* A request as its requester left it. */
struct pod_queue_ticket {
    int dir_fd;                 /* The queue directory, or -1. */
    int fd;                     /* The request's file, locked shared. */
    char *id;                   /* File name without suffix. */
};

/* A request as the lock holder took it. */
struct pod_queue_request {
    char *id;
    struct smap args;
};

/* The requester's side. */
char *pod_queue_submit(const char *lock_path, const char *key,
                       const struct smap *args,
                       struct pod_queue_ticket *) OVS_WARN_UNUSED_RESULT;
bool pod_queue_answered(const struct pod_queue_ticket *, struct ds *answer);
void pod_queue_withdraw(struct pod_queue_ticket *);

/* The lock holder's side. */
size_t pod_queue_take(const char *lock_path, const char *key,
                      struct pod_queue_request **);
void pod_queue_answer(const char *lock_path, const char *id,
                      const char *answer);
void pod_queue_requests_destroy(struct pod_queue_request *, size_t n);

#endif /* pod-queue.h */
