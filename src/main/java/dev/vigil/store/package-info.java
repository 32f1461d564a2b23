/**
 * Keeping every result: the PostgreSQL history ({@code store.postgres}), the Redis live state and
 * cross-replica channel ({@code store.redis}), and between the scheduler and PostgreSQL a durable
 * buffer that holds results while the database is away, so that none is lost.
 */
package dev.vigil.store;
