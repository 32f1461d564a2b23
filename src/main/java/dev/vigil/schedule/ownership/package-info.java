/**
 * Sharing the checks out between replicas: each check belongs to one of a fixed number of shards
 * per location, and a replica runs the checks of the shards it holds leases on. Replicas announce
 * themselves in a membership set, take their fair share of the shards (preferring their own by
 * rendezvous hashing), renew, release and take over through {@link
 * dev.vigil.schedule.ownership.Leases} with fencing tokens. Redis provides both seams
 * ({@code store/redis}); the logic here does no I/O of its own.
 */
package dev.vigil.schedule.ownership;
