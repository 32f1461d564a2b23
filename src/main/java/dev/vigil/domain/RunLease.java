package dev.vigil.domain;

/**
 * The lease a scheduled run was started under, when replicas share the checks out (README,
 * "Scale-out").
 *
 * @param location where the run was made from: the location label of the replica that ran it
 * @param shard the shard of tenant × journeys the check belongs to, whose lease the replica held
 * @param token the lease's fencing token: every later holder of the shard has a larger one, so a run
 *     started by a replica that has since lost the lease can be told apart from the new owner's
 */
public record RunLease(String location, int shard, long token) {}
