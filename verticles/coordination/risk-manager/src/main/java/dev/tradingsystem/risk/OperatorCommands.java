package dev.tradingsystem.risk;

import dev.tradingsystem.proto.KillSwitchCommand;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.TradingStatus;
import dev.tradingsystem.risk.killswitch.InvalidKillSwitchCommand;
import dev.tradingsystem.risk.killswitch.StateChange;
import dev.tradingsystem.shared.auth.OperatorAuthException;
import dev.tradingsystem.shared.auth.OperatorAuthority;
import dev.tradingsystem.shared.clock.TradingClock;
import dev.tradingsystem.shared.msg.Metas;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An operator's kill-switch command: the token is verified first; a missing, invalid, expired or
 * non-operator token is refused with {@link OperatorAuthException} (counted by reason, state
 * unchanged), a malformed command with {@link InvalidKillSwitchCommand}. An accepted command
 * moves the switch, naming the token's subject as the operator, and {@code flatten} closes every
 * position after the cancels, also when the switch already was in the target state.
 */
final class OperatorCommands {

  private static final Logger LOG = LoggerFactory.getLogger(OperatorCommands.class);

  private final RiskEngine engine;
  private final KillSwitchDesk desk;
  private final TradingClock clock;
  private final RiskStats stats;
  private final OperatorAuthority operators;

  OperatorCommands(RiskEngine engine, KillSwitchDesk desk, TradingClock clock, RiskStats stats, OperatorAuthority operators) {
    this.engine = engine;
    this.desk = desk;
    this.clock = clock;
    this.stats = stats;
    this.operators = operators;
  }

  /** The operator the command's token names; fails when it does not verify. May complete off the engine's context. */
  Future<String> verify(KillSwitchCommand command) {
    return operators.verifyOperator(command.getOperatorToken());
  }

  /** Refuses the command when {@code verified} failed, else obeys it. Runs on the engine's context. */
  Future<TradingStatus> execute(KillSwitchCommand command, AsyncResult<String> verified) {
    if (verified.failed()) {
      String reason = refusalReason(command, verified.cause());
      stats.killSwitchRefused(reason);
      LOG.warn("refused kill-switch command ({}): {}", reason, verified.cause().getMessage());
      return Future.failedFuture(verified.cause());
    }
    return obey(command, verified.result());
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
    Future<Void> done = change.map(c -> desk.react(c, cause, command.getFlatten()))
        .orElseGet(() -> command.getFlatten() ? desk.flatten(cause, "operator " + operator + ": " + command.getReason())
            : Future.succeededFuture());
    return done.map(v -> desk.status(cause));
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
}
