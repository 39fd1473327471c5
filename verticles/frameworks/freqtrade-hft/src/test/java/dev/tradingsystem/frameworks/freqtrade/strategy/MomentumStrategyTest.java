package dev.tradingsystem.frameworks.freqtrade.strategy;

import static dev.tradingsystem.frameworks.freqtrade.Fixtures.T0_US;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.frameworks.freqtrade.Fixtures;
import dev.tradingsystem.proto.Direction;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Entry threshold 0.2, exit threshold 0.1. */
class MomentumStrategyTest {

  private final MomentumStrategy strategy = new MomentumStrategy(MomentumStrategy.PARAMETERS.defaults());

  @ParameterizedTest(name = "{0} score {1} quorum {2}, EMA fast {3} / slow {4} -> {5}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      consensus | score | quorum | ema fast | ema slow | entry
      LONG      | 0.80  | true   | 101      | 100      | LONG
      LONG      | 0.20  | true   | 101      | 100      | LONG
      LONG      | 0.19  | true   | 101      | 100      | NONE
      LONG      | 0.80  | false  | 101      | 100      | NONE
      LONG      | 0.80  | true   | 100      | 100      | NONE
      LONG      | 0.80  | true   | 99       | 100      | NONE
      LONG      | 0.80  | true   | 101      | 0        | NONE
      FLAT      | 0.80  | true   | 101      | 100      | NONE
      SHORT     | -0.50 | true   | 99       | 100      | SHORT
      SHORT     | -0.50 | true   | 101      | 100      | NONE
      SHORT     | -0.10 | true   | 99       | 100      | NONE
      SHORT     | -0.50 | false  | 99       | 100      | NONE
      """)
  void entryRule(Direction direction, double score, boolean quorum, double emaFast, double emaSlow, String entry) {
    StrategyInput input = StrategyInput.of(Fixtures.consensus(1, T0_US, direction, score, quorum,
        Fixtures.features(1, T0_US, 100, emaFast, emaSlow)));

    EntrySignal signal = strategy.populateEntry(input);

    assertThat(signal.isEntry() ? signal.side().name() : "NONE").isEqualTo(entry);
  }

  @ParameterizedTest(name = "{0} trade, consensus {1} score {2} quorum {3} -> exit {4}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      trade | consensus | score | quorum | exit
      LONG  | SHORT     | -0.10 | true   | true
      LONG  | SHORT     | -0.09 | true   | false
      LONG  | SHORT     | -0.90 | false  | false
      LONG  | LONG      | 0.90  | true   | false
      LONG  | FLAT      | 0.00  | true   | false
      SHORT | LONG      | 0.30  | true   | true
      SHORT | SHORT     | -0.30 | true   | false
      """)
  void exitOnOppositeConsensus(TradeSide trade, Direction direction, double score, boolean quorum, boolean exit) {
    StrategyInput input = StrategyInput.of(Fixtures.consensus(1, T0_US, direction, score, quorum,
        Fixtures.features(1, T0_US, 100, 100, 100)));

    ExitSignal signal = strategy.populateExit(input, OpenTrade.of(trade, 1, BigDecimal.TEN, T0_US));

    assertThat(signal.exit()).isEqualTo(exit);
  }

  @Test
  void declaresItsRoiTableAndStoploss() {
    assertThat(strategy.defaults().minimalRoi().rows().keySet()).containsExactly(0L, 30L, 60L);
    assertThat(strategy.defaults().stoploss()).isEqualByComparingTo("-0.02");
    assertThat(strategy.defaults().trailing().enabled()).isFalse();
  }
}
