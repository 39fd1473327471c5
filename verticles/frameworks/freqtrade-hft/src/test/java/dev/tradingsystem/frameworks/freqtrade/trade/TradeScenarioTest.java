package dev.tradingsystem.frameworks.freqtrade.trade;

import static dev.tradingsystem.frameworks.freqtrade.Fixtures.BTC_USD;
import static dev.tradingsystem.frameworks.freqtrade.Fixtures.MINUTE_US;
import static dev.tradingsystem.frameworks.freqtrade.Fixtures.T0_US;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.frameworks.freqtrade.Fixtures;
import dev.tradingsystem.frameworks.freqtrade.PaperFills;
import dev.tradingsystem.frameworks.freqtrade.ScriptedStrategy;
import dev.tradingsystem.frameworks.freqtrade.strategy.RoiTable;
import dev.tradingsystem.frameworks.freqtrade.strategy.Strategy;
import dev.tradingsystem.frameworks.freqtrade.strategy.StrategyInput;
import dev.tradingsystem.frameworks.freqtrade.strategy.Timeframe;
import dev.tradingsystem.frameworks.freqtrade.strategy.TrailingStop;
import dev.tradingsystem.frameworks.freqtrade.trade.protection.CooldownPeriod;
import dev.tradingsystem.frameworks.freqtrade.trade.protection.Protection;
import dev.tradingsystem.frameworks.freqtrade.trade.protection.ProtectionWindow;
import dev.tradingsystem.frameworks.freqtrade.trade.protection.Protections;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.shared.money.FixedPoint;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The trade manager against a paper fill model, one tick a minute: an order sent on tick N fills
 * on tick N+1 at that tick's price, no fee. Wallet 10 000 USD, stake 1000 USD.
 */
class TradeScenarioTest {

  private static final String ME = "freqtrade-hft.scripted";

  /** Drives one manager over ticks of one or more pairs. */
  private static final class Run {
    final TradeManager manager;
    final PaperFills paper = new PaperFills("0");
    final List<String> sent = new ArrayList<>();
    long seq;

    Run(TradeManager manager) {
      this.manager = manager;
    }

    List<OrderIntent> tick(String symbol, double price) {
      seq++;
      long now = T0_US + seq * MINUTE_US;
      PortfolioState state = paper.tick(seq, now, symbol, FixedPoint.toUnits(price, 2));
      Consensus row = Fixtures.flat(seq, now, price);
      if (!symbol.equals(BTC_USD.getSymbol())) {
        row = row.toBuilder().setSymbol(symbol).setFeatures(row.getFeatures().toBuilder()
            .setInstrument(BTC_USD.toBuilder().setSymbol(symbol))).build();
      }
      manager.observe(state, now);
      List<OrderIntent> intents = manager.decide(StrategyInput.of(row), state, now, true);
      paper.submit(intents);
      intents.forEach(i -> sent.add(seq + " " + symbol + " " + i.getSide() + " " + i.getQuantity() + " " + i.getReason()));
      return intents;
    }

    List<OrderIntent> tick(double price) {
      return tick(BTC_USD.getSymbol(), price);
    }
  }

  private static TradeManager manager(Strategy strategy, boolean dca, int maxAdjustments, StakeRules.Settings stake,
      ExitSettings exits, List<Protection> protections) {
    return new TradeManager(ME, strategy, new TradeManager.Settings(OrderType.MARKET, false, 10, dca, maxAdjustments),
        exits, new StakeRules(stake), new Protections(protections, Timeframe.ONE_MINUTE));
  }

  private static StakeRules.Settings stake(int maxOpenTrades) {
    return StakeRules.Settings.fixed(new BigDecimal("1000"), maxOpenTrades, new BigDecimal("10000"));
  }

  private static ExitSettings noExits() {
    return ExitSettings.of(RoiTable.parse(Map.of("0", 1)), new BigDecimal("-0.5"), TrailingStop.OFF);
  }

