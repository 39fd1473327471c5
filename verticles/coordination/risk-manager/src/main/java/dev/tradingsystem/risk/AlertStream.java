package dev.tradingsystem.risk;

import dev.tradingsystem.proto.AlertSeverity;
import dev.tradingsystem.proto.RiskAlert;
import dev.tradingsystem.shared.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.streams.ReadStream;

/**
 * The risk alerts at or above a minimum severity, as a {@link ReadStream} over an event-bus
 * consumer of {@link Addresses#RISK_ALERTS}. The consumer registers when a handler is set and
 * unregisters on {@link #close()} or when the handler is removed (as a pipe does when it ends).
 */
public final class AlertStream implements ReadStream<RiskAlert> {

  private final MessageConsumer<RiskAlert> consumer;
  private final ReadStream<RiskAlert> bodies;
  private final AlertSeverity minSeverity;
  private boolean flowing = true;

  AlertStream(Vertx vertx, AlertSeverity minSeverity) {
    this.consumer = vertx.eventBus().consumer(Addresses.RISK_ALERTS);
    this.bodies = consumer.bodyStream();
    this.minSeverity = minSeverity;
  }

  @Override
  public AlertStream handler(Handler<RiskAlert> handler) {
    if (handler == null) {
      bodies.handler(null);
      return this;
    }
    bodies.handler(alert -> {
      if (alert.getSeverityValue() >= minSeverity.getNumber()) {
        handler.handle(alert);
      } else if (!flowing) {
        // A dropped alert used up one unit of demand the reader asked for: ask again for it.
        bodies.fetch(1);
      }
    });
    return this;
  }

  @Override
  public AlertStream exceptionHandler(Handler<Throwable> handler) {
    bodies.exceptionHandler(handler);
    return this;
  }

  @Override
  public AlertStream pause() {
    flowing = false;
    bodies.pause();
    return this;
  }

  @Override
  public AlertStream resume() {
    flowing = true;
    bodies.resume();
    return this;
  }

  @Override
  public AlertStream fetch(long amount) {
    bodies.fetch(amount);
    return this;
  }

  @Override
  public AlertStream endHandler(Handler<Void> endHandler) {
    bodies.endHandler(endHandler);
    return this;
  }

  /** Completes once the consumer is registered (after a handler was set). */
  public Future<Void> registered() {
    return consumer.completion();
  }

  /** Stops the stream: unregisters the consumer. */
  public Future<Void> close() {
    return consumer.unregister();
  }
}
