/**
 * Noisy neighbours: classifies degraded tenants by placement into shared-resource contention,
 * platform-wide and own-problem findings, names the suspect from the shared PostgreSQL server's
 * per-database activity (or, with lower confidence, from the probes), and keeps each finding's
 * open/close lifecycle. The sampler talks to PostgreSQL through vertx-pg-client; the rest is pure.
 */
package dev.vigil.analysis.neighbour;