  @ParameterizedTest(name = "max_entry_position_adjustment {0}, max stake {1}: {2} buys, {3} entries filled")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      max adjustments | max stake | buys sent | entries filled
      -1              |           | 9         | 8
      0               |           | 1         | 1
      1               |           | 2         | 2
      2               |           | 3         | 3
      -1              | 1200      | 2         | 2
      """)
  void positionAdjustmentStopsAtItsLimits(int maxAdjustments, String maxStake, int buys, int entries) {
    // The strategy asks to add 500 USD on every tick of the trade; nine ticks at 1000 USD.
    StakeRules.Settings base = stake(3);
    StakeRules.Settings settings = maxStake == null ? base : new StakeRules.Settings(base.stakeAmount(),
        base.maxOpenTrades(), base.tradableBalanceRatio(), base.dryRunWallet(), base.minStake(),
        new BigDecimal(maxStake), false, base.lastStakeAmountMinRatio());
    Run run = new Run(manager(ScriptedStrategy.alwaysLong().adjusting(c -> Optional.of(new BigDecimal("500"))),
        true, maxAdjustments, settings, noExits(), List.of()));

    for (int i = 0; i < 9; i++) {
      run.tick(1000);
    }

    assertThat(run.sent).allMatch(s -> s.contains(" BUY ")).hasSize(buys);
    assertThat(run.manager.ledger().open("BTC/USD").successfulEntries()).isEqualTo(entries);
    if (maxAdjustments >= 0) {
      assertThat(run.manager.stats().adjustmentsRefused()).isEqualTo(9 - buys);
    }
  }

  @Test
  void aNegativeAdjustmentSellsThatShareOfTheStake() {
    Run run = new Run(manager(ScriptedStrategy.alwaysLong().adjusting(c -> Optional.of(new BigDecimal("-500"))),
        true, -1, stake(3), noExits(), List.of()));

    for (int i = 0; i < 4; i++) {
      run.tick(1000);
    }

    assertThat(run.sent).containsExactly(
        "1 BTC/USD BUY 100000000 entry:scripted",
        "2 BTC/USD SELL 50000000 exit:partial_exit",
        "3 BTC/USD SELL 50000000 exit:partial_exit",
        "4 BTC/USD BUY 100000000 entry:scripted");
    assertThat(run.manager.stats().exits()).containsEntry("partial_exit", 1L);
  }

  @Test
  void aPartialExitThatWouldLeaveLessThanTheMinimumStakeIsRefused() {
    StakeRules.Settings base = stake(3);
    StakeRules.Settings minimum600 = new StakeRules.Settings(base.stakeAmount(), 3, base.tradableBalanceRatio(),
        base.dryRunWallet(), new BigDecimal("600"), null, false, base.lastStakeAmountMinRatio());
    Run run = new Run(manager(ScriptedStrategy.alwaysLong().adjusting(c -> Optional.of(new BigDecimal("-500"))),
        true, -1, minimum600, noExits(), List.of()));

    run.tick(1000);
    run.tick(1000);

    assertThat(run.sent).containsExactly("1 BTC/USD BUY 100000000 entry:scripted");
  }

  @ParameterizedTest(name = "max_open_trades {0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      1 | 1 BTC/USD BUY 100000000 entry:scripted
      2 | 1 BTC/USD BUY 100000000 entry:scripted, 2 ETH/USD BUY 100000000 entry:scripted
      """)
  void maxOpenTradesCountsEveryPairOfTheStrategy(int maxOpenTrades, String expected) {
    Run run = new Run(manager(ScriptedStrategy.alwaysLong(), false, -1, stake(maxOpenTrades), noExits(), List.of()));

    run.tick("BTC/USD", 1000);
    run.tick("ETH/USD", 1000);
    run.tick("BTC/USD", 1000);
    run.tick("ETH/USD", 1000);

    assertThat(String.join(", ", run.sent)).isEqualTo(expected);
  }

  @Test
  void aCooldownKeepsThePairOutUntilTheLockEnds() {
    // ROI 1 %: bought on tick 2 at 1000, sold on tick 4 at 1011; cooldown 5 minutes on 1m candles.
    ExitSettings roi = ExitSettings.of(RoiTable.parse(Map.of("0", 0.01)), new BigDecimal("-0.5"), TrailingStop.OFF);
    Run run = new Run(manager(ScriptedStrategy.alwaysLong(), false, -1, stake(3), roi,
        List.of(new CooldownPeriod(new ProtectionWindow(0, 5)))));

    run.tick(1000);
    run.tick(1000);
    for (int i = 3; i <= 11; i++) {
      run.tick(1011);
    }

    assertThat(run.sent).containsExactly(
        "1 BTC/USD BUY 100000000 entry:scripted",
        "3 BTC/USD SELL 100000000 exit:roi",
        "10 BTC/USD BUY 98911968 entry:scripted");
    assertThat(run.manager.stats().lockedEntries()).isEqualTo(6);
    assertThat(run.manager.stats().exits()).containsEntry("roi", 1L);
  }

  @Test
  void anExitTheStrategyDoesNotConfirmGivesWayToTheNextReason() {
    ExitSettings roiAndTime = ExitSettings.of(RoiTable.parse(Map.of("0", 0.01)), new BigDecimal("-0.5"),
        TrailingStop.OFF).withMaxTradeMinutes(1);
    Run run = new Run(manager(ScriptedStrategy.alwaysLong().confirmingExits(reason -> !reason.equals("roi")), false,
        -1, stake(3), roiAndTime, List.of()));

    run.tick(1000);
    run.tick(1000);
    run.tick(1011);

    assertThat(run.sent).last().isEqualTo("3 BTC/USD SELL 100000000 exit:time_exit");
  }

  @Test
  void withoutTheStrategyOnlyTheBuiltInExitsRun() {
    ExitSettings stop = ExitSettings.of(RoiTable.parse(Map.of("0", 1)), new BigDecimal("-0.02"), TrailingStop.OFF);
    TradeManager manager = manager(ScriptedStrategy.throwing(), false, -1, stake(3), stop, List.of());
    PortfolioState holding = Fixtures.holding(1, ME, Fixtures.ONE_BTC, 1_000_000_000L).build();
    PortfolioState flat = Fixtures.state(1);

    manager.observe(flat, T0_US);
    assertThat(manager.decide(StrategyInput.of(Fixtures.bullish(1, T0_US, 1000)), flat, T0_US, false)).isEmpty();
    manager.observe(holding, T0_US + MINUTE_US);
    assertThat(manager.decide(StrategyInput.of(Fixtures.bullish(2, T0_US + MINUTE_US, 990)), holding,
        T0_US + MINUTE_US, false)).isEmpty();
    assertThat(manager.decide(StrategyInput.of(Fixtures.bullish(3, T0_US + 2 * MINUTE_US, 980)), holding,
        T0_US + 2 * MINUTE_US, false)).extracting(OrderIntent::getReason).containsExactly("exit:stop_loss");
  }
}
