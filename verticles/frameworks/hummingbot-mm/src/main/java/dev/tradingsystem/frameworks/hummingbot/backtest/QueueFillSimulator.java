package dev.tradingsystem.frameworks.hummingbot.backtest;

import dev.tradingsystem.frameworks.hummingbot.quoting.QuoteIntents;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.IntentKind;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.shared.money.FixedPoint;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills a market maker's resting limit orders against a replayed L2 book and trade tape, with a
 * queue position per order (hftbacktest's "risk-averse" queue model):
 * <ul>
 *   <li>orders and cancels take effect {@code latencyMicros} of event time after they were sent;</li>
 *   <li>a post-only order that would cross the book when it arrives (a bid at or above the best
 *       ask, an ask at or below the best bid) is refused, as is one below the minimum size;</li>
 *   <li>on arrival an order queues behind the size resting at its price (nothing if it improves
 *       the price);</li>
 *   <li>a trade at the order's price first works off the queue ahead, then fills the order from
 *       what is left of the print; our orders at one price share a print in arrival order;</li>
 *   <li>a trade through the order's price (a sell below a bid, a buy above an ask) fills it
 *       entirely: the aggressor swept the level;</li>
 *   <li>a book update leaves at most the level's new size ahead (cancels are assumed to come from
 *       behind the order until the level is smaller than its queue); a book that crosses the
 *       order (best ask at or below a bid) fills it entirely;</li>
 *   <li>every fill is a maker fill at the order's price, paying {@code makerFeeBps}.</li>
 * </ul>
 * Deterministic: same events and orders, same fills. Not thread-safe.
 */
public final class QueueFillSimulator {

  /**
   * A fill of one of our orders.
   *
   * @param feeMicros maker fee, micros of quote currency
   */
  public record Fill(String orderId, Side side, long price, long quantity, long feeMicros) {
  }

  private record Pending(long dueUs, OrderIntent intent) {
  }

  private static final class Resting {
    final OrderIntent intent;
    final String orderId;
    final long arrival;
    long filled;
    long queueAhead;

    Resting(OrderIntent intent, long arrival, long queueAhead) {
      this.intent = intent;
      this.orderId = QuoteIntents.orderIdOf(intent);
      this.arrival = arrival;
      this.queueAhead = queueAhead;
    }

    long leaves() {
      return intent.getQuantity() - filled;
    }
  }

  private static final Comparator<Resting> PRIORITY = Comparator.comparingLong((Resting r) -> r.arrival);

  private final Instrument instrument;
  private final double makerFeeBps;
  private final long latencyMicros;
  private final Deque<Pending> pending = new ArrayDeque<>();
  private final Map<String, Resting> resting = new LinkedHashMap<>();
  private long arrivals;
  private long placed;
  private long refused;
  private long cancelled;

  public QueueFillSimulator(Instrument instrument, double makerFeeBps, long latencyMicros) {
    if (!(makerFeeBps >= -100 && makerFeeBps <= 100) || latencyMicros < 0) {
      throw new IllegalArgumentException("maker fee in [-100, 100] bps and latency ≥ 0 required");
    }
    this.instrument = instrument;
    this.makerFeeBps = makerFeeBps;
    this.latencyMicros = latencyMicros;
  }

  /** An intent (new order or cancel) sent at {@code nowUs}; it takes effect after the latency. */
  public void submit(OrderIntent intent, long nowUs) {
    pending.addLast(new Pending(nowUs + latencyMicros, intent));
  }

  /** Applies the orders and cancels due by {@code nowUs} against the book as it is now. */
  public void arrive(long nowUs, L2Book book) {
    while (!pending.isEmpty() && pending.peekFirst().dueUs() <= nowUs) {
      OrderIntent intent = pending.removeFirst().intent();
      if (intent.getKind() == IntentKind.CANCEL_ORDER) {
        if (resting.remove(intent.getCancelOrderId()) != null) {
          cancelled++;
        }
        continue;
      }
      boolean buy = intent.getSide() == Side.BUY;
      long bestAsk = book.bestAsk();
      long bestBid = book.bestBid();
      boolean crosses = buy ? bestAsk > 0 && intent.getPrice() >= bestAsk : bestBid > 0 && intent.getPrice() <= bestBid;
      if (crosses || intent.getQuantity() < Math.max(1, instrument.getMinSize()) || intent.getPrice() <= 0
          || resting.containsKey(QuoteIntents.orderIdOf(intent))) {
        refused++;
        continue;
      }
      Resting order = new Resting(intent, arrivals++, book.sizeAt(intent.getSide(), intent.getPrice()));
      resting.put(order.orderId, order);
      placed++;
    }
  }

