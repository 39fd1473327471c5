package dev.tradingsystem.shared.runtime;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.PriorityQueue;

/**
 * Waits until another stream has caught up to a sequence number. A framework deciding on market
 * event N first waits for the portfolio's state after N, so it never decides on a stale view;
 * co-located this is already true and the future is complete at once. Single-threaded: use from
 * one context.
 */
public final class SequenceGate {

  private record Waiter(long seq, Promise<Void> promise) {
  }

  private final PriorityQueue<Waiter> waiting = new PriorityQueue<>((a, b) -> Long.compare(a.seq, b.seq));
  private long watermark = Long.MIN_VALUE;

  /** Records that the other stream has reached {@code seq} and releases everyone waiting for it. */
  public void advance(long seq) {
    if (seq <= watermark) {
      return;
    }
    watermark = seq;
    while (!waiting.isEmpty() && waiting.peek().seq <= watermark) {
      waiting.poll().promise.tryComplete();
    }
  }

  public Future<Void> await(long seq) {
    if (seq <= watermark) {
      return Future.succeededFuture();
    }
    Promise<Void> promise = Promise.promise();
    waiting.add(new Waiter(seq, promise));
    return promise.future();
  }

  /** Releases every waiter regardless of the watermark (live mode timeouts, shutdown). */
  public void releaseAll() {
    while (!waiting.isEmpty()) {
      waiting.poll().promise.tryComplete();
    }
  }

  public long watermark() {
    return watermark;
  }

  public int waiting() {
    return waiting.size();
  }
}
