/**
 * The capacity model of one sandbox server: a bounded pool of workers that every database of
 * the server shares, service times after the recorded latencies, per-database conditions (a
 * latency multiplier, hung, down), synthetic background load, and counters. Waiting is done with
 * Vert.x promises and timers on the sandbox's context: nothing blocks a thread.
 */
package dev.vigil.sandbox.capacity;
