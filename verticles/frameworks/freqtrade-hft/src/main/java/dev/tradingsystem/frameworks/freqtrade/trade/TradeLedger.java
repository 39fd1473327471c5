package dev.tradingsystem.frameworks.freqtrade.trade;

import dev.tradingsystem.frameworks.freqtrade.strategy.TradeSide;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Position;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One strategy's trades across its pairs, read from each tick's portfolio snapshot: it sees a
 * trade open (the first snapshot with a position), its entries fill, and it close (the first
 * snapshot flat again), and keeps the closed trades protections look back on. The snapshot is the
 * only source, so two runs over the same data keep the same ledger whatever the message timing.
 * Not thread-safe: one owner.
 */
public final class TradeLedger {

  /** An entry order sent and not yet seen resolved. */
  private record PendingEntry(String orderId, TradeSide side, String tag, long quantityBefore, boolean adjustment) {
  }

  private static final int MAX_HISTORY = 10_000;

  private final String strategyId;
  private final long retentionMicros;
  private final Map<String, TradeRecord> open = new TreeMap<>();
  private final Map<String, long[]> flatPnl = new HashMap<>();
  private final Map<String, PendingEntry> pending = new HashMap<>();
  private final Deque<ClosedTrade> history = new ArrayDeque<>();

  /** @param retentionMinutes how long closed trades are kept for protections to look back on */
  public TradeLedger(String strategyId, long retentionMinutes) {
    this.strategyId = strategyId;
    this.retentionMicros = Math.multiplyExact(Math.max(1, retentionMinutes), 60_000_000L);
  }

  /** Reads the strategy's positions and orders from a snapshot; returns the trades that closed. */
  public List<ClosedTrade> observe(PortfolioState state, long nowMicros) {
    Map<String, Position> positions = new TreeMap<>();
    Map<String, Instrument> instruments = new HashMap<>();
    for (Position p : state.getPositionsList()) {
      if (p.getStrategyId().equals(strategyId)) {
        String symbol = p.getInstrument().getSymbol();
        instruments.putIfAbsent(symbol, p.getInstrument());
        positions.merge(symbol, p, TradeLedger::sum);
      }
    }
    Set<String> working = new HashSet<>();
    for (Order o : state.getOpenOrdersList()) {
      if (o.getStrategyId().equals(strategyId)) {
        working.add(o.getOrderId());
      }
    }
    Set<String> symbols = new TreeSet<>(positions.keySet());
    symbols.addAll(open.keySet());
    List<ClosedTrade> closed = new ArrayList<>();
    for (String symbol : symbols) {
      Position position = positions.getOrDefault(symbol, Position.getDefaultInstance());
      observe(symbol, position, instruments.get(symbol), working, nowMicros, closed);
    }
    closed.forEach(this::remember);
    prune(nowMicros);
    return closed;
  }

  private void observe(String symbol, Position position, Instrument instrument, Set<String> working, long now,
      List<ClosedTrade> closed) {
    TradeSide side = TradeSide.ofPosition(position.getQuantity());
    TradeRecord record = open.get(symbol);
    if (record != null && side != record.side()) {
      if (positionKnown(position)) {
        record.pnl(position.getRealizedPnlMicros(), position.getFeesMicros());
      }
      closed.add(record.close(now));
      open.remove(symbol);
      record = null;
    }
    PendingEntry entry = pending.get(symbol);
    long quantity = Math.abs(position.getQuantity());
    if (side == null) {
      flatPnl.put(symbol, new long[] {position.getRealizedPnlMicros(), position.getFeesMicros()});
    } else if (record == null) {
      long[] base = flatPnl.getOrDefault(symbol, new long[] {position.getRealizedPnlMicros(), position.getFeesMicros()});
      String tag = entry != null && entry.side() == side ? entry.tag() : "";
      record = new TradeRecord(symbol, side, now, quantity, Math.abs(position.getCostMicros()),
          instrument.getSizeScale(), BigDecimal.valueOf(Math.max(1, instrument.getTickSize()), instrument.getPriceScale()),
          tag, base[0], base[1]);
      open.put(symbol, record);
      if (entry != null && !entry.adjustment()) {
        // The opening entry is counted by the open itself, whether or not a remainder still works.
        entry = new PendingEntry(entry.orderId(), entry.side(), entry.tag(), Long.MAX_VALUE, false);
        pending.put(symbol, entry);
      }
    } else {
      record.update(quantity, Math.abs(position.getCostMicros()));
    }
    if (record != null) {
      record.pnl(position.getRealizedPnlMicros(), position.getFeesMicros());
    }
    if (entry != null && !working.contains(entry.orderId())) {
      if (record != null && entry.adjustment() && quantity > entry.quantityBefore()) {
        record.entryFilled();
      }
      pending.remove(symbol);
    }
  }

  /** An entry (or position adjustment) order was sent for a pair. */
  public void entrySent(String symbol, String orderId, TradeSide side, String tag) {
    TradeRecord record = open.get(symbol);
    pending.put(symbol, new PendingEntry(orderId, side, tag, record == null ? 0 : record.quantity(), record != null));
  }

  /** An exit was sent for a pair: the label its close will be booked under. */
  public void exitSent(String symbol, String label) {
    TradeRecord record = open.get(symbol);
    if (record != null) {
      record.exitSent(label);
    }
  }

  /** The open trade on a pair, or null. */
  public TradeRecord open(String symbol) {
    return open.get(symbol);
  }

  /** Open trades across pairs. */
  public int openTrades() {
    return open.size();
  }

  /** Closed trades still within the retention window, oldest first. */
  public List<ClosedTrade> history() {
    return List.copyOf(history);
  }

  private void remember(ClosedTrade trade) {
    history.addLast(trade);
    while (history.size() > MAX_HISTORY) {
      history.removeFirst();
    }
  }

  private void prune(long nowMicros) {
    while (!history.isEmpty() && history.peekFirst().closedAtMicros() < nowMicros - retentionMicros) {
      history.removeFirst();
    }
  }

  /** A position row the snapshot actually carries (a vanished row keeps the last P&amp;L seen). */
  private static boolean positionKnown(Position position) {
    return position.hasInstrument();
  }

  private static Position sum(Position a, Position b) {
    return a.toBuilder().setQuantity(a.getQuantity() + b.getQuantity()).setCostMicros(a.getCostMicros() + b.getCostMicros())
        .setRealizedPnlMicros(a.getRealizedPnlMicros() + b.getRealizedPnlMicros())
        .setFeesMicros(a.getFeesMicros() + b.getFeesMicros()).build();
  }
}
