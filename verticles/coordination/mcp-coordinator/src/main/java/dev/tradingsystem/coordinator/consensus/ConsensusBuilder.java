package dev.tradingsystem.coordinator.consensus;

import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.shared.msg.Metas;
import java.util.List;

/**
 * Turns a panel's fresh answers for one feature vector into one {@link Consensus}.
 * <ul>
 *   <li>edge, variance, score and confidence come from {@link EdgeFusion} with the agent
 *       weights of the moment (configured base times learned factor);</li>
 *   <li>direction LONG when score >= minScore, SHORT when score <= -minScore, else FLAT, and
 *       FLAT whenever the quorum is not met;</li>
 *   <li>degraded when a panel agent is missing (failed, late, unavailable or stale) or any
 *       answer is degraded; an agent an operator paused is missing too, with reason
 *       {@code paused}, but does not make the consensus degraded: nothing failed;</li>
 *   <li>missing_agents names the missing panel agents and {@code missing} says why, in the same
 *       order; {@code signal_weights} holds the weight each signal was fused with.</li>
 * </ul>
 * Answers and missing agents keep the order they are given in (the configured agent order), so
 * the same inputs always give the same message.
 */
public final class ConsensusBuilder {

  private final EdgeFusion fusion;
  private final QuorumRule quorum;
  private final double minScore;

  /**
   * @param minScore     smallest |score| for a directional call, in [0, 1]
   * @param edgeScaleBps edge a full-strength directional call stands for (> 0)
   */
  public ConsensusBuilder(QuorumRule quorum, double minScore, double edgeScaleBps) {
    if (!(minScore >= 0 && minScore <= 1)) {
      throw new IllegalArgumentException("minScore must be in [0, 1], got " + minScore);
    }
    this.fusion = new EdgeFusion(edgeScaleBps);
    this.quorum = quorum;
    this.minScore = minScore;
  }

  /** The fusion this builder uses (to read shadow agents' answers the same way). */
  public EdgeFusion fusion() {
    return fusion;
  }

  /** One decision: the consensus to publish and the fusion behind it. */
  public record Decision(Consensus consensus, FusedEdge fused, List<MissingAgent> missing) {
  }

  /**
   * The decision on {@code features} from the panel's fresh answers; {@code missing} lists the
   * panel agents without one, {@code weights} are the agent weights at the decision's start.
   */
  public Decision decide(FeatureVector features, List<AgentAnswer> answers, List<MissingAgent> missing,
                         AgentWeights weights) {
    FusedEdge fused = fusion.fuse(answers, weights);
    boolean degraded = missing.stream().anyMatch(m -> m.reason() != MissingReason.PAUSED)
        || answers.stream().anyMatch(a -> a.signal().getDegraded());
    boolean quorumMet = quorum.met(answers, answers.size() + missing.size());
    double score = fused.score();
    Direction direction = !quorumMet ? Direction.FLAT
        : score >= minScore && score > 0 ? Direction.LONG
        : score <= -minScore && score < 0 ? Direction.SHORT
        : Direction.FLAT;
    Consensus.Builder consensus = start(features)
        .setDirection(direction)
        .setScore(score)
        .setConfidence(fused.confidence())
        .setExpectedEdgeBps(fused.edgeBps())
        .setEdgeVariance(fused.varianceBps2())
        .setDegraded(degraded)
        .setQuorum(quorumMet);
    for (MissingAgent m : missing) {
      consensus.addMissingAgents(m.agent()).addMissing(dev.tradingsystem.proto.MissingAgent.newBuilder()
          .setAgent(m.agent()).setReason(m.reason().label()).setDetail(m.detail()));
    }
    answers.forEach(a -> consensus.addSignals(a.signal()));
    fused.contributions().forEach(c -> consensus.addSignalWeights(c.weight()));
    return new Decision(consensus.build(), fused, List.copyOf(missing));
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
}
