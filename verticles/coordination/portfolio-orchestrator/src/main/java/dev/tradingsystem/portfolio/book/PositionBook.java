package dev.tradingsystem.portfolio.book;

import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Position;
import dev.tradingsystem.proto.Side;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * All positions of the portfolio, by strategy and symbol, and the cash account they were paid
 * from. Equity is cash plus the signed market value of every open position at its mark.
 * Single-threaded: one owner.
 */
public final class PositionBook {

  private record Key(String strategyId, String symbol) {
  }

  private static final Comparator<Key> ORDER =
      Comparator.comparing(Key::strategyId).thenComparing(Key::symbol);

  private final long initialCapitalMicros;
  private final Map<Key, StrategyPosition> positions = new TreeMap<>(ORDER);
  private final Map<String, Long> marks = new HashMap<>();
  private long cashMicros;

  public PositionBook(long initialCapitalMicros) {
    this.initialCapitalMicros = initialCapitalMicros;
    this.cashMicros = initialCapitalMicros;
  }

  /** Books a fill: the position moves, cash pays (buy) or receives (sell) the notional, less the fee. */
  public void applyFill(String strategyId, Instrument instrument, Side side, long price, long size, long feeMicros) {
    StrategyPosition position = positions.computeIfAbsent(new Key(strategyId, instrument.getSymbol()), key -> {
      StrategyPosition created = new StrategyPosition(strategyId, instrument);
      Long mark = marks.get(key.symbol());
      if (mark != null) {
        created.mark(mark);
      }
      return created;
    });
    long notional = position.apply(side, price, size, feeMicros);
    cashMicros += (side == Side.BUY ? -notional : notional) - feeMicros;
  }

  /** Marks every position in a symbol at the last trade price. */
  public void mark(String symbol, long price) {
    marks.put(symbol, price);
    for (StrategyPosition position : positions.values()) {
      if (position.instrument().getSymbol().equals(symbol)) {
        position.mark(price);
      }
    }
  }

  public long initialCapitalMicros() {
    return initialCapitalMicros;
  }

  public long cashMicros() {
    return cashMicros;
  }

  public long equityMicros() {
    long equity = cashMicros;
    for (StrategyPosition position : positions.values()) {
      equity += position.marketValueMicros();
    }
    return equity;
  }

  public long realizedMicros() {
    return positions.values().stream().mapToLong(StrategyPosition::realizedMicros).sum();
  }

  public long unrealizedMicros() {
    return positions.values().stream().mapToLong(StrategyPosition::unrealizedMicros).sum();
  }

  public long feesMicros() {
    return positions.values().stream().mapToLong(StrategyPosition::feesMicros).sum();
  }

  /**
   * Positions sorted by (strategy, symbol), flat ones included because they carry realised P&amp;L.
   *
   * @param strategyId only this strategy's; null or empty for all
   */
  public List<Position> positions(String strategyId) {
    List<Position> result = new ArrayList<>();
    for (StrategyPosition position : positions.values()) {
      if (strategyId == null || strategyId.isEmpty() || position.strategyId().equals(strategyId)) {
        result.add(position.toProto());
      }
    }
    return result;
  }
}
