package dev.tradingsystem.portfolio.exchange;

import static dev.tradingsystem.portfolio.Fixtures.BTC_USD;
import static dev.tradingsystem.portfolio.Fixtures.px;
import static dev.tradingsystem.portfolio.Fixtures.qty;
import static dev.tradingsystem.portfolio.Fixtures.trade;
import static dev.tradingsystem.portfolio.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.Liquidity;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TimeInForce;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The paper exchange's fill rules as a trader reads them. Default costs: half-spread 5 bps,
 * taker 10 bps, maker 5 bps. Each order is placed at seq 1 and meets one trade at seq 2.
 */
class PaperExchangeMatchingTest {

  @ParameterizedTest(name = "{0} {1} {2} {4} @ {3} vs trade {5} x {6} -> {7} @ {8}, fee {9}, {10}, {11}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      # type | tif       | side | limit   | qty | trade   | size | filled | price   | fee     | liquidity | status
      MARKET | GTC       | BUY  | -       | 1   | 1000.00 | 2    | 1      | 1000.50 | 1.0005  | TAKER     | FILLED
      MARKET | GTC       | SELL | -       | 1   | 1000.00 | 2    | 1      | 999.50  | 0.9995  | TAKER     | FILLED
      MARKET | GTC       | BUY  | -       | 1   | 1000.01 | 2    | 1      | 1000.52 | 1.00052 | TAKER     | FILLED
      MARKET | GTC       | SELL | -       | 1   | 1000.01 | 2    | 1      | 999.50  | 0.9995  | TAKER     | FILLED
      MARKET | GTC       | BUY  | -       | 3   | 1000.00 | 0.1  | 3      | 1000.50 | 3.0015  | TAKER     | FILLED
      LIMIT  | GTC       | BUY  | 1000.00 | 1   | 999.99  | 2    | 1      | 1000.00 | 0.50    | MAKER     | FILLED
      LIMIT  | GTC       | BUY  | 1000.00 | 1   | 1000.00 | 2    | 0      | -       | 0       | -         | WORKING
      LIMIT  | GTC       | BUY  | 1000.00 | 1   | 1000.01 | 2    | 0      | -       | 0       | -         | WORKING
      LIMIT  | GTC       | SELL | 1000.00 | 1   | 1000.01 | 2    | 1      | 1000.00 | 0.50    | MAKER     | FILLED
      LIMIT  | GTC       | SELL | 1000.00 | 1   | 1000.00 | 2    | 0      | -       | 0       | -         | WORKING
      LIMIT  | GTC       | SELL | 1000.00 | 1   | 999.99  | 2    | 0      | -       | 0       | -         | WORKING
      LIMIT  | GTC       | BUY  | 1000.00 | 1   | 990.00  | 0.4  | 0.4    | 1000.00 | 0.20    | MAKER     | PARTIAL
      LIMIT  | POST_ONLY | BUY  | 1000.00 | 1   | 999.99  | 2    | 1      | 1000.00 | 0.50    | MAKER     | FILLED
      LIMIT  | IOC       | BUY  | 1000.00 | 1   | 1000.50 | 2    | 0      | -       | 0       | -         | EXPIRED
      LIMIT  | IOC       | BUY  | 1000.00 | 1   | 999.00  | 0.4  | 0.4    | 1000.00 | 0.40    | TAKER     | EXPIRED
      LIMIT  | IOC       | SELL | 1000.00 | 1   | 1001.00 | 2    | 1      | 1000.00 | 1.00    | TAKER     | FILLED
      LIMIT  | FOK       | BUY  | 1000.00 | 1   | 999.00  | 0.4  | 0      | -       | 0       | -         | EXPIRED
      LIMIT  | FOK       | BUY  | 1000.00 | 1   | 999.00  | 2    | 1      | 1000.00 | 1.00    | TAKER     | FILLED
      """)
  void fillsByTheTable(OrderType type, TimeInForce tif, Side side, String limit, String quantity,
      String tradePrice, String tradeSize, String filled, String fillPrice, String fee, Liquidity liquidity,
      String status) {
    PaperExchange exchange = new PaperExchange(PaperExchangeConfig.defaults());
    OrderTicket ticket = new OrderTicket("o-s-1", "s-1", "s", BTC_USD, side, type, tif,
        limit == null ? 0 : px(limit), qty(quantity), 1);
    assertThat(exchange.submit(ticket).isAccepted()).isTrue();

    List<ExchangeEvent> events = exchange.onTrade(trade(2, tradePrice, tradeSize));

    List<ExchangeEvent.Fill> fills = events.stream()
        .filter(ExchangeEvent.Fill.class::isInstance).map(ExchangeEvent.Fill.class::cast).toList();
    assertThat(fills.stream().mapToLong(ExchangeEvent.Fill::quantity).sum()).as("filled").isEqualTo(qty(filled));
    assertThat(fills.stream().mapToLong(ExchangeEvent.Fill::feeMicros).sum()).as("fee").isEqualTo(usd(fee));
    if (fillPrice != null) {
      assertThat(fills).singleElement().satisfies(fill -> {
        assertThat(fill.price()).as("fill price").isEqualTo(px(fillPrice));
        assertThat(fill.liquidity()).as("liquidity").isEqualTo(liquidity);
      });
    }
    assertThat(statusOf(events)).as("status").isEqualTo(status);
    boolean stillWorking = status.equals("WORKING") || status.equals("PARTIAL");
    assertThat(exchange.workingOrders()).as("working orders").hasSize(stillWorking ? 1 : 0);
  }

  @ParameterizedTest(name = "order placed at seq 5 vs trade seq {0}: fills {1}")
  @CsvSource({"4, false", "5, false", "6, true"})
  void fillsOnlyOnTradesAfterItsPlacementSeq(long tradeSeq, boolean fills) {
    PaperExchange exchange = new PaperExchange(PaperExchangeConfig.defaults());
    exchange.submit(new OrderTicket("o-s-1", "s-1", "s", BTC_USD, Side.BUY, OrderType.MARKET, TimeInForce.GTC,
        0, qty("1"), 5));

    assertThat(exchange.onTrade(trade(tradeSeq, "1000.00", "1"))).hasSize(fills ? 1 : 0);
  }

  @ParameterizedTest(name = "last trade 1000.00, post-only {0} @ {1}: {2}")
  @CsvSource({
      "BUY,  999.99,  accepted",
      "BUY,  1000.00, rejected",
      "BUY,  1000.01, rejected",
      "SELL, 1000.01, accepted",
      "SELL, 1000.00, rejected",
      "SELL, 999.99,  rejected"})
  void postOnlyIsRefusedWhenItWouldCrossTheLastTrade(Side side, String limit, String outcome) {
    PaperExchange exchange = new PaperExchange(PaperExchangeConfig.defaults());
    exchange.onTrade(trade(1, "1000.00", "1"));

    Optional<String> refusal = exchange.submit(new OrderTicket("o-s-1", "s-1", "s", BTC_USD, side, OrderType.LIMIT,
        TimeInForce.POST_ONLY, px(limit), qty("1"), 1)).refusalReason();

    assertThat(refusal.isEmpty() ? "accepted" : "rejected").isEqualTo(outcome);
    refusal.ifPresent(reason -> assertThat(reason).contains("would cross the last trade"));
  }

  private static String statusOf(List<ExchangeEvent> events) {
    if (events.isEmpty()) {
      return "WORKING";
    }
    ExchangeEvent last = events.get(events.size() - 1);
    if (last instanceof ExchangeEvent.Expiry) {
      return "EXPIRED";
    }
    return ((ExchangeEvent.Fill) last).leavesQuantity() == 0 ? "FILLED" : "PARTIAL";
  }
}
