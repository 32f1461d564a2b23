/**
 * Deployment gates: a plan of tenants × journeys run {@code runs} times at a given concurrency
 * through the journey engine (source {@code GATE}), k6-style thresholds over the runs' latencies
 * and success ratio, the verdict (passed, failed, could not run) and its reports (terminal table,
 * JUnit XML, JSON). {@code gate.http} serves the same gates to Argo Rollouts and Flagger. Needs no
 * database; finished runs go to whatever sink the caller hands in.
 */
package dev.vigil.gate;
