package dev.tradingsystem.app.backtest.performance;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the fills of a run into round-trip trades per strategy and pair.
 *
 * <p>A trade opens when a fill leaves a flat position and closes when a fill brings it back to
 * flat. Fills are taken in arrival order (first in, first out), so a trade's entries and exits
 * are exactly the fills between those two moments. A fill larger than the open position closes the
 * trade with the share that flattens it and opens the next trade with the rest; notional and fee
 * of such a fill are split pro rata to the quantity.
 */
public final class TradeLedger {

  private final Map<String, Book> books = new TreeMap<>();
  private final List<ClosedTrade> closed = new ArrayList<>();

  /**
   * Applies one fill.
   *
   * @param buy side of the fill
   * @param quantity filled size in size units (positive)
   * @param notionalMicros price × quantity in micros of quote currency
   * @param feeMicros fee charged on the fill, micros
   */
  public void fill(String strategyId, String pair, boolean buy, long quantity, long notionalMicros, long feeMicros,
      long timeUs) {
    if (quantity <= 0) {
      throw new IllegalArgumentException("fill quantity must be positive, got " + quantity);
    }
    books.computeIfAbsent(key(strategyId, pair), k -> new Book(strategyId, pair))
        .fill(buy ? quantity : -quantity, notionalMicros, feeMicros, timeUs);
  }

  /** Closed trades in closing order. */
  public List<ClosedTrade> closedTrades() {
    return List.copyOf(closed);
  }

  /** Fees of every fill, closed trades or not, of one strategy and pair, micros. */
  public long feesMicros(String strategyId, String pair) {
    Book book = books.get(key(strategyId, pair));
    return book == null ? 0 : book.allFees;
  }

  /** Pairs a strategy filled in, sorted. */
  public List<String> pairs(String strategyId) {
    return books.values().stream().filter(b -> b.strategyId.equals(strategyId)).map(b -> b.pair).toList();
  }

  /** Strategies with at least one fill, sorted. */
  public List<String> strategies() {
    return books.values().stream().map(b -> b.strategyId).distinct().sorted().toList();
  }

  /** Time intervals {open, close} a strategy held a position in a pair; an open one ends at {@code endUs}. */
  public List<long[]> inMarket(String strategyId, String pair, long endUs) {
    Book book = books.get(key(strategyId, pair));
    if (book == null) {
      return List.of();
    }
    List<long[]> intervals = new ArrayList<>(book.intervals);
    if (book.position != 0) {
      intervals.add(new long[] {book.openTimeUs, Math.max(book.openTimeUs, endUs)});
    }
    return intervals;
  }

  /** Number of trades still open at the end. */
  public long openTrades(String strategyId, String pair) {
    Book book = books.get(key(strategyId, pair));
    return book == null || book.position == 0 ? 0 : 1;
  }

  private static String key(String strategyId, String pair) {
    return strategyId + '\u0000' + pair;
  }

  private final class Book {
    final String strategyId;
    final String pair;
    final List<long[]> intervals = new ArrayList<>();
    long position;
    long openTimeUs;
    long entryMicros;
    long exitMicros;
    long feesMicros;
    long allFees;
    // The side of the opening fill: the position's sign is zero again when the trade closes.
    boolean shortSide;

    Book(String strategyId, String pair) {
      this.strategyId = strategyId;
      this.pair = pair;
    }

    void fill(long signedQuantity, long notionalMicros, long feeMicros, long timeUs) {
      allFees += feeMicros;
      if (position == 0) {
        open(signedQuantity, notionalMicros, feeMicros, timeUs);
      } else if (Long.signum(position) == Long.signum(signedQuantity)) {
        position += signedQuantity;
        entryMicros += notionalMicros;
        feesMicros += feeMicros;
      } else {
        long size = Math.abs(signedQuantity);
        long closing = Math.min(size, Math.abs(position));
        long closingNotional = share(notionalMicros, closing, size);
        long closingFee = share(feeMicros, closing, size);
        exitMicros += closingNotional;
        feesMicros += closingFee;
        position += Long.signum(signedQuantity) * closing;
        if (position == 0) {
          close(timeUs);
          if (size > closing) {
            open(Long.signum(signedQuantity) * (size - closing), notionalMicros - closingNotional,
                feeMicros - closingFee, timeUs);
          }
        }
      }
    }

    private void open(long signedQuantity, long notionalMicros, long feeMicros, long timeUs) {
      position = signedQuantity;
      shortSide = signedQuantity < 0;
      openTimeUs = timeUs;
      entryMicros = notionalMicros;
      exitMicros = 0;
      feesMicros = feeMicros;
    }

    private void close(long timeUs) {
      long gross = shortSide ? entryMicros - exitMicros : exitMicros - entryMicros;
      closed.add(new ClosedTrade(strategyId, pair, shortSide, openTimeUs, timeUs, entryMicros, exitMicros,
          feesMicros, gross - feesMicros));
      intervals.add(new long[] {openTimeUs, timeUs});
    }
  }

  /** amount × part / whole, halves rounded away from zero, without overflow. */
  static long share(long amount, long part, long whole) {
    if (part == whole) {
      return amount;
    }
    BigInteger[] qr = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(part))
        .divideAndRemainder(BigInteger.valueOf(whole));
    long q = qr[0].longValueExact();
    boolean roundUp = qr[1].abs().shiftLeft(1).compareTo(BigInteger.valueOf(whole)) >= 0;
    return roundUp ? q + Long.signum(amount) : q;
  }
}