  /** A trade of the tape: fills our orders on the side it hit. */
  public List<Fill> onTrade(Trade trade) {
    Side hit = trade.getAggressor() == Side.SELL ? Side.BUY : trade.getAggressor() == Side.BUY ? Side.SELL : null;
    List<Fill> fills = new ArrayList<>();
    if (hit == null) {
      return fills;
    }
    long print = trade.getSize();
    for (Resting order : sorted(hit)) {
      boolean through = hit == Side.BUY ? trade.getPrice() < order.intent.getPrice()
          : trade.getPrice() > order.intent.getPrice();
      if (through) {
        fill(order, order.leaves(), fills);
      } else if (trade.getPrice() == order.intent.getPrice()) {
        long worked = Math.min(order.queueAhead, print);
        order.queueAhead -= worked;
        long quantity = Math.min(order.leaves(), print - worked);
        if (quantity > 0) {
          fill(order, quantity, fills);
          print -= quantity;
        }
      }
    }
    return fills;
  }

  /** The book changed: queues shrink to the level size, crossed orders fill. */
  public List<Fill> onBook(L2Book book) {
    List<Fill> fills = new ArrayList<>();
    for (Resting order : sorted(null)) {
      Side side = order.intent.getSide();
      long price = order.intent.getPrice();
      boolean crossed = side == Side.BUY ? book.bestAsk() > 0 && book.bestAsk() <= price
          : book.bestBid() > 0 && book.bestBid() >= price;
      if (crossed) {
        fill(order, order.leaves(), fills);
      } else {
        order.queueAhead = Math.min(order.queueAhead, book.sizeAt(side, price));
      }
    }
    return fills;
  }

  /** Our working orders as the portfolio would list them. */
  public List<Order> working() {
    List<Order> orders = new ArrayList<>();
    for (Resting order : resting.values()) {
      OrderIntent intent = order.intent;
      orders.add(Order.newBuilder().setMeta(intent.getMeta()).setOrderId(order.orderId)
          .setIntentId(intent.getIntentId()).setStrategyId(intent.getStrategyId()).setInstrument(intent.getInstrument())
          .setSide(intent.getSide()).setType(intent.getType()).setTimeInForce(intent.getTimeInForce())
          .setPrice(intent.getPrice()).setQuantity(intent.getQuantity()).setFilledQuantity(order.filled)
          .setStatus(order.filled > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.ACCEPTED).build());
    }
    return orders;
  }

  /** Queue ahead of a resting order (size units), or -1 if it is not resting. */
  public long queueAhead(String orderId) {
    Resting order = resting.get(orderId);
    return order == null ? -1 : order.queueAhead;
  }

  public long placed() {
    return placed;
  }

  public long refused() {
    return refused;
  }

  public long cancelled() {
    return cancelled;
  }

  /** Our orders on a side (all when null), best price first, then by arrival. */
  private List<Resting> sorted(Side side) {
    return resting.values().stream().filter(r -> side == null || r.intent.getSide() == side)
        .sorted(Comparator.comparingLong((Resting r) -> r.intent.getSide() == Side.BUY
            ? -r.intent.getPrice() : r.intent.getPrice()).thenComparing(PRIORITY)).toList();
  }

  private void fill(Resting order, long quantity, List<Fill> fills) {
    order.filled += quantity;
    long fee = FixedPoint.feeMicros(FixedPoint.notionalMicros(order.intent.getPrice(), quantity, instrument), makerFeeBps);
    fills.add(new Fill(order.orderId, order.intent.getSide(), order.intent.getPrice(), quantity, fee));
    if (order.leaves() <= 0) {
      resting.remove(order.orderId);
    }
  }
}
