package dev.tradingsystem.risk.rules;

import static dev.tradingsystem.risk.RiskFixtures.allocation;
import static dev.tradingsystem.risk.RiskFixtures.meta;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.IntentKind;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Position;
import dev.tradingsystem.proto.RejectCode;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.risk.RiskFixtures;
import dev.tradingsystem.risk.book.RiskBook;
import dev.tradingsystem.shared.money.FixedPoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pre-trade rules as a risk officer reads them. Every row is one intent against one book:
 * <ul>
 *   <li>instrument BTC/USD, price tick 0.50 USD, lot 0.00001 BTC, minimum size 0.001 BTC;</li>
 *   <li>limits: 25,000 USD and 50 BTC per order, limit price within 5% of the mark;</li>
 *   <li>allocations: {@code ft.momentum} 10,000 USD gross, everyone else ("*") 5,000 USD;</li>
 *   <li>{@code position} is the strategy's BTC position, {@code working} an open order of the
 *       strategy on the intent's side at the mark, {@code mark} the last trade (empty: none yet); empty side, type or strategy: not set;</li>
 *   <li>intent kinds: NEW, CANCEL, CANCEL_WITHOUT_ID, NEW_NAMING_CANCEL (a new order that names
 *       an order to cancel), REPEAT (a new order whose id was already approved).</li>
 * </ul>
 */
class PreTradeRulesTest {

  private static final Instrument BTC_USD = RiskFixtures.BTC_USD.toBuilder()
      .setTickSize(50).setLotSize(1_000).setMinSize(100_000).build();
  private static final String REPEATED_ID = "ft.momentum-7";

