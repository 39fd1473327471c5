package dev.tradingsystem.risk;

import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Position;
import dev.tradingsystem.proto.TradingStatus;
import dev.tradingsystem.risk.killswitch.KillSwitch;
import dev.tradingsystem.risk.killswitch.StateChange;
import dev.tradingsystem.shared.clock.TradingClock;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * Carries out kill-switch moves against the engine's current book: announces each move through
 * {@link KillSwitchEffects}, cancels the working orders on HALTED and, when asked, flattens the
 * open positions after the cancels were answered (so no working order trades against the exits).
 * Automatic triggers flatten as configured ({@code risk.killSwitch.flatten}); an operator says so
 * per command.
 */
final class KillSwitchDesk {

  private final RiskEngine engine;
  private final KillSwitchEffects effects;
  private final TradingClock clock;
  private final boolean flattenOnTrigger;

  KillSwitchDesk(RiskEngine engine, KillSwitchEffects effects, TradingClock clock, boolean flattenOnTrigger) {
    this.engine = engine;
    this.effects = effects;
    this.clock = clock;
    this.flattenOnTrigger = flattenOnTrigger;
  }

  /** A move of an automatic trigger, if there was one, caused by {@code cause}. */
  void triggered(Optional<StateChange> change, Meta cause) {
    change.ifPresent(c -> react(c, cause, flattenOnTrigger));
  }

  /** Announces the move and cancels on HALTED; then flattens when {@code flatten}. Never fails. */
  Future<Void> react(StateChange change, Meta cause, boolean flatten) {
    Future<Void> applied = effects.apply(change, engine.killSwitch().latched(), cause, engine.workingOrders());
    return flatten ? applied.compose(v -> flatten(cause, change.reason())) : applied;
  }

  /** Closes every open position of the current snapshot. Never fails. */
  Future<Void> flatten(Meta cause, String reason) {
    List<Position> positions = engine.book().snapshot().getPositionsList();
    return effects.flatten(positions, this::referencePrice, cause, reason);
  }

  /** The switch's state now, as the status message the operator and {@code risk.status} see. */
  TradingStatus status(Meta cause) {
    KillSwitch killSwitch = engine.killSwitch();
    return effects.status(engine.tradingState(), killSwitch.reason(), killSwitch.changedAtUs(), killSwitch.trigger(),
        killSwitch.latched(), cause);
  }

  /** The freshest price the gate knows for a position's symbol, else the position's own mark. */
  private long referencePrice(Position position) {
    return engine.book().reference(position.getInstrument().getSymbol(), clock.nowMicros(), Long.MAX_VALUE)
        .map(r -> r.price())
        .orElse(position.getMarkPrice());
  }
}
