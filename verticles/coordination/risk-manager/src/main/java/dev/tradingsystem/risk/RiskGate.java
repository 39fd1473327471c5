package dev.tradingsystem.risk;

import dev.tradingsystem.proto.AlertSubscription;
import dev.tradingsystem.proto.Approval;
import dev.tradingsystem.proto.ApprovedOrder;
import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.proto.KillSwitchCommand;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.proto.PortfolioService;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.RejectCode;
import dev.tradingsystem.proto.RiskAlert;
import dev.tradingsystem.proto.RiskDecision;
import dev.tradingsystem.proto.RiskServiceService;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.proto.TradingStatus;
import dev.tradingsystem.risk.killswitch.InvalidKillSwitchCommand;
import dev.tradingsystem.risk.killswitch.StateChange;
import dev.tradingsystem.risk.rules.CheckResult;
import dev.tradingsystem.risk.rules.IntentMath;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.clock.TradingClock;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import dev.tradingsystem.shared.msg.Metas;
import dev.tradingsystem.shared.runtime.SequenceGate;
import dev.tradingsystem.shared.service.ServiceRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code RiskService} implementation: waits for the portfolio snapshot of the intent's
 * market event, runs the {@link RiskEngine}, and forwards approved intents with an
 * {@link Approval} to the portfolio. Every call runs on the verticle's context (gRPC calls hop
 * there), so the engine stays single-threaded. {@code checkOrder} always answers a decision;
 * only an invalid kill-switch command fails, with {@link InvalidKillSwitchCommand}.
 */
final class RiskGate extends RiskServiceService {

  private static final Logger LOG = LoggerFactory.getLogger(RiskGate.class);
  private static final int DEAD_LETTER_PAYLOAD_CHARS = 2_000;

  private final Vertx vertx;
  private final Context context;
  private final RiskConfig config;
  private final RiskEngine engine;
  private final TradingClock clock;
  private final PortfolioService portfolio;
  private final KillSwitchEffects effects;
  private final RiskStats stats;
  private final SequenceGate states = new SequenceGate();

  RiskGate(Vertx vertx, Context context, RiskConfig config, RiskEngine engine, TradingClock clock,
           PortfolioService portfolio, KillSwitchEffects effects, RiskStats stats) {
    this.vertx = vertx;
    this.context = context;
    this.config = config;
    this.engine = engine;
    this.clock = clock;
    this.portfolio = portfolio;
    this.effects = effects;
    this.stats = stats;
  }

  /** A portfolio snapshot: new exposure base, drawdown trigger, then release the checks waiting for it. */
  void onPortfolioState(PortfolioState state) {
    clock.observe(state.getMeta().getEventTimeUs());
    Optional<StateChange> change = engine.onPortfolioState(state, clock.nowMicros());
    change.ifPresent(c -> effects.apply(c, state.getMeta(), engine.workingOrders()));
    states.advance(state.getMeta().getSeq());
  }

  /**
   * A trade: the mark for the price collar. No separate wait is needed for it: trade N is
   * published before the portfolio can even process it, so on one event bus it reaches this
   * context before the portfolio's snapshot N does.
   */
  void onTrade(Trade trade) {
    clock.observe(trade.getMeta().getEventTimeUs());
    if (trade.getPrice() > 0 && trade.hasInstrument()) {
      engine.onTrade(trade);
    } else {
      deadLetter(Addresses.MARKET_TRADES, "bad-trade", trade.getMeta(), trade.toString());
    }
  }

  @Override
  public Future<RiskDecision> checkOrder(OrderIntent intent) {
    return onContext(() -> {
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
    });
  }

  @Override
  public Future<TradingStatus> killSwitch(KillSwitchCommand command) {
    return onContext(() -> {
      clock.observe(command.getMeta().getEventTimeUs());
      Optional<StateChange> change;
      try {
        change = engine.command(command, clock.nowMicros());
      } catch (InvalidKillSwitchCommand e) {
        LOG.warn("refused kill-switch command: {}", e.getMessage());
        return Future.failedFuture(e);
      }
      Meta cause = command.hasMeta() ? command.getMeta() : Metas.origin("kill-switch", clock.nowMicros());
      Future<Void> done = change.map(c -> effects.apply(c, cause, engine.workingOrders())).orElse(Future.succeededFuture());
      return done.map(v -> currentStatus(cause));
    });
  }

