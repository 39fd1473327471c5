package dev.tradingsystem.frameworks.hummingbot.quoting;

import static dev.tradingsystem.frameworks.hummingbot.Fixtures.BTC_USD;
import static dev.tradingsystem.frameworks.hummingbot.Fixtures.ONE_BTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tradingsystem.frameworks.hummingbot.Fixtures;
import dev.tradingsystem.proto.IntentKind;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TimeInForce;
import dev.tradingsystem.proto.TradingState;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Defaults: 0.05 BTC quotes, max inventory 1 BTC, refresh every 5 ticks beyond 5 bps, flat target. */
class AvellanedaStoikovMakerTest {

  private static final String ME = AvellanedaStoikovMaker.ID;
  private static final Order RESTING_BID = Fixtures.quote("o-bid", ME, Side.BUY, 99_785);
  private static final Order RESTING_ASK = Fixtures.quote("o-ask", ME, Side.SELL, 100_215);

  private static AvellanedaStoikovMaker maker(double targetBaseFraction) {
    return new AvellanedaStoikovMaker(new QuotePricer(new AvellanedaStoikov(0.1, 1.5), 60, 10, 5),
        new RefreshPolicy(5, 5), new AvellanedaStoikovMaker.Settings(0.05, 1, targetBaseFraction));
  }

  private final AvellanedaStoikovMaker maker = maker(0);

  private List<OrderIntent> tick(long seq, double mid, StrategyBook book, TradingState state) {
    return maker.onTick(new QuotingContext(Fixtures.neutral(seq, mid), book, state));
  }

  private static StrategyBook book(long position, Order... working) {
    return new StrategyBook(position, List.of(working), 0);
  }

  @Test
  void aFlatBookGetsATwoSidedPostOnlyQuote() {
    List<OrderIntent> intents = tick(1, 1000, StrategyBook.EMPTY, TradingState.ACTIVE);

    assertThat(intents).extracting(OrderIntent::getSide).containsExactly(Side.BUY, Side.SELL);
    assertThat(intents).extracting(OrderIntent::getPrice).containsExactly(99_785L, 100_215L);
    assertThat(intents).extracting(OrderIntent::getIntentId).containsExactly("hummingbot-mm.as-mm-1", "hummingbot-mm.as-mm-2");
    assertThat(intents).allSatisfy(i -> {
      assertThat(i.getKind()).isEqualTo(IntentKind.NEW_ORDER);
      assertThat(i.getType()).isEqualTo(OrderType.LIMIT);
      assertThat(i.getTimeInForce()).isEqualTo(TimeInForce.POST_ONLY);
      assertThat(i.getQuantity()).isEqualTo(5_000_000);
      assertThat(i.getStrategyId()).isEqualTo(ME);
      assertThat(i.getInstrument()).isEqualTo(BTC_USD);
      assertThat(i.getReferencePrice()).isEqualTo(100_000);
      assertThat(i.getMeta().getTraceId()).isEqualTo("t-1");
      assertThat(i.getMeta().getSeq()).isEqualTo(1);
    });
  }

  @Test
  void restingQuotesAreReplacedOnlyWhenDueAndMovedBeyondTolerance() {
    tick(1, 1000, StrategyBook.EMPTY, TradingState.ACTIVE);
    StrategyBook resting = book(0, RESTING_BID, RESTING_ASK);

    assertThat(tick(3, 1010, resting, TradingState.ACTIVE)).as("not due yet").isEmpty();
    assertThat(tick(6, 1000.3, resting, TradingState.ACTIVE)).as("due, within 5 bps").isEmpty();
    List<OrderIntent> replaced = tick(7, 1010, resting, TradingState.ACTIVE);

    assertThat(replaced).extracting(OrderIntent::getKind).containsExactly(
        IntentKind.CANCEL_ORDER, IntentKind.NEW_ORDER, IntentKind.CANCEL_ORDER, IntentKind.NEW_ORDER);
    assertThat(replaced.get(0).getCancelOrderId()).isEqualTo("o-bid");
    assertThat(replaced.get(2).getCancelOrderId()).isEqualTo("o-ask");
    assertThat(replaced.get(1).getPrice()).isGreaterThan(RESTING_BID.getPrice());
    assertThat(replaced.get(3).getPrice()).isGreaterThan(RESTING_ASK.getPrice());
    assertThat(tick(8, 1010, resting, TradingState.ACTIVE)).as("just replaced: not due").isEmpty();
  }

