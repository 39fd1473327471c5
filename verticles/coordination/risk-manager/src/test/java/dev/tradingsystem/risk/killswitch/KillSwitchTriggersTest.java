package dev.tradingsystem.risk.killswitch;

import static dev.tradingsystem.risk.RiskFixtures.LIMITS;
import static dev.tradingsystem.risk.RiskFixtures.allocation;
import static dev.tradingsystem.risk.RiskFixtures.meta;
import static dev.tradingsystem.risk.RiskFixtures.openOrder;
import static dev.tradingsystem.risk.RiskFixtures.state;
import static dev.tradingsystem.risk.RiskFixtures.trade;
import static dev.tradingsystem.risk.RiskFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.KillSwitchCommand;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.risk.RiskEngine;
import dev.tradingsystem.risk.killswitch.StateChange.Trigger;
import dev.tradingsystem.risk.monitor.MonitorLimits;
import org.junit.jupiter.api.Test;

/** One test per automatic trigger, through the engine, and the latch each one sets. */
class KillSwitchTriggersTest {

  private static final long DAY_US = 86_400_000_000L;
  /** 10% daily loss, 30 s without market data while orders work, 3 failures in a row, 50% errors over 4 intents. */
  private static final TriggerLimits TRIGGERS = new TriggerLimits(0.1, 30_000_000L, 3, 4, 0.5, false);

  private static RiskEngine engine() {
    return new RiskEngine(LIMITS, TRIGGERS, MonitorLimits.QUIET, 100);
  }

  private static KillSwitchCommand resume() {
    return KillSwitchCommand.newBuilder().setTargetState(TradingState.ACTIVE).setReason("reviewed").build();
  }

  @Test
  void dailyLossOfTheDaysOpeningEquityHalts() {
    RiskEngine engine = engine();
    long midnight = (meta(1).getEventTimeUs() / DAY_US + 1) * DAY_US;
    engine.onPortfolioState(state(1).setMeta(meta(1).toBuilder().setEventTimeUs(midnight - 1_000_000)).setEquityMicros(usd("120000")).build(), 0);
    engine.onPortfolioState(state(2).setMeta(meta(2).toBuilder().setEventTimeUs(midnight + 1_000_000)).setEquityMicros(usd("115000")).build(), 1);
    assertThat(engine.monitor().daily().openingEquityMicros()).as("the last equity before midnight").isEqualTo(usd("120000"));
    assertThat(engine.tradingState()).as("4.2% down").isEqualTo(TradingState.ACTIVE);

    StateChange change = engine.onPortfolioState(state(3).setMeta(meta(3).toBuilder().setEventTimeUs(midnight + 2_000_000))
        .setEquityMicros(usd("108000")).build(), 2).orElseThrow();

    assertThat(change.trigger()).isEqualTo(Trigger.DAILY_LOSS);
    assertThat(change.to()).isEqualTo(TradingState.HALTED);
    assertThat(change.reason()).contains("10.00%");
    assertThat(engine.killSwitch().latched()).isTrue();
  }

  @Test
  void theCollectorsStaleDataAlertHalts() {
    RiskEngine engine = engine();

    assertThat(engine.onAlert("VAR_LIMIT", "", "not mine", 1)).isEmpty();
    StateChange change = engine.onAlert(StaleDataWatch.STALE_ALERT, "BTC/USD", "no market data for 5000 ms", 2).orElseThrow();

    assertThat(change.trigger()).isEqualTo(Trigger.STALE_DATA);
    assertThat(change.reason()).contains("BTC/USD");
    assertThat(engine.killSwitch().latched()).isTrue();
  }

  @Test
  void silenceLongerThanStaleDataMsWhileOrdersWorkHalts() {
    RiskEngine engine = engine();
    engine.onTrade(trade(1, "800.00"));
    assertThat(engine.onTrade(trade(40, "800.00"))).as("39 s of silence, but nothing was working").isEmpty();
    engine.onPortfolioState(state(40).addOpenOrders(openOrder("o-1", "s", Side.BUY, "1", "790.00")).build(), 0);

    assertThat(engine.onTrade(trade(60, "800.00"))).as("20 s").isEmpty();
    StateChange change = engine.onTrade(trade(91, "800.00")).orElseThrow();

    assertThat(change.trigger()).isEqualTo(Trigger.STALE_DATA);
    assertThat(change.reason()).contains("31000 ms");
  }

