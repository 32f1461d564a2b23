/**
 * Vigil's analysis of finished runs: {@link dev.vigil.analysis.AnalysisEngine} owns the latency
 * windows and baselines ({@code latency}), the noisy-neighbour findings ({@code neighbour}), the
 * SLO ledgers ({@code slo}) and the alerts ({@code alert}), and tells {@link
 * dev.vigil.analysis.AnalysisListener}s when findings and alerts open and close.
 */
package dev.vigil.analysis;
