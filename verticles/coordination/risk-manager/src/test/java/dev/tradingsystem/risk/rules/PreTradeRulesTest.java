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
import dev.tradingsystem.proto.Quote;
import dev.tradingsystem.proto.RejectCode;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.risk.RiskFixtures;
import dev.tradingsystem.risk.book.RiskBook;
import dev.tradingsystem.shared.money.FixedPoint;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pre-trade rules as a risk officer reads them. Every row is one intent against one book:
 * <ul>
 *   <li>instruments X/USD with BTC/USD's scales: price tick 0.50 USD, lot 0.00001, minimum size 0.001;</li>
 *   <li>limits: 25,000 USD and 50 units per order, price within 5% of a reference at most 60 s old,
 *       open notional at most equity (100,000 USD) times leverage 1;</li>
 *   <li>ETH/USD instrument limits: at most 5 per order, notional 100 to 3,000 USD (107);</li>
 *   <li>SOL/USD symbol cap over all strategies: net 10 units and 7,000 USD (207);</li>
 *   <li>LTC/USD position limit per strategy: 3 units (203); XRP/USD is restricted (305);</li>
 *   <li>throttle per strategy: 1 new order and 1 cancel per second, burst 3 (304, 306);</li>
 *   <li>allocations: {@code ft.momentum} 10,000 USD gross, {@code big.fund} 1,000,000, everyone else ("*") 5,000 USD;</li>
 *   <li>{@code position} is the strategy's position, {@code working} an open order of the
 *       strategy on the intent's side at the mark, {@code others} the position of another desk in
 *       the symbol; {@code mark} the last trade, {@code @61s} when it is that old, {@code mid X} a
 *       quote mid (empty: no price yet); empty side, type or strategy: not set;</li>
 *   <li>intent kinds: NEW, NEW_REDUCE_ONLY, CANCEL, CANCEL_WITHOUT_ID, NEW_NAMING_CANCEL (a new
 *       order that names an order to cancel), REPEAT (a new order whose id was already approved),
 *       NEW_AFTER_BURST / CANCEL_AFTER_BURST (after three of the same in the same second),
 *       NEW_1S_AFTER_BURST (three new orders a second earlier), CANCEL_AFTER_NEW_BURST.</li>
 * </ul>
 */
class PreTradeRulesTest {

  private static final Instrument BTC_USD = RiskFixtures.BTC_USD.toBuilder()
      .setTickSize(50).setLotSize(1_000).setMinSize(100_000).build();
  private static final String REPEATED_ID = "ft.momentum-7";
  private static final RiskLimits TABLE_LIMITS = new RiskLimits(RiskFixtures.usd("25000"), 50, 5, 0.2, 60_000_000L, 0, 1,
      Set.of("XRP/USD"),
      Map.of("ETH/USD", new SymbolLimits(5, RiskFixtures.usd("100"), RiskFixtures.usd("3000"), 0, 0, 0),
          "SOL/USD", new SymbolLimits(0, 0, 0, 10, RiskFixtures.usd("7000"), 0),
          "LTC/USD", new SymbolLimits(0, 0, 0, 0, 0, 3)),
      new ThrottleLimits(1, 1, 3));
  private static final long SECOND_US = 1_000_000L;

