package dev.tradingsystem.risk;

import dev.tradingsystem.proto.Approval;
import dev.tradingsystem.proto.ApprovedOrder;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.proto.PortfolioService;
import dev.tradingsystem.proto.RejectCode;
import dev.tradingsystem.proto.RiskDecision;
import dev.tradingsystem.risk.rules.CheckResult;
import dev.tradingsystem.risk.rules.IntentMath;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.clock.TradingClock;
import dev.tradingsystem.shared.msg.Metas;
import dev.tradingsystem.shared.runtime.SequenceGate;
import dev.tradingsystem.shared.service.ServiceRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code checkOrder} call: waits until the portfolio snapshot of the intent's market event
 * arrived, runs the {@link RiskEngine}, forwards an approved intent with its {@link Approval} to
 * the portfolio (place or cancel) and answers the decision with the resulting order. Always
 * answers a decision, also when the check itself failed. The portfolio's answer feeds the
 * DISCONNECT and ERROR_RATE triggers. Runs on the engine's context.
 */
final class OrderCheck {

  private static final Logger LOG = LoggerFactory.getLogger(OrderCheck.class);

  private final Vertx vertx;
  private final RiskConfig config;
  private final RiskEngine engine;
  private final TradingClock clock;
  private final PortfolioService portfolio;
  private final KillSwitchDesk desk;
  private final SequenceGate snapshots;
  private final DeadLetters deadLetters;
  private final RiskStats stats;

  OrderCheck(Vertx vertx, RiskConfig config, RiskEngine engine, TradingClock clock, PortfolioService portfolio,
             KillSwitchDesk desk, SequenceGate snapshots, DeadLetters deadLetters, RiskStats stats) {
    this.vertx = vertx;
    this.config = config;
    this.engine = engine;
    this.clock = clock;
    this.portfolio = portfolio;
    this.desk = desk;
    this.snapshots = snapshots;
    this.deadLetters = deadLetters;
    this.stats = stats;
  }

  Future<RiskDecision> check(OrderIntent intent) {
    long started = System.nanoTime();
    clock.observe(intent.getMeta().getEventTimeUs());
    return awaitSnapshot(intent.getMeta().getSeq())
        .compose(fresh -> decide(intent, fresh))
        .recover(e -> {
          LOG.error("check of {} failed: {}", intent.getIntentId(), e.getMessage(), e);
          return Future.succeededFuture(decision(intent, CheckResult.reject(RejectCode.INVALID_INTENT,
              "risk check failed: " + e.getMessage())).build());
        })
        .onSuccess(d -> {
          stats.decision(d.getCode());
          stats.latencyNanos(System.nanoTime() - started);
        });
  }

  /** True once the portfolio snapshot of {@code seq} arrived; false when the wait expired (counted). */
  private Future<Boolean> awaitSnapshot(long seq) {
    Future<Void> caughtUp = snapshots.await(seq);
    if (caughtUp.isComplete()) {
      return Future.succeededFuture(true);
    }
    Promise<Boolean> promise = Promise.promise();
    long timer = vertx.setTimer(config.stateWaitMs(), id -> {
      if (promise.tryComplete(false)) {
        stats.stateWaitTimeout();
      }
    });
    caughtUp.onComplete(ar -> {
      vertx.cancelTimer(timer);
      promise.tryComplete(true);
    });
    return promise.future();
  }

  private Future<RiskDecision> decide(OrderIntent intent, boolean fresh) {
    if (!fresh && !config.live()) {
      // Replay must decide on its own snapshot; deciding on another would make runs differ.
      return Future.succeededFuture(decision(intent, CheckResult.reject(RejectCode.STALE_REFERENCE,
          "no portfolio state for seq " + intent.getMeta().getSeq() + " within " + config.stateWaitMs() + " ms")).build());
    }
    CheckResult result = engine.decide(intent);
    if (!result.approved()) {
      if (result.code().getNumber() <= RejectCode.INVALID_INTENT_VALUE) {
        // Malformed intents (101-106) are bad input; limits (107 and up) are verdicts.
        deadLetters.publish("order-intent", result.code().name(), intent.getMeta(), intent.toString());
      }
      return Future.succeededFuture(decision(intent, result).build());
    }
    Approval approval = Approvals.of(intent, clock.nowMicros());
    ApprovedOrder approved = Approvals.order(intent, approval, intent.getMeta());
    Future<Order> call = IntentMath.isCancel(intent) ? portfolio.cancelOrder(approved) : portfolio.placeOrder(approved);
    return Deadlines.within(vertx, call, config.portfolioTimeoutMs(), "portfolio")
        .transform(ar -> Future.succeededFuture(ar.succeeded()
            ? placed(intent, approval, ar.result())
            : unplaced(intent, ar.cause())));
  }

  private RiskDecision placed(OrderIntent intent, Approval approval, Order order) {
    if (order.getStatus() == OrderStatus.REJECTED) {
      engine.refused(intent);
      // A cancel that lost the race with a fill is not an error of the system.
      downstream(intent, true, order.getRejectCode() != RejectCode.UNKNOWN_ORDER);
      String why = "portfolio rejected: " + order.getRejectCode() + " " + order.getRejectReason();
      return decision(intent, CheckResult.reject(RejectCode.PORTFOLIO_REJECTED, why)).setOrder(order).build();
    }
    engine.accepted(intent, order.getOrderId());
    downstream(intent, true, false);
    return decision(intent, CheckResult.APPROVED).setOrder(order).setApproval(approval).build();
  }

  private RiskDecision unplaced(OrderIntent intent, Throwable failure) {
    engine.refused(intent);
    // A refusal the portfolio raised itself is a rejection; anything else means it was not reached.
    boolean refusal = failure instanceof IllegalArgumentException || failure instanceof IllegalStateException;
    RejectCode code = refusal ? RejectCode.PORTFOLIO_REJECTED : RejectCode.DOWNSTREAM_UNAVAILABLE;
    downstream(intent, refusal, true);
    if (!refusal) {
      // A remote endpoint that failed may have moved: resolve it again on the next call.
      ServiceRegistry.of(vertx).forgetRemote(PortfolioService.class, ServiceNames.PORTFOLIO);
    }
    LOG.warn("approved intent {} not placed ({}): {}", intent.getIntentId(), code, failure.getMessage());
    return decision(intent, CheckResult.reject(code, "portfolio: " + failure.getMessage())).build();
  }

  /** Feeds the DISCONNECT and ERROR_RATE triggers with one call's outcome. */
  private void downstream(OrderIntent intent, boolean reached, boolean error) {
    desk.triggered(engine.downstream(reached, error, clock.nowMicros()), intent.getMeta());
  }

  private RiskDecision.Builder decision(OrderIntent intent, CheckResult result) {
    return RiskDecision.newBuilder()
        .setMeta(Metas.derive(intent.getMeta(), "rd-" + intent.getIntentId()))
        .setIntentId(intent.getIntentId())
        .setApproved(result.approved())
        .setCode(result.code())
        .setReason(result.reason())
        .setTradingState(engine.tradingState());
  }
}
