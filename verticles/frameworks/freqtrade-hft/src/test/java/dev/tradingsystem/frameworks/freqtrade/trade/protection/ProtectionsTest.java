package dev.tradingsystem.frameworks.freqtrade.trade.protection;

import static dev.tradingsystem.frameworks.freqtrade.Fixtures.MINUTE_US;
import static dev.tradingsystem.frameworks.freqtrade.Fixtures.T0_US;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.frameworks.freqtrade.strategy.Timeframe;
import dev.tradingsystem.frameworks.freqtrade.strategy.TradeSide;
import dev.tradingsystem.frameworks.freqtrade.trade.ClosedTrade;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each protection's lock window on a 5-minute timeframe. Trades are "pair side exit profit @minute"
 * (minutes of event time); protections run at each close, in order, as the trade manager runs them.
 * A lock ends at the open of the candle after "last close + stop duration".
 */
class ProtectionsTest {

  private static final Timeframe FIVE_MINUTES = Timeframe.parse("5m");

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      case                                  | trade limit | only per pair | only per side | closed trades                                                                   | locks
      two stops on a pair                   | 2           | false         | false         | BTC/USD long stop_loss -0.02 @10; BTC/USD long stop_loss -0.02 @20              | BTC/USD until 55, * until 55
      two stops, only per pair              | 2           | true          | false         | BTC/USD long stop_loss -0.02 @10; BTC/USD long stop_loss -0.02 @20              | BTC/USD until 55
      one stop on each of two pairs         | 2           | false         | false         | BTC/USD long stop_loss -0.02 @10; ETH/USD long stop_loss -0.02 @20              | * until 55
      the first stop left the window        | 2           | false         | false         | BTC/USD long stop_loss -0.02 @0; BTC/USD long stop_loss -0.02 @61               | none
      a trailing stop in profit             | 2           | false         | false         | BTC/USD long trailing_stop_loss 0.001 @10; BTC/USD long stop_loss -0.02 @20     | none
      a trailing stop at a loss             | 2           | false         | false         | BTC/USD long trailing_stop_loss -0.01 @10; BTC/USD long stop_loss -0.02 @20     | BTC/USD until 55, * until 55
      ROI exits are not stops               | 2           | false         | false         | BTC/USD long roi -0.001 @10; BTC/USD long stop_loss -0.02 @20                   | none
      a long and a short stop, per side     | 2           | false         | true          | BTC/USD long stop_loss -0.02 @10; BTC/USD short stop_loss -0.02 @20             | none
      two long stops, per side              | 2           | false         | true          | BTC/USD long stop_loss -0.02 @10; BTC/USD long stop_loss -0.02 @22              | BTC/USD long until 55, * long until 55
      """)
  void stoplossGuard(String name, int limit, boolean onlyPerPair, boolean onlyPerSide, String trades, String locks) {
    // lookback 60 min, stop duration 30 min
    Protection guard = new StoplossGuard(new ProtectionWindow(60, 30), limit, onlyPerPair, onlyPerSide, BigDecimal.ZERO);

    assertThat(run(guard, trades)).isEqualTo(locks);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      case                               | closed trades                                                                  | locks
      6 % down from the +2 % peak         | BTC/USD long roi 0.02 @10; BTC/USD long stop_loss -0.03 @20; ETH/USD long stop_loss -0.03 @30 | * until 65
      exactly 5 % down is allowed        | BTC/USD long roi 0.02 @10; BTC/USD long stop_loss -0.03 @20; ETH/USD long stop_loss -0.02 @30 | none
      too few trades                     | BTC/USD long stop_loss -0.1 @10; BTC/USD long stop_loss -0.1 @20               | none
      a losing first trade counts        | BTC/USD long stop_loss -0.06 @10; BTC/USD long roi 0.01 @20; BTC/USD long roi 0.01 @30 | * until 65
      """)
  void maxDrawdown(String name, String trades, String locks) {
    // lookback 60 min, stop 30 min, trade_limit 3, max_allowed_drawdown 0.05
    Protection drawdown = new MaxDrawdown(new ProtectionWindow(60, 30), 3, new BigDecimal("0.05"));

    assertThat(run(drawdown, trades)).isEqualTo(locks);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      case                          | closed trades                                             | locks
      any close cools the pair down | BTC/USD long roi 0.01 @12                                 | BTC/USD until 25
      each pair on its own          | BTC/USD long roi 0.01 @12; ETH/USD short stop_loss -0.02 @31 | BTC/USD until 25, ETH/USD until 45
      a later close extends it      | BTC/USD long roi 0.01 @12; BTC/USD long roi 0.01 @16      | BTC/USD until 25, BTC/USD until 30
      """)
  void cooldownPeriod(String name, String trades, String locks) {
    // stop_duration_candles 2 on 5m: 10 minutes
    Protection cooldown = new CooldownPeriod(new ProtectionWindow(0, FIVE_MINUTES.minutesOf(2)));

    assertThat(run(cooldown, trades)).isEqualTo(locks);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      case                       | only per side | closed trades                                                      | locks
      net loss over two trades   | false         | BTC/USD long roi 0.01 @10; BTC/USD long stop_loss -0.02 @20        | BTC/USD until 85
      net profit over two trades | false         | BTC/USD long roi 0.02 @10; BTC/USD long stop_loss -0.01 @20        | none
      one trade is too few       | false         | BTC/USD long stop_loss -0.05 @10                                   | none
      other pairs do not count   | false         | BTC/USD long stop_loss -0.05 @10; ETH/USD long stop_loss -0.05 @20 | none
      only the losing side       | true          | BTC/USD short roi 0.01 @10; BTC/USD long stop_loss -0.02 @20       | BTC/USD long until 85
      """)
  void lowProfitPairs(String name, boolean onlyPerSide, String trades, String locks) {
    // lookback 60 min, stop 60 min, trade_limit 2, required_profit 0
    Protection lowProfit = new LowProfitPairs(new ProtectionWindow(60, 60), 2, BigDecimal.ZERO, onlyPerSide);

    assertThat(run(lowProfit, trades)).isEqualTo(locks);
  }

  @ParameterizedTest(name = "entry {1} {2} at minute {0} -> locked {3}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      minute | pair    | side  | locked
      20     | BTC/USD | LONG  | true
      54     | BTC/USD | LONG  | true
      54     | ETH/USD | SHORT | true
      55     | BTC/USD | LONG  | false
      55     | ETH/USD | LONG  | false
      """)
  void locksBlockEntriesOnEveryPairUntilTheirEnd(long minute, String pair, TradeSide side, boolean locked) {
    Protections protections = new Protections(
        List.of(new StoplossGuard(new ProtectionWindow(60, 30), 2, false, false, BigDecimal.ZERO)), FIVE_MINUTES);
    replay(protections, "BTC/USD long stop_loss -0.02 @10; BTC/USD long stop_loss -0.02 @20");

    assertThat(protections.isEntryLocked(pair, T0_US + minute * MINUTE_US, side)).isEqualTo(locked);
  }

  @Test
  void aLockAlreadyCoveringTheEndIsNotTakenTwice() {
    PairLocks locks = new PairLocks(FIVE_MINUTES);

    assertThat(locks.lock("BTC/USD", T0_US + 50 * MINUTE_US, "first", T0_US, null)).isNotNull();
    assertThat(locks.lock("BTC/USD", T0_US + 40 * MINUTE_US, "second", T0_US, null)).isNull();
    assertThat(locks.lock("BTC/USD", T0_US + 40 * MINUTE_US, "long only", T0_US, TradeSide.LONG)).isNull();
    assertThat(locks.active(T0_US + 54 * MINUTE_US)).hasSize(1);
    assertThat(locks.active(T0_US + 55 * MINUTE_US)).isEmpty();
  }

  private static String run(Protection protection, String trades) {
    Protections protections = new Protections(List.of(protection), FIVE_MINUTES);
    List<String> taken = replay(protections, trades);
    return taken.isEmpty() ? "none" : String.join(", ", taken);
  }

  private static List<String> replay(Protections protections, String trades) {
    List<ClosedTrade> history = new ArrayList<>();
    List<String> taken = new ArrayList<>();
    for (String text : trades.split(";")) {
      String[] f = text.trim().split("\\s+");
      long closedAt = T0_US + Long.parseLong(f[4].substring(1)) * MINUTE_US;
      ClosedTrade trade = new ClosedTrade(f[0], TradeSide.valueOf(f[1].toUpperCase(Locale.ROOT)), closedAt - MINUTE_US,
          closedAt, new BigDecimal(f[3]), 0, f[2]);
      history.add(trade);
      for (PairLock lock : protections.onTradeClosed(trade, closedAt, history)) {
        taken.add(lock.pair() + (lock.side() == null ? "" : " " + lock.side().label()) + " until "
            + (lock.untilMicros() - T0_US) / MINUTE_US);
      }
    }
    return taken;
  }
}