  @ParameterizedTest(name = "{0} -> {14}")
  @CsvSource(delimiter = '|', textBlock = """
      # scenario                                   | state    | strategy     | symbol  | intent            | side | type   | quantity | limit  | reference | position | working | others  | mark   | expected
      plain limit buy inside every limit           | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 1        | 800.00 | 800.00    | 0        | 0       | 0       | 800.00 | NONE
      market sell valued at its reference price    | ACTIVE   | ft.momentum  | BTC/USD | NEW               | SELL | MARKET | 1        | 0      | 800.00    | 0        | 0       | 0       | 800.00 | NONE
      zero quantity                                | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 0        | 800.00 | 800.00    | 0        | 0       | 0       | 800.00 | INVALID_QUANTITY
      negative quantity                            | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | -1       | 800.00 | 800.00    | 0        | 0       | 0       | 800.00 | INVALID_QUANTITY
      zero limit price                             | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 1        | 0      | 800.00    | 0        | 0       | 0       | 800.00 | INVALID_PRICE
      market order without a reference price       | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | MARKET | 1        | 0      | 0         | 0        | 0       | 0       | 800.00 | INVALID_PRICE
      limit price off the 0.50 tick                | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 1        | 800.25 | 800.25    | 0        | 0       | 0       | 800.00 | INVALID_PRECISION
      quantity off the 0.00001 lot                 | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 1.000005 | 800.00 | 800.00    | 0        | 0       | 0       | 800.00 | INVALID_PRECISION
      below the 0.001 minimum size                 | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 0.0005   | 800.00 | 800.00    | 0        | 0       | 0       | 800.00 | BELOW_MIN_SIZE
      symbol not in BASE/QUOTE notation            | ACTIVE   | ft.momentum  | btc-usd | NEW               | BUY  | LIMIT  | 1        | 800.00 | 800.00    | 0        | 0       | 0       | 800.00 | UNKNOWN_SYMBOL
      no strategy                                  | ACTIVE   |              | BTC/USD | NEW               | BUY  | LIMIT  | 1        | 800.00 | 800.00    | 0        | 0       | 0       | 800.00 | INVALID_INTENT
      no side                                      | ACTIVE   | ft.momentum  | BTC/USD | NEW               |      | LIMIT  | 1        | 800.00 | 800.00    | 0        | 0       | 0       | 800.00 | INVALID_INTENT
      cancel that names no order                   | ACTIVE   | ft.momentum  | BTC/USD | CANCEL_WITHOUT_ID |      |        | 0        | 0      | 0         | 0        | 0       | 0       | 800.00 | INVALID_INTENT
      new order that names an order to cancel      | ACTIVE   | ft.momentum  | BTC/USD | NEW_NAMING_CANCEL | BUY  | LIMIT  | 1        | 800.00 | 800.00    | 0        | 0       | 0       | 800.00 | INVALID_INTENT
      halted: a new order                          | HALTED   | ft.momentum  | BTC/USD | NEW               | SELL | LIMIT  | 1        | 800.00 | 800.00    | 2        | 0       | 0       | 800.00 | TRADING_HALTED
      halted: a cancel                             | HALTED   | ft.momentum  | BTC/USD | CANCEL            |      |        | 0        | 0      | 0         | 2        | 0       | 0       | 800.00 | NONE
      reducing: buy that adds to a long            | REDUCING | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 1        | 800.00 | 800.00    | 2        | 0       | 0       | 800.00 | REDUCE_ONLY_STATE
      reducing: sell that reduces a long           | REDUCING | ft.momentum  | BTC/USD | NEW               | SELL | LIMIT  | 1        | 800.00 | 800.00    | 2        | 0       | 0       | 800.00 | NONE
      reducing: sell that would flip a long short  | REDUCING | ft.momentum  | BTC/USD | NEW               | SELL | LIMIT  | 3        | 800.00 | 800.00    | 2        | 0       | 0       | 800.00 | REDUCE_ONLY_STATE
      reducing: sell that flips with working sells | REDUCING | ft.momentum  | BTC/USD | NEW               | SELL | LIMIT  | 1        | 800.00 | 800.00    | 2        | 1.5     | 0       | 800.00 | REDUCE_ONLY_STATE
      reducing: buy that covers a short            | REDUCING | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 2        | 800.00 | 800.00    | -2       | 0       | 0       | 800.00 | NONE
      reducing: a new order without a position     | REDUCING | ft.momentum  | BTC/USD | NEW               | SELL | LIMIT  | 1        | 800.00 | 800.00    | 0        | 0       | 0       | 800.00 | REDUCE_ONLY_STATE
      reducing: a cancel                           | REDUCING | ft.momentum  | BTC/USD | CANCEL            |      |        | 0        | 0      | 0         | 2        | 0       | 0       | 800.00 | NONE
      an intent id that was already approved       | ACTIVE   | ft.momentum  | BTC/USD | REPEAT            | BUY  | LIMIT  | 1        | 800.00 | 800.00    | 0        | 0       | 0       | 800.00 | DUPLICATE_INTENT
      51 BTC is above the 50 BTC order maximum     | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 51       | 800.00 | 800.00    | 0        | 0       | 0       | 800.00 | MAX_ORDER_QUANTITY
      25,600 USD is above the 25,000 USD maximum   | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 32       | 800.00 | 800.00    | 0        | 0       | 0       | 800.00 | MAX_ORDER_NOTIONAL
      market order above the notional maximum      | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | MARKET | 32       | 0      | 800.00    | 0        | 0       | 0       | 800.00 | MAX_ORDER_NOTIONAL
      a price so large the notional overflows      | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 1        | 92233720368547758.00 | 800.00 | 0   | 0       | 0       | 800.00 | MAX_ORDER_NOTIONAL
      reducing: an absurd size never looks small   | REDUCING | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 92233720368.54775 | 800.00 | 800.00 | -2  | 1       | 0       | 800.00 | REDUCE_ONLY_STATE
      limit 5.125% above the mark                  | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 1        | 841.00 | 841.00    | 0        | 0       | 0       | 800.00 | PRICE_COLLAR
      limit 5.125% below the mark                  | ACTIVE   | ft.momentum  | BTC/USD | NEW               | SELL | LIMIT  | 1        | 759.00 | 759.00    | 0        | 0       | 0       | 800.00 | PRICE_COLLAR
      limit exactly 5% below the mark              | ACTIVE   | ft.momentum  | BTC/USD | NEW               | SELL | LIMIT  | 1        | 760.00 | 760.00    | 0        | 0       | 0       | 800.00 | NONE
      limit order before any mark                  | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 1        | 800.00 | 800.00    | 0        | 0       | 0       |        | STALE_REFERENCE
      market order before any reference             | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | MARKET | 1        | 0      | 800.00    | 0        | 0       | 0       |        | STALE_REFERENCE
      position 8,000 + order 2,400 > 10,000        | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 3        | 800.00 | 800.00    | 10       | 0       | 0       | 800.00 | STRATEGY_BUDGET
      working 8,000 + order 2,400 > 10,000         | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 3        | 800.00 | 800.00    | 0        | 10      | 0       | 800.00 | STRATEGY_BUDGET
      short 8,000 + sell 2,400: gross, not net     | ACTIVE   | ft.momentum  | BTC/USD | NEW               | SELL | LIMIT  | 3        | 800.00 | 800.00    | -10      | 0       | 0       | 800.00 | STRATEGY_BUDGET
      position 8,000 + order 2,000 = 10,000        | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 2.5      | 800.00 | 800.00    | 10       | 0       | 0       | 800.00 | NONE
      over budget, but the sell reduces the long   | ACTIVE   | ft.momentum  | BTC/USD | NEW               | SELL | LIMIT  | 5        | 800.00 | 800.00    | 20       | 0       | 0       | 800.00 | NONE
      unknown strategy: '*' allows 5,000           | ACTIVE   | mm.other     | BTC/USD | NEW               | BUY  | LIMIT  | 7        | 800.00 | 800.00    | 0        | 0       | 0       | 800.00 | STRATEGY_BUDGET
      unknown strategy within the '*' 5,000        | ACTIVE   | mm.other     | BTC/USD | NEW               | BUY  | LIMIT  | 6        | 800.00 | 800.00    | 0        | 0       | 0       | 800.00 | NONE
      market order decided 6.25% above the mark    | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | MARKET | 1        | 0      | 850.00    | 0        | 0       | 0       | 800.00 | PRICE_COLLAR
      limit order on a last trade 61 s old         | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 1        | 800.00 | 800.00    | 0        | 0       | 0       | 800.00@61s | STALE_REFERENCE
      limit order on a last trade 59 s old         | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 1        | 800.00 | 800.00    | 0        | 0       | 0       | 800.00@59s | NONE
      market order on a last trade 61 s old        | ACTIVE   | ft.momentum  | BTC/USD | NEW               | SELL | MARKET | 1        | 0      | 800.00    | 0        | 0       | 0       | 800.00@61s | STALE_REFERENCE
      collar around the quote mid 840, not trade 800 | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 1        | 841.00 | 841.00    | 0        | 0       | 0       | 800.00 mid 840.00 | NONE
      a stale mid falls back to the last trade     | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | LIMIT  | 1        | 841.00 | 841.00    | 0        | 0       | 0       | 800.00 mid 840.00@61s | PRICE_COLLAR
      a quote mid alone is a reference             | ACTIVE   | ft.momentum  | BTC/USD | NEW               | BUY  | MARKET | 1        | 0      | 840.00    | 0        | 0       | 0       | mid 840.00 | NONE
      ETH: 6 above the 5 instrument max size       | ACTIVE   | ft.momentum  | ETH/USD | NEW               | BUY  | LIMIT  | 6        | 800.00 | 800.00    | 0        | 0       | 0       | 800.00 | INSTRUMENT_LIMIT
      ETH: 0.1 = 80 below the 100 minimum notional | ACTIVE   | ft.momentum  | ETH/USD | NEW               | BUY  | LIMIT  | 0.1      | 800.00 | 800.00    | 0        | 0       | 0       | 800.00 | INSTRUMENT_LIMIT
      ETH: 4 = 3,200 above the 3,000 max notional  | ACTIVE   | ft.momentum  | ETH/USD | NEW               | BUY  | LIMIT  | 4        | 800.00 | 800.00    | 0        | 0       | 0       | 800.00 | INSTRUMENT_LIMIT
      ETH: a reducing sell obeys the instrument too | ACTIVE   | ft.momentum  | ETH/USD | NEW               | SELL | LIMIT  | 6        | 800.00 | 800.00    | 10       | 0       | 0       | 800.00 | INSTRUMENT_LIMIT
      ETH: 3 = 2,400 inside the instrument limits  | ACTIVE   | ft.momentum  | ETH/USD | NEW               | BUY  | LIMIT  | 3        | 800.00 | 800.00    | 0        | 0       | 0       | 800.00 | NONE
      SOL cap: others 8 + buy 3 = 11 above 10      | ACTIVE   | ft.momentum  | SOL/USD | NEW               | BUY  | LIMIT  | 3        | 800.00 | 800.00    | 0        | 0       | 8       | 800.00 | SYMBOL_LIMIT
      SOL cap: others 6 + buy 3 = 7,200 above 7,000 | ACTIVE   | ft.momentum  | SOL/USD | NEW               | BUY  | LIMIT  | 3        | 800.00 | 800.00    | 0        | 0       | 6       | 800.00 | SYMBOL_LIMIT
      SOL cap: own 2 + working 2 + others 4 + buy 3 | ACTIVE   | ft.momentum  | SOL/USD | NEW               | BUY  | LIMIT  | 3        | 800.00 | 800.00    | 2        | 2       | 4       | 800.00 | SYMBOL_LIMIT
      SOL cap: others 8, a sell nets the symbol down | ACTIVE   | ft.momentum  | SOL/USD | NEW               | SELL | LIMIT  | 3        | 800.00 | 800.00    | 0        | 0       | 8       | 800.00 | NONE
      SOL cap: others 4 + buy 4 = 8 = 6,400 inside | ACTIVE   | ft.momentum  | SOL/USD | NEW               | BUY  | LIMIT  | 4        | 800.00 | 800.00    | 0        | 0       | 4       | 800.00 | NONE
      LTC: long 2 + buy 2 = 4 above the 3 limit    | ACTIVE   | ft.momentum  | LTC/USD | NEW               | BUY  | LIMIT  | 2        | 800.00 | 800.00    | 2        | 0       | 0       | 800.00 | POSITION_LIMIT
      LTC: long 2 + working 1 + buy 1 = 4 above 3  | ACTIVE   | ft.momentum  | LTC/USD | NEW               | BUY  | LIMIT  | 1        | 800.00 | 800.00    | 2        | 1       | 0       | 800.00 | POSITION_LIMIT
      LTC: short 2 + sell 2 = short 4 above 3      | ACTIVE   | ft.momentum  | LTC/USD | NEW               | SELL | LIMIT  | 2        | 800.00 | 800.00    | -2       | 0       | 0       | 800.00 | POSITION_LIMIT
      LTC: others' positions are not the strategy's | ACTIVE   | ft.momentum  | LTC/USD | NEW               | BUY  | LIMIT  | 3        | 800.00 | 800.00    | 0        | 0       | 5       | 800.00 | NONE
      LTC: long 2, sell 5 flips to short 3 = limit | ACTIVE   | ft.momentum  | LTC/USD | NEW               | SELL | LIMIT  | 5        | 800.00 | 800.00    | 2        | 0       | 0       | 800.00 | NONE
      XRP restricted: a new buy                    | ACTIVE   | ft.momentum  | XRP/USD | NEW               | BUY  | LIMIT  | 1        | 800.00 | 800.00    | 0        | 0       | 0       | 800.00 | RESTRICTED_SYMBOL
      XRP restricted: a sell that reduces the long | ACTIVE   | ft.momentum  | XRP/USD | NEW               | SELL | LIMIT  | 1        | 800.00 | 800.00    | 2        | 0       | 0       | 800.00 | NONE
      XRP restricted: a reduce-only sell           | ACTIVE   | ft.momentum  | XRP/USD | NEW_REDUCE_ONLY   | SELL | LIMIT  | 1        | 800.00 | 800.00    | 0        | 0       | 0       | 800.00 | NONE
      XRP restricted: a cancel                     | ACTIVE   | ft.momentum  | XRP/USD | CANCEL            |      |        | 0        | 0      | 0         | 0        | 0       | 0       | 800.00 | NONE
      balance: others 96,000 + 4,800 > equity 100,000 | ACTIVE   | big.fund     | BTC/USD | NEW               | BUY  | LIMIT  | 6        | 800.00 | 800.00    | 0        | 0       | 120     | 800.00 | INSUFFICIENT_BALANCE
      balance: others 96,000 + 4,000 = equity      | ACTIVE   | big.fund     | BTC/USD | NEW               | BUY  | LIMIT  | 5        | 800.00 | 800.00    | 0        | 0       | 120     | 800.00 | NONE
      balance: a short counts like a long          | ACTIVE   | big.fund     | BTC/USD | NEW               | SELL | LIMIT  | 6        | 800.00 | 800.00    | 0        | 0       | -120    | 800.00 | INSUFFICIENT_BALANCE
      balance: a reduce-only sell is never refused | ACTIVE   | big.fund     | BTC/USD | NEW_REDUCE_ONLY   | SELL | LIMIT  | 6        | 800.00 | 800.00    | 0        | 0       | 120     | 800.00 | NONE
      throttle: a 4th new order in the same second | ACTIVE   | ft.momentum  | BTC/USD | NEW_AFTER_BURST   | BUY  | LIMIT  | 1        | 800.00 | 800.00    | 0        | 0       | 0       | 800.00 | RATE_LIMITED
      throttle: one second later a token is back   | ACTIVE   | ft.momentum  | BTC/USD | NEW_1S_AFTER_BURST | BUY  | LIMIT  | 1        | 800.00 | 800.00    | 0        | 0       | 0       | 800.00 | NONE
      throttle: a 4th cancel in the same second    | ACTIVE   | ft.momentum  | BTC/USD | CANCEL_AFTER_BURST |      |        | 0        | 0      | 0         | 0        | 0       | 0       | 800.00 | CANCEL_RATE_LIMITED
      throttle: new orders and cancels are apart   | ACTIVE   | ft.momentum  | BTC/USD | CANCEL_AFTER_NEW_BURST |      |        | 0        | 0      | 0         | 0        | 0       | 0       | 800.00 | NONE
      """)
  void rule(String scenario, TradingState state, String strategy, String symbol, String intentKind, Side side,
            OrderType type, String quantity, String limit, String reference, String position, String working,
            String others, String mark, RejectCode expected) {
    String strategyId = strategy == null ? "" : strategy;
    Instrument instrument = BTC_USD.toBuilder().setSymbol(symbol).build();
    OrderIntent intent = intent(intentKind, strategyId, instrument, side, type, quantity, limit, reference);
    RiskBook book = book(state, strategyId, instrument, side, position, working, others, mark);
    burst(book, intentKind, strategyId, instrument);

    CheckResult result = PreTradeCheck.standard(TABLE_LIMITS).evaluate(intent, book);

    assertThat(result.code()).as(scenario + ": " + result.reason()).isEqualTo(expected);
    if (!result.approved()) {
      assertThat(result.reason()).as("a rejection explains itself").isNotBlank();
    }
  }

