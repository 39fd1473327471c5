package dev.tradingsystem.portfolio.exchange;

import dev.tradingsystem.proto.Liquidity;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.TimeInForce;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.shared.money.FixedPoint;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A deterministic paper venue that fills working orders against the replayed trade tape.
 *
 * <p>Rules, per trade of a symbol (a trader-readable table of them is in the tests):
 * <ul>
 *   <li>An order is eligible only for trades whose seq is greater than its placement seq: it
 *       cannot fill on the print it was decided on.</li>
 *   <li>MARKET fills its whole quantity on the first eligible trade at the trade price plus (buy)
 *       or minus (sell) the half-spread, rounded to the tick away from the trader, paying the
 *       taker fee. It takes from the book behind the print, so it does not use up the print's
 *       size.</li>
 *   <li>LIMIT fills only when the market trades through it (buy: trade price strictly below the
 *       limit; sell: strictly above), at the limit price, for min(leaves, size left of the print
 *       on that side), paying the maker fee. A print at exactly the limit may have been the queue
 *       ahead of us, so it fills nothing.</li>
 *   <li>IOC limit: meets only the first eligible trade; what that trade does not fill expires.
 *       FOK limit: fills entirely on the first eligible trade or expires unfilled. Both never
 *       rest, so their fills pay the taker fee.</li>
 *   <li>POST_ONLY: refused at placement when it would cross the last trade price (a buy at or
 *       above it, a sell at or below it); otherwise it rests like GTC.</li>
 *   <li>Priority: market orders, then bids best price first, then offers best price first; at
 *       one price by (placement seq, intent id). Never arrival order, so two replays of the same
 *       tape give the same fills whichever framework's call came first.</li>
 * </ul>
 * The bid side and the offer side each get the full print size: a print through a bid means
 * sellers hit down there, a print through an offer means buyers lifted up there.
 */
public final class PaperExchange implements ExchangeAdapter {

  static final Comparator<WorkingOrder> PRIORITY = Comparator
      .comparingInt((WorkingOrder o) -> rank(o.ticket()))
      .thenComparingLong(o -> priceKey(o.ticket()))
      .thenComparingLong(o -> o.ticket().placedSeq())
      .thenComparing(o -> o.ticket().intentId())
      .thenComparing(o -> o.ticket().orderId());

  private final PaperExchangeConfig config;
  private final Map<String, WorkingOrder> byId = new HashMap<>();
  private final Map<String, NavigableSet<WorkingOrder>> bySymbol = new TreeMap<>();
  private final Map<String, Long> lastTradePrice = new HashMap<>();

  public PaperExchange(PaperExchangeConfig config) {
    this.config = config;
  }

  @Override
  public Optional<String> submit(OrderTicket ticket) {
    if (byId.containsKey(ticket.orderId())) {
      return Optional.of("order " + ticket.orderId() + " is already working");
    }
    if (ticket.timeInForce() == TimeInForce.POST_ONLY) {
      Long last = lastTradePrice.get(ticket.symbol());
      if (last != null && (ticket.isBuy() ? ticket.price() >= last : ticket.price() <= last)) {
        return Optional.of("post-only " + ticket.side() + " at " + ticket.price()
            + " would cross the last trade at " + last);
      }
    }
    WorkingOrder order = new WorkingOrder(ticket);
    byId.put(ticket.orderId(), order);
    bySymbol.computeIfAbsent(ticket.symbol(), s -> new TreeSet<>(PRIORITY)).add(order);
    return Optional.empty();
  }

  @Override
  public Optional<WorkingOrder> cancel(String orderId) {
    WorkingOrder order = byId.get(orderId);
    if (order == null) {
      return Optional.empty();
    }
    remove(order);
    return Optional.of(order);
  }