  @ParameterizedTest(name = "{0} -> {13}")
  @CsvSource(delimiter = '|', textBlock = """
      # scenario                                   | state    | strategy     | symbol  | intent            | side | type   | quantity | limit  | reference | position | working | mark   | expected
      plain limit buy inside every limit           | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 1        | 800.00 | 800.00    | 0        | 0       | 800.00 | NONE
      market sell valued at its reference price    | ACTIVE   | ft.momentum  | BTC/USD | NEW               | SELL | MARKET | 1        | 0      | 800.00    | 0        | 0       | 800.00 | NONE
      zero quantity                                | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 0        | 800.00 | 800.00    | 0        | 0       | 800.00 | INVALID_QUANTITY
      negative quantity                            | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | -1       | 800.00 | 800.00    | 0        | 0       | 800.00 | INVALID_QUANTITY
      zero limit price                             | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 1        | 0      | 800.00    | 0        | 0       | 800.00 | INVALID_PRICE
      market order without a reference price       | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | MARKET | 1        | 0      | 0         | 0        | 0       | 800.00 | INVALID_PRICE
      limit price off the 0.50 tick                | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 1        | 800.25 | 800.25    | 0        | 0       | 800.00 | INVALID_PRECISION
      quantity off the 0.00001 lot                 | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 1.000005 | 800.00 | 800.00    | 0        | 0       | 800.00 | INVALID_PRECISION
      below the 0.001 minimum size                 | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 0.0005   | 800.00 | 800.00    | 0        | 0       | 800.00 | BELOW_MIN_SIZE
      symbol not in BASE/QUOTE notation            | ACTIVE   | ft.momentum  | btc-usd | NEW               | BUY  | LIMIT  | 1        | 800.00 | 800.00    | 0        | 0       | 800.00 | UNKNOWN_SYMBOL
      no strategy                                  | ACTIVE   |              | BTC/USD | NEW               | BUY  | LIMIT  | 1        | 800.00 | 800.00    | 0        | 0       | 800.00 | INVALID_INTENT
      no side                                      | ACTIVE   | ft.momentum  | BTC/USD | NEW               |      | LIMIT  | 1        | 800.00 | 800.00    | 0        | 0       | 800.00 | INVALID_INTENT
      cancel that names no order                   | ACTIVE   | ft.momentum  | BTC/USD | CANCEL_WITHOUT_ID |      |        | 0        | 0      | 0         | 0        | 0       | 800.00 | INVALID_INTENT
      new order that names an order to cancel      | ACTIVE   | ft.momentum  | BTC/USD | NEW_NAMING_CANCEL | BUY  | LIMIT  | 1        | 800.00 | 800.00    | 0        | 0       | 800.00 | INVALID_INTENT
      halted: a new order                          | HALTED   | ft.momentum  | BTC/USD | NEW               | SELL | LIMIT  | 1        | 800.00 | 800.00    | 2        | 0       | 800.00 | TRADING_HALTED
      halted: a cancel                             | HALTED   | ft.momentum  | BTC/USD | CANCEL            |      |        | 0        | 0      | 0         | 2        | 0       | 800.00 | NONE
      reducing: buy that adds to a long            | REDUCING | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 1        | 800.00 | 800.00    | 2        | 0       | 800.00 | REDUCE_ONLY_STATE
      reducing: sell that reduces a long           | REDUCING | ft.momentum  | BTC/USD | NEW               | SELL | LIMIT  | 1        | 800.00 | 800.00    | 2        | 0       | 800.00 | NONE
      reducing: sell that would flip a long short  | REDUCING | ft.momentum  | BTC/USD | NEW               | SELL | LIMIT  | 3        | 800.00 | 800.00    | 2        | 0       | 800.00 | REDUCE_ONLY_STATE
      reducing: sell that flips with working sells | REDUCING | ft.momentum  | BTC/USD | NEW               | SELL | LIMIT  | 1        | 800.00 | 800.00    | 2        | 1.5     | 800.00 | REDUCE_ONLY_STATE
      reducing: buy that covers a short            | REDUCING | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 2        | 800.00 | 800.00    | -2       | 0       | 800.00 | NONE
      reducing: a new order without a position     | REDUCING | ft.momentum  | BTC/USD | NEW               | SELL | LIMIT  | 1        | 800.00 | 800.00    | 0        | 0       | 800.00 | REDUCE_ONLY_STATE
      reducing: a cancel                           | REDUCING | ft.momentum  | BTC/USD | CANCEL            |      |        | 0        | 0      | 0         | 2        | 0       | 800.00 | NONE
      an intent id that was already approved       | ACTIVE   | ft.momentum  | BTC/USD | REPEAT            | BUY  | LIMIT  | 1        | 800.00 | 800.00    | 0        | 0       | 800.00 | DUPLICATE_INTENT
      51 BTC is above the 50 BTC order maximum     | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 51       | 800.00 | 800.00    | 0        | 0       | 800.00 | MAX_ORDER_QUANTITY
      25,600 USD is above the 25,000 USD maximum   | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 32       | 800.00 | 800.00    | 0        | 0       | 800.00 | MAX_ORDER_NOTIONAL
      market order above the notional maximum      | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | MARKET | 32       | 0      | 800.00    | 0        | 0       | 800.00 | MAX_ORDER_NOTIONAL
      a price so large the notional overflows      | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 1        | 92233720368547758.00 | 800.00 | 0   | 0       | 800.00 | MAX_ORDER_NOTIONAL
      reducing: an absurd size never looks small   | REDUCING | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 92233720368.54775 | 800.00 | 800.00 | -2  | 1       | 800.00 | REDUCE_ONLY_STATE
      limit 5.125% above the mark                  | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 1        | 841.00 | 841.00    | 0        | 0       | 800.00 | PRICE_COLLAR
      limit 5.125% below the mark                  | ACTIVE   | ft.momentum  | BTC/USD | NEW               | SELL | LIMIT  | 1        | 759.00 | 759.00    | 0        | 0       | 800.00 | PRICE_COLLAR
      limit exactly 5% below the mark              | ACTIVE   | ft.momentum  | BTC/USD | NEW               | SELL | LIMIT  | 1        | 760.00 | 760.00    | 0        | 0       | 800.00 | NONE
      limit order before any mark                  | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 1        | 800.00 | 800.00    | 0        | 0       |        | STALE_REFERENCE
      market order before any mark                 | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | MARKET | 1        | 0      | 800.00    | 0        | 0       |        | NONE
      position 8,000 + order 2,400 > 10,000        | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 3        | 800.00 | 800.00    | 10       | 0       | 800.00 | STRATEGY_BUDGET
      working 8,000 + order 2,400 > 10,000         | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 3        | 800.00 | 800.00    | 0        | 10      | 800.00 | STRATEGY_BUDGET
      short 8,000 + sell 2,400: gross, not net     | ACTIVE   | ft.momentum  | BTC/USD | NEW               | SELL | LIMIT  | 3        | 800.00 | 800.00    | -10      | 0       | 800.00 | STRATEGY_BUDGET
      position 8,000 + order 2,000 = 10,000        | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 2.5      | 800.00 | 800.00    | 10       | 0       | 800.00 | NONE
      over budget, but the sell reduces the long   | ACTIVE   | ft.momentum  | BTC/USD | NEW               | SELL | LIMIT  | 5        | 800.00 | 800.00    | 20       | 0       | 800.00 | NONE
      unknown strategy: '*' allows 5,000           | ACTIVE   | mm.other     | BTC/USD | NEW               | BUY  | LIMIT  | 7        | 800.00 | 800.00    | 0        | 0       | 800.00 | STRATEGY_BUDGET
      unknown strategy within the '*' 5,000        | ACTIVE   | mm.other     | BTC/USD | NEW               | BUY  | LIMIT  | 6        | 800.00 | 800.00    | 0        | 0       | 800.00 | NONE
      """)
  void rule(String scenario, TradingState state, String strategy, String symbol, String intentKind, Side side,
            OrderType type, String quantity, String limit, String reference, String position, String working,
            String mark, RejectCode expected) {
    String strategyId = strategy == null ? "" : strategy;
    OrderIntent intent = intent(intentKind, strategyId, symbol, side, type, quantity, limit, reference);
    RiskBook book = book(state, strategyId, side, position, working, mark);

    CheckResult result = PreTradeCheck.standard(RiskFixtures.LIMITS).evaluate(intent, book);

    assertThat(result.code()).as(scenario + ": " + result.reason()).isEqualTo(expected);
    if (!result.approved()) {
      assertThat(result.reason()).as("a rejection explains itself").isNotBlank();
    }
  }

