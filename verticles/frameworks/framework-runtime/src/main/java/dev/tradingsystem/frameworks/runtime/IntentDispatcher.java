package dev.tradingsystem.frameworks.runtime;

import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.RiskDecision;
import dev.tradingsystem.proto.RiskService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one tick's intents to the risk gate one after the other, in decision order: the gate
 * counts each approval against the strategy's budget before the next intent is checked, so the
 * order of a cancel and its replacement, or of two entries, is what the strategy meant. Every
 * intent resolves (approved, rejected, or failed on error or deadline); the result never fails.
 */
public final class IntentDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(IntentDispatcher.class);

  private final Vertx vertx;
  private final RiskService risk;
  private final long timeoutMillis;
  private final FrameworkStats stats;

  /**
   * Checks with {@code risk}, each check with its own deadline, counting outcomes in
   * {@code stats}. Create and use it on one context: the deadlines fire there.
   */
  public IntentDispatcher(Vertx vertx, RiskService risk, long timeoutMillis, FrameworkStats stats) {
    this.vertx = vertx;
    this.risk = risk;
    this.timeoutMillis = timeoutMillis;
    this.stats = stats;
  }

  /** Completes with the number of intents sent once every one of them resolved. */
  public Future<Integer> dispatch(List<OrderIntent> intents) {
    Future<Void> chain = Future.succeededFuture();
    for (OrderIntent intent : intents) {
      chain = chain.compose(v -> check(intent));
    }
    return chain.map(v -> intents.size());
  }

  private Future<Void> check(OrderIntent intent) {
    stats.sent();
    Future<RiskDecision> decision;
    try {
      decision = Deadline.within(vertx, risk.checkOrder(intent), timeoutMillis);
    } catch (RuntimeException e) {
      decision = Future.failedFuture(e);
    }
    return decision.transform(ar -> {
      if (ar.succeeded()) {
        stats.decided(ar.result());
        LOG.debug("{} {} {} qty {} @ {}: {} {}", intent.getIntentId(), intent.getKind(), intent.getSide(),
            intent.getQuantity(), intent.getPrice(), ar.result().getApproved() ? "approved" : "rejected",
            ar.result().getCode());
      } else {
        stats.failed();
        LOG.warn("{} ({}) not checked by the risk gate: {}", intent.getIntentId(), intent.getReason(),
            ar.cause().toString());
      }
      return Future.succeededFuture();
    });
  }
}