  @Override
  public List<ExchangeEvent> onTrade(Trade trade) {
    String symbol = trade.getInstrument().getSymbol();
    long seq = trade.getMeta().getSeq();
    long price = trade.getPrice();
    lastTradePrice.put(symbol, price);
    NavigableSet<WorkingOrder> queue = bySymbol.get(symbol);
    if (queue == null || queue.isEmpty()) {
      return List.of();
    }
    List<ExchangeEvent> events = new ArrayList<>();
    long bidSizeLeft = trade.getSize();
    long offerSizeLeft = trade.getSize();
    for (WorkingOrder order : List.copyOf(queue)) {
      OrderTicket ticket = order.ticket();
      if (ticket.placedSeq() >= seq) {
        continue;
      }
      if (ticket.type() == OrderType.MARKET) {
        events.add(fill(order, marketFillPrice(ticket, price), order.leavesQuantity(), Liquidity.TAKER));
        remove(order);
        continue;
      }
      boolean tradedThrough = ticket.isBuy() ? price < ticket.price() : price > ticket.price();
      long sizeLeft = ticket.isBuy() ? bidSizeLeft : offerSizeLeft;
      long quantity = tradedThrough ? Math.min(order.leavesQuantity(), sizeLeft) : 0;
      if (ticket.timeInForce() == TimeInForce.FOK && quantity < order.leavesQuantity()) {
        quantity = 0;
      }
      if (quantity > 0) {
        events.add(fill(order, ticket.price(), quantity, ticket.isImmediate() ? Liquidity.TAKER : Liquidity.MAKER));
        if (ticket.isBuy()) {
          bidSizeLeft -= quantity;
        } else {
          offerSizeLeft -= quantity;
        }
      }
      if (order.leavesQuantity() == 0) {
        remove(order);
      } else if (ticket.isImmediate()) {
        events.add(new ExchangeEvent.Expiry(ticket, order.filledQuantity(), expiryReason(ticket, tradedThrough, seq)));
        remove(order);
      }
    }
    return events;
  }

  @Override
  public List<WorkingOrder> workingOrders() {
    List<WorkingOrder> all = new ArrayList<>(byId.size());
    bySymbol.values().forEach(all::addAll);
    return all;
  }

  /** Trade price moved by the half-spread against the trader, rounded to the tick away from them. */
  long marketFillPrice(OrderTicket ticket, long tradePrice) {
    BigDecimal spread = BigDecimal.valueOf(config.halfSpreadBps()).movePointLeft(4);
    BigDecimal factor = ticket.isBuy() ? BigDecimal.ONE.add(spread) : BigDecimal.ONE.subtract(spread);
    BigDecimal raw = BigDecimal.valueOf(tradePrice).multiply(factor);
    long units = raw.setScale(0, ticket.isBuy() ? RoundingMode.CEILING : RoundingMode.FLOOR).longValueExact();
    return FixedPoint.roundToTick(units, ticket.instrument(), !ticket.isBuy());
  }

  private ExchangeEvent.Fill fill(WorkingOrder order, long price, long quantity, Liquidity liquidity) {
    OrderTicket ticket = order.ticket();
    double bps = liquidity == Liquidity.MAKER ? config.makerFeeBps() : config.takerFeeBps();
    long fee = FixedPoint.feeMicros(FixedPoint.notionalMicros(price, quantity, ticket.instrument()), bps);
    order.fill(quantity);
    return new ExchangeEvent.Fill(ticket, order.fills(), price, quantity, fee, liquidity,
        order.filledQuantity(), order.leavesQuantity());
  }

  private static String expiryReason(OrderTicket ticket, boolean tradedThrough, long seq) {
    if (!tradedThrough) {
      return ticket.timeInForce() + " not marketable against trade seq " + seq;
    }
    return ticket.timeInForce() == TimeInForce.FOK
        ? "FOK: trade seq " + seq + " could not fill the whole quantity"
        : "IOC: rest unfilled by trade seq " + seq;
  }

  private void remove(WorkingOrder order) {
    byId.remove(order.ticket().orderId());
    NavigableSet<WorkingOrder> queue = bySymbol.get(order.ticket().symbol());
    if (queue != null) {
      queue.remove(order);
    }
  }

  private static int rank(OrderTicket ticket) {
    if (ticket.type() == OrderType.MARKET) {
      return 0;
    }
    return ticket.isBuy() ? 1 : 2;
  }

  /** Best price first: highest bid, lowest offer. */
  private static long priceKey(OrderTicket ticket) {
    if (ticket.type() == OrderType.MARKET) {
      return 0;
    }
    return ticket.isBuy() ? -ticket.price() : ticket.price();
  }
}
