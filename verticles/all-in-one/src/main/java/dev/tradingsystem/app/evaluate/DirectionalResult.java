package dev.tradingsystem.app.evaluate;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a directional evaluation measured.
 *
 * @param ticks          tick vectors the model saw
 * @param refused        ticks the runtime's boundary check would have refused, by reason
 * @param errors         calls where the model threw (answered FLAT)
 * @param calls          non-FLAT calls
 * @param longCalls      of which LONG
 * @param horizonsSec    the distinct horizons the calls carried
 * @param entryDelayUs   how long after each call the return starts counting
 * @param beyondData     calls left out because their horizon ends after the last tick
 * @param zeroReturns    calls left out because the mid did not move over the horizon
 * @param noHorizon      calls left out because they named no horizon
 * @param seed           seed of the random-sign baseline
 * @param all            every scored call (horizons overlap, so calls are not independent)
 * @param nonOverlapping calls taken greedily so that no two horizons overlap: closer to
 *                       independent trials, the subsample the verdict rests on
 */
public record DirectionalResult(String modelId, long ticks, Map<String, Long> refused, long errors, long calls,
    long longCalls, List<Integer> horizonsSec, long entryDelayUs, long beyondData, long zeroReturns, long noHorizon,
    long seed, Comparison all, Comparison nonOverlapping) {

  /** Significance level of the verdicts. */
  public static final double ALPHA = 0.05;

  /**
   * Model and baselines on the same points.
   *
   * @param model       the model's hit rate
   * @param alwaysLong  buy-and-hold: share of points whose realised return was positive
   * @param randomSign  a seeded coin's hit rate
   * @param shortRight  SHORT calls followed by a fall: where the model and always-LONG differ, it was right
   * @param shortWrong  SHORT calls followed by a rise
   * @param vsLongPValue exact McNemar test of model against always-LONG: the two disagree only on SHORT
   *                    calls, so this is the binomial test of {@code shortRight} of {@code shortRight + shortWrong}
   */
  public record Comparison(HitRate model, HitRate alwaysLong, HitRate randomSign, long shortRight, long shortWrong,
      double vsLongPValue) {
  }

  /** Against a fair coin, from the non-overlapping calls' Wilson interval. */
  public String verdictVsCoinFlip() {
    HitRate m = nonOverlapping.model();
    if (m.n() == 0) {
      return "no scored calls";
    }
    if (m.low() > 0.5) {
      return "beats a coin flip";
    }
    if (m.high() < 0.5) {
      return "worse than a coin flip";
    }
    return "not distinguishable from a coin flip";
  }

  /** Against buy-and-hold, from the exact McNemar test on the non-overlapping calls. */
  public String verdictVsBuyAndHold() {
    Comparison c = nonOverlapping;
    if (c.model().n() == 0) {
      return "no scored calls";
    }
    if (c.vsLongPValue() < ALPHA) {
      return c.shortRight() > c.shortWrong() ? "beats buy-and-hold" : "worse than buy-and-hold";
    }
    return "not distinguishable from buy-and-hold";
  }

  /** One line for the report. */
  public String verdict() {
    HitRate m = nonOverlapping.model();
    return String.format(Locale.ROOT, "%s and %s (non-overlapping calls: hit rate %.4f, 95%% CI %.4f-%.4f, n=%d, "
            + "p=%.3g vs 0.5; always-LONG %.4f; McNemar p=%.3g)", verdictVsCoinFlip(), verdictVsBuyAndHold(),
        m.rate(), m.low(), m.high(), m.n(), m.pValue(), nonOverlapping.alwaysLong().rate(),
        nonOverlapping.vsLongPValue());
  }
}
