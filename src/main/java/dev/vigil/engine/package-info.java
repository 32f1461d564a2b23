/**
 * Running journeys: {@link dev.vigil.engine.JourneyRunner} walks a journey's steps and teardown
 * for one tenant, asking the {@link dev.vigil.engine.StepExecutors} registry for the executor of
 * each step kind (Odoo RPC in {@code rpc/}, plain HTTP in {@code http/}), checking assertions and
 * carrying variables from step to step. Everything here runs on a Vert.x event loop and never
 * blocks it.
 */
package dev.vigil.engine;
