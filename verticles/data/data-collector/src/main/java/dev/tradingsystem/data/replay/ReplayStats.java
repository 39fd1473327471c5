package dev.tradingsystem.data.replay;

import java.util.Map;
import java.util.TreeMap;

/** Counters of one replay, read by the stats endpoint and the progress messages. Single-threaded. */
public final class ReplayStats {

  private final String source;
  private final Map<String, Long> rejectedByReason = new TreeMap<>();
  private final Map<String, Long> bookIssues = new TreeMap<>();
  private long ticks;
  private long events;
  private long rejected;
  private long barrierTimeouts;
  private long barsWithoutVolume;
  private long lastSeq;
  private long lastEventTimeUs;
  private boolean completed;
  private String error;

  public ReplayStats(String source) {
    this.source = source;
  }

  /** Numbers one published message and returns its seq (1, 2, 3, ...). */
  public long nextTick(long eventTimeUs) {
    ticks++;
    lastSeq = ticks;
    lastEventTimeUs = eventTimeUs;
    return lastSeq;
  }

  /**
   * A source event that went out (a trade, quote, book update, or a candle with its bar path):
   * what {@code replay.maxTicks} and the progress count, whatever number of seqs it took.
   */
  public void event() {
    events++;
  }

  public long events() {
    return events;
  }

  /** A refused record, by its stable reason code. */
  public void rejected(String reason) {
    rejected++;
    rejectedByReason.merge(reason, 1L, Long::sum);
  }

  /** A book update not applied or a book that lost sync, by issue code. */
  public void bookIssue(String issue) {
    bookIssues.merge(issue, 1L, Long::sum);
  }

  public void barrierTimeout() {
    barrierTimeouts++;
  }

  /** A candle with no volume: published, but not a decision point (nothing traded in it). */
  public void barWithoutVolume() {
    barsWithoutVolume++;
  }

  public long barsWithoutVolume() {
    return barsWithoutVolume;
  }

  public void completed() {
    completed = true;
  }

  /** Marks the replay as failed; it is still reported as completed so that nobody waits forever. */
  public void failed(String message) {
    error = message;
  }

  public String source() {
    return source;
  }

  public long ticks() {
    return ticks;
  }

  public long rejected() {
    return rejected;
  }

  /** Rejections by reason code, in code order. */
  public Map<String, Long> rejectedByReason() {
    return new TreeMap<>(rejectedByReason);
  }

  /** Book issues by code, in code order. */
  public Map<String, Long> bookIssues() {
    return new TreeMap<>(bookIssues);
  }

  public long barrierTimeouts() {
    return barrierTimeouts;
  }

  public long lastSeq() {
    return lastSeq;
  }

  public long lastEventTimeUs() {
    return lastEventTimeUs;
  }

  public boolean isCompleted() {
    return completed;
  }

  /** Why the replay stopped early, or null. */
  public String error() {
    return error;
  }
}
