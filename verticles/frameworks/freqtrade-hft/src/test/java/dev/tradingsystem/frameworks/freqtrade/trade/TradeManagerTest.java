package dev.tradingsystem.frameworks.freqtrade.trade;

import static dev.tradingsystem.frameworks.freqtrade.Fixtures.BTC_USD;
import static dev.tradingsystem.frameworks.freqtrade.Fixtures.MINUTE_US;
import static dev.tradingsystem.frameworks.freqtrade.Fixtures.ONE_BTC;
import static dev.tradingsystem.frameworks.freqtrade.Fixtures.T0_US;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.frameworks.freqtrade.Fixtures;
import dev.tradingsystem.frameworks.freqtrade.strategy.MomentumStrategy;
import dev.tradingsystem.frameworks.freqtrade.strategy.RoiTable;
import dev.tradingsystem.frameworks.freqtrade.strategy.StrategyInput;
import dev.tradingsystem.frameworks.freqtrade.strategy.Timeframe;
import dev.tradingsystem.frameworks.freqtrade.strategy.TrailingStop;
import dev.tradingsystem.frameworks.freqtrade.trade.protection.Protections;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.IntentKind;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Momentum with stake 1000 USD of a 10 000 USD wallet, ROI {"0": 1 %, "30": 0.5 %, "60": 0},
 * stoploss -2 %, no fee, unfilled timeout 10 min.
 */
class TradeManagerTest {

  private static final String ME = "freqtrade-hft.momentum";

  private static TradeManager manager(OrderType type, boolean canShort) {
    MomentumStrategy strategy = new MomentumStrategy(MomentumStrategy.PARAMETERS.defaults());
    return new TradeManager(ME, strategy, new TradeManager.Settings(type, canShort, 10, false, -1),
        ExitSettings.of(RoiTable.parse(Map.of("0", 0.01, "30", 0.005, "60", 0.0)), new BigDecimal("-0.02"),
            TrailingStop.OFF),
        new StakeRules(StakeRules.Settings.fixed(new BigDecimal("1000"), 3, new BigDecimal("10000"))),
        new Protections(List.of(), Timeframe.ONE_MINUTE));
  }

  private final TradeManager manager = manager(OrderType.MARKET, false);

  private static List<OrderIntent> tick(TradeManager manager, Consensus consensus, PortfolioState state) {
    long now = consensus.getMeta().getEventTimeUs();
    manager.observe(state, now);
    return manager.decide(StrategyInput.of(consensus), state, now, true);
  }

  private static PortfolioState flatBook(Order... working) {
    return Fixtures.state(1).toBuilder().addAllOpenOrders(List.of(working)).build();
  }

  /** One BTC bought at 1000 USD. */
  private static PortfolioState longOneBtc(Order... working) {
    return Fixtures.holding(1, ME, ONE_BTC, 1_000_000_000L).addAllOpenOrders(List.of(working)).build();
  }

  @Test
  void flatAndBullishEntersLongForTheStakeAtMarket() {
    List<OrderIntent> intents = tick(manager, Fixtures.bullish(1, T0_US, 1000.00), flatBook());

    assertThat(intents).hasSize(1);
    OrderIntent entry = intents.get(0);
    assertThat(entry.getIntentId()).isEqualTo("freqtrade-hft.momentum-1");
    assertThat(entry.getStrategyId()).isEqualTo(ME);
    assertThat(entry.getMeta().getId()).isEqualTo("freqtrade-hft.momentum-1");
    assertThat(entry.getMeta().getTraceId()).isEqualTo("t-1");
    assertThat(entry.getMeta().getSeq()).isEqualTo(1);
    assertThat(entry.getMeta().getEventTimeUs()).isEqualTo(T0_US);
    assertThat(entry.getMeta().getIngestTimeUs()).isEqualTo(42);
    assertThat(entry.getInstrument()).isEqualTo(BTC_USD);
    assertThat(entry.getKind()).isEqualTo(IntentKind.NEW_ORDER);
    assertThat(entry.getSide()).isEqualTo(Side.BUY);
    assertThat(entry.getType()).isEqualTo(OrderType.MARKET);
    assertThat(entry.getPrice()).isZero();
    assertThat(entry.getQuantity()).isEqualTo(ONE_BTC);
    assertThat(entry.getReduceOnly()).isFalse();
    assertThat(entry.getReferencePrice()).isEqualTo(100_000);
    assertThat(entry.getReason()).isEqualTo("entry:consensus_long");
  }

  @Test
  void limitEntriesRestAtTheLastPrice() {
    OrderIntent entry = tick(manager(OrderType.LIMIT, false), Fixtures.bullish(1, T0_US, 1234.56), flatBook()).get(0);

    assertThat(entry.getType()).isEqualTo(OrderType.LIMIT);
    assertThat(entry.getPrice()).isEqualTo(123_456);
    assertThat(entry.getQuantity()).isEqualTo(81_000_518);
  }

  @Test
  void noViewNoTrade() {
    assertThat(tick(manager, Fixtures.flat(1, T0_US, 1000), flatBook())).isEmpty();
  }