  private static OrderIntent intent(String kind, String strategy, Instrument instrument, Side side, OrderType type,
                                    String quantity, String limit, String reference) {
    OrderIntent.Builder intent = OrderIntent.newBuilder()
        .setMeta(meta(5))
        .setIntentId(kind.equals("REPEAT") ? REPEATED_ID : "ft.momentum-8")
        .setStrategyId(strategy)
        .setInstrument(instrument);
    if (kind.startsWith("CANCEL")) {
      return intent.setKind(IntentKind.CANCEL_ORDER).setCancelOrderId(kind.equals("CANCEL_WITHOUT_ID") ? "" : "o-ft.momentum-3").build();
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
        .setReduceOnly(kind.equals("NEW_REDUCE_ONLY"))
        .build();
  }

  private static RiskBook book(TradingState state, String strategy, Instrument instrument, Side side, String position,
                               String working, String others, String mark) {
    RiskBook book = new RiskBook(() -> state, 100, TABLE_LIMITS.throttle());
    long now = meta(5).getEventTimeUs();
    String trade = mark == null || mark.startsWith("mid ") ? null : mark.split(" mid ")[0];
    String mid = mark == null || !mark.contains("mid ") ? null : mark.substring(mark.indexOf("mid ") + 4);
    long markPrice = trade != null ? units(price(trade), BTC_USD.getPriceScale())
        : mid != null ? units(price(mid), BTC_USD.getPriceScale()) : 0;
    PortfolioState.Builder snapshot = RiskFixtures.state(5)
        .addAllocations(allocation("ft.momentum", "10000"))
        .addAllocations(allocation("big.fund", "1000000"))
        .addAllocations(allocation("*", "5000"));
    addPosition(snapshot, strategy, instrument, units(position, BTC_USD.getSizeScale()), markPrice);
    addPosition(snapshot, "other.desk", instrument, units(others, BTC_USD.getSizeScale()), markPrice);
    long workingQuantity = units(working, BTC_USD.getSizeScale());
    if (workingQuantity != 0) {
      snapshot.addOpenOrders(Order.newBuilder().setOrderId("o-ft.momentum-3").setStrategyId(strategy).setInstrument(instrument)
          .setSide(side).setType(OrderType.LIMIT).setPrice(markPrice).setQuantity(workingQuantity).setStatus(OrderStatus.ACCEPTED));
    }
    book.onSnapshot(snapshot.build());
    if (trade != null) {
      book.onTrade(instrument.getSymbol(), units(price(trade), BTC_USD.getPriceScale()), 5, now - age(trade));
    }
    if (mid != null) {
      long midPrice = units(price(mid), BTC_USD.getPriceScale());
      book.onQuote(Quote.newBuilder().setMeta(meta(5).toBuilder().setEventTimeUs(now - age(mid))).setInstrument(instrument)
          .setBidPrice(midPrice - 50).setAskPrice(midPrice + 50).setBidSize(1).setAskSize(1).build());
    }
    book.approve(RiskFixtures.cancel(REPEATED_ID, strategy, "o-ft.momentum-1", 4));
    return book;
  }

  /** Three approvals of the same strategy before the intent: same second, or one second earlier. */
  private static void burst(RiskBook book, String kind, String strategy, Instrument instrument) {
    if (!kind.contains("BURST")) {
      return;
    }
    boolean cancels = kind.startsWith("CANCEL_AFTER_BURST");
    long seq = kind.startsWith("NEW_1S") ? 4 : 5;
    for (int n = 1; n <= 3; n++) {
      OrderIntent.Builder earlier = OrderIntent.newBuilder().setMeta(meta(seq)).setIntentId(strategy + "-b" + n)
          .setStrategyId(strategy).setInstrument(instrument);
      book.approve(cancels
          ? earlier.setKind(IntentKind.CANCEL_ORDER).setCancelOrderId("o-b" + n).build()
          : earlier.setKind(IntentKind.NEW_ORDER).setSide(Side.BUY).setType(OrderType.LIMIT)
              .setPrice(units("800.00", BTC_USD.getPriceScale())).setQuantity(units("0.001", BTC_USD.getSizeScale())).build());
    }
  }

  private static void addPosition(PortfolioState.Builder snapshot, String strategy, Instrument instrument, long quantity,
                                  long markPrice) {
    if (quantity != 0) {
      snapshot.addPositions(Position.newBuilder().setStrategyId(strategy).setInstrument(instrument).setQuantity(quantity)
          .setMarkPrice(markPrice).setCostMicros(FixedPoint.notionalMicros(markPrice, Math.abs(quantity), instrument)));
    }
  }

  /** "800.00@61s" -> "800.00". */
  private static String price(String text) {
    return text.split("@")[0].trim();
  }

  /** "800.00@61s" -> 61 s in microseconds; no age -> 0. */
  private static long age(String text) {
    return text.contains("@") ? Long.parseLong(text.substring(text.indexOf('@') + 1).replace("s", "").trim()) * SECOND_US : 0;
  }

  private static long units(String decimal, int scale) {
    return FixedPoint.parseUnits(decimal, scale);
  }
}
