package dev.tradingsystem.portfolio;

import dev.tradingsystem.portfolio.allocation.OperatorAllocation;
import dev.tradingsystem.portfolio.journal.JournalRecord;
import dev.tradingsystem.portfolio.order.Rejection;
import dev.tradingsystem.proto.AllocationCommand;
import dev.tradingsystem.proto.AllocationState;
import dev.tradingsystem.proto.ApprovedOrder;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.proto.PortfolioServiceService;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.RejectCode;
import dev.tradingsystem.proto.StateRequest;
import dev.tradingsystem.shared.auth.OperatorAuthException;
import dev.tradingsystem.shared.auth.OperatorAuthority;
import dev.tradingsystem.shared.clock.WallClock;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code PortfolioService} over the engine. Every call runs on the verticle's context, whether
 * it came co-located through the registry proxy or over gRPC on the server's event loop, so the
 * engine stays single-threaded. Refusals are answers, not failures: the returned {@link Order}
 * is REJECTED with a {@link RejectCode} and reason. The future fails only on an internal error
 * or when the journal cannot make the order durable (then no order is acknowledged any more).
 *
 * <p>With a journal, an accepted order or cancel is answered (and published on {@code orders})
 * only once its journal record is durable. A placement for an intent accepted before is answered
 * with that order and places nothing (idempotent retries, and restarted callers whose intent ids
 * start again from 1).
 */
final class PortfolioServiceImpl extends PortfolioServiceService {

  private static final Logger LOG = LoggerFactory.getLogger(PortfolioServiceImpl.class);

  private final Context owner;
  private final PortfolioEngine engine;
  private final PortfolioPublisher publisher;
  private final PortfolioMetrics metrics;
  private final JournalGate journal;
  private final CapitalDesk desk;
  private final OperatorAuthority authority;

  PortfolioServiceImpl(Context owner, PortfolioEngine engine, PortfolioPublisher publisher, PortfolioMetrics metrics,
      JournalGate journal, CapitalDesk desk, OperatorAuthority authority) {
    this.owner = owner;
    this.engine = engine;
    this.publisher = publisher;
    this.metrics = metrics;
    this.journal = journal;
    this.desk = desk;
    this.authority = authority;
  }

  /** Places an approved NEW_ORDER; REJECTED with MISSING_APPROVAL when no approval names the intent. */
  @Override
  public Future<Order> placeOrder(ApprovedOrder request) {
    return onOwner(() -> {
      if (journal.failure() != null) {
        return journalBroken();
      }
      long ordersBefore = engine.orders();
      Order order = engine.place(request);
      if (order.getStatus() != OrderStatus.REJECTED) {
        // Bound to its decision now: a trade may fill it before its record is durable. A refusal
        // names an order id that may be another, working order's: it must not release that one.
        desk.onOrder(order);
      }
      List<JournalRecord> records = engine.drainJournal();
      if (order.getStatus() == OrderStatus.REJECTED) {
        refused("place_order", request, order);
        return journal.afterDurable(records).map(order);
      }
      if (engine.orders() == ordersBefore) {
        // Accepted before: answer once that acceptance is durable, publish nothing new.
        return journal.afterDurable(records).map(order);
      }
      long ingest = request.getIntent().getMeta().getIngestTimeUs();
      return journal.afterDurable(records).map(v -> {
        metrics.orderAccepted(ingest > 0 ? Math.max(0, WallClock.micros() - ingest) : -1);
        publisher.order(order);
        return order;
      });
    });
  }

  /**
   * Cancels the working order named by a CANCEL_ORDER; REJECTED with UNKNOWN_ORDER when it is not
   * working. With a cancel latency the answer is the still-working order; its CANCELLED update
   * follows on {@code orders} when the cancel lands.
   */
  @Override
  public Future<Order> cancelOrder(ApprovedOrder request) {
    return onOwner(() -> {
      if (journal.failure() != null) {
        return journalBroken();
      }
      Order order = engine.cancel(request);
      if (order.getStatus() == OrderStatus.CANCELLED) {
        desk.onOrder(order);
      }
      List<JournalRecord> records = engine.drainJournal();
      if (order.getStatus() == OrderStatus.REJECTED) {
        refused("cancel_order", request, order);
        return journal.afterDurable(records).map(order);
      }
      return journal.afterDurable(records).map(v -> {
        if (order.getStatus() == OrderStatus.CANCELLED) {
          metrics.cancelled();
        }
        publisher.order(order);
        return order;
      });
    });
  }