  private static OrderIntent intent(String kind, String strategy, String symbol, Side side, OrderType type,
                                    String quantity, String limit, String reference) {
    OrderIntent.Builder intent = OrderIntent.newBuilder()
        .setMeta(meta(5))
        .setIntentId(kind.equals("REPEAT") ? REPEATED_ID : "ft.momentum-8")
        .setStrategyId(strategy)
        .setInstrument(BTC_USD.toBuilder().setSymbol(symbol));
    if (kind.startsWith("CANCEL")) {
      return intent.setKind(IntentKind.CANCEL_ORDER).setCancelOrderId(kind.equals("CANCEL") ? "o-ft.momentum-3" : "").build();
    }
    if (kind.equals("NEW_NAMING_CANCEL")) {
      intent.setCancelOrderId("o-ft.momentum-3");
    }
    return intent.setKind(IntentKind.NEW_ORDER)
        .setSide(side == null ? Side.SIDE_UNSPECIFIED : side)
        .setType(type == null ? OrderType.ORDER_TYPE_UNSPECIFIED : type)
        .setQuantity(units(quantity, BTC_USD.getSizeScale()))
        .setPrice(units(limit, BTC_USD.getPriceScale()))
        .setReferencePrice(units(reference, BTC_USD.getPriceScale()))
        .build();
  }

  private static RiskBook book(TradingState state, String strategy, Side side, String position, String working, String mark) {
    RiskBook book = new RiskBook(() -> state, 100);
    long markPrice = mark == null ? 0 : units(mark, BTC_USD.getPriceScale());
    PortfolioState.Builder snapshot = RiskFixtures.state(5)
        .addAllocations(allocation("ft.momentum", "10000"))
        .addAllocations(allocation("*", "5000"));
    long quantity = units(position, BTC_USD.getSizeScale());
    if (quantity != 0) {
      snapshot.addPositions(Position.newBuilder().setStrategyId(strategy).setInstrument(BTC_USD).setQuantity(quantity)
          .setMarkPrice(markPrice).setCostMicros(FixedPoint.notionalMicros(markPrice, Math.abs(quantity), BTC_USD)));
    }
    long workingQuantity = units(working, BTC_USD.getSizeScale());
    if (workingQuantity != 0) {
      snapshot.addOpenOrders(Order.newBuilder().setOrderId("o-ft.momentum-3").setStrategyId(strategy).setInstrument(BTC_USD)
          .setSide(side).setType(OrderType.LIMIT).setPrice(markPrice).setQuantity(workingQuantity).setStatus(OrderStatus.ACCEPTED));
    }
    book.onSnapshot(snapshot.build());
    if (mark != null) {
      book.onTrade("BTC/USD", markPrice, 5, 0);
    }
    book.approve(RiskFixtures.cancel(REPEATED_ID, strategy, "o-ft.momentum-1", 4));
    return book;
  }

  private static long units(String decimal, int scale) {
    return FixedPoint.parseUnits(decimal, scale);
  }
}