  @Override
  public Future<ReadStream<RiskAlert>> streamAlerts(AlertSubscription subscription) {
    return onContext(() -> Future.succeededFuture(new AlertStream(vertx, subscription.getMinSeverity())));
  }

  JsonObject stats() {
    return stats.toJson(engine.tradingState());
  }

  TradingStatus currentStatus(Meta cause) {
    return effects.status(engine.tradingState(), engine.killSwitch().reason(), engine.killSwitch().changedAtUs(), cause);
  }

  /** True once the portfolio snapshot of {@code seq} arrived; false when the wait expired (counted). */
  private Future<Boolean> awaitSnapshot(long seq) {
    Future<Void> caughtUp = states.await(seq);
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
      if (result.code().getNumber() < RejectCode.MAX_ORDER_QUANTITY_VALUE) {
        deadLetter("order-intent", result.code().name(), intent.getMeta(), intent.toString());
      }
      return Future.succeededFuture(decision(intent, result).build());
    }
    Approval approval = Approval.newBuilder()
        .setApprovalId("a-" + intent.getIntentId())
        .setIntentId(intent.getIntentId())
        .setDecidedAtUs(clock.nowMicros())
        .build();
    ApprovedOrder approved = ApprovedOrder.newBuilder()
        .setMeta(Metas.derive(intent.getMeta(), "ao-" + intent.getIntentId()))
        .setIntent(intent)
        .setApproval(approval)
        .build();
    Future<Order> call = IntentMath.isCancel(intent) ? portfolio.cancelOrder(approved) : portfolio.placeOrder(approved);
    return Deadlines.within(vertx, call, config.portfolioTimeoutMs(), "portfolio")
        .transform(ar -> Future.succeededFuture(ar.succeeded()
            ? placed(intent, approval, ar.result())
            : unplaced(intent, ar.cause())));
  }

  private RiskDecision placed(OrderIntent intent, Approval approval, Order order) {
    if (order.getStatus() == OrderStatus.REJECTED) {
      engine.refused(intent);
      String why = "portfolio rejected: " + order.getRejectCode() + " " + order.getRejectReason();
      return decision(intent, CheckResult.reject(RejectCode.PORTFOLIO_REJECTED, why)).setOrder(order).build();
    }
    engine.accepted(intent, order.getOrderId());
    return decision(intent, CheckResult.APPROVED).setOrder(order).setApproval(approval).build();
  }

  private RiskDecision unplaced(OrderIntent intent, Throwable failure) {
    engine.refused(intent);
    // A refusal the portfolio raised itself is a rejection; anything else means it was not reached.
    boolean refusal = failure instanceof IllegalArgumentException || failure instanceof IllegalStateException;
    RejectCode code = refusal ? RejectCode.PORTFOLIO_REJECTED : RejectCode.DOWNSTREAM_UNAVAILABLE;
    if (!refusal) {
      // A remote endpoint that failed may have moved: resolve it again on the next call.
      ServiceRegistry.of(vertx).forgetRemote(PortfolioService.class, ServiceNames.PORTFOLIO);
    }
    LOG.warn("approved intent {} not placed ({}): {}", intent.getIntentId(), code, failure.getMessage());
    return decision(intent, CheckResult.reject(code, "portfolio: " + failure.getMessage())).build();
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

  /** Counts bad input on {@code trading_risk_rejected_total} and keeps it on the dead-letter address. */
  void deadLetter(String source, String reason, Meta meta, String payload) {
    TradingMetrics.rejected("risk", source, reason).increment();
    vertx.eventBus().publish(Addresses.DEAD_LETTER, DeadLetter.newBuilder()
        .setMeta(meta)
        .setSource(source)
        .setReason(reason)
        .setPayload(payload.length() > DEAD_LETTER_PAYLOAD_CHARS ? payload.substring(0, DEAD_LETTER_PAYLOAD_CHARS) : payload)
        .build());
  }

  /** Runs the work on the verticle's context, where the engine lives (gRPC calls arrive elsewhere). */
  private <T> Future<T> onContext(Supplier<Future<T>> work) {
    if (Vertx.currentContext() == context) {
      return work.get();
    }
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> work.get().onComplete(promise));
    return promise.future();
  }
}