  @Test
  void consecutivePortfolioFailuresHaltAsDisconnect() {
    RiskEngine engine = new RiskEngine(LIMITS, new TriggerLimits(0.1, 0, 3, 1_000, 0.5, false), MonitorLimits.QUIET, 100);
    engine.downstream(false, true, 1);
    engine.downstream(false, true, 2);
    engine.downstream(true, false, 3);
    engine.downstream(false, true, 4);
    assertThat(engine.downstream(false, true, 5)).as("the success broke the streak").isEmpty();

    StateChange change = engine.downstream(false, true, 6).orElseThrow();

    assertThat(change.trigger()).isEqualTo(Trigger.DISCONNECT);
    assertThat(engine.tradingState()).isEqualTo(TradingState.HALTED);
  }

  @Test
  void errorRateOverAFullWindowHalts() {
    RiskEngine engine = engine();
    assertThat(engine.downstream(true, true, 1)).as("one refusal is not yet a rate").isEmpty();
    assertThat(engine.downstream(true, false, 2)).isEmpty();
    assertThat(engine.downstream(true, false, 3)).isEmpty();
    assertThat(engine.downstream(true, false, 4)).as("1 of 4").isEmpty();
    assertThat(engine.downstream(true, true, 5)).as("the first refusal slid out: 1 of the last 4").isEmpty();
    assertThat(engine.downstream(true, true, 6)).as("2 of the last 4 = 50%").map(StateChange::trigger).contains(Trigger.ERROR_RATE);
  }

  @Test
  void drawdownStillHaltsAndLatches() {
    RiskEngine engine = engine();

    StateChange change = engine.onPortfolioState(state(1).setDrawdown(0.25).build(), 0).orElseThrow();

    assertThat(change.trigger()).isEqualTo(Trigger.DRAWDOWN);
    assertThat(engine.killSwitch().latched()).isTrue();
  }

  @Test
  void anAutomaticHaltLatchesUntilAnOperatorResets() {
    RiskEngine engine = engine();
    engine.onAlert(StaleDataWatch.STALE_ALERT, "BTC/USD", "silent", 1);

    assertThat(engine.onAlert(StaleDataWatch.STALE_ALERT, "BTC/USD", "silent", 2)).as("already halted").isEmpty();
    engine.onPortfolioState(state(3).addAllocations(allocation("*", "10000")).build(), 3);
    engine.downstream(true, false, 4);
    assertThat(engine.tradingState()).as("healthy snapshots and calls do not clear it").isEqualTo(TradingState.HALTED);
    assertThat(engine.killSwitch().latched()).isTrue();
    assertThat(engine.killSwitch().trigger()).isEqualTo(Trigger.STALE_DATA);

    StateChange reset = engine.command(resume(), "ops-1", 5).orElseThrow();

    assertThat(reset.trigger()).isEqualTo(Trigger.MANUAL);
    assertThat(reset.operatorId()).isEqualTo("ops-1");
    assertThat(engine.killSwitch().latched()).isFalse();
    assertThat(engine.tradingState()).isEqualTo(TradingState.ACTIVE);
  }

  @Test
  void anOperatorsHaltIsNotLatchedAndAnAutomaticTriggerEscalatesReducing() {
    RiskEngine engine = engine();
    engine.command(KillSwitchCommand.newBuilder().setTargetState(TradingState.REDUCING).setReason("news").build(), "ops", 1);
    assertThat(engine.killSwitch().latched()).isFalse();

    assertThat(engine.downstream(false, true, 2)).isEmpty();
    assertThat(engine.downstream(false, true, 3)).isEmpty();
    StateChange change = engine.downstream(false, true, 4).orElseThrow();

    assertThat(change.from()).isEqualTo(TradingState.REDUCING);
    assertThat(change.to()).isEqualTo(TradingState.HALTED);
    assertThat(engine.killSwitch().latched()).isTrue();
  }

  @Test
  void aResumeAfterADailyLossAcceptsItUntilItGetsWorse() {
    RiskEngine engine = engine();
    engine.onPortfolioState(state(1).setEquityMicros(usd("100000")).build(), 0);
    engine.onPortfolioState(state(2).setEquityMicros(usd("89000")).build(), 1);
    engine.command(resume(), "ops", 2);

    assertThat(engine.onPortfolioState(state(3).setEquityMicros(usd("89000")).build(), 3)).isEmpty();
    assertThat(engine.onPortfolioState(state(4).setEquityMicros(usd("88000")).build(), 4))
        .map(StateChange::trigger).contains(Trigger.DAILY_LOSS);
  }
}
