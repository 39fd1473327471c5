package dev.tradingsystem.frameworks.freqtrade;

import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.IntentKind;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Position;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.shared.money.FixedPoint;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small stand-in for the portfolio's paper exchange in tests: an approved order placed on tick N
 * fills on tick N+1 (market at that tick's price, limit when the price reaches it), with a fee,
 * and each tick's snapshot carries positions (average cost, realised P&amp;L, fees) and the orders
 * still working, as the portfolio publishes them.
 */
public final class PaperFills {

  private static final class Book {
    long quantity;
    long cost;
    long realized;
    long fees;
    Instrument instrument;
  }

  private final BigDecimal feeRatio;
  private final Map<String, Book> books = new TreeMap<>();
  private final Map<String, OrderIntent> working = new LinkedHashMap<>();
  private final List<String> fills = new ArrayList<>();

  public PaperFills(String feeRatio) {
    this.feeRatio = new BigDecimal(feeRatio);
  }

  /** Approved intents of a tick: new orders wait for the next tick, cancels take effect now. */
  public void submit(List<OrderIntent> intents) {
    for (OrderIntent intent : intents) {
      if (intent.getKind() == IntentKind.CANCEL_ORDER) {
        working.remove(intent.getCancelOrderId());
      } else {
        working.put("o-" + intent.getIntentId(), intent);
      }
    }
  }

  /** A BTC/USD tick: fills what the price allows, then the snapshot of this tick. */
  public PortfolioState tick(long seq, long eventTimeUs, long price) {
    return tick(seq, eventTimeUs, Fixtures.BTC_USD.getSymbol(), price);
  }

  /** A tick of {@code symbol}: fills that pair's orders the price allows, then the snapshot. */
  public PortfolioState tick(long seq, long eventTimeUs, String symbol, long price) {
    working.entrySet().removeIf(entry -> entry.getValue().getInstrument().getSymbol().equals(symbol)
        && fill(entry.getValue(), price));
    PortfolioState.Builder state = Fixtures.state(seq).toBuilder()
        .setMeta(Fixtures.meta(seq, eventTimeUs));
    books.forEach((key, book) -> state.addPositions(Position.newBuilder()
        .setStrategyId(key.substring(0, key.indexOf('|'))).setInstrument(book.instrument)
        .setQuantity(book.quantity).setCostMicros(book.cost).setRealizedPnlMicros(book.realized)
        .setFeesMicros(book.fees)));
    working.forEach((id, intent) -> state.addOpenOrders(Order.newBuilder().setOrderId(id)
        .setIntentId(intent.getIntentId()).setStrategyId(intent.getStrategyId()).setInstrument(intent.getInstrument())
        .setSide(intent.getSide()).setType(intent.getType()).setPrice(intent.getPrice())
        .setQuantity(intent.getQuantity()).setStatus(OrderStatus.ACCEPTED)));
    return state.build();
  }

  /** "BUY 100000000 @ 100000" per fill, in order. */
  public List<String> fills() {
    return fills;
  }

  private boolean fill(OrderIntent order, long price) {
    boolean marketable = order.getType() == OrderType.MARKET
        || (order.getSide() == Side.BUY ? price <= order.getPrice() : price >= order.getPrice());
    if (!marketable) {
      return false;
    }
    Book book = books.computeIfAbsent(order.getStrategyId() + "|" + order.getInstrument().getSymbol(), k -> new Book());
    book.instrument = order.getInstrument();
    long size = order.getQuantity();
    long notional = FixedPoint.notionalMicros(price, size, order.getInstrument());
    book.fees += BigDecimal.valueOf(notional).multiply(feeRatio).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    long signed = order.getSide() == Side.BUY ? size : -size;
    if (book.quantity == 0 || Long.signum(book.quantity) == Long.signum(signed)) {
      book.quantity += signed;
      book.cost += Long.signum(signed) * notional;
    } else {
      long open = Math.abs(book.quantity);
      long closing = Math.min(size, open);
      long released = closing == open ? book.cost : BigDecimal.valueOf(book.cost).multiply(BigDecimal.valueOf(closing))
          .divide(BigDecimal.valueOf(open), 0, RoundingMode.HALF_EVEN).longValueExact();
      long closingNotional = FixedPoint.notionalMicros(price, closing, order.getInstrument());
      book.realized += Long.signum(book.quantity) * closingNotional - released;
      book.cost -= released;
      book.quantity += signed;
    }
    fills.add(order.getSide() + " " + size + " @ " + price);
    return true;
  }
}
