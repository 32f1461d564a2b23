/**
 * How a finished gate is told: JSON (the schema is {@code schemas/gate-report.schema.json}, also
 * the HTTP gate's answer), JUnit XML for CI systems, and the console — a progress bar and a table
 * on a terminal, plain lines in CI.
 */
package dev.vigil.gate.report;
