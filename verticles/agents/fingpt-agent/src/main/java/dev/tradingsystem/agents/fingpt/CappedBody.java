package dev.tradingsystem.agents.fingpt;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;

/**
 * Collects a response body up to a limit and fails the write that crosses it, which ends the
 * download: a feed cannot make the agent buffer more than {@code maxBytes}.
 */
final class CappedBody implements WriteStream<Buffer> {

  /** The body was larger than allowed. */
  static final class TooLargeException extends RuntimeException {
    TooLargeException(int maxBytes) {
      super("body larger than " + maxBytes + " bytes", null, false, false);
    }
  }

  private final int maxBytes;
  private final Buffer body = Buffer.buffer();

  CappedBody(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  Buffer body() {
    return body;
  }

  @Override
  public Future<Void> write(Buffer data) {
    if (body.length() + data.length() > maxBytes) {
      return Future.failedFuture(new TooLargeException(maxBytes));
    }
    body.appendBuffer(data);
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> end() {
    return Future.succeededFuture();
  }

  @Override
  public CappedBody exceptionHandler(Handler<Throwable> handler) {
    return this;
  }

  @Override
  public CappedBody setWriteQueueMaxSize(int maxSize) {
    return this;
  }

  @Override
  public boolean writeQueueFull() {
    return false;
  }

  @Override
  public CappedBody drainHandler(Handler<Void> handler) {
    return this;
  }
}
