package dev.tradingsystem.app.backtest.lookahead;

import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.shared.Addresses;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;

/**
 * The seam of the lookahead check in a co-located run: an outbound event-bus interceptor that
 * withholds every {@code consensus} the coordinator publishes and publishes the
 * {@link ConsensusDelay delayed} one in its place. No service changes: the frameworks consume
 * {@code consensus} as always and cannot tell, exactly as a strategy on a slower feed could not.
 *
 * <p>Only for the local (co-located) bus: with a clustered bus a remote coordinator's messages do
 * not pass this JVM's outbound interceptors.
 */
public final class ShiftedFeatures {

  /** Marks the replacement so that it passes the interceptor instead of being delayed again. */
  static final String SHIFTED_HEADER = "x-lookahead-shifted";

  private final Vertx vertx;
  private final ConsensusDelay delay = new ConsensusDelay();

  private ShiftedFeatures(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Installs the interceptor; from now on every strategy sees consensus one event late. */
  public static ShiftedFeatures install(Vertx vertx) {
    ShiftedFeatures shift = new ShiftedFeatures(vertx);
    Handler<DeliveryContext<Object>> interceptor = shift::intercept;
    vertx.eventBus().addOutboundInterceptor(interceptor);
    return shift;
  }

  private void intercept(DeliveryContext<Object> context) {
    Message<Object> message = context.message();
    if (!Addresses.CONSENSUS.equals(message.address()) || message.headers().contains(SHIFTED_HEADER)
        || !(context.body() instanceof Consensus current)) {
      context.next();
      return;
    }
    Consensus seen;
    // The coordinator publishes from one context; the delay line is only touched there.
    synchronized (delay) {
      seen = delay.delay(current);
    }
    DeliveryOptions options = new DeliveryOptions().addHeader(SHIFTED_HEADER, "1");
    message.headers().forEach(header -> options.addHeader(header.getKey(), header.getValue()));
    // Not calling context.next() drops the original; the replacement goes to the same consumers.
    vertx.eventBus().publish(Addresses.CONSENSUS, seen, options);
  }

  /** Consensus messages delivered one event late. */
  public long delayed() {
    synchronized (delay) {
      return delay.delayed();
    }
  }
}
