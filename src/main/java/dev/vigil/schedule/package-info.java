/**
 * Running every tenant's journeys around the clock: per tenant × journey timers with a stable
 * phase, drift-free and without pile-up, global and per-tenant concurrency caps, a circuit breaker
 * per tenant, the status of each tenant × journey, the hand-off of finished runs to
 * {@link dev.vigil.schedule.RunListener}s, and the {@link dev.vigil.schedule.Ownership} seam through
 * which replicas share the checks out ({@code schedule/ownership}).
 */
package dev.vigil.schedule;
