package dev.vigil.analysis.neighbour;

/**
 * One database's cumulative counters from {@code pg_stat_database} (transactions, tuples, blocks)
 * and its point-in-time gauges from {@code pg_stat_activity} (active backends) and
 * {@code pg_locks} (locks waited for).
 */
public record PgCounters(String database, long xacts, long tuples, long blocks, long active, long lockWaits) {}
