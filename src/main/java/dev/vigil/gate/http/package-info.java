/**
 * The HTTP gate: {@code POST /api/v1/gates} (an Argo Rollouts {@code web} metric provider reads its
 * JSON verdict) and {@code POST /api/v1/gates/flagger} (a Flagger webhook: 200 passes, non-2xx
 * fails with the reason), both for bearer tokens of role {@code gate}, mounted on the API router
 * by {@link dev.vigil.gate.http.GateRoutes}.
 */
package dev.vigil.gate.http;