  /** The snapshot after the last processed trade; for one strategy when the request names it. */
  @Override
  public Future<PortfolioState> getState(StateRequest request) {
    return onOwner(() -> Future.succeededFuture(engine.state(request.getStrategyId())));
  }

  /** The allocation policy and budgets in force; for one strategy when the request names it. */
  @Override
  public Future<AllocationState> getAllocations(StateRequest request) {
    return onOwner(() -> Future.succeededFuture(desk.allocations(request.getStrategyId())));
  }

  /**
   * An operator's allocation change. Fails with an {@link OperatorAuthException} without a valid
   * operator token (no key configured, no token, a bad or expired one, or one without the
   * operator role), and with an {@link IllegalArgumentException} on a bad command (unknown policy,
   * budgets for a measured policy, negative or excessive capital); both are counted in
   * {@code trading_portfolio_rejected_total{source="allocations",reason}}. Otherwise the policy
   * switches now, the budgets move at the next market event, the change is journaled (answered
   * once durable) and the answer is published on {@code portfolio.allocations}.
   */
  @Override
  public Future<AllocationState> setAllocations(AllocationCommand command) {
    String token = command.getOperatorToken();
    Future<String> operator;
    if (!authority.configured()) {
      operator = refuseAllocation("no_operator_key", new OperatorAuthException(
          "no operator key is configured (auth.jwtSecret): allocation changes are refused"));
    } else if (token.isBlank()) {
      operator = refuseAllocation("missing_token", new OperatorAuthException("an operator token is required"));
    } else {
      operator = authority.verifyOperator(token).recover(e -> refuseAllocation(
          String.valueOf(e.getMessage()).contains("operator role") ? "not_operator" : "invalid_token", e));
    }
    return operator.compose(subject -> onOwner(() -> changeAllocations(command, subject)));
  }

  private Future<AllocationState> changeAllocations(AllocationCommand command, String operator) {
    if (journal.failure() != null) {
      return journalBroken();
    }
    OperatorAllocation.Result checked = desk.check(command);
    if (!checked.accepted()) {
      return refuseAllocation(checked.refusal().tag(), new IllegalArgumentException(checked.refusal().message()));
    }
    AllocationState state = desk.apply(checked.command(), command.getMeta());
    LOG.info("{} changed the allocation: policy {}, {} fixed budgets, {}", operator, state.getPolicy(),
        checked.command().budgets().size(), checked.command().reason());
    return journal.afterDurable(List.of(new JournalRecord.AllocationChanged(command, operator))).map(v -> {
      publisher.allocation(state);
      return state;
    });
  }

  private <T> Future<T> refuseAllocation(String reason, Throwable error) {
    metrics.rejected("allocations", reason);
    LOG.warn("allocation change refused ({}): {}", reason, error.getMessage());
    return Future.failedFuture(error);
  }

  /** Counts every refusal; malformed or unapproved input also goes to the dead-letter address. */
  private void refused(String source, ApprovedOrder request, Order order) {
    Rejection rejection = new Rejection(order.getRejectCode(), order.getRejectReason());
    metrics.rejected(source, rejection.tag());
    if (rejection.isBadInput()) {
      LOG.warn("{} refused intent '{}': {} {}", source, order.getIntentId(), rejection.code(), rejection.reason());
      publisher.deadLetter(request.getIntent().getMeta(), source, rejection.code() + ": " + rejection.reason(), request);
    }
  }

  private <T> Future<T> journalBroken() {
    return Future.failedFuture(new IllegalStateException("the order journal failed, no order is acknowledged: "
        + journal.failure().getMessage(), journal.failure()));
  }

  private <T> Future<T> onOwner(Supplier<Future<T>> work) {
    if (Vertx.currentContext() == owner) {
      return run(work);
    }
    Promise<T> promise = Promise.promise();
    owner.runOnContext(v -> run(work).onComplete(promise));
    return promise.future();
  }

  private <T> Future<T> run(Supplier<Future<T>> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      LOG.error("portfolio call failed: {}", e.getMessage(), e);
      return Future.failedFuture(e);
    }
  }
}
