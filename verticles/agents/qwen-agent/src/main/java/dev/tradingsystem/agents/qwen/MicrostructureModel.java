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
import java.util.Optional;

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
 *   <li>Arbitrage ({@value #W_ARB}, when a {@link DislocationScanner} is given): the largest
 *       dislocation after fees that trades the analysed symbol on the analysed venue, as of the
 *       request's event time, squashed as {@code tanh(edge / arbEdgeScaleBps)}. Cheap here
 *       against another venue (or against the cross rate of a triangle) leans LONG, dear here
 *       leans SHORT: arbitrageurs close an executable gap by buying where it is cheap and
 *       selling where it is dear. It joins the consistency weights only when present, and shows
 *       in the rationale with its legs and edge in bps.</li>
 * </ul>
 */
public final class MicrostructureModel implements AgentModel {

  public static final String MODEL_ID = "qwen-builtin-microstructure-v1";

  static final double W_FLOW = 0.6;
  static final double W_BOOK = 0.25;
  static final double W_MICRO = 0.15;
  /**
   * An executable edge is evidence of its own, not a refinement of the book: alone at full
   * strength it reaches {@value} (above the default entry threshold), so a clear dislocation can
   * move the agent even on a quiet tape.
   */
  static final double W_ARB = 0.5;
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
  private final DislocationScanner arbitrage;

  /** The model without arbitrage evidence (a single-venue feed). */
  public MicrostructureModel(MicrostructureConfig config) {
    this(config, null);
  }

  /** @param arbitrage scans the quotes of all venues; null for no arbitrage evidence */
  public MicrostructureModel(MicrostructureConfig config, DislocationScanner arbitrage) {
    this.config = config;
    this.alpha = 2.0 / (config.baselineTicks() + 1);
    this.arbitrage = arbitrage;
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
    Optional<Dislocation> dislocation = dislocation(request);
    double arb = dislocation.map(d -> d.lean(venue(f), f.getInstrument().getSymbol())
        * Math.tanh(d.edgeBps() / config.arbEdgeScaleBps())).orElse(0.0);
    double evidence = W_FLOW * flow + W_BOOK * book + W_MICRO * micro + W_ARB * arb;

    // Compare with the baselines before this tick updates them: a jump must show as a jump.
    double activity = activity(f.getTradeRate(), base.tradeRate);
    SpreadRegime regime = spreadRegime(f.getSpreadBps(), base.spreadBps);
    update(base, f);

    double intensity = 0.5 + 0.5 * activity;
    double score = evidence * intensity;
    double consistency = consistency(score, hasBook, flow, book, micro, dislocation.isPresent(), arb);
    double confidence = consistency * intensity
        * (regime == SpreadRegime.WIDE ? WIDE_SPREAD_CONFIDENCE_FACTOR : 1.0);

    Direction direction = Math.abs(score) >= config.entryThreshold()
        ? (score > 0 ? Direction.LONG : Direction.SHORT) : Direction.FLAT;
    String rationale = String.format(Locale.ROOT,
        "flow=%.3f book=%s drift=%.2fbps spread=%.2fbps(%s) activity=%.2f score=%.3f threshold=%.2f",
        flow, hasBook ? String.format(Locale.ROOT, "%.3f", book) : "none", driftBps, f.getSpreadBps(),
        regime.name().toLowerCase(Locale.ROOT), activity, score, config.entryThreshold())
        + dislocation.map(d -> String.format(Locale.ROOT, " arb=[%s] edge=%.2fbps", d.describe(), d.edgeBps()))
            .orElse("");
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

  /**
   * Weighted share of the evidence pointing the score's way, in [0, 1]. Trade flow alone (no
   * book, no dislocation) is one source, capped at {@value #FLOW_ONLY_CONFIDENCE}.
   */
  private static double consistency(double score, boolean hasBook, double flow, double book, double micro,
      boolean hasArb, double arb) {
    if (!hasBook && !hasArb) {
      return FLOW_ONLY_CONFIDENCE;
    }
    double sign = Math.signum(score);
    double agreeing = W_FLOW * Math.max(0, sign * Math.signum(flow));
    double total = W_FLOW;
    if (hasBook) {
      agreeing += W_BOOK * Math.max(0, sign * Math.signum(book)) + W_MICRO * Math.max(0, sign * Math.signum(micro));
      total += W_BOOK + W_MICRO;
    }
    if (hasArb) {
      agreeing += W_ARB * Math.max(0, sign * Math.signum(arb));
      total += W_ARB;
    }
    return agreeing / total;
  }

  private Optional<Dislocation> dislocation(AnalyzeRequest request) {
    if (arbitrage == null) {
      return Optional.empty();
    }
    FeatureVector f = request.getFeatures();
    // The later of the two stamps: the request may be derived from the features or carry its own.
    long asOfUs = Math.max(request.getMeta().getEventTimeUs(), f.getMeta().getEventTimeUs());
    return arbitrage.best(venue(f), f.getInstrument().getSymbol(), asOfUs);
  }

  /** The venue the features describe: their own field, else the instrument's. */
  static String venue(FeatureVector f) {
    return VenueQuote.venueName(f.getVenue().isBlank() ? f.getInstrument().getVenue() : f.getVenue());
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
