package dev.tradingsystem.risk.killswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.proto.KillSwitchCommand;
import dev.tradingsystem.proto.TradingState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KillSwitchTest {

  private final KillSwitch killSwitch = new KillSwitch(0.2);

  private static KillSwitchCommand command(TradingState target, String operator, String reason) {
    return KillSwitchCommand.newBuilder().setTargetState(target).setOperatorId(operator).setReason(reason).build();
  }

  @Test
  void startsActive() {
    assertThat(killSwitch.state()).isEqualTo(TradingState.ACTIVE);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "ACTIVE,   REDUCING",
      "ACTIVE,   HALTED",
      "REDUCING, HALTED",
      "REDUCING, ACTIVE",
      "HALTED,   REDUCING",
      "HALTED,   ACTIVE"})
  void operatorMovesBetweenAnyStates(TradingState from, TradingState to) {
    killSwitch.command(command(from, "ops-1", "setup"), "ops-1", 1);

    StateChange change = killSwitch.command(command(to, "ops-2", "test"), "ops-2", 2).orElseThrow();

    assertThat(change.from()).isEqualTo(from);
    assertThat(change.to()).isEqualTo(to);
    assertThat(change.trigger()).isEqualTo(StateChange.Trigger.MANUAL);
    assertThat(change.operatorId()).isEqualTo("ops-2");
    assertThat(change.reason()).contains("ops-2").contains("test");
    assertThat(change.atUs()).isEqualTo(2);
    assertThat(killSwitch.state()).isEqualTo(to);
  }

  @Test
  void commandToTheCurrentStateChangesNothing() {
    assertThat(killSwitch.command(command(TradingState.ACTIVE, "ops", "confirm"), "ops", 1)).isEmpty();
  }

  @Test
  void commandsWithoutOperatorReasonOrTargetAreRefused() {
    assertThatThrownBy(() -> killSwitch.command(command(TradingState.HALTED, "", "why"), "", 1))
        .isInstanceOf(InvalidKillSwitchCommand.class).hasMessageContaining("operator_id");
    assertThatThrownBy(() -> killSwitch.command(command(TradingState.HALTED, "ops", " "), "ops", 1))
        .isInstanceOf(InvalidKillSwitchCommand.class).hasMessageContaining("reason");
    assertThatThrownBy(() -> killSwitch.command(command(TradingState.TRADING_STATE_UNSPECIFIED, "ops", "why"), "ops", 1))
        .isInstanceOf(InvalidKillSwitchCommand.class).hasMessageContaining("target_state");
    assertThat(killSwitch.state()).isEqualTo(TradingState.ACTIVE);
  }

  @Test
  void drawdownAtTheLimitHalts() {
    assertThat(killSwitch.observeDrawdown(0.1999, 1)).isEmpty();

    StateChange change = killSwitch.observeDrawdown(0.2, 2).orElseThrow();

    assertThat(change.to()).isEqualTo(TradingState.HALTED);
    assertThat(change.trigger()).isEqualTo(StateChange.Trigger.DRAWDOWN);
    assertThat(change.reason()).contains("20.00%");
  }

  @Test
  void drawdownHaltOverridesReducing() {
    killSwitch.command(command(TradingState.REDUCING, "ops", "volatile"), "ops", 1);

    assertThat(killSwitch.observeDrawdown(0.25, 2)).map(StateChange::to).contains(TradingState.HALTED);
  }

  @Test
  void haltLatchesUntilAnOperatorResumes() {
    killSwitch.observeDrawdown(0.3, 1);

    assertThat(killSwitch.observeDrawdown(0.05, 2)).isEmpty();
    assertThat(killSwitch.observeDrawdown(0.0, 3)).isEmpty();
    assertThat(killSwitch.state()).isEqualTo(TradingState.HALTED);

    killSwitch.command(command(TradingState.ACTIVE, "ops", "reviewed"), "ops", 4);
    assertThat(killSwitch.state()).isEqualTo(TradingState.ACTIVE);
  }

  @Test
  void aResumeAcceptsTheCurrentDrawdownButNotAWorseOne() {
    killSwitch.observeDrawdown(0.25, 1);
    killSwitch.command(command(TradingState.ACTIVE, "ops", "accepted 25%"), "ops", 2);

    assertThat(killSwitch.observeDrawdown(0.25, 3)).isEmpty();
    assertThat(killSwitch.observeDrawdown(0.26, 4)).map(StateChange::to).contains(TradingState.HALTED);
  }

  @Test
  void aNewBreachAfterRecoveryHaltsAgain() {
    killSwitch.observeDrawdown(0.25, 1);
    killSwitch.command(command(TradingState.ACTIVE, "ops", "accepted"), "ops", 2);
    killSwitch.observeDrawdown(0.1, 3);

    assertThat(killSwitch.observeDrawdown(0.21, 4)).map(StateChange::to).contains(TradingState.HALTED);
  }

  @Test
  void nonFiniteDrawdownIsIgnored() {
    assertThat(killSwitch.observeDrawdown(Double.NaN, 1)).isEmpty();
    assertThat(killSwitch.state()).isEqualTo(TradingState.ACTIVE);
  }
}
