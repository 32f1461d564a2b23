/**
 * REST, auth, dashboard; for now the HTTP server with {@code /metrics} and health:
 * {@link dev.vigil.api.ApiVerticle} serves the Prometheus scrape, liveness and readiness.
 */
package dev.vigil.api;
