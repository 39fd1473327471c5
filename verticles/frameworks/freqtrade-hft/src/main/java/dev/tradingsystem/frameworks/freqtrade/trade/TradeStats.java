package dev.tradingsystem.frameworks.freqtrade.trade;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * One strategy's trade counters for the run report: closed trades, wins and losses, net profit,
 * closes by exit type, entries refused by a lock, position adjustments refused by the limit, and
 * the risk stand-downs: entries and DCA adds skipped, entries cut by a haircut, exits held by a halt.
 * Written by the owner, readable from any thread.
 */
public final class TradeStats {

  private final LongAdder closed = new LongAdder();
  private final LongAdder wins = new LongAdder();
  private final LongAdder profitMicros = new LongAdder();
  private final LongAdder lockedEntries = new LongAdder();
  private final LongAdder adjustmentsRefused = new LongAdder();
  private final LongAdder entriesSkippedByRisk = new LongAdder();
  private final LongAdder addsSkippedByRisk = new LongAdder();
  private final LongAdder entriesCutByRisk = new LongAdder();
  private final LongAdder exitsHeldByRisk = new LongAdder();
  private final Map<String, LongAdder> exits = new ConcurrentSkipListMap<>();

  void closed(ClosedTrade trade) {
    closed.increment();
    if (trade.profitMicros() > 0) {
      wins.increment();
    }
    profitMicros.add(trade.profitMicros());
    ExitReason reason = trade.exitReason();
    exits.computeIfAbsent(reason == ExitReason.NONE ? trade.exitLabel() : reason.label(), k -> new LongAdder())
        .increment();
  }

  void lockedEntry() {
    lockedEntries.increment();
  }

  void adjustmentRefused() {
    adjustmentsRefused.increment();
  }

  void entrySkippedByRisk() {
    entriesSkippedByRisk.increment();
  }

  void addSkippedByRisk() {
    addsSkippedByRisk.increment();
  }

  void entryCutByRisk() {
    entriesCutByRisk.increment();
  }

  void exitHeldByRisk() {
    exitsHeldByRisk.increment();
  }

  /** Entry signals not acted on because the risk stance allowed no new exposure (or the haircut left too little). */
  public long entriesSkippedByRisk() {
    return entriesSkippedByRisk.sum();
  }

  /** Position increases (DCA) not sent for the same reasons. */
  public long addsSkippedByRisk() {
    return addsSkippedByRisk.sum();
  }

  /** Entries sent with a stake cut by the coordinator's size haircut. */
  public long entriesCutByRisk() {
    return entriesCutByRisk.sum();
  }

  /** Exits (full or partial) held back because trading is HALTED (the gate accepts cancels only). */
  public long exitsHeldByRisk() {
    return exitsHeldByRisk.sum();
  }

  public long closedTrades() {
    return closed.sum();
  }

  public long wins() {
    return wins.sum();
  }

  /** Net profit of closed trades, micros of quote currency. */
  public long profitMicros() {
    return profitMicros.sum();
  }

  /** Entry signals dropped because the pair (or every pair) was locked. */
  public long lockedEntries() {
    return lockedEntries.sum();
  }

  /** Position adjustments refused by {@code max_entry_position_adjustment}. */
  public long adjustmentsRefused() {
    return adjustmentsRefused.sum();
  }

  /** Closed trades by exit type ({@code roi}, {@code stop_loss}, ..., {@code external}). */
  public Map<String, Long> exits() {
    Map<String, Long> copy = new TreeMap<>();
    exits.forEach((reason, count) -> copy.put(reason, count.sum()));
    return copy;
  }
}
