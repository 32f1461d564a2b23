package dev.vigil.store.redis;

import java.time.Duration;

/**
 * Who holds a lease now.
 *
 * @param token the fencing token it got when it acquired the lease
 * @param remaining how long the lease has left unless renewed
 */
public record LeaseHolder(String owner, long token, Duration remaining) {}
