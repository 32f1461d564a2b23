package dev.vigil.analysis.latency;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Decides, window after window, whether one tenant × journey is degraded (see
 * {@link DetectionSettings}). Each window is judged against the baseline learnt from the windows
 * before it, then learnt. Not thread-safe.
 */
public final class DegradationDetector {
  private final SeriesKey key;
  private final DetectionSettings settings;
  private final Baseline baseline;
  private final Deque<Verdict> recent = new ArrayDeque<>();
  private Degradation current;
  private double lastRise = 1.0;

  /** A judged window. */
  private record Verdict(WindowStats window, boolean bad, OptionalDouble baseline, double rise, String reason) {}

  /** What a window changed: a degradation opened or closed (the closed one is returned). */
  public sealed interface Change {
    record Opened(Degradation degradation) implements Change {}

    record Closed(Degradation degradation) implements Change {}
  }

  public DegradationDetector(SeriesKey key, DetectionSettings settings, ZoneId zone) {
    this.key = key;
    this.settings = settings;
    this.baseline = new Baseline(zone, settings.history(), settings.minSamples(), settings.minPerHour());
  }

  /** The degradation open now, if any. */
  public Optional<Degradation> current() {
    return Optional.ofNullable(current);
  }

  /** The latest window's p95 ÷ normal (baseline median, else budget); 1.0 before any window. */
  public double lastRise() {
    return lastRise;
  }

  /** The reference now in force for a window starting at the given time. */
  public Optional<Reference> reference(Instant at) {
    return baseline.reference(at);
  }

  /** Judges a closed window of this series against the baseline and the budget, then learns it. */
  public Optional<Change> accept(WindowStats window, Optional<Duration> budget) {
    Verdict verdict = judge(window, budget);
    lastRise = verdict.rise();
    baseline.add(window);
    recent.addLast(verdict);
    while (recent.size() > settings.windows()) {
      recent.removeFirst();
    }
    if (current == null) {
      long bad = recent.stream().filter(Verdict::bad).count();
      if (bad >= settings.badToOpen()) {
        current = degradation(firstBadOfStreak().start(), verdict);
        return Optional.of(new Change.Opened(current));
      }
      return Optional.empty();
    }
    if (verdict.bad()) {
      current = degradation(current.since(), verdict);
      return Optional.empty();
    }
    if (goodInARow() >= settings.goodToClose()) {
      Degradation closed = current;
      current = null;
      return Optional.of(new Change.Closed(closed));
    }
    return Optional.empty();
  }

  private Verdict judge(WindowStats window, Optional<Duration> budget) {
    Optional<Reference> reference = baseline.reference(window.start());
    if (window.successRatio() < settings.minSuccess()) {
      return new Verdict(window, true, median(reference), rise(window, reference, budget),
          String.format("%.0f%% of runs passed", window.successRatio() * 100));
    }
    if (budget.isPresent() && window.p95() > budget.get().toMillis()) {
      return new Verdict(window, true, median(reference), rise(window, reference, budget),
          "p95 " + window.p95() + " ms over the budget of " + budget.get().toMillis() + " ms");
    }
    if (reference.isPresent()) {
      Reference ref = reference.get();
      double limit = Math.max(ref.medianP95() * settings.factor(),
          Math.max(ref.medianP95() + settings.sigmas() * ref.sigma(), ref.medianP95() + settings.minRiseMillis()));
      if (window.p95() > limit) {
        return new Verdict(window, true, median(reference), rise(window, reference, budget),
            String.format("p95 %d ms against a baseline of %.0f ms (limit %.0f ms)", window.p95(), ref.medianP95(), limit));
      }
    }
    return new Verdict(window, false, median(reference), rise(window, reference, budget), "normal");
  }

  private static OptionalDouble median(Optional<Reference> reference) {
    return reference.map(r -> OptionalDouble.of(r.medianP95())).orElse(OptionalDouble.empty());
  }

  private static double rise(WindowStats window, Optional<Reference> reference, Optional<Duration> budget) {
    double normal = reference.map(Reference::medianP95)
        .orElse(budget.map(b -> (double) b.toMillis()).orElse((double) window.p95()));
    return window.p95() / Math.max(normal, 1.0);
  }

  private WindowStats firstBadOfStreak() {
    return recent.stream().filter(Verdict::bad).findFirst().orElseThrow().window();
  }

  private long goodInARow() {
    long good = 0;
    for (var it = recent.descendingIterator(); it.hasNext() && !it.next().bad(); ) {
      good++;
    }
    return good;
  }

  private Degradation degradation(Instant since, Verdict latest) {
    return new Degradation(key, since, latest.baseline(), latest.window().p95(), latest.rise(),
        latest.window().successRatio(), latest.reason());
  }
}
