package dev.vigil.analysis.latency;

import java.time.Instant;
import java.util.OptionalDouble;

/**
 * A sustained departure of a tenant × journey from its baseline or budget.
 *
 * @param since start of the first bad window of the streak that opened it
 * @param baselineP95 the reference median p95 in ms, when a baseline exists
 * @param currentP95 the p95 of the latest bad window, in ms
 * @param rise current ÷ baseline (or ÷ budget without a baseline), the size of the departure
 * @param successRatio the latest bad window's share of passed runs
 * @param reason what made the windows bad, for people
 */
public record Degradation(
    SeriesKey key, Instant since, OptionalDouble baselineP95, long currentP95, double rise,
    double successRatio, String reason) {}
