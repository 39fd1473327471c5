package dev.tradingsystem.app.backtest.lookahead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tradingsystem.app.backtest.lookahead.LookaheadCheck.RunOutcome;
import dev.tradingsystem.app.backtest.lookahead.LookaheadCheck.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The lookahead criterion on hand-built runs, as a trader would read them: first entry per pair
 * (seconds into the tape) and closed-trade profits in the normal run and one event late.
 */
class LookaheadCheckTest {

  private final LookaheadCheck check = new LookaheadCheck();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # case                                          | normal entry s | shifted entry s | normal profits      | n  | shifted profits     | n  | flagged | reason contains
      clean: same edge, entries one event later       | 100            | 101             | 5                   | 12 | 4.5                 | 12 | false   | ok
      clean: entries at the same second (1 s stamps)  | 100            | 100             | 5                   | 12 | 4.9                 | 12 | false   | ok
      clean: losing strategy loses more late          | 100            | 101             | -1                  | 12 | -3                  | 12 | false   | ok
      clean: too few trades to call it an edge        | 100            | 101             | 50                  | 3  | -50                 | 3  | false   | ok
      clean: drop within half of the profit           | 100            | 101             | 5                   | 12 | 3                   | 12 | false   | ok
      peeking: enters before its inputs could say so  | 100            | 95              | 5                   | 12 | 5                   | 12 | true    | earlier
      peeking: edge vanishes one event late           | 100            | 101             | 5                   | 12 | -0.5                | 12 | true    | profit fell from 60.00 to -6.00
      peeking: both                                   | 100            | 99              | 5                   | 12 | 0                   | 12 | true    | earlier with its inputs one event late; profit fell
      """)
  void judgesTheTwoRuns(String name, long normalEntry, long shiftedEntry, double normalProfit, int normalTrades,
      double shiftedProfit, int shiftedTrades, boolean flagged, String reason) {
    Verdict verdict = check.judge(outcome(normalEntry, steady(normalProfit, normalTrades)),
        outcome(shiftedEntry, steady(shiftedProfit, shiftedTrades)));

    assertThat(verdict.flagged()).as(name).isEqualTo(flagged);
    assertThat(verdict.reason()).as(name).contains(reason);
    assertThat(verdict.entryDelaysUs()).containsEntry("BTC/USD", (shiftedEntry - normalEntry) * 1_000_000);
  }

  @Test
  void aProfitThatIsNoEdgeIsNotFlaggedWhenItTurnsIntoALoss() {
    // +0.52 over 40 trades that swing ±10: noise around zero (t near 0), as the market maker's run showed.
    List<Double> noisy = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      noisy.add(i % 2 == 0 ? 10.0 : -10.0);
    }
    noisy.set(0, 10.52);
    RunOutcome normal = new RunOutcome(noisy, Map.of("BTC/USD", 1L));
    Verdict verdict = check.judge(normal, new RunOutcome(List.of(-2.68), Map.of("BTC/USD", 1L)));

    assertThat(normal.profitTStat()).isLessThan(LookaheadCheck.EDGE_T_STAT);
    assertThat(verdict.flagged()).isFalse();
  }

  @Test
  void aPairTradedInOnlyOneRunHasNoEntryToCompare() {
    Verdict verdict = check.judge(new RunOutcome(List.of(), Map.of("BTC/USD", 10L)),
        new RunOutcome(List.of(), Map.of("ETH/USD", 5L)));

    assertThat(verdict.flagged()).isFalse();
    assertThat(verdict.entryDelaysUs()).isEmpty();
  }

  @Test
  void theTStatIsTheMeanOverItsStandardError() {
    // mean 2, sample sd 1 over 4 trades: t = 2 / (1 / 2) = 4.
    assertThat(new RunOutcome(List.of(1.0, 3.0, 1.0, 3.0), Map.of()).profitTStat())
        .isCloseTo(2 / (Math.sqrt(4.0 / 3) / 2), within(1e-12));
    assertThat(new RunOutcome(List.of(1.0, 1.0), Map.of()).profitTStat()).isZero();
    assertThat(new RunOutcome(List.of(1.0), Map.of()).profitTStat()).isZero();
  }

  @Test
  void invalidThresholdsAreRejected() {
    assertThatThrownBy(() -> new LookaheadCheck(0, 0.5)).hasMessageContaining("minTrades");
    assertThatThrownBy(() -> new LookaheadCheck(10, 0)).hasMessageContaining("maxProfitDrop");
    assertThatThrownBy(() -> new LookaheadCheck(10, Double.NaN)).hasMessageContaining("maxProfitDrop");
  }

  /** {@code n} trades averaging {@code mean}, alternating ±10 % around it so the edge is clear but not constant. */
  private static List<Double> steady(double mean, int n) {
    List<Double> profits = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      profits.add(mean + (i % 2 == 0 ? 0.1 : -0.1) * Math.abs(mean));
    }
    return profits;
  }

  private static RunOutcome outcome(long entrySeconds, List<Double> profits) {
    return new RunOutcome(profits, Map.of("BTC/USD", entrySeconds * 1_000_000));
  }
}
