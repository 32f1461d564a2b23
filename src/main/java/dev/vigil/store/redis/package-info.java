/**
 * Redis: the live state (latest status and recent runs per tenant × journey), the channel that
 * carries run and status events to every replica, leases with fencing tokens for sharing checks
 * out, and the embedded {@code redis-server} started when no {@code VIGIL_REDIS_URL} is set.
 * Everything here keeps working, or waits and catches up, while Redis is away.
 */
package dev.vigil.store.redis;
