package dev.tradingsystem.portfolio.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.portfolio.allocation.Reallocator.Reallocation;
import dev.tradingsystem.proto.AlertSeverity;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.RiskAlert;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.proto.TradingStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every 60 s, at least 10 s apart, stress scale 0.5; times are seconds after the first event. */
class ReallocatorTest {

  private static final long T0 = 1_385_337_600_000_000L;
  private final Reallocator reallocator = new Reallocator(s(60), s(10), 0.5);

  @Test
  void reallocatesOnAFixedGridOfEventTime() {
    assertThat(tick(0)).isEmpty();
    assertThat(tick(59)).isEmpty();
    assertThat(tick(60)).contains(new Reallocation(T0 + s(60), "schedule", 1));
    assertThat(tick(61)).isEmpty();
    // A gap in the tape skips the missed slots: one reallocation at 200, the next on the grid at 240.
    assertThat(tick(200)).contains(new Reallocation(T0 + s(200), "schedule", 1));
    assertThat(tick(239)).isEmpty();
    assertThat(tick(240)).isPresent();
  }

  @Test
  void aWarningReallocatesAtOnceThenWaitsOutTheMinimumInterval() {
    tick(0);
    assertThat(alert(5, AlertSeverity.WARNING)).contains(new Reallocation(T0 + s(5), "risk-alert WARNING DRAWDOWN", 1));
    assertThat(alert(8, AlertSeverity.WARNING)).isEmpty();
    assertThat(tick(14)).isEmpty();
    assertThat(tick(15)).contains(new Reallocation(T0 + s(15), "risk-alert WARNING DRAWDOWN", 1));
  }

  @Test
  void infoAlertsChangeNothing() {
    tick(0);
    assertThat(alert(5, AlertSeverity.INFO)).isEmpty();
    assertThat(tick(30)).isEmpty();
  }

  @Test
  void aCriticalAlertCutsAtOnceAndTheCutHoldsForOnePeriod() {
    tick(0);
    tick(60);
    assertThat(alert(61, AlertSeverity.CRITICAL)).contains(new Reallocation(T0 + s(61), "risk-alert CRITICAL DRAWDOWN", 0.5));
    assertThat(tick(120)).contains(new Reallocation(T0 + s(120), "schedule", 0.5));
    assertThat(tick(180)).contains(new Reallocation(T0 + s(180), "schedule", 1));
  }

  @Test
  void reducingAndHaltedCutUntilTradingIsActiveAgain() {
    tick(0);
    assertThat(status(1, TradingState.REDUCING)).contains(new Reallocation(T0 + s(1), "trading-status REDUCING", 0.5));
    assertThat(status(2, TradingState.REDUCING)).as("same state is no change").isEmpty();
    assertThat(status(3, TradingState.HALTED)).as("no cut deeper than the scale: waits")
        .isEmpty();
    assertThat(tick(11)).contains(new Reallocation(T0 + s(11), "trading-status HALTED", 0.5));
    assertThat(status(12, TradingState.ACTIVE)).as("raising the scale waits for the interval").isEmpty();
    assertThat(tick(21)).contains(new Reallocation(T0 + s(21), "trading-status ACTIVE", 1));
  }

  @Test
  void aCutInsideTheMinimumIntervalIsNotDeferred() {
    tick(0);
    tick(60);
    assertThat(status(61, TradingState.HALTED)).contains(new Reallocation(T0 + s(61), "trading-status HALTED", 0.5));
  }

  @Test
  void replayingTheSameEventsGivesTheSameReallocations() {
    assertThat(script(new Reallocator(s(60), s(10), 0.5))).isEqualTo(script(new Reallocator(s(60), s(10), 0.5)))
        .hasSize(5);
  }

  @Test
  void eventTimeNeverGoesBackwards() {
    tick(100);
    assertThat(alert(50, AlertSeverity.WARNING)).contains(new Reallocation(T0 + s(100), "risk-alert WARNING DRAWDOWN", 1));
  }

  @Test
  void refusesAMinimumIntervalLongerThanThePeriodAndAScaleOutsideZeroOne() {
    assertThatThrownBy(() -> new Reallocator(s(10), s(60), 0.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Reallocator(s(60), s(10), 1.5)).isInstanceOf(IllegalArgumentException.class);
  }

  private List<Reallocation> script(Reallocator r) {
    List<Reallocation> fired = new ArrayList<>();
    r.onTime(T0).ifPresent(fired::add);
    r.onAlert(alertAt(5, AlertSeverity.WARNING)).ifPresent(fired::add);
    r.onTime(T0 + s(60)).ifPresent(fired::add);
    r.onStatus(statusAt(70, TradingState.REDUCING)).ifPresent(fired::add);
    r.onStatus(statusAt(75, TradingState.ACTIVE)).ifPresent(fired::add);
    r.onTime(T0 + s(80)).ifPresent(fired::add);
    r.onTime(T0 + s(120)).ifPresent(fired::add);
    return fired;
  }

  private Optional<Reallocation> tick(long second) {
    return reallocator.onTime(T0 + s(second));
  }

  private Optional<Reallocation> alert(long second, AlertSeverity severity) {
    return reallocator.onAlert(alertAt(second, severity));
  }

  private Optional<Reallocation> status(long second, TradingState state) {
    return reallocator.onStatus(statusAt(second, state));
  }

  private static RiskAlert alertAt(long second, AlertSeverity severity) {
    return RiskAlert.newBuilder().setMeta(Meta.newBuilder().setEventTimeUs(T0 + s(second)))
        .setSeverity(severity).setCode("DRAWDOWN").build();
  }

  private static TradingStatus statusAt(long second, TradingState state) {
    return TradingStatus.newBuilder().setMeta(Meta.newBuilder().setEventTimeUs(T0 + s(second))).setState(state).build();
  }

  private static long s(long seconds) {
    return seconds * 1_000_000L;
  }
}
