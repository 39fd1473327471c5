package dev.tradingsystem.agents.qwen;

import dev.tradingsystem.agents.runtime.AgentModel;
import dev.tradingsystem.agents.runtime.AgentOpinion;
import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.FeatureVector;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Short-horizon direction from market microstructure.
 * <ul>
 *   <li>Trade-flow imbalance (the features' EWMA of tick-rule signed volume) carries weight
 *       {@value #W_FLOW}: persistent aggressive buying predicts the next few ticks.</li>
 *   <li>With a book: top-of-book imbalance ({@value #W_BOOK}) and microprice drift from the mid
 *       ({@value #W_MICRO}, squashed in bps). Without a book both are 0, so a trade-only feed
 *       can score at most {@value #W_FLOW} and gets a lower confidence.</li>
 *   <li>Trade intensity against the symbol's own baseline: a quiet market's imbalance rests on
 *       few trades, so strength and confidence scale with {@code 0.5 + 0.5 * min(1, rate / baseline)}.</li>
 *   <li>Spread regime: a spread above {@code wideSpreadMultiple} times its baseline (or above
 *       {@code maxSpreadBps}) is {@link SpreadRegime#WIDE} and halves confidence.</li>
 * </ul>
 * Cross-venue and triangular arbitrage need books from several venues, which the data
 * collector does not deliver yet; they join this agent when it does.
 */
public final class MicrostructureModel implements AgentModel {

  public static final String MODEL_ID = "qwen-builtin-microstructure-v1";

  static final double W_FLOW = 0.6;
  static final double W_BOOK = 0.25;
  static final double W_MICRO = 0.15;
  /** Confidence ceiling of a single evidence source (trade flow only, no book). */
  static final double FLOW_ONLY_CONFIDENCE = 0.6;
  static final double WIDE_SPREAD_CONFIDENCE_FACTOR = 0.5;

  /** Per-symbol baselines, as EWMAs seeded by the first observation. */
  private static final class Baselines {
    double spreadBps = Double.NaN;
    double tradeRate = Double.NaN;
  }

  private final MicrostructureConfig config;
  private final double alpha;
  private final Map<String, Baselines> baselines = new HashMap<>();

  public MicrostructureModel(MicrostructureConfig config) {
    this.config = config;
    this.alpha = 2.0 / (config.baselineTicks() + 1);
  }

  @Override
  public String modelId() {
    return MODEL_ID;
  }

  @Override
  public AgentOpinion analyze(AnalyzeRequest request) {
    FeatureVector f = request.getFeatures();
    Baselines base = baselines.computeIfAbsent(f.getInstrument().getSymbol(), s -> new Baselines());

    double flow = clampSigned(f.getTradeFlowImbalance());
    boolean hasBook = f.getMicroprice() > 0 && f.getMid() > 0
        && (f.getBookImbalance() != 0 || f.getMicroprice() != f.getMid());
    double book = hasBook ? clampSigned(f.getBookImbalance()) : 0;
    double driftBps = hasBook ? (f.getMicroprice() - f.getMid()) / f.getMid() * 10_000 : 0;
    double micro = Math.tanh(driftBps / config.driftScaleBps());
    double evidence = W_FLOW * flow + W_BOOK * book + W_MICRO * micro;

    // Compare with the baselines before this tick updates them: a jump must show as a jump.
    double activity = activity(f.getTradeRate(), base.tradeRate);
    SpreadRegime regime = spreadRegime(f.getSpreadBps(), base.spreadBps);
    update(base, f);

    double intensity = 0.5 + 0.5 * activity;
    double score = evidence * intensity;
    double consistency = hasBook ? consistency(score, flow, book, micro) : FLOW_ONLY_CONFIDENCE;
    double confidence = consistency * intensity
        * (regime == SpreadRegime.WIDE ? WIDE_SPREAD_CONFIDENCE_FACTOR : 1.0);

    Direction direction = Math.abs(score) >= config.entryThreshold()
        ? (score > 0 ? Direction.LONG : Direction.SHORT) : Direction.FLAT;
    String rationale = String.format(Locale.ROOT,
        "flow=%.3f book=%s drift=%.2fbps spread=%.2fbps(%s) activity=%.2f score=%.3f threshold=%.2f",
        flow, hasBook ? String.format(Locale.ROOT, "%.3f", book) : "none", driftBps, f.getSpreadBps(),
        regime.name().toLowerCase(Locale.ROOT), activity, score, config.entryThreshold());
    if (direction == Direction.FLAT) {
      return AgentOpinion.flat(AgentOpinion.unit(confidence * (1 - Math.abs(score) / config.entryThreshold())),
          config.horizonSec(), rationale);
    }
    return new AgentOpinion(direction, AgentOpinion.unit(Math.abs(score)), AgentOpinion.unit(confidence),
        config.horizonSec(), List.of(), rationale);
  }

  /** Trade intensity against its baseline, capped at 1: busy markets count fully, quiet ones less. */
  static double activity(double tradeRate, double baseline) {
    if (Double.isNaN(baseline) || baseline <= 0) {
      return 1;
    }
    return Math.max(0, Math.min(1, tradeRate / baseline));
  }

  SpreadRegime spreadRegime(double spreadBps, double baseline) {
    if (spreadBps > config.maxSpreadBps()) {
      return SpreadRegime.WIDE;
    }
    if (!Double.isNaN(baseline) && baseline > 0 && spreadBps > config.wideSpreadMultiple() * baseline) {
      return SpreadRegime.WIDE;
    }
    return SpreadRegime.NORMAL;
  }

  /** Weighted share of the evidence pointing the score's way, in [0, 1]. */
  private static double consistency(double score, double flow, double book, double micro) {
    double sign = Math.signum(score);
    double agreeing = W_FLOW * Math.max(0, sign * Math.signum(flow))
        + W_BOOK * Math.max(0, sign * Math.signum(book))
        + W_MICRO * Math.max(0, sign * Math.signum(micro));
    return agreeing / (W_FLOW + W_BOOK + W_MICRO);
  }

  private void update(Baselines base, FeatureVector f) {
    if (f.getSpreadBps() > 0) {
      base.spreadBps = Double.isNaN(base.spreadBps) ? f.getSpreadBps()
          : base.spreadBps + alpha * (f.getSpreadBps() - base.spreadBps);
    }
    if (f.getTradeRate() > 0) {
      base.tradeRate = Double.isNaN(base.tradeRate) ? f.getTradeRate()
          : base.tradeRate + alpha * (f.getTradeRate() - base.tradeRate);
    }
  }

  private static double clampSigned(double value) {
    return Math.max(-1, Math.min(1, value));
  }
}
