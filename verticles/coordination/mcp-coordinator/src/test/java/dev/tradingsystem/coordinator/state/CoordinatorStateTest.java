package dev.tradingsystem.coordinator.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tradingsystem.coordinator.consensus.Contribution;
import dev.tradingsystem.coordinator.consensus.PanelRoster;
import dev.tradingsystem.coordinator.consensus.SignalEstimate;
import dev.tradingsystem.coordinator.consensus.learning.LearningParams;
import dev.tradingsystem.coordinator.consensus.learning.Outcome;
import dev.tradingsystem.coordinator.consensus.learning.ScoredCall;
import dev.tradingsystem.coordinator.consensus.learning.WeightBook;
import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.Direction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoordinatorStateTest {

  private final PanelRoster roster = new PanelRoster(List.of("deepseek-agent"), List.of("fingpt-agent"));

  private static DecisionRecord record(long seq) {
    AgentSignal signal = AgentSignal.newBuilder().setAgent("deepseek").setDirection(Direction.LONG).build();
    Contribution contribution = new Contribution("deepseek",
        new SignalEstimate(10, 100, SignalEstimate.Source.DIRECTIONAL), 1, 1);
    return new DecisionRecord("t-" + seq, seq, seq * 1_000_000, "BTC/USD",
        Consensus.newBuilder().setSymbol("BTC/USD").setDirection(Direction.LONG).addSignals(signal).build(),
        List.of(contribution), List.of(), List.of(), List.of(), Map.of("deepseek", 1.0), List.of(), List.of(),
        List.of());
  }

  @Test
  void explainsADecisionByTraceOrByOrderWithItsOutcomes() {
    CoordinatorState state = new CoordinatorState(roster, 2);
    state.decided(record(1));
    state.orderPlaced("o-1", "t-1");
    state.scored(new ScoredCall("t-1", "deepseek", 1, Outcome.HIT, 12.5, "o-1", 61_000_000));
    state.shadowSignal("BTC/USD", "fingpt", AgentSignal.newBuilder().setAgent("fingpt").build());

    DecisionRecord byOrder = state.explain("o-1").orElseThrow();

    assertThat(state.explain("t-1")).contains(byOrder);
    assertThat(byOrder.orderIds()).containsExactly("o-1");
    assertThat(byOrder.outcomes()).extracting(ScoredCall::outcome).containsExactly(Outcome.HIT);
    assertThat(state.latestConsensus("BTC/USD")).isPresent();
    assertThat(state.symbols()).containsExactly("BTC/USD");
    assertThat(state.latestSignals("BTC/USD")).extracting(LatestSignal::agent, LatestSignal::shadow)
        .containsExactly(tuple("deepseek", false), tuple("fingpt", true));
  }

  @Test
  void keepsABoundedNumberOfDecisions() {
    CoordinatorState state = new CoordinatorState(roster, 2);
    state.decided(record(1));
    state.decided(record(2));
    state.decided(record(3));

    assertThat(state.explain("t-1")).isEmpty();
    assertThat(state.explain("t-3")).isPresent();
  }

  @Test
  void agentsShowTheirRoleAndWeightAndShadowsArePromotedByEitherName() {
    CoordinatorState state = new CoordinatorState(roster, 10);
    Map<String, Double> base = new LinkedHashMap<>();
    base.put("deepseek", 1.0);
    base.put("fingpt", 0.5);
    state.weights(new WeightBook(base, 1.0, new LearningParams(4, 50, 0.1, 2, 1, 60_000, 10)).standings());

    assertThat(state.agents()).extracting(AgentView::service, AgentView::shadow, v -> v.standing().weight())
        .containsExactly(tuple("deepseek-agent", false, 1.0),
            tuple("fingpt-agent", true, 0.5));
    assertThat(state.promote("fingpt")).isTrue();
    assertThat(state.agents()).extracting(AgentView::shadow).containsExactly(false, false);
    assertThat(state.members().panel()).containsExactly("deepseek-agent", "fingpt-agent");
    assertThatThrownBy(() -> state.promote("nobody")).isInstanceOf(IllegalArgumentException.class);
  }
}
