package dev.tradingsystem.portfolio.exchange;

import static dev.tradingsystem.portfolio.Fixtures.BTC_USD;
import static dev.tradingsystem.portfolio.Fixtures.px;
import static dev.tradingsystem.portfolio.Fixtures.qty;
import static dev.tradingsystem.portfolio.Fixtures.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TimeInForce;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Partial fills across prints, queue priority, and cancels. */
class PaperExchangeQueueTest {

  private static OrderTicket limit(String intentId, Side side, String price, String quantity, long seq) {
    return new OrderTicket("o-" + intentId, intentId, intentId.substring(0, intentId.indexOf('-')), BTC_USD, side,
        OrderType.LIMIT, TimeInForce.GTC, px(price), qty(quantity), seq);
  }

  @Test
  void aRestingLimitFillsPartiallyAcrossPrintsUntilDone() {
    PaperExchange exchange = new PaperExchange(PaperExchangeConfig.defaults());
    exchange.submit(limit("s-1", Side.BUY, "1000.00", "1", 1));

    List<ExchangeEvent> events = new ArrayList<>();
    events.addAll(exchange.onTrade(trade(2, "999.00", "0.3")));
    events.addAll(exchange.onTrade(trade(3, "999.00", "0.3")));
    events.addAll(exchange.onTrade(trade(4, "1000.00", "5")));
    events.addAll(exchange.onTrade(trade(5, "999.00", "0.6")));

    assertThat(events).map(ExchangeEvent.Fill.class::cast)
        .extracting(ExchangeEvent.Fill::fillNumber, ExchangeEvent.Fill::quantity, ExchangeEvent.Fill::leavesQuantity,
            ExchangeEvent.Fill::filledQuantity)
        .containsExactly(
            tuple(1, qty("0.3"), qty("0.7"), qty("0.3")),
            tuple(2, qty("0.3"), qty("0.4"), qty("0.6")),
            tuple(3, qty("0.4"), 0L, qty("1")));
    assertThat(exchange.workingOrders()).isEmpty();
  }

  @Test
  void ordersAtOnePriceShareAPrintByPlacementSeqThenIntentIdWhateverTheArrivalOrder() {
    List<OrderTicket> tickets = List.of(
        limit("b-1", Side.BUY, "1000.00", "0.4", 3),
        limit("a-1", Side.BUY, "1000.00", "0.4", 3),
        limit("z-1", Side.BUY, "1000.00", "0.4", 2));

    List<ExchangeEvent> inOrder = matchAfterPlacing(tickets);
    List<OrderTicket> backwards = new ArrayList<>(tickets);
    Collections.reverse(backwards);
    List<ExchangeEvent> reversed = matchAfterPlacing(backwards);

    assertThat(inOrder).isEqualTo(reversed);
    assertThat(inOrder).map(ExchangeEvent.Fill.class::cast)
        .extracting(f -> f.ticket().intentId(), ExchangeEvent.Fill::quantity)
        .containsExactly(tuple("z-1", qty("0.4")), tuple("a-1", qty("0.4")), tuple("b-1", qty("0.2")));
  }

  @Test
  void aBetterPriceGoesFirstEvenWhenPlacedLater() {
    PaperExchange exchange = new PaperExchange(PaperExchangeConfig.defaults());
    exchange.submit(limit("early-1", Side.SELL, "1000.01", "1", 1));
    exchange.submit(limit("late-1", Side.SELL, "1000.00", "1", 2));

    List<ExchangeEvent> events = exchange.onTrade(trade(3, "1000.05", "1.5"));

    assertThat(events).map(ExchangeEvent.Fill.class::cast)
        .extracting(f -> f.ticket().intentId(), ExchangeEvent.Fill::quantity)
        .containsExactly(tuple("late-1", qty("1")), tuple("early-1", qty("0.5")));
  }

  @Test
  void bidsAndOffersEachSeeTheWholePrint() {
    PaperExchange exchange = new PaperExchange(PaperExchangeConfig.defaults());
    exchange.submit(limit("bid-1", Side.BUY, "1000.00", "1", 1));
    exchange.submit(limit("ask-1", Side.SELL, "999.00", "1", 1));

    List<ExchangeEvent> events = exchange.onTrade(trade(2, "999.50", "1"));

    assertThat(events).map(ExchangeEvent.Fill.class::cast)
        .extracting(f -> f.ticket().intentId(), ExchangeEvent.Fill::quantity)
        .containsExactly(tuple("bid-1", qty("1")), tuple("ask-1", qty("1")));
  }

  @Test
  void aCancelledOrderNeverFills() {
    PaperExchange exchange = new PaperExchange(PaperExchangeConfig.defaults());
    exchange.submit(limit("s-1", Side.BUY, "1000.00", "1", 1));

    assertThat(exchange.cancel("o-s-1", 1, 0)).satisfies(ack -> {
      assertThat(ack.status()).isEqualTo(CancelAck.Status.CANCELLED);
      assertThat(ack.order().filledQuantity()).isZero();
    });
    assertThat(exchange.cancel("o-s-1", 1, 0).status()).isEqualTo(CancelAck.Status.NOT_WORKING);
    assertThat(exchange.onTrade(trade(2, "900.00", "10"))).isEmpty();
    assertThat(exchange.workingOrders()).isEmpty();
  }

  @Test
  void anOrderIdCanWorkOnlyOnce() {
    PaperExchange exchange = new PaperExchange(PaperExchangeConfig.defaults());

    assertThat(exchange.submit(limit("s-1", Side.BUY, "1000.00", "1", 1)).isAccepted()).isTrue();
    assertThat(exchange.submit(limit("s-1", Side.BUY, "1000.00", "1", 1)).refusal()).contains("already working");
  }

  private static List<ExchangeEvent> matchAfterPlacing(List<OrderTicket> tickets) {
    PaperExchange exchange = new PaperExchange(PaperExchangeConfig.defaults());
    tickets.forEach(exchange::submit);
    return exchange.onTrade(trade(4, "999.00", "1"));
  }
}
