/**
 * The built-in sandbox Odoo: an HTTP server that answers the JSON-RPC calls Vigil's journeys
 * make, faithfully to recordings of real Odoo 16 and 18 servers (17 and 19 inferred), with
 * in-memory demo databases and a capacity model (shared workers, latency, hung or down
 * databases, heavy neighbours) for demos and tests. Never a replacement for monitoring a real
 * Odoo.
 *
 * <p>Start one with {@link dev.vigil.sandbox.SandboxOdoo#start}; configure it with
 * {@link dev.vigil.sandbox.SandboxConfig}; steer it with {@link dev.vigil.sandbox.SandboxControl}.
 */
package dev.vigil.sandbox;