  @Test
  void shortsOnlyWhenAllowed() {
    Consensus bearish = Fixtures.consensus(1, T0_US, Direction.SHORT, -0.6, true, Fixtures.features(1, T0_US, 1000, 999, 1000));

    assertThat(tick(manager, bearish, flatBook())).isEmpty();
    assertThat(tick(manager(OrderType.MARKET, true), bearish, flatBook()))
        .singleElement().satisfies(i -> assertThat(i.getSide()).isEqualTo(Side.SELL));
  }

  @Test
  void noSecondEntryWhileAnEntryIsWorkingAndTheStaleOneIsCancelledAfterTheTimeout() {
    PortfolioState pending = flatBook(Fixtures.working("o-x", ME, Side.BUY, 100_000, ONE_BTC, 0));

    assertThat(tick(manager, Fixtures.bullish(1, T0_US, 1000), pending)).isEmpty();
    assertThat(tick(manager, Fixtures.bullish(2, T0_US + 9 * MINUTE_US, 1000), pending)).isEmpty();
    List<OrderIntent> cancel = tick(manager, Fixtures.bullish(3, T0_US + 10 * MINUTE_US, 1000), pending);

    assertThat(cancel).singleElement().satisfies(i -> {
      assertThat(i.getKind()).isEqualTo(IntentKind.CANCEL_ORDER);
      assertThat(i.getCancelOrderId()).isEqualTo("o-x");
      assertThat(i.getReason()).isEqualTo("unfilled_timeout");
      assertThat(i.getIntentId()).isEqualTo("freqtrade-hft.momentum-1");
    });
  }

  @Test
  void roiTableCountsMinutesFromTheSnapshotThatFirstShowedThePosition() {
    long opened = T0_US + MINUTE_US;
    assertThat(tick(manager, Fixtures.flat(2, opened, 1000), longOneBtc())).isEmpty();
    assertThat(tick(manager, Fixtures.flat(3, opened + 29 * MINUTE_US, 1006), longOneBtc())).isEmpty();

    List<OrderIntent> exit = tick(manager, Fixtures.flat(4, opened + 30 * MINUTE_US, 1006), longOneBtc());

    assertThat(exit).singleElement().satisfies(i -> {
      assertThat(i.getSide()).isEqualTo(Side.SELL);
      assertThat(i.getQuantity()).isEqualTo(ONE_BTC);
      assertThat(i.getReduceOnly()).isTrue();
      assertThat(i.getReason()).isEqualTo("exit:roi");
      assertThat(i.getReferencePrice()).isEqualTo(100_600);
    });
  }

  @Test
  void stoplossClosesTheTrade() {
    assertThat(tick(manager, Fixtures.bullish(1, T0_US, 980.00), longOneBtc()))
        .singleElement().satisfies(i -> assertThat(i.getReason()).isEqualTo("exit:stop_loss"));
  }

  @Test
  void anOppositeQuorumConsensusClosesTheTrade() {
    Consensus bearish = Fixtures.consensus(1, T0_US, Direction.SHORT, -0.3, true, Fixtures.features(1, T0_US, 1001, 1000, 1000));

    assertThat(tick(manager, bearish, longOneBtc()))
        .singleElement().satisfies(i -> assertThat(i.getReason()).isEqualTo("exit:exit_signal:consensus_reversal"));
  }

  @Test
  void aWorkingExitIsNotDoubled() {
    Order exitWorking = Fixtures.working("o-e", ME, Side.SELL, 0, ONE_BTC, 0);

    assertThat(tick(manager, Fixtures.flat(1, T0_US, 980), longOneBtc(exitWorking))).isEmpty();
  }

  @Test
  void anExitCancelsTheUnfilledRestOfTheEntryFirst() {
    Order partialEntry = Fixtures.working("o-p", ME, Side.BUY, 100_000, 2 * ONE_BTC, ONE_BTC);

    List<OrderIntent> intents = tick(manager, Fixtures.flat(1, T0_US, 1011), longOneBtc(partialEntry));

    assertThat(intents).extracting(OrderIntent::getKind).containsExactly(IntentKind.CANCEL_ORDER, IntentKind.NEW_ORDER);
    assertThat(intents.get(0).getCancelOrderId()).isEqualTo("o-p");
    assertThat(intents.get(0).getQuantity()).isEqualTo(ONE_BTC);
    assertThat(intents).extracting(OrderIntent::getIntentId)
        .containsExactly("freqtrade-hft.momentum-1", "freqtrade-hft.momentum-2");
  }

  @Test
  void theSameTicksGiveTheSameIntents() {
    List<Consensus> ticks = List.of(Fixtures.bullish(1, T0_US, 1000), Fixtures.flat(2, T0_US + MINUTE_US, 1000),
        Fixtures.flat(3, T0_US + 2 * MINUTE_US, 1020));
    List<PortfolioState> books = List.of(flatBook(), longOneBtc(), longOneBtc());

    assertThat(run(manager(OrderType.MARKET, false), ticks, books))
        .isEqualTo(run(manager(OrderType.MARKET, false), ticks, books))
        .extracting(OrderIntent::getReason).containsExactly("entry:consensus_long", "exit:roi");
  }

  private static List<OrderIntent> run(TradeManager manager, List<Consensus> ticks, List<PortfolioState> books) {
    List<OrderIntent> all = new ArrayList<>();
    for (int i = 0; i < ticks.size(); i++) {
      all.addAll(tick(manager, ticks.get(i), books.get(i)));
    }
    return all;
  }
}
