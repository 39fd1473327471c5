package dev.tradingsystem.risk;

import dev.tradingsystem.proto.AlertSeverity;
import dev.tradingsystem.proto.AlertSubscription;
import dev.tradingsystem.proto.Approval;
import dev.tradingsystem.proto.ApprovedOrder;
import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.proto.KillSwitchCommand;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.proto.PortfolioService;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Position;
import dev.tradingsystem.proto.Quote;
import dev.tradingsystem.proto.RejectCode;
import dev.tradingsystem.proto.RiskAlert;
import dev.tradingsystem.proto.RiskDecision;
import dev.tradingsystem.proto.RiskServiceService;
import dev.tradingsystem.proto.RiskSnapshot;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.proto.TradingStatus;
import dev.tradingsystem.risk.killswitch.InvalidKillSwitchCommand;
import dev.tradingsystem.risk.killswitch.StateChange;
import dev.tradingsystem.risk.monitor.LimitAlert;
import dev.tradingsystem.risk.monitor.RiskMonitor;
import dev.tradingsystem.risk.rules.CheckResult;
import dev.tradingsystem.risk.rules.IntentMath;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.auth.OperatorAuthException;
import dev.tradingsystem.shared.auth.OperatorAuthority;
import dev.tradingsystem.shared.clock.TradingClock;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import dev.tradingsystem.shared.msg.IdSequence;
import dev.tradingsystem.shared.msg.Metas;
import dev.tradingsystem.shared.runtime.SequenceGate;
import dev.tradingsystem.shared.service.ServiceRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code RiskService} implementation: waits for the portfolio snapshot of the intent's
 * market event, runs the {@link RiskEngine}, and forwards approved intents with an
 * {@link Approval} to the portfolio. Every call runs on the verticle's context (gRPC calls hop
 * there), so the engine stays single-threaded. {@code checkOrder} always answers a decision.
 * {@code killSwitch} needs a valid operator token: without one it fails with
 * {@link OperatorAuthException} and changes nothing; a malformed command fails with
 * {@link InvalidKillSwitchCommand}. After each portfolio state the monitor's snapshot and
 * limit alerts go out on {@code risk.snapshot} and {@code risk.alerts}.
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
  private final OperatorAuthority operators;
  private final SequenceGate states = new SequenceGate();
  private final IdSequence snapshotIds = new IdSequence("risk-snapshot");
  private final IdSequence monitorAlertIds = new IdSequence("risk-monitor");

  RiskGate(Vertx vertx, Context context, RiskConfig config, RiskEngine engine, TradingClock clock,
           PortfolioService portfolio, KillSwitchEffects effects, RiskStats stats, OperatorAuthority operators) {
    this.vertx = vertx;
    this.context = context;
    this.config = config;
    this.engine = engine;
    this.clock = clock;
    this.portfolio = portfolio;
    this.effects = effects;
    this.stats = stats;
    this.operators = operators;
  }

  /**
   * A portfolio snapshot: new exposure base, drawdown and daily-loss triggers, then release the
   * checks waiting for it, then the monitor's snapshot and alerts.
   */
  void onPortfolioState(PortfolioState state) {
    clock.observe(state.getMeta().getEventTimeUs());
    Optional<StateChange> change = engine.onPortfolioState(state, clock.nowMicros());
    change.ifPresent(c -> react(c, state.getMeta(), config.triggers().flatten()));
    states.advance(state.getMeta().getSeq());
    if (engine.book().snapshot() == state) {
      monitor(state.getMeta(), engine.assess());
    }
  }

  private void monitor(Meta cause, RiskMonitor.Assessment assessment) {
    if (assessment.publish()) {
      RiskSnapshot snapshot = assessment.snapshot().toBuilder().setMeta(Metas.derive(cause, snapshotIds.next())).build();
      vertx.eventBus().publish(Addresses.RISK_SNAPSHOT, snapshot);
      stats.snapshotPublished();
    }
    for (LimitAlert alert : assessment.alerts()) {
      LOG.warn("risk monitor {} {}: {}", alert.severity(), alert.code(), alert.message());
      vertx.eventBus().publish(Addresses.RISK_ALERTS, RiskAlert.newBuilder()
          .setMeta(Metas.derive(cause, monitorAlertIds.next()))
          .setSeverity(alert.severity())
          .setCode(alert.code())
          .setMessage(alert.message())
          .build());
    }
  }

  /**
   * Announces a kill-switch move, cancels on HALTED and, when asked, flattens after the
   * cancels were answered (so no working order trades against the exits).
   */
  private Future<Void> react(StateChange change, Meta cause, boolean flatten) {
    Future<Void> applied = effects.apply(change, engine.killSwitch().latched(), cause, engine.workingOrders());
    return flatten ? applied.compose(v -> flatten(cause, change.reason())) : applied;
  }

  private Future<Void> flatten(Meta cause, String reason) {
    List<Position> positions = engine.book().snapshot().getPositionsList();
    return effects.flatten(positions, this::referencePrice, cause, reason);
  }

  /** The freshest price the gate knows for a position's symbol, else the position's own mark. */
  private long referencePrice(Position position) {
    return engine.book().reference(position.getInstrument().getSymbol(), clock.nowMicros(), Long.MAX_VALUE)
        .map(r -> r.price())
        .orElse(position.getMarkPrice());
  }

  /** A market event that may have ended a silence too long (STALE_DATA when configured). */
  private void marketEvent(Meta meta, Optional<StateChange> change) {
    change.ifPresent(c -> react(c, meta, config.triggers().flatten()));
  }

  void onQuote(Quote quote) {
    clock.observe(quote.getMeta().getEventTimeUs());
    if (!quote.hasInstrument() || quote.getBidPrice() < 0 || quote.getAskPrice() < 0) {
      deadLetter(Addresses.MARKET_QUOTES, "bad-quote", quote.getMeta(), quote.toString());
      return;
    }
    marketEvent(quote.getMeta(), engine.onQuote(quote));
  }

  void onBook(Object book) {
    if (book instanceof BookSnapshot snapshot && snapshot.hasInstrument()) {
      clock.observe(snapshot.getMeta().getEventTimeUs());
      marketEvent(snapshot.getMeta(), engine.onBook(snapshot));
    } else if (book instanceof BookDelta delta && delta.hasInstrument()) {
      clock.observe(delta.getMeta().getEventTimeUs());
      marketEvent(delta.getMeta(), engine.onBook(delta));
    } else {
      String kind = book == null ? "null" : book.getClass().getSimpleName();
      deadLetter(Addresses.MARKET_BOOKS, "bad-book", Meta.getDefaultInstance(), kind + ": " + book);
    }
  }

  /** An alert on {@code risk.alerts}: the collector's stale-data alert trips the switch. */
  void onAlert(RiskAlert alert) {
    if (alert.getSeverity() == AlertSeverity.INFO) {
      return;
    }
    marketEvent(alert.getMeta().getEventTimeUs() > 0 ? alert.getMeta() : Metas.origin(alert.getMeta().getId(), clock.nowMicros()),
        engine.onAlert(alert.getCode(), alert.getSymbol(), alert.getMessage(), clock.nowMicros()));
  }

  /** Live: the periodic stale-data check on the trading clock. */
  void checkStaleData() {
    long now = clock.nowMicros();
    engine.checkStaleData(now).ifPresent(c -> react(c, Metas.origin("stale-data-check", now), config.triggers().flatten()));
  }

  /**
   * A trade: the mark for the price collar. No separate wait is needed for it: trade N is
   * published before the portfolio can even process it, so on one event bus it reaches this
   * context before the portfolio's snapshot N does.
   */
  void onTrade(Trade trade) {
    clock.observe(trade.getMeta().getEventTimeUs());
    if (trade.getPrice() > 0 && trade.hasInstrument()) {
      marketEvent(trade.getMeta(), engine.onTrade(trade));
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

  /**
   * An operator's command. The token is verified first; a missing, invalid, expired or
   * non-operator token is refused (counted, state unchanged). The status names the token's
   * subject as the operator. {@code flatten} closes every position after the cancels, also when
   * the switch already was in the target state.
   */
  @Override
  public Future<TradingStatus> killSwitch(KillSwitchCommand command) {
    return onContext(() -> operators.verifyOperator(command.getOperatorToken())
        .transform(verified -> onContext(() -> {
          if (verified.failed()) {
            String reason = refusalReason(command, verified.cause());
            stats.killSwitchRefused(reason);
            LOG.warn("refused kill-switch command ({}): {}", reason, verified.cause().getMessage());
            return Future.failedFuture(verified.cause());
          }
          return obey(command, verified.result());
        })));
  }

  private Future<TradingStatus> obey(KillSwitchCommand command, String operator) {
    clock.observe(command.getMeta().getEventTimeUs());
    Optional<StateChange> change;
    try {
      change = engine.command(command, operator, clock.nowMicros());
    } catch (InvalidKillSwitchCommand e) {
      stats.killSwitchRefused("invalid-command");
      LOG.warn("refused kill-switch command: {}", e.getMessage());
      return Future.failedFuture(e);
    }
    if (!command.getOperatorId().isBlank() && !command.getOperatorId().equals(operator)) {
      LOG.warn("kill-switch command names operator {} but the token is {}'s: the token wins", command.getOperatorId(), operator);
    }
    Meta cause = command.hasMeta() ? command.getMeta() : Metas.origin("kill-switch", clock.nowMicros());
    Future<Void> done = change.map(c -> react(c, cause, command.getFlatten()))
        .orElseGet(() -> command.getFlatten() ? flatten(cause, "operator " + operator + ": " + command.getReason())
            : Future.succeededFuture());
    return done.map(v -> currentStatus(cause));
  }

  private String refusalReason(KillSwitchCommand command, Throwable failure) {
    if (!operators.configured()) {
      return "no-operator-key";
    }
    if (command.getOperatorToken().isBlank()) {
      return "missing-token";
    }
    String message = String.valueOf(failure.getMessage());
    return message.contains("operator role") ? "not-operator" : "invalid-token";
  }

  @Override
  public Future<ReadStream<RiskAlert>> streamAlerts(AlertSubscription subscription) {
    return onContext(() -> Future.succeededFuture(new AlertStream(vertx, subscription.getMinSeverity())));
  }

  JsonObject stats() {
    return stats.toJson(engine.killSwitch(), engine.monitor().latest(), engine.monitor().varReturnsHeld());
  }

  TradingStatus currentStatus(Meta cause) {
    return effects.status(engine.tradingState(), engine.killSwitch().reason(), engine.killSwitch().changedAtUs(),
        engine.killSwitch().trigger(), engine.killSwitch().latched(), cause);
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
      if (result.code().getNumber() <= RejectCode.INVALID_INTENT_VALUE) {
        // Malformed intents (101-106) are bad input; limits (107 and up) are verdicts.
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
    engine.downstream(reached, error, clock.nowMicros()).ifPresent(c -> react(c, intent.getMeta(), config.triggers().flatten()));
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
