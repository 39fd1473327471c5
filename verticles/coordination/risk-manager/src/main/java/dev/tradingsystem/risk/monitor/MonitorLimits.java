package dev.tradingsystem.risk.monitor;

/**
 * What the monitor measures and warns about.
 *
 * @param maxGrossExposureMicros gross exposure above which a WARNING goes out; 0 = no alert
 * @param varLimitMicros         VaR (the larger of historical and parametric) above which a WARNING goes out; 0 = no alert
 * @param varConfidence          VaR confidence, e.g. 0.99
 * @param varWindow              equity returns the VaR is computed from
 * @param varHorizonUs           event time between equity samples: the VaR horizon
 * @param snapshotEveryUs        event time between published snapshots; 0 = after every portfolio state
 */
public record MonitorLimits(long maxGrossExposureMicros, long varLimitMicros, double varConfidence, int varWindow,
                            long varHorizonUs, long snapshotEveryUs) {

  /** No alerts, 99% VaR over 250 one-minute returns, a snapshot after every state (tests and tools). */
  public static final MonitorLimits QUIET = new MonitorLimits(0, 0, 0.99, 250, 60_000_000L, 0);

  public MonitorLimits {
    if (maxGrossExposureMicros < 0 || varLimitMicros < 0 || snapshotEveryUs < 0) {
      throw new IllegalArgumentException("limits and the snapshot interval must be 0 (off) or positive");
    }
    if (!(varConfidence > 0.5 && varConfidence < 1)) {
      throw new IllegalArgumentException("varConfidence must be in (0.5, 1), got " + varConfidence);
    }
    if (varWindow < 2 || varHorizonUs <= 0) {
      throw new IllegalArgumentException("varWindow must be at least 2 and varHorizon positive");
    }
  }
}
