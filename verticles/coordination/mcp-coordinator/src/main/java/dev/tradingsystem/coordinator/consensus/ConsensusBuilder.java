package dev.tradingsystem.coordinator.consensus;

import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.shared.msg.Metas;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Fuses the agents' answers for one feature vector into one {@link Consensus}.
 *
 * <p>For each answering agent i with weight w (config, per short name), confidence c and
 * strength s (both clamped to [0, 1], non-finite read as 0) and direction d (+1 LONG, -1 SHORT,
 * 0 FLAT), its vote is {@code v = c * s * d}. Over the answering agents, W = sum of w:
 * <ul>
 *   <li>score = sum(w v) / W, in [-1, 1]; confidence = sum(w c) / W (both 0 when W = 0);</li>
 *   <li>with quantile forecasts (agents whose quantiles give a median m of the log return):
 *       expected edge = weighted mean of m, in bps; variance (bps squared) = weighted mean of
 *       each forecast's variance (from its quantile spread) plus the weighted variance of the
 *       medians around the edge;</li>
 *   <li>otherwise: edge = score * edgeScaleBps; variance = edgeScaleBps^2 times the weighted
 *       variance of the votes around the score (the agents' disagreement);</li>
 *   <li>direction LONG when score >= minScore, SHORT when score <= -minScore, else FLAT, and
 *       FLAT whenever the quorum is not met;</li>
 *   <li>degraded when an agent is missing or any answer is degraded.</li>
 * </ul>
 * Answers and missing agents keep the order they are given in (the configured agent order), so
 * the same inputs always give the same message.
 */
public final class ConsensusBuilder {

  private static final double BPS = 10_000;

  private final AgentWeights weights;
  private final QuorumRule quorum;
  private final double minScore;
  private final double edgeScaleBps;

  /**
   * @param minScore     smallest |score| for a directional call, in [0, 1]
   * @param edgeScaleBps expected edge of a unanimous full-conviction vote when no agent forecasts
   *                     quantiles
   */
  public ConsensusBuilder(AgentWeights weights, QuorumRule quorum, double minScore, double edgeScaleBps) {
    if (!(minScore >= 0 && minScore <= 1)) {
      throw new IllegalArgumentException("minScore must be in [0, 1], got " + minScore);
    }
    if (!(edgeScaleBps >= 0) || !Double.isFinite(edgeScaleBps)) {
      throw new IllegalArgumentException("edgeScaleBps must be a finite number >= 0, got " + edgeScaleBps);
    }
    this.weights = weights;
    this.quorum = quorum;
    this.minScore = minScore;
    this.edgeScaleBps = edgeScaleBps;
  }

  /** The consensus of the answers; {@code missing} names the agents that failed or timed out. */
  public Consensus build(FeatureVector features, List<AgentAnswer> answers, List<String> missing) {
    double totalWeight = 0;
    double weightedVote = 0;
    double weightedConfidence = 0;
    boolean degraded = !missing.isEmpty();
    for (AgentAnswer answer : answers) {
      AgentSignal signal = answer.signal();
      double w = weights.weight(answer.shortName());
      double confidence = unit(signal.getConfidence());
      totalWeight += w;
      weightedVote += w * vote(signal);
      weightedConfidence += w * confidence;
      degraded |= signal.getDegraded();
    }
    double score = totalWeight > 0 ? clamp(weightedVote / totalWeight) : 0;
    double confidence = totalWeight > 0 ? weightedConfidence / totalWeight : 0;
    Edge edge = forecastEdge(answers);
    if (edge == null) {
      edge = voteEdge(answers, score, totalWeight);
    }
    boolean quorumMet = quorum.met(answers, answers.size() + missing.size());
    Direction direction = !quorumMet ? Direction.FLAT
        : score >= minScore && score > 0 ? Direction.LONG
        : score <= -minScore && score < 0 ? Direction.SHORT
        : Direction.FLAT;
    Consensus.Builder consensus = start(features)
        .setDirection(direction)
        .setScore(score)
        .setConfidence(confidence)
        .setExpectedEdgeBps(edge.bps())
        .setEdgeVariance(edge.variance())
        .addAllMissingAgents(missing)
        .setDegraded(degraded)
        .setQuorum(quorumMet);
    answers.forEach(a -> consensus.addSignals(a.signal()));
    return consensus.build();
  }

  /** A FLAT, degraded consensus for features that could not be shown to the agents. */
  public Consensus unusable(FeatureVector features) {
    return start(features).setDirection(Direction.FLAT).setDegraded(true).setQuorum(false).build();
  }

  private static Consensus.Builder start(FeatureVector features) {
    Meta cause = features.getMeta();
    return Consensus.newBuilder()
        .setMeta(Metas.derive(cause, "cs-" + cause.getId()))
        .setSymbol(features.getInstrument().getSymbol())
        .setFeatures(features);
  }

  /** Edge and variance from the median and spread of the quantile forecasts; null without any. */
  private Edge forecastEdge(List<AgentAnswer> answers) {
    double total = 0;
    double sumMedian = 0;
    double sumVariance = 0;
    int forecasts = 0;
    double[] medians = new double[answers.size()];
    double[] weightsOf = new double[answers.size()];
    for (AgentAnswer answer : answers) {
      QuantileForecast forecast = new QuantileForecast(answer.signal().getQuantilesList());
      OptionalDouble median = forecast.median();
      double w = weights.weight(answer.shortName());
      if (median.isEmpty() || w <= 0) {
        continue;
      }
      double sigmaBps = forecast.sigma().orElse(0) * BPS;
      medians[forecasts] = median.getAsDouble() * BPS;
      weightsOf[forecasts] = w;
      forecasts++;
      total += w;
      sumMedian += w * median.getAsDouble() * BPS;
      sumVariance += w * sigmaBps * sigmaBps;
    }
    if (forecasts == 0) {
      return null;
    }
    double edge = sumMedian / total;
    double dispersion = 0;
    for (int i = 0; i < forecasts; i++) {
      dispersion += weightsOf[i] * (medians[i] - edge) * (medians[i] - edge);
    }
    return new Edge(edge, sumVariance / total + dispersion / total);
  }

  private Edge voteEdge(List<AgentAnswer> answers, double score, double totalWeight) {
    if (totalWeight <= 0) {
      return new Edge(0, 0);
    }
    double dispersion = 0;
    for (AgentAnswer answer : answers) {
      double deviation = vote(answer.signal()) - score;
      dispersion += weights.weight(answer.shortName()) * deviation * deviation;
    }
    return new Edge(score * edgeScaleBps, edgeScaleBps * edgeScaleBps * dispersion / totalWeight);
  }

  private static double vote(AgentSignal signal) {
    return unit(signal.getConfidence()) * unit(signal.getStrength()) * sign(signal.getDirection());
  }

  private static int sign(Direction direction) {
    return direction == Direction.LONG ? 1 : direction == Direction.SHORT ? -1 : 0;
  }

  private static double unit(double value) {
    return Double.isFinite(value) ? Math.max(0, Math.min(1, value)) : 0;
  }

  private static double clamp(double score) {
    return Math.max(-1, Math.min(1, score));
  }

  private record Edge(double bps, double variance) {
  }
}
