package dev.tradingsystem.risk;

import dev.tradingsystem.proto.AlertSubscription;
import dev.tradingsystem.proto.Approval;
import dev.tradingsystem.proto.KillSwitchCommand;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.RiskAlert;
import dev.tradingsystem.proto.RiskDecision;
import dev.tradingsystem.proto.RiskServiceService;
import dev.tradingsystem.proto.TradingStatus;
import dev.tradingsystem.risk.killswitch.InvalidKillSwitchCommand;
import dev.tradingsystem.shared.auth.OperatorAuthException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import java.util.function.Supplier;

/**
 * The {@code RiskService} implementation: moves every call onto the verticle's context (gRPC
 * calls arrive elsewhere), so the {@link RiskEngine} stays single-threaded, and hands it on.
 * {@code checkOrder} ({@link OrderCheck}) always answers a decision and forwards approved intents
 * with an {@link Approval} to the portfolio. {@code killSwitch} ({@link OperatorCommands}) needs a
 * valid operator token: without one it fails with {@link OperatorAuthException} and changes
 * nothing; a malformed command fails with {@link InvalidKillSwitchCommand}.
 */
final class RiskGate extends RiskServiceService {

  private final Vertx vertx;
  private final Context context;
  private final RiskEngine engine;
  private final OrderCheck orders;
  private final OperatorCommands commands;
  private final RiskStats stats;

  RiskGate(Vertx vertx, Context context, RiskEngine engine, OrderCheck orders, OperatorCommands commands, RiskStats stats) {
    this.vertx = vertx;
    this.context = context;
    this.engine = engine;
    this.orders = orders;
    this.commands = commands;
    this.stats = stats;
  }

  @Override
  public Future<RiskDecision> checkOrder(OrderIntent intent) {
    return onContext(() -> orders.check(intent));
  }

  /** Verifies the token on the engine's context, then obeys or refuses there (verification may answer elsewhere). */
  @Override
  public Future<TradingStatus> killSwitch(KillSwitchCommand command) {
    return onContext(() -> commands.verify(command)
        .transform(verified -> onContext(() -> commands.execute(command, verified))));
  }

  @Override
  public Future<ReadStream<RiskAlert>> streamAlerts(AlertSubscription subscription) {
    return onContext(() -> Future.succeededFuture(new AlertStream(vertx, subscription.getMinSeverity())));
  }

  JsonObject stats() {
    return stats.toJson(engine.killSwitch(), engine.monitor().latest(), engine.monitor().varReturnsHeld());
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
