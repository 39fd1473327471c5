package dev.tradingsystem.data.replay;

import dev.tradingsystem.data.source.RejectReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** Counters of one replay, read by the stats endpoint and the progress messages. Single-threaded. */
public final class ReplayStats {

  private final String source;
  private final Map<RejectReason, Long> rejectedByReason = new EnumMap<>(RejectReason.class);
  private long ticks;
  private long rejected;
  private long barrierTimeouts;
  private long lastSeq;
  private long lastEventTimeUs;
  private boolean completed;
  private String error;

  public ReplayStats(String source) {
    this.source = source;
  }

  /** Records a published tick and returns its seq (1, 2, 3, ...). */
  public long nextTick(long eventTimeUs) {
    ticks++;
    lastSeq = ticks;
    lastEventTimeUs = eventTimeUs;
    return lastSeq;
  }

  public void rejected(RejectReason reason) {
    rejected++;
    rejectedByReason.merge(reason, 1L, Long::sum);
  }

  public void barrierTimeout() {
    barrierTimeouts++;
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
    Map<String, Long> byCode = new TreeMap<>();
    rejectedByReason.forEach((reason, count) -> byCode.put(reason.code(), count));
    return byCode;
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
