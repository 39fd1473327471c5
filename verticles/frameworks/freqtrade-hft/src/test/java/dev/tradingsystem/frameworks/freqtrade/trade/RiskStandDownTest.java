package dev.tradingsystem.frameworks.freqtrade.trade;

import static dev.tradingsystem.frameworks.freqtrade.Fixtures.MINUTE_US;
import static dev.tradingsystem.frameworks.freqtrade.Fixtures.ONE_BTC;
import static dev.tradingsystem.frameworks.freqtrade.Fixtures.T0_US;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.frameworks.freqtrade.Fixtures;
import dev.tradingsystem.frameworks.freqtrade.ScriptedStrategy;
import dev.tradingsystem.frameworks.freqtrade.strategy.RoiTable;
import dev.tradingsystem.frameworks.freqtrade.strategy.StrategyInput;
import dev.tradingsystem.frameworks.freqtrade.strategy.Timeframe;
import dev.tradingsystem.frameworks.freqtrade.strategy.TrailingStop;
import dev.tradingsystem.frameworks.freqtrade.trade.protection.Protections;
import dev.tradingsystem.frameworks.runtime.RiskStance;
import dev.tradingsystem.frameworks.runtime.RiskWatch;
import dev.tradingsystem.proto.AlertSeverity;
import dev.tradingsystem.proto.IntentKind;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.RiskAlert;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.proto.TradingStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How the bot stands down under risk, as a trader reads it. A strategy that always wants to be
 * long (and, in a trade, to add 500 USD), stake 1000 USD of a 10 000 USD wallet, BTC at 1000 USD,
 * ROI 1 %. Each row sets the trading state ({@code risk.status}), an alert in force
 * ({@code risk.alerts}, on BTC/USD unless it names another symbol) and the consensus's
 * {@code size_haircut}.
 */
class RiskStandDownTest {

  private static final String ME = "freqtrade-hft.scripted";
  private static final String PAIR = "BTC/USD";

  private static TradeManager manager(String minStake) {
    StakeRules.Settings fixed = StakeRules.Settings.fixed(new BigDecimal("1000"), 3, new BigDecimal("10000"));
    StakeRules.Settings settings = new StakeRules.Settings(fixed.stakeAmount(), fixed.maxOpenTrades(),
        fixed.tradableBalanceRatio(), fixed.dryRunWallet(), new BigDecimal(minStake), null, false,
        fixed.lastStakeAmountMinRatio());
    return new TradeManager(ME, ScriptedStrategy.alwaysLong().adjusting(c -> Optional.of(new BigDecimal("500"))),
        new TradeManager.Settings(OrderType.MARKET, false, 10, true, -1),
        ExitSettings.of(RoiTable.parse(Map.of("0", 0.01)), new BigDecimal("-0.5"), TrailingStop.OFF),
        new StakeRules(settings), new Protections(List.of(), Timeframe.ONE_MINUTE));
  }

  /** The stance of BTC/USD at T0 for a row's state, alert ("-", "WARNING", "CRITICAL ETH/USD") and haircut. */
  static RiskStance stance(String state, String alert, double haircut) {
    RiskWatch watch = new RiskWatch(300_000_000L);
    watch.onStatus(TradingStatus.newBuilder().setState(TradingState.valueOf(state)).build());
    if (!alert.equals("-")) {
      String[] words = alert.split(" ");
      watch.onAlert(RiskAlert.newBuilder().setMeta(Meta.newBuilder().setEventTimeUs(T0_US))
          .setSeverity(AlertSeverity.valueOf(words[0])).setCode("TEST_ALERT")
          .setSymbol(words.length > 1 ? words[1] : PAIR).build());
    }
    return watch.stance(PAIR, T0_US, haircut);
  }

  private static List<OrderIntent> decide(TradeManager manager, PortfolioState state, double price, RiskStance stance) {
    manager.observe(state, T0_US);
    return manager.decide(StrategyInput.of(Fixtures.flat(1, T0_US, price)), state, T0_US, true, stance);
  }

  /** Quote currency of a BTC quantity at 1000 USD. */
  private static BigDecimal stakeOf(long quantity) {
    return BigDecimal.valueOf(quantity, 8).multiply(new BigDecimal("1000")).stripTrailingZeros();
  }

