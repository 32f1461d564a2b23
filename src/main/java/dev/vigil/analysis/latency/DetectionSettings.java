package dev.vigil.analysis.latency;

/**
 * When a window is "bad" and when bad windows make a degradation.
 *
 * <p>A window is bad when its p95 is over the journey's budget, or — once a baseline exists — over
 * all of {@code factor} × the baseline median, the median + {@code sigmas} × its spread and the
 * median + {@code minRiseMillis}; or when fewer than {@code minSuccess} of its runs passed. A
 * degradation opens when {@code badToOpen} of the last {@code windows} windows are bad (one
 * outlier never opens one) and closes after {@code goodToClose} good windows in a row.
 */
public record DetectionSettings(
    double factor, double sigmas, long minRiseMillis, double minSuccess, int badToOpen, int windows,
    int goodToClose, int history, int minSamples, int minPerHour) {

  /** 1.5× and 4σ and 100 ms over normal; 3 bad of the last 4 windows; 2 good ones close it. */
  public static final DetectionSettings DEFAULTS = new DetectionSettings(1.5, 4, 100, 0.8, 3, 4, 2, 288, 6, 7);

  public DetectionSettings {
    if (badToOpen < 2 || badToOpen > windows || goodToClose < 1) {
      throw new IllegalArgumentException("need 2 <= badToOpen <= windows and goodToClose >= 1");
    }
  }
}
