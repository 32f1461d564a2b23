/**
 * Vigil's HTTP interface: {@link dev.vigil.api.ApiVerticle} serves {@code /metrics}, health and the
 * route groups it is given — the REST API under {@code /api/v1} ({@link dev.vigil.api.RestRoutes}:
 * one class per resource, every call behind {@link dev.vigil.api.ApiAccess}, tenant scoping in
 * {@link dev.vigil.api.TenantScope}), its OpenAPI document and the dashboard's static files. Tokens
 * and the audit log are in {@code api.auth}; the live stream in {@code live}.
 */
package dev.vigil.api;