  @ParameterizedTest(name = "{0}, alert {1}, haircut {2}: entry {3}, stake {4}")
  @CsvSource(delimiter = '|', textBlock = """
      # state   | alert            | haircut | entry | stake USD
      ACTIVE    | -                | 0       | yes   | 1000
      ACTIVE    | WARNING          | 0       | yes   | 1000
      ACTIVE    | -                | 0.5     | yes   | 500
      ACTIVE    | WARNING          | 0.5     | yes   | 500
      ACTIVE    | -                | 0.25    | yes   | 750
      ACTIVE    | -                | 1       | no    | 0
      ACTIVE    | CRITICAL         | 0       | no    | 0
      ACTIVE    | CRITICAL ETH/USD | 0       | yes   | 1000
      REDUCING  | -                | 0       | no    | 0
      HALTED    | -                | 0       | no    | 0
      """)
  void newTradeWhenFlat(String state, String alert, double haircut, String entry, BigDecimal stake) {
    TradeManager manager = manager("0");

    List<OrderIntent> intents = decide(manager, Fixtures.state(1), 1000, stance(state, alert, haircut));

    if (entry.equals("yes")) {
      assertThat(intents).singleElement().satisfies(i -> {
        assertThat(i.getSide()).isEqualTo(Side.BUY);
        assertThat(stakeOf(i.getQuantity())).isEqualByComparingTo(stake);
      });
      assertThat(manager.stats().entriesSkippedByRisk()).isZero();
      assertThat(manager.stats().entriesCutByRisk()).isEqualTo(haircut > 0 ? 1 : 0);
    } else {
      assertThat(intents).isEmpty();
      assertThat(manager.stats().entriesSkippedByRisk()).isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "{0}, alert {1}, haircut {2}: add {3} USD at 1000, exit at 1020 {4}")
  @CsvSource(delimiter = '|', textBlock = """
      # state   | alert    | haircut | DCA add USD | ROI exit
      ACTIVE    | -        | 0       | 500         | yes
      ACTIVE    | WARNING  | 0       | 500         | yes
      ACTIVE    | -        | 0.5     | 250         | yes
      ACTIVE    | -        | 1       | 0           | yes
      ACTIVE    | CRITICAL | 0       | 0           | yes
      REDUCING  | -        | 0       | 0           | yes
      HALTED    | -        | 0       | 0           | no
      """)
  void openTradeAddsAndExits(String state, String alert, double haircut, BigDecimal add, String exit) {
    RiskStance stance = stance(state, alert, haircut);
    PortfolioState longOneBtc = Fixtures.holding(1, ME, ONE_BTC, 1_000_000_000L).build();

    TradeManager atCost = manager("0");
    List<OrderIntent> adds = decide(atCost, longOneBtc, 1000, stance);
    TradeManager inProfit = manager("0");
    List<OrderIntent> exits = decide(inProfit, longOneBtc, 1020, stance);

    if (add.signum() > 0) {
      assertThat(adds).singleElement().satisfies(i -> {
        assertThat(i.getReason()).isEqualTo("entry:position_adjustment");
        assertThat(stakeOf(i.getQuantity())).isEqualByComparingTo(add);
      });
    } else {
      assertThat(adds).isEmpty();
      assertThat(atCost.stats().addsSkippedByRisk()).isEqualTo(1);
    }
    if (exit.equals("yes")) {
      assertThat(exits).singleElement().satisfies(i -> {
        assertThat(i.getReason()).isEqualTo("exit:roi");
        assertThat(i.getReduceOnly()).isTrue();
      });
    } else {
      assertThat(exits).isEmpty();
      assertThat(inProfit.stats().exitsHeldByRisk()).isEqualTo(1);
    }
  }

  @Test
  void aHaircutThatLeavesLessThanTheMinimumStakeSkipsTheEntryInsteadOfRaisingIt() {
    TradeManager manager = manager("100");

    assertThat(decide(manager, Fixtures.state(1), 1000, stance("ACTIVE", "-", 0.95))).isEmpty();
    assertThat(decide(manager, Fixtures.state(2), 1000, stance("ACTIVE", "-", 0.9))).singleElement()
        .satisfies(i -> assertThat(stakeOf(i.getQuantity())).isEqualByComparingTo("100"));
    assertThat(manager.stats().entriesSkippedByRisk()).isEqualTo(1);
  }

  @Test
  void haltedStillCancelsAStaleEntry() {
    TradeManager manager = manager("0");
    PortfolioState pending = Fixtures.state(1).toBuilder()
        .addOpenOrders(Fixtures.working("o-x", ME, Side.BUY, 100_000, ONE_BTC, 0)).build();
    RiskStance halted = stance("HALTED", "-", 0);

    manager.observe(pending, T0_US);
    assertThat(manager.decide(StrategyInput.of(Fixtures.flat(1, T0_US, 1000)), pending, T0_US, true, halted)).isEmpty();
    long later = T0_US + 10 * MINUTE_US;
    manager.observe(pending, later);
    assertThat(manager.decide(StrategyInput.of(Fixtures.flat(2, later, 1000)), pending, later, true, halted))
        .singleElement().satisfies(i -> assertThat(i.getKind()).isEqualTo(IntentKind.CANCEL_ORDER));
  }
}
