package dev.tradingsystem.coordinator.consensus.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Attribution of fills to decisions and the mark-out rule, on hand-computed prices. */
class OutcomeLedgerTest {

  private static final String BTC = "BTC/USD";
  private static final long T = 1_385_337_600_000_000L;
  private static final long SECOND = 1_000_000;

  private static OutcomeLedger ledger(int maxDecisions) {
    return new OutcomeLedger(new LearningParams(4, 50, 0.1, 2, 1.0, 60_000, maxDecisions));
  }

  @ParameterizedTest(name = "lean {0}, fill {1}, mark {2} -> {4}")
  @CsvSource(delimiter = '|', textBlock = """
      # lean | fill price | mark price | mark-out bps | outcome
      1      | 800.00     | 808.00     | 100          | HIT
      -1     | 800.00     | 808.00     | 100          | MISS
      1      | 800.00     | 792.00     | -100         | MISS
      -1     | 800.00     | 799.20     | -10          | HIT
      1      | 800.00     | 800.04     | 0.5          | NEUTRAL
      -1     | 800.00     | 800.00     | 0            | NEUTRAL
      """)
  void aCallIsJudgedByTheMoveFromItsFillToItsHorizon(int lean, double fillPrice, double markPrice, double markoutBps,
                                                      Outcome outcome) {
    OutcomeLedger ledger = ledger(10);
    ledger.decided(new DecisionCalls("t-1", BTC, List.of(new AgentCall("deepseek", lean, 60_000))));
    ledger.orderPlaced("o-a", "t-1");
    ledger.filled(new FillReport("o-a", BTC, fillPrice, T, 2));

    assertThat(ledger.onMarket(BTC, 2, T, fillPrice)).as("a fill waits for the next market event").isEmpty();
    assertThat(ledger.counts().queuedFills()).isEqualTo(1);
    assertThat(ledger.onMarket(BTC, 3, T + 59 * SECOND, markPrice)).as("released, not yet due").isEmpty();
    assertThat(ledger.counts().pendingMarkouts()).isEqualTo(1);
    List<ScoredCall> scored = ledger.onMarket(BTC, 4, T + 60 * SECOND, markPrice);

    assertThat(scored).hasSize(1);
    assertThat(scored.get(0).outcome()).isEqualTo(outcome);
    assertThat(scored.get(0).markoutBps()).isCloseTo(markoutBps, within(1e-6));
    assertThat(scored.get(0)).extracting(ScoredCall::traceId, ScoredCall::agent, ScoredCall::orderId, ScoredCall::markTimeUs)
        .containsExactly("t-1", "deepseek", "o-a", T + 60 * SECOND);
    assertThat(ledger.counts().attributedFills()).isEqualTo(1);
    assertThat(ledger.counts().pendingMarkouts()).isZero();
  }

  @Test
  void everyCallIsJudgedAtItsOwnHorizonOnItsOwnSymbol() {
    OutcomeLedger ledger = ledger(10);
    ledger.decided(new DecisionCalls("t-1", BTC, List.of(
        new AgentCall("deepseek", 1, 10_000), new AgentCall("qwen", -1, 60_000))));
    ledger.orderPlaced("o-a", "t-1");
    ledger.filled(new FillReport("o-a", BTC, 800, T, 2));
    ledger.onMarket(BTC, 3, T + SECOND, 800);

    assertThat(ledger.onMarket("ETH/USD", 4, T + 61 * SECOND, 30)).as("another symbol's price").isEmpty();
    assertThat(ledger.onMarket(BTC, 5, T + 10 * SECOND, 804)).extracting(ScoredCall::agent, ScoredCall::outcome)
        .containsExactly(tuple("deepseek", Outcome.HIT));
    assertThat(ledger.onMarket(BTC, 6, T + 61 * SECOND, 796)).extracting(ScoredCall::agent, ScoredCall::outcome)
        .containsExactly(tuple("qwen", Outcome.HIT));
  }

  @Test
  void aDecisionCountsOnceHoweverManyFillsItProduced() {
    OutcomeLedger ledger = ledger(10);
    ledger.decided(new DecisionCalls("t-1", BTC, List.of(new AgentCall("deepseek", 1, 1_000))));
    ledger.orderPlaced("o-buy", "t-1");
    ledger.orderPlaced("o-sell", "t-1");
    ledger.filled(new FillReport("o-buy", BTC, 800, T, 2));
    ledger.filled(new FillReport("o-sell", BTC, 801, T, 2));
    ledger.filled(new FillReport("o-buy", BTC, 800, T + SECOND, 3));

    ledger.onMarket(BTC, 3, T, 800);
    List<ScoredCall> scored = ledger.onMarket(BTC, 4, T + 2 * SECOND, 808);

    assertThat(scored).extracting(ScoredCall::orderId).containsExactly("o-buy");
    assertThat(ledger.counts().attributedFills()).isEqualTo(1);
    assertThat(ledger.counts().repeatFills()).isEqualTo(2);
  }

  @Test
  void fillsOfUnknownOrForgottenDecisionsAreUnattributed() {
    OutcomeLedger ledger = ledger(1);
    ledger.decided(new DecisionCalls("t-1", BTC, List.of(new AgentCall("deepseek", 1, 1_000))));
    ledger.orderPlaced("o-1", "t-1");
    ledger.decided(new DecisionCalls("t-2", BTC, List.of(new AgentCall("deepseek", 1, 1_000))));
    ledger.filled(new FillReport("o-1", BTC, 800, T, 2));
    ledger.filled(new FillReport("o-unknown", BTC, 800, T, 2));

    ledger.onMarket(BTC, 3, T, 800);

    assertThat(ledger.counts().unattributedFills()).isEqualTo(2);
    assertThat(ledger.counts().attributedFills()).isZero();
  }

  @Test
  void laterUpdatesOfAnOrderDoNotMoveItToAnotherDecision() {
    OutcomeLedger ledger = ledger(10);
    ledger.decided(new DecisionCalls("t-1", BTC, List.of(new AgentCall("deepseek", 1, 1_000))));
    ledger.orderPlaced("o-1", "t-1");
    ledger.orderPlaced("o-1", "t-7");
    ledger.filled(new FillReport("o-1", BTC, 800, T, 7));

    ledger.onMarket(BTC, 8, T, 800);

    assertThat(ledger.counts().attributedFills()).isEqualTo(1);
  }
}