  @ParameterizedTest(name = "inventory {0} satoshi -> bid {1}, ask {2}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      inventory satoshi | bid quoted | ask quoted
      0                 | true       | true
      95000000          | true       | true
      95000001          | false      | true
      150000000         | false      | true
      -95000000         | true       | true
      -95000001         | true       | false
      """)
  void theSideThatWouldBreachMaxInventoryIsNotQuoted(long inventory, boolean bid, boolean ask) {
    List<OrderIntent> intents = tick(1, 1000, book(inventory), TradingState.ACTIVE);

    assertThat(intents.stream().anyMatch(i -> i.getSide() == Side.BUY)).isEqualTo(bid);
    assertThat(intents.stream().anyMatch(i -> i.getSide() == Side.SELL)).isEqualTo(ask);
  }

  @Test
  void reachingTheLimitCancelsTheRestingQuoteOfThatSide() {
    // Long 1 BTC: r = 1000 − 1 · 3 = 997, so the ask sits at the inside, 1000.50, where it already rests.
    Order insideAsk = Fixtures.quote("o-ask", ME, Side.SELL, 100_050);

    List<OrderIntent> intents = tick(1, 1000, book(ONE_BTC, RESTING_BID, insideAsk), TradingState.ACTIVE);

    assertThat(intents).singleElement().satisfies(i -> {
      assertThat(i.getKind()).isEqualTo(IntentKind.CANCEL_ORDER);
      assertThat(i.getCancelOrderId()).isEqualTo("o-bid");
      assertThat(i.getReason()).isEqualTo("cancel bid: inventory limit");
    });
  }

  @ParameterizedTest
  @EnumSource(value = TradingState.class, names = {"HALTED", "REDUCING"})
  void outsideActiveTradingEveryQuoteIsCancelledAndNoneIsPlaced(TradingState state) {
    assertThat(tick(1, 1000, book(0, RESTING_BID, RESTING_ASK), state))
        .extracting(OrderIntent::getKind, OrderIntent::getCancelOrderId)
        .containsExactly(tuple(IntentKind.CANCEL_ORDER, "o-bid"),
            tuple(IntentKind.CANCEL_ORDER, "o-ask"));
    assertThat(tick(2, 1000, StrategyBook.EMPTY, state)).isEmpty();
  }

  @Test
  void severalRestingQuotesOnASideAreReplacedByOne() {
    Order stray = Fixtures.quote("o-stray", ME, Side.BUY, 99_000);

    List<OrderIntent> intents = tick(1, 1000, book(0, RESTING_BID, stray, RESTING_ASK), TradingState.ACTIVE);

    assertThat(intents).extracting(OrderIntent::getKind, OrderIntent::getSide).containsExactly(
        tuple(IntentKind.CANCEL_ORDER, Side.BUY),
        tuple(IntentKind.CANCEL_ORDER, Side.BUY),
        tuple(IntentKind.NEW_ORDER, Side.BUY));
  }

  @Test
  void belowATargetHoldingTheMakerLeansToBuy() {
    StrategyBook funded = new StrategyBook(0, List.of(), 10_000_000_000L);

    List<OrderIntent> intents = maker(0.5).onTick(new QuotingContext(Fixtures.neutral(1, 1000), funded, TradingState.ACTIVE));

    // Target 0.5 · 10,000 USD / 1000 = 5 BTC: q = -5, r = 1000 + 5 · 3 = 1015; the bid is held at
    // the inside (mid − half the 10 bps floor) so the post-only order does not cross.
    assertThat(intents).extracting(OrderIntent::getPrice).containsExactly(99_950L, 101_715L);
  }
}
