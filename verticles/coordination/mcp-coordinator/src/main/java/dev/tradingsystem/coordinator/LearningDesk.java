package dev.tradingsystem.coordinator;

import dev.tradingsystem.coordinator.consensus.AgentAnswer;
import dev.tradingsystem.coordinator.consensus.ConsensusBuilder.Decision;
import dev.tradingsystem.coordinator.consensus.Contribution;
import dev.tradingsystem.coordinator.consensus.EdgeFusion;
import dev.tradingsystem.coordinator.consensus.SignalEstimate;
import dev.tradingsystem.coordinator.consensus.SignalScreen.Screened;
import dev.tradingsystem.coordinator.consensus.StaticWeights;
import dev.tradingsystem.coordinator.consensus.learning.AgentCall;
import dev.tradingsystem.coordinator.consensus.learning.DecisionCalls;
import dev.tradingsystem.coordinator.consensus.learning.FillReport;
import dev.tradingsystem.coordinator.consensus.learning.LearningParams;
import dev.tradingsystem.coordinator.consensus.learning.OutcomeLedger;
import dev.tradingsystem.coordinator.consensus.learning.ScoredCall;
import dev.tradingsystem.coordinator.consensus.learning.Standing;
import dev.tradingsystem.coordinator.consensus.learning.WeightBook;
import dev.tradingsystem.coordinator.state.CoordinatorState;
import dev.tradingsystem.coordinator.state.DecisionRecord;
import dev.tradingsystem.proto.Execution;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.shared.money.FixedPoint;
import dev.tradingsystem.shared.money.Instruments;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The coordinator's learning loop, on its context: remembers each decision (calls for the
 * ledger, the full record for the read model), links orders to decisions, queues fills, and at
 * each market event scores the calls that came due and updates the weights, gauges and stats.
 */
final class LearningDesk {

  private final WeightBook book;
  private final OutcomeLedger ledger;
  private final CoordinatorState state;
  private final CoordinatorStats stats;
  private final EdgeFusion fusion;
  private final LearningParams params;
  private final boolean enabled;
  private boolean dirty;
  private long lastEventTimeUs;

  LearningDesk(WeightBook book, CoordinatorState state, CoordinatorStats stats, EdgeFusion fusion,
               LearningParams params, boolean enabled) {
    this.book = book;
    this.ledger = new OutcomeLedger(params);
    this.state = state;
    this.stats = stats;
    this.fusion = fusion;
    this.params = params;
    this.enabled = enabled;
    publishWeights();
  }

  /** The weights a decision starting now uses. */
  StaticWeights weights() {
    return book.snapshot();
  }

  WeightBook book() {
    return book;
  }

  /** A usable market event: credits earlier fills and scores the calls due by now. */
  void onMarket(FeatureVector features) {
    lastEventTimeUs = Math.max(lastEventTimeUs, features.getMeta().getEventTimeUs());
    if (!enabled) {
      return;
    }
    List<ScoredCall> scored = ledger.onMarket(features.getInstrument().getSymbol(), features.getMeta().getSeq(),
        features.getMeta().getEventTimeUs(), features.getPrice());
    for (ScoredCall call : scored) {
      book.observe(call.agent(), call.outcome());
      state.scored(call);
    }
    stats.scored(scored);
    stats.ledger(ledger.counts());
    if (!scored.isEmpty()) {
      dirty = true;
      publishWeights();
    }
  }

  /** Remembers a published decision and what the shadow agents said beside it. */
  void decided(FeatureVector features, Decision decision, Screened shadow, StaticWeights weights) {
    List<AgentCall> calls = new ArrayList<>();
    List<Contribution> shadowContributions = new ArrayList<>();
    List<Contribution> panel = decision.fused().contributions();
    for (int i = 0; i < panel.size(); i++) {
      // Contributions and the consensus's signals are both in answer order.
      call(panel.get(i), decision.consensus().getSignals(i).getHorizonSec()).ifPresent(calls::add);
    }
    for (AgentAnswer answer : shadow.answers()) {
      SignalEstimate estimate = fusion.estimate(answer);
      Contribution contribution = new Contribution(answer.shortName(), estimate, weights.weight(answer.shortName()), 0);
      shadowContributions.add(contribution);
      call(contribution, answer.signal().getHorizonSec()).ifPresent(calls::add);
      state.shadowSignal(features.getInstrument().getSymbol(), answer.shortName(), answer.signal());
    }
    String traceId = features.getMeta().getTraceId();
    if (enabled && !traceId.isEmpty()) {
      ledger.decided(new DecisionCalls(traceId, features.getInstrument().getSymbol(), calls));
    }
    state.decided(new DecisionRecord(traceId, features.getMeta().getSeq(), features.getMeta().getEventTimeUs(),
        features.getInstrument().getSymbol(), decision.consensus(), decision.fused().contributions(),
        shadowContributions, decision.missing(), shadow.missing(), weights.asMap(), List.of(), List.of(), List.of()));
  }

  /** An order update: the first sight of an accepted order links it to its decision. */
  void onOrder(Order order) {
    if (order.getStatus() == OrderStatus.ACCEPTED && !order.getMeta().getTraceId().isEmpty()
        && !order.getOrderId().isEmpty()) {
      ledger.orderPlaced(order.getOrderId(), order.getMeta().getTraceId());
      state.orderPlaced(order.getOrderId(), order.getMeta().getTraceId());
    }
  }

  /** A fill; answers the reason when it is refused. */
  Optional<String> onExecution(Execution execution) {
    if (execution.getOrderId().isEmpty()) {
      return Optional.of("missing-order-id");
    }
    if (!execution.hasInstrument() || !Instruments.isValidSymbol(execution.getInstrument().getSymbol())) {
      return Optional.of("unknown-symbol");
    }
    if (execution.getPrice() <= 0) {
      return Optional.of("non-positive-price");
    }
    state.filled(execution);
    if (enabled) {
      double price = FixedPoint.toDouble(execution.getPrice(), execution.getInstrument().getPriceScale());
      ledger.filled(new FillReport(execution.getOrderId(), execution.getInstrument().getSymbol(), price,
          execution.getMeta().getEventTimeUs(), execution.getMeta().getSeq()));
    }
    return Optional.empty();
  }

  /**
   * An operator's base weight for an agent (short name), used from the next decision on and
   * saved with the learned weights.
   *
   * @throws IllegalArgumentException for an agent not configured or a weight not finite and >= 0
   */
  Standing overrideBase(String agent, double weight) {
    Standing standing = book.overrideBase(agent, weight);
    dirty = true;
    publishWeights();
    return standing;
  }

  /** True once after the weights changed: the caller saves them. */
  boolean takeDirty() {
    boolean was = dirty;
    dirty = false;
    return was;
  }

  long lastEventTimeUs() {
    return lastEventTimeUs;
  }

  /** Pushes the current weights to the read model, gauges and stats. */
  void publishWeights() {
    state.weights(book.standings());
    stats.agents(state.agents());
  }

  private Optional<AgentCall> call(Contribution contribution, int horizonSec) {
    int sign = contribution.estimate().sign();
    if (sign == 0) {
      return Optional.empty();
    }
    long horizonMs = horizonSec > 0 ? horizonSec * 1_000L : params.defaultHorizonMs();
    return Optional.of(new AgentCall(contribution.agent(), sign, horizonMs));
  }
}
