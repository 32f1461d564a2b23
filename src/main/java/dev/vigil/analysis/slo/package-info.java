/**
 * Service-level objectives per tenant × journey: run counts in time buckets, error budget
 * remaining, and the SRE workbook's multi-window, multi-burn-rate alerts. Pure logic.
 */
package dev.vigil.analysis.slo;
