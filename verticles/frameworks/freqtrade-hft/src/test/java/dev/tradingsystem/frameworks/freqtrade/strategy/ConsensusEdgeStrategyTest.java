package dev.tradingsystem.frameworks.freqtrade.strategy;

import static dev.tradingsystem.frameworks.freqtrade.Fixtures.T0_US;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.frameworks.freqtrade.Fixtures;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Defaults: min score 0.2, min edge 10 bps, min z 0.5, full stake at z 2, at least a quarter stake. */
class ConsensusEdgeStrategyTest {

  private final ConsensusEdgeStrategy strategy = new ConsensusEdgeStrategy(ConsensusEdgeStrategy.PARAMETERS.defaults());

  private static StrategyInput row(double score, double edge, double variance, boolean quorum) {
    return StrategyInput.of(Fixtures.edge(1, T0_US, 1000, score, edge, variance, quorum));
  }

  @ParameterizedTest(name = "score {0}, edge {1} bps, variance {2}, quorum {3} -> {4}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      score | edge bps | variance | quorum | entry
      0.6   | 25       | 100      | true   | LONG
      0.6   | 25       | 100      | false  | NONE
      0.6   | 9        | 100      | true   | NONE
      0.6   | 10       | 100      | true   | LONG
      0.1   | 25       | 100      | true   | NONE
      0.6   | -25      | 100      | true   | NONE
      0.6   | 25       | 10000    | true   | NONE
      0.6   | 25       | NaN      | true   | NONE
      -0.5  | -30      | 400      | true   | SHORT
      """)
  void entryOnAPredictedEdgeThatPaysAndIsCertainEnough(double score, double edge, double variance, boolean quorum,
      String entry) {
    EntrySignal signal = strategy.populateEntry(row(score, edge, variance, quorum));

    assertThat(signal.isEntry() ? signal.side().name() : "NONE").isEqualTo(entry);
  }

  @ParameterizedTest(name = "edge {0} bps ± √{1} -> stake {2} of 1000")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      edge bps | variance | stake
      40       | 100      | 1000
      20       | 100      | 1000
      10       | 100      | 500
      5        | 100      | 250
      1        | 100      | 250
      20       | NaN      | 250
      """)
  void stakeGrowsWithTheForecastsCertainty(double edge, double variance, String stake) {
    StakeRequest request = new StakeRequest(row(0.6, edge, variance, true), TradeSide.LONG, "edge_long",
        new BigDecimal("1000"), BigDecimal.ONE, new BigDecimal("5000"));

    assertThat(strategy.customStakeAmount(request)).isEqualByComparingTo(stake);
  }

  @ParameterizedTest(name = "{0} trade, edge {1} bps, profit {2} -> exit signal {3}, custom exit {4}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      trade | edge bps | profit | exit signal | custom exit
      LONG  | 20       | 0.004  | false       | none
      LONG  | -1       | 0.004  | true        | edge_gone
      LONG  | 0        | 0.004  | false       | edge_gone
      LONG  | 0        | -0.004 | false       | none
      SHORT | 5        | 0.002  | true        | edge_gone
      """)
  void leavesWhenTheEdgeTurns(TradeSide side, double edge, String profit, boolean exit, String custom) {
    StrategyInput input = row(0.3, edge, 100, true);
    OpenTrade trade = OpenTrade.of(side, 1, new BigDecimal("1000"), T0_US);

    assertThat(strategy.populateExit(input, trade).exit()).isEqualTo(exit);
    assertThat(strategy.customExit(new TradeContext(input, trade, new BigDecimal("1000"), new BigDecimal(profit), T0_US)))
        .isEqualTo(custom.equals("none") ? Optional.empty() : Optional.of(custom));
  }
}
