package dev.tradingsystem.risk;

import dev.tradingsystem.proto.AlertSeverity;
import dev.tradingsystem.proto.ApprovedOrder;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.IntentKind;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.PortfolioService;
import dev.tradingsystem.proto.Position;
import dev.tradingsystem.proto.RiskAlert;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.proto.TradingStatus;
import dev.tradingsystem.risk.book.WorkingOrder;
import dev.tradingsystem.risk.killswitch.StateChange;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.clock.TradingClock;
import dev.tradingsystem.shared.msg.IdSequence;
import dev.tradingsystem.shared.msg.Metas;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a kill-switch move does outside the gate: a {@link TradingStatus} (with trigger and latch)
 * on {@link Addresses#RISK_STATUS}, a {@link RiskAlert} on {@link Addresses#RISK_ALERTS}, on
 * HALTED a cancel of every working order, and on request a flatten: one reduce-only market order
 * per open position, each with an approval naming its intent, through the portfolio.
 */
final class KillSwitchEffects {

  private static final Logger LOG = LoggerFactory.getLogger(KillSwitchEffects.class);
  /** Strategy-like id of the gate's own cancel intents: {@code risk-manager.halt-1}, ... */
  static final String HALT_INTENT_PREFIX = ServiceNames.RISK_MANAGER + ".halt";
  /** Ids of the gate's flatten intents: {@code risk-manager.flatten-1}, ... */
  static final String FLATTEN_INTENT_PREFIX = ServiceNames.RISK_MANAGER + ".flatten";

  private final Vertx vertx;
  private final PortfolioService portfolio;
  private final TradingClock clock;
  private final long portfolioTimeoutMs;
  private final RiskStats stats;
  private final IdSequence statusIds = new IdSequence("risk-status");
  private final IdSequence alertIds = new IdSequence("risk-alert");
  private final IdSequence cancelIds = new IdSequence(HALT_INTENT_PREFIX);
  private final IdSequence flattenIds = new IdSequence(FLATTEN_INTENT_PREFIX);

  KillSwitchEffects(Vertx vertx, PortfolioService portfolio, TradingClock clock, long portfolioTimeoutMs, RiskStats stats) {
    this.vertx = vertx;
    this.portfolio = portfolio;
    this.clock = clock;
    this.portfolioTimeoutMs = portfolioTimeoutMs;
    this.stats = stats;
  }

  /**
   * Announces the change and, when it halts trading, cancels the working orders. The future
   * completes when every cancel has been answered or has failed; it never fails itself.
   */
  Future<Void> apply(StateChange change, boolean latched, Meta cause, List<WorkingOrder> working) {
    LOG.warn("trading state {} -> {} ({}{}): {}", change.from(), change.to(), change.trigger(), latched ? ", latched" : "",
        change.reason());
    vertx.eventBus().publish(Addresses.RISK_STATUS,
        status(change.to(), change.reason(), change.atUs(), change.trigger(), latched, cause));
    vertx.eventBus().publish(Addresses.RISK_ALERTS, RiskAlert.newBuilder()
        .setMeta(Metas.derive(cause, alertIds.next()))
        .setSeverity(severity(change.to()))
        .setCode(change.trigger() == StateChange.Trigger.MANUAL ? "KILL_SWITCH" : change.trigger().name() + "_LIMIT")
        .setMessage("trading " + change.from() + " -> " + change.to() + ": " + change.reason())
        .setTradingState(change.to())
        .build());
    if (change.to() != TradingState.HALTED) {
      return Future.succeededFuture();
    }
    return cancelAll(working, cause, change.reason());
  }

  TradingStatus status(TradingState state, String reason, long changedAtUs, StateChange.Trigger trigger, boolean latched,
                       Meta cause) {
    return TradingStatus.newBuilder()
        .setMeta(Metas.derive(cause, statusIds.next()))
        .setState(state)
        .setReason(reason)
        .setChangedAtUs(changedAtUs)
        .setTrigger(trigger.name())
        .setLatched(latched)
        .build();
  }

  /**
   * Closes every open position with a reduce-only market order of its strategy, valued at
   * {@code reference} (the gate's reference, else the position's mark). Completes when every
   * order was answered or failed; never fails itself.
   */
  Future<Void> flatten(List<Position> positions, ToLongFunction<Position> reference, Meta cause, String reason) {
    List<Future<?>> orders = new ArrayList<>();
    for (Position position : positions) {
      if (position.getQuantity() == 0) {
        continue;
      }
      OrderIntent intent = ownIntent(flattenIds, cause, position.getStrategyId(), position.getInstrument())
          .setKind(IntentKind.NEW_ORDER)
          .setSide(position.getQuantity() > 0 ? Side.SELL : Side.BUY)
          .setType(OrderType.MARKET)
          .setQuantity(Math.abs(position.getQuantity()))
          .setReduceOnly(true)
          .setReferencePrice(reference.applyAsLong(position))
          .setReason("kill switch flatten: " + reason)
          .build();
      Future<?> order = Deadlines.within(vertx, portfolio.placeOrder(approved(intent, cause)), portfolioTimeoutMs, "placeOrder")
          .onSuccess(o -> {
            boolean placed = o.getStatus() != OrderStatus.REJECTED;
            stats.flatten(placed);
            if (!placed) {
              LOG.error("kill switch could not flatten {} {}: {} {}", position.getStrategyId(),
                  position.getInstrument().getSymbol(), o.getRejectCode(), o.getRejectReason());
            }
          })
          .onFailure(e -> {
            stats.flatten(false);
            LOG.error("kill switch could not flatten {} {}: {}", position.getStrategyId(), position.getInstrument().getSymbol(),
                e.getMessage());
          });
      orders.add(order);
    }
    return Future.join(orders).<Void>mapEmpty().otherwiseEmpty();
  }

  private Future<Void> cancelAll(List<WorkingOrder> working, Meta cause, String reason) {
    List<Future<?>> cancels = new ArrayList<>();
    for (WorkingOrder order : working) {
      OrderIntent intent = ownIntent(cancelIds, cause, order.strategyId(), order.instrument())
          .setKind(IntentKind.CANCEL_ORDER)
          .setCancelOrderId(order.orderId())
          .setReason("kill switch: " + reason)
          .build();
      Future<?> cancel = Deadlines.within(vertx, portfolio.cancelOrder(approved(intent, cause)), portfolioTimeoutMs, "cancelOrder")
          .onSuccess(o -> stats.haltCancel(true))
          .onFailure(e -> {
            stats.haltCancel(false);
            LOG.error("kill switch could not cancel {} of {}: {}", order.orderId(), order.strategyId(), e.getMessage());
          });
      cancels.add(cancel);
    }
    return Future.join(cancels).<Void>mapEmpty().otherwiseEmpty();
  }

  /** An intent of the gate's own, on behalf of the strategy whose order or position it acts on. */
  private static OrderIntent.Builder ownIntent(IdSequence ids, Meta cause, String strategyId, Instrument instrument) {
    String intentId = ids.next();
    return OrderIntent.newBuilder()
        .setMeta(Metas.derive(cause, intentId))
        .setIntentId(intentId)
        .setStrategyId(strategyId)
        .setInstrument(instrument);
  }

  private ApprovedOrder approved(OrderIntent intent, Meta cause) {
    return Approvals.order(intent, Approvals.of(intent, clock.nowMicros()), cause);
  }

  private static AlertSeverity severity(TradingState state) {
    return switch (state) {
      case HALTED -> AlertSeverity.CRITICAL;
      case REDUCING -> AlertSeverity.WARNING;
      default -> AlertSeverity.INFO;
    };
  }
}
