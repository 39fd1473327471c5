package dev.tradingsystem.frameworks.hummingbot.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.frameworks.hummingbot.Fixtures;
import dev.tradingsystem.frameworks.hummingbot.quoting.QuoteIntents;
import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookLevel;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.Trade;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Queue-position fills, BTC/USD in cents and BTC. The book: bids 100.00 × 2.0 and 99.99 × 1.0, asks
 * 100.02 × 1.5. Our bid of 1.0 BTC at 100.00 joins behind the 2.0 BTC resting there.
 */
class QueueFillSimulatorTest {

  private static final long BTC = Fixtures.ONE_BTC;

  private final QuoteIntents intents = new QuoteIntents("hummingbot-mm.test");
  private long updateId = 10;

  private L2Book book() {
    L2Book book = new L2Book();
    book.onSnapshot(BookSnapshot.newBuilder().setLastUpdateId(updateId)
        .addBids(BookLevel.newBuilder().setPrice(10_000).setSize(2 * BTC))
        .addBids(BookLevel.newBuilder().setPrice(9_999).setSize(BTC))
        .addAsks(BookLevel.newBuilder().setPrice(10_002).setSize(3 * BTC / 2)).build());
    return book;
  }

  private OrderIntent quote(Side side, long price, long size) {
    return intents.quote(Meta.getDefaultInstance(), Fixtures.BTC_USD, side, price, size, price, "test");
  }

  private static Trade trade(Side aggressor, long price, double btc) {
    return Trade.newBuilder().setAggressor(aggressor).setPrice(price).setSize(Math.round(btc * BTC)).build();
  }

  /**
   * One resting bid through a sequence of events: {@code trade SIDE price btc} (SIDE = aggressor) or
   * {@code book price btc} (the bid level's new size); then the queue ahead and what has filled.
   */
  @Test
  void aRestingBidWorksThroughItsQueueBeforeItFills() {
    String table = """
        event                 | queue ahead btc | filled btc
        trade SELL 10000 0.5  | 1.5             | 0
        book 10000 1.2        | 1.2             | 0
        book 10000 3.0        | 1.2             | 0
        trade BUY 10000 5     | 1.2             | 0
        trade SELL 10001 1    | 1.2             | 0
        trade SELL 10000 1.5  | 0               | 0.3
        trade SELL 10000 0.4  | 0               | 0.7
        trade SELL 9999 0.01  | gone            | 1.0
        """;
    L2Book book = book();
    QueueFillSimulator simulator = new QueueFillSimulator(Fixtures.BTC_USD, 0, 0);
    OrderIntent bid = quote(Side.BUY, 10_000, BTC);
    simulator.submit(bid, 0);
    simulator.arrive(0, book);
    long filled = 0;
    for (String row : table.lines().skip(1).filter(l -> !l.isBlank()).toList()) {
      String[] cells = row.split("\\|");
      String[] event = cells[0].trim().split(" ");
      List<QueueFillSimulator.Fill> fills;
      if (event[0].equals("trade")) {
        fills = simulator.onTrade(trade(Side.valueOf(event[1]), Long.parseLong(event[2]), Double.parseDouble(event[3])));
      } else {
        book.onDelta(BookDelta.newBuilder().setFirstUpdateId(++updateId).setLastUpdateId(updateId)
            .addBids(BookLevel.newBuilder().setPrice(Long.parseLong(event[1]))
                .setSize(Math.round(Double.parseDouble(event[2]) * BTC))).build());
        fills = simulator.onBook(book);
      }
      filled += fills.stream().mapToLong(QueueFillSimulator.Fill::quantity).sum();
      String queue = cells[1].trim();
      assertThat(simulator.queueAhead(QuoteIntents.orderIdOf(bid))).as(row)
          .isEqualTo(queue.equals("gone") ? -1 : Math.round(Double.parseDouble(queue) * BTC));
      assertThat(filled).as(row).isEqualTo(Math.round(Double.parseDouble(cells[2].trim()) * BTC));
    }
  }

  @ParameterizedTest(name = "{0} {1} at {2} -> resting {3}, queue ahead {4}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      side | price cents | btc        | resting | queue ahead btc
      BUY  | 10000       | 1          | true    | 2.0
      BUY  | 10001       | 1          | true    | 0
      BUY  | 10002       | 1          | false   | 0
      SELL | 10002       | 1          | true    | 1.5
      SELL | 10000       | 1          | false   | 0
      BUY  | 9999        | 0          | false   | 0
      """)
  void postOnlyOrdersThatWouldTakeAreRefusedAndOthersJoinTheirLevel(Side side, long price, double btc,
      boolean resting, double queue) {
    QueueFillSimulator simulator = new QueueFillSimulator(Fixtures.BTC_USD, 0, 0);
    OrderIntent order = quote(side, price, Math.round(btc * BTC));
    simulator.submit(order, 0);
    simulator.arrive(0, book());

    assertThat(simulator.placed()).isEqualTo(resting ? 1 : 0);
    assertThat(simulator.refused()).isEqualTo(resting ? 0 : 1);
    assertThat(simulator.queueAhead(QuoteIntents.orderIdOf(order))).isEqualTo(resting ? Math.round(queue * BTC) : -1);
  }

  @Test
  void ordersAndCancelsArriveAfterTheLatencyAndABookThroughTheOrderFillsIt() {
    QueueFillSimulator simulator = new QueueFillSimulator(Fixtures.BTC_USD, 2, 100_000);
    L2Book book = book();
    OrderIntent ask = quote(Side.SELL, 10_003, BTC / 2);
    simulator.submit(ask, 1_000_000);
    simulator.arrive(1_099_999, book);
    assertThat(simulator.working()).isEmpty();
    simulator.arrive(1_100_000, book);
    assertThat(simulator.working()).singleElement().satisfies(o -> assertThat(o.getOrderId()).isEqualTo("o-" + ask.getIntentId()));

    book.onDelta(BookDelta.newBuilder().setFirstUpdateId(11).setLastUpdateId(11)
        .addBids(BookLevel.newBuilder().setPrice(10_003).setSize(BTC)).build());
    List<QueueFillSimulator.Fill> fills = simulator.onBook(book);

    // Maker fee 2 bps on 0.5 × 100.03 = 50.015 USD: 0.010003 USD.
    assertThat(fills).containsExactly(new QueueFillSimulator.Fill("o-" + ask.getIntentId(), Side.SELL, 10_003, BTC / 2,
        10_003));
    assertThat(simulator.working()).isEmpty();
  }

  @Test
  void aCancelRemovesTheOrderOnceItArrives() {
    QueueFillSimulator simulator = new QueueFillSimulator(Fixtures.BTC_USD, 0, 0);
    L2Book book = book();
    OrderIntent bid = quote(Side.BUY, 10_000, BTC);
    simulator.submit(bid, 0);
    simulator.arrive(0, book);
    simulator.submit(intents.cancel(Meta.getDefaultInstance(), simulator.working().get(0), 10_000, "test"), 5);
    simulator.arrive(5, book);

    assertThat(simulator.cancelled()).isEqualTo(1);
    assertThat(simulator.onTrade(trade(Side.SELL, 9_000, 10))).isEmpty();
  }
}
