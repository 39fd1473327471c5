package dev.tradingsystem.agents.qwen;

import dev.tradingsystem.shared.config.ConfigReader;

/**
 * Parameters of the built-in microstructure model ({@code agents.qwen.*}).
 *
 * @param entryThreshold     |score| above which the agent leans LONG or SHORT. Without a book
 *                           the score is at most {@value MicrostructureModel#W_FLOW}, so a
 *                           threshold above that silences the agent on trade-only feeds. Tick-rule
 *                           flow is persistent: on the bundled Bitstamp trades 0.45 leaves about a
 *                           fifth of ticks directional, 0.3 over two fifths.
 * @param horizonSec         how long a microstructure signal holds; order-flow pressure decays
 *                           within seconds, so long horizons mostly collect noise.
 * @param baselineTicks      EWMA span, in ticks, of the per-symbol spread and trade-rate
 *                           baselines. Short spans adapt to a new session fast but call every
 *                           blip "normal"; long spans flag regime changes later.
 * @param wideSpreadMultiple the spread is WIDE above this multiple of its baseline: liquidity
 *                           has left and imbalances say less about the next trade.
 * @param maxSpreadBps       an absolute ceiling: above it the spread is WIDE whatever the baseline.
 * @param driftScaleBps      microprice-minus-mid drift (bps) that counts as strong evidence
 *                           ({@code tanh(drift / scale)} = 0.76 at one scale).
 * @param arbEdgeScaleBps    net arbitrage edge (bps after fees) that counts as strong evidence
 *                           ({@code tanh(edge / scale)}). With the default weight
 *                           {@value MicrostructureModel#W_ARB} and threshold, a dislocation alone
 *                           moves the agent from about 1.5 scales of edge; a small scale lets
 *                           one-tick gaps drive the signal, a large one mutes arbitrage.
 */
public record MicrostructureConfig(
    double entryThreshold,
    int horizonSec,
    int baselineTicks,
    double wideSpreadMultiple,
    double maxSpreadBps,
    double driftScaleBps,
    double arbEdgeScaleBps) {

  public static final double DEFAULT_ENTRY_THRESHOLD = 0.45;
  public static final int DEFAULT_HORIZON_SEC = 10;
  public static final int DEFAULT_BASELINE_TICKS = 500;
  public static final double DEFAULT_WIDE_SPREAD_MULTIPLE = 2.5;
  public static final double DEFAULT_MAX_SPREAD_BPS = 50;
  public static final double DEFAULT_DRIFT_SCALE_BPS = 1.0;
  public static final double DEFAULT_ARB_EDGE_SCALE_BPS = 5.0;

  private static final String PREFIX = "agents.qwen.";

  public static MicrostructureConfig defaults() {
    return new MicrostructureConfig(DEFAULT_ENTRY_THRESHOLD, DEFAULT_HORIZON_SEC, DEFAULT_BASELINE_TICKS,
        DEFAULT_WIDE_SPREAD_MULTIPLE, DEFAULT_MAX_SPREAD_BPS, DEFAULT_DRIFT_SCALE_BPS,
        DEFAULT_ARB_EDGE_SCALE_BPS);
  }

  public static MicrostructureConfig from(ConfigReader config) {
    return new MicrostructureConfig(
        config.decimal(PREFIX + "entryThreshold", DEFAULT_ENTRY_THRESHOLD, 0.01, 1.0),
        config.integer(PREFIX + "horizonSec", DEFAULT_HORIZON_SEC, 1, 3_600),
        config.integer(PREFIX + "baselineTicks", DEFAULT_BASELINE_TICKS, 2, 1_000_000),
        config.decimal(PREFIX + "wideSpreadMultiple", DEFAULT_WIDE_SPREAD_MULTIPLE, 1.0, 100.0),
        config.decimal(PREFIX + "maxSpreadBps", DEFAULT_MAX_SPREAD_BPS, 0.1, 10_000.0),
        config.decimal(PREFIX + "driftScaleBps", DEFAULT_DRIFT_SCALE_BPS, 0.01, 1_000.0),
        config.decimal(PREFIX + "arbEdgeScaleBps", DEFAULT_ARB_EDGE_SCALE_BPS, 0.01, 1_000.0));
  }
}
