package dev.tradingsystem.risk.killswitch;

/**
 * When the automatic triggers fire, beyond drawdown (which sits with the pre-trade limits).
 *
 * @param maxDailyLoss           loss since the UTC day's start, fraction of that day's opening equity
 * @param staleDataUs            event time without a market event, while orders work, that halts; 0 = only the collector's alert
 * @param maxConsecutiveFailures portfolio calls failing in a row that halt (DISCONNECT)
 * @param errorWindow            outcomes of sent intents the error rate is measured over
 * @param errorThreshold         share of failed or downstream-rejected intents in a full window that halts
 * @param flatten                also close every position when an automatic trigger halts
 */
public record TriggerLimits(double maxDailyLoss, long staleDataUs, int maxConsecutiveFailures, int errorWindow,
                            double errorThreshold, boolean flatten) {

  /** Only drawdown and the operator move the switch (tests and tools that look at one trigger). */
  public static final TriggerLimits OFF = new TriggerLimits(1, 0, Integer.MAX_VALUE, Integer.MAX_VALUE, 1, false);

  public TriggerLimits {
    if (!(maxDailyLoss > 0) || maxDailyLoss > 1) {
      throw new IllegalArgumentException("maxDailyLoss must be in (0, 1], got " + maxDailyLoss);
    }
    if (staleDataUs < 0) {
      throw new IllegalArgumentException("staleDataUs must be 0 (off) or positive");
    }
    if (maxConsecutiveFailures < 1 || errorWindow < 1) {
      throw new IllegalArgumentException("maxConsecutiveFailures and errorWindow must be at least 1");
    }
    if (!(errorThreshold > 0) || errorThreshold > 1) {
      throw new IllegalArgumentException("errorThreshold must be in (0, 1], got " + errorThreshold);
    }
  }
}
