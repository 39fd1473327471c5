package dev.tradingsystem.agents.deepseek;

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
 * High-frequency momentum from tick features.
 * <ol>
 *   <li>Each horizon's log return is turned into a z-score by the per-tick volatility:
 *       {@code z = r / (vol * sqrt(ticks))}, and squashed with {@code tanh(z / 2)} so a 2-sigma
 *       move counts 0.76 and outliers cannot dominate. Weights 0.5 / 0.3 / 0.2 favour the
 *       short horizon: this agent trades minutes, not days.</li>
 *   <li>The EMA crossover adds 25%: {@code ln(emaFast / emaSlow)} scaled like a
 *       {@value #CROSS_LAG_TICKS}-tick return (the 12- and 26-tick EMAs' centres of mass are
 *       7 ticks apart).</li>
 *   <li>Regime: when all horizons agree it is a {@link MarketRegime#TREND} and the score stands;
 *       otherwise {@link MarketRegime#MEAN_REVERSION} and the score is multiplied by the
 *       (weighted) agreement of the horizons' signs.</li>
 *   <li>Breakout: a trend whose price closes beyond the Bollinger band on its side (above the
 *       upper band going up, below the lower going down) is a {@link MarketRegime#BREAKOUT}.</li>
 *   <li>RSI extremes damp a score that would chase them: a LONG linearly to zero between
 *       {@code rsiOverbought} and 100, a SHORT between {@code rsiOversold} and 0. Not in a
 *       breakout: leaving the range is what drives RSI to its extreme, and fading that is the
 *       mean-reversion trade this agent leaves to others.</li>
 * </ol>
 * Per symbol the model remembers an EWMA of the score's sign: a call that persists earns
 * confidence, a flip-flopping one does not.
 */
public final class MomentumModel implements AgentModel {

  public static final String MODEL_ID = "deepseek-builtin-momentum-v2";

  static final double W_SHORT = 0.5;
  static final double W_MEDIUM = 0.3;
  static final double W_LONG = 0.2;
  static final double W_CROSSOVER = 0.25;
  static final double Z_SCALE = 2.0;
  static final int CROSS_LAG_TICKS = 7;
  /** Weight of the newest sign in the persistence EWMA: about the last 10 calls matter. */
  static final double PERSISTENCE_ALPHA = 0.2;

  private final MomentumConfig config;
  private final Map<String, Double> persistence = new HashMap<>();

  public MomentumModel(MomentumConfig config) {
    this.config = config;
  }

  @Override
  public String modelId() {
    return MODEL_ID;
  }

  @Override
  public AgentOpinion analyze(AnalyzeRequest request) {
    FeatureVector f = request.getFeatures();
    String symbol = f.getInstrument().getSymbol();
    if (!(f.getVolatility() > 0)) {
      return AgentOpinion.flat(0, config.horizonSec(), "no volatility estimate yet: momentum cannot be scaled");
    }
    double zShort = zScore(f.getReturnShort(), f.getVolatility(), config.returnShortTicks());
    double zMedium = zScore(f.getReturnMedium(), f.getVolatility(), config.returnMediumTicks());
    double zLong = zScore(f.getReturnLong(), f.getVolatility(), config.returnLongTicks());
    double momentum = W_SHORT * squash(zShort) + W_MEDIUM * squash(zMedium) + W_LONG * squash(zLong);
    double crossZ = f.getEmaFast() > 0 && f.getEmaSlow() > 0
        ? zScore(Math.log(f.getEmaFast() / f.getEmaSlow()), f.getVolatility(), CROSS_LAG_TICKS) : 0;
    double raw = (1 - W_CROSSOVER) * momentum + W_CROSSOVER * squash(crossZ);

    double agreement = Math.abs(W_SHORT * Math.signum(zShort) + W_MEDIUM * Math.signum(zMedium)
        + W_LONG * Math.signum(zLong));
    boolean aligned = zShort != 0 && Math.signum(zShort) == Math.signum(zMedium)
        && Math.signum(zMedium) == Math.signum(zLong);
    MarketRegime regime = !aligned ? MarketRegime.MEAN_REVERSION
        : breaksOut(f, Math.signum(zShort)) ? MarketRegime.BREAKOUT : MarketRegime.TREND;
    double score = regime == MarketRegime.MEAN_REVERSION ? raw * agreement : raw;
    double damping = regime == MarketRegime.BREAKOUT ? 1 : rsiDamping(score, f.getRsi());
    score *= damping;

    double sign = Math.signum(score);
    double previous = persistence.getOrDefault(symbol, 0.0);
    double persisted = previous + PERSISTENCE_ALPHA * (sign - previous);
    persistence.put(symbol, persisted);

    Direction direction = Math.abs(score) >= config.entryThreshold()
        ? (score > 0 ? Direction.LONG : Direction.SHORT) : Direction.FLAT;
    String rationale = String.format(Locale.ROOT,
        "regime=%s z=[%.2f,%.2f,%.2f] cross=%.2f agreement=%.2f rsi=%.1f damping=%.2f score=%.3f threshold=%.2f",
        regime.name().toLowerCase(Locale.ROOT), zShort, zMedium, zLong, crossZ, agreement, f.getRsi(), damping,
        score, config.entryThreshold());
    if (direction == Direction.FLAT) {
      return AgentOpinion.flat(AgentOpinion.unit(1 - Math.abs(score) / config.entryThreshold()),
          config.horizonSec(), rationale);
    }
    double persistenceAligned = Math.max(0, sign * persisted);
    double confidence = 0.5 * agreement + 0.3 * persistenceAligned + 0.2 * Math.min(1, Math.abs(zLong) / Z_SCALE);
    return new AgentOpinion(direction, AgentOpinion.unit(Math.abs(score)), AgentOpinion.unit(confidence),
        config.horizonSec(), List.of(), rationale);
  }

  /** How much of a score survives the RSI: 1 away from extremes, 0 at RSI 100 (long) or 0 (short). */
  double rsiDamping(double score, double rsi) {
    if (score > 0 && rsi > config.rsiOverbought()) {
      return Math.max(0, (100 - rsi) / (100 - config.rsiOverbought()));
    }
    if (score < 0 && rsi < config.rsiOversold()) {
      return Math.max(0, rsi / config.rsiOversold());
    }
    return 1;
  }

  /** Whether the price has left a valid Bollinger band on the side the trend points to. */
  static boolean breaksOut(FeatureVector f, double trendSign) {
    double upper = f.getBollingerUpper();
    double lower = f.getBollingerLower();
    if (!(upper > lower && lower > 0)) {
      return false;
    }
    return trendSign > 0 ? f.getPrice() > upper : trendSign < 0 && f.getPrice() < lower;
  }

  private static double zScore(double logReturn, double perTickVolatility, int ticks) {
    return logReturn / (perTickVolatility * Math.sqrt(ticks));
  }

  private static double squash(double z) {
    return Math.tanh(z / Z_SCALE);
  }
}
