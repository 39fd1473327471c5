package dev.tradingsystem.frameworks.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.frameworks.runtime.RiskStance.Posture;
import dev.tradingsystem.proto.AlertSeverity;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.RiskAlert;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.proto.TradingStatus;
import java.util.Map;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a framework may do on a symbol after a sequence of risk messages, read as a trader's table.
 * Steps (separated by {@code ;}), times in seconds of event time, alerts hold 300 s:
 * {@code status STATE}, {@code SEVERITY CODE SYMBOL@t} ({@code *} = every symbol, {@code @-} = no
 * event time on the alert). The stance is asked for {@code BTC/USD} at {@code t} with the
 * consensus's haircut; {@code factor} is what stakes and quote sizes are multiplied by.
 */
class RiskWatchTest {

  private static final long SECOND_US = 1_000_000;
  private static final long T0_US = 1_700_000_000L * SECOND_US;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # case                                          | steps                                                   | t   | haircut | posture     | factor
      nothing happened                                  |                                                         | 10  | 0       | OPEN        | 1.0
      haircut halves new exposure                       |                                                         | 10  | 0.5     | OPEN        | 0.5
      full haircut opens nothing                        |                                                         | 10  | 1       | REDUCE_ONLY | 0
      WARNING alone changes nothing                     | WARNING VAR_BREACH BTC/USD@5                            | 10  | 0       | OPEN        | 1.0
      WARNING with the coordinator's haircut            | WARNING VAR_BREACH BTC/USD@5                            | 10  | 0.5     | OPEN        | 0.5
      CRITICAL on the symbol: exits only                | CRITICAL STALE_MARKET_DATA BTC/USD@5                    | 10  | 0       | REDUCE_ONLY | 0
      CRITICAL on every symbol: exits only              | CRITICAL FEED_DOWN *@5                                  | 10  | 0       | REDUCE_ONLY | 0
      CRITICAL on another symbol: no change             | CRITICAL STALE_MARKET_DATA ETH/USD@5                    | 10  | 0       | OPEN        | 1.0
      CRITICAL expires after its hold                   | CRITICAL STALE_MARKET_DATA BTC/USD@5                    | 305 | 0       | OPEN        | 1.0
      CRITICAL still holds just before                  | CRITICAL STALE_MARKET_DATA BTC/USD@5                    | 304 | 0       | REDUCE_ONLY | 0
      a repeat refreshes the hold                       | CRITICAL X BTC/USD@5; CRITICAL X BTC/USD@200            | 400 | 0       | REDUCE_ONLY | 0
      INFO with the same code lifts it                  | CRITICAL X BTC/USD@5; INFO X BTC/USD@6                  | 10  | 0       | OPEN        | 1.0
      INFO with code_CLEARED lifts it                   | CRITICAL STALE BTC/USD@5; INFO STALE_CLEARED BTC/USD@6  | 10  | 0       | OPEN        | 1.0
      INFO on every symbol lifts the symbol's alert     | CRITICAL X BTC/USD@5; INFO X *@6                        | 10  | 0       | OPEN        | 1.0
      INFO on another symbol lifts nothing here         | CRITICAL X BTC/USD@5; INFO X ETH/USD@6                  | 10  | 0       | REDUCE_ONLY | 0
      INFO with another code lifts nothing              | CRITICAL X BTC/USD@5; INFO Y BTC/USD@6                  | 10  | 0       | REDUCE_ONLY | 0
      an alert without event time holds from the tick   | CRITICAL X BTC/USD@-                                    | 10  | 0       | REDUCE_ONLY | 0
      REDUCING: exits only                              | status REDUCING                                         | 10  | 0       | REDUCE_ONLY | 0
      HALTED: cancels only                              | status HALTED                                           | 10  | 0.5     | CANCEL_ONLY | 0
      HALTED beats a critical alert                     | CRITICAL X BTC/USD@5; status HALTED                     | 10  | 0       | CANCEL_ONLY | 0
      back to ACTIVE trades again                       | status HALTED; status ACTIVE                            | 10  | 0       | OPEN        | 1.0
      a return to ACTIVE lifts held alerts              | CRITICAL X BTC/USD@5; status REDUCING; status ACTIVE    | 10  | 0       | OPEN        | 1.0
      ACTIVE while ACTIVE lifts nothing                 | CRITICAL X BTC/USD@5; status ACTIVE                     | 10  | 0       | REDUCE_ONLY | 0
      the kill switch's own alert is obeyed via status  | CRITICAL_STATE KILL_SWITCH *@5                          | 10  | 0       | OPEN        | 1.0
      """)
  void stanceAfterRiskMessages(String description, String steps, long atSeconds, double haircut, Posture posture,
      double factor) {
    RiskWatch watch = new RiskWatch(300 * SECOND_US);
    watch.stance("BTC/USD", T0_US, 0);
    for (String step : steps == null ? new String[0] : steps.split(";")) {
      apply(watch, step.trim());
    }

    RiskStance stance = watch.stance("BTC/USD", T0_US + atSeconds * SECOND_US, haircut);

    assertThat(stance.posture()).isEqualTo(posture);
    assertThat(stance.sizeFactor()).isEqualTo(factor);
    assertThat(stance.isNormal()).isEqualTo(posture == Posture.OPEN && factor == 1.0);
    assertThat(stance.reason().isEmpty()).isEqualTo(stance.isNormal());
  }

  @Test
  void reasonsNameTheStateTheAlertsOrTheHaircut() {
    RiskWatch watch = new RiskWatch(300 * SECOND_US);
    assertThat(watch.stance("BTC/USD", T0_US, 0.25).reason()).isEqualTo("haircut 0.25");
    watch.onAlert(alert(AlertSeverity.CRITICAL, "B", "BTC/USD", T0_US));
    watch.onAlert(alert(AlertSeverity.CRITICAL, "A", "", T0_US));
    assertThat(watch.stance("BTC/USD", T0_US + 1, 0).reason()).isEqualTo("CRITICAL A,B");
    assertThat(watch.heldAlerts()).isEqualTo(Map.of("*", List.of("A:CRITICAL"), "BTC/USD", List.of("B:CRITICAL")));
    watch.onStatus(TradingStatus.newBuilder().setState(TradingState.HALTED).setReason("drawdown 12%").build());
    assertThat(watch.stance("BTC/USD", T0_US + 2, 0).reason()).isEqualTo("HALTED: drawdown 12%");
    assertThat(watch.state()).isEqualTo(TradingState.HALTED);
  }

  @Test
  void malformedMessagesNameTheirReason() {
    assertThat(RiskWatch.problem(TradingStatus.getDefaultInstance())).isEqualTo("invalid-trading-status");
    assertThat(RiskWatch.problem(TradingStatus.newBuilder().setStateValue(99).build())).isEqualTo("invalid-trading-status");
    assertThat(RiskWatch.problem(RiskAlert.newBuilder().setSeverityValue(99).build())).isEqualTo("invalid-risk-alert");
    assertThat(RiskWatch.problem(RiskAlert.getDefaultInstance())).isNull();
  }

  private static void apply(RiskWatch watch, String step) {
    String[] words = step.split(" ");
    if (words[0].equals("status")) {
      watch.onStatus(TradingStatus.newBuilder().setState(TradingState.valueOf(words[1])).build());
      return;
    }
    String[] target = words[2].split("@");
    String symbol = target[0].equals("*") ? "" : target[0];
    long at = target[1].equals("-") ? 0 : T0_US + Long.parseLong(target[1]) * SECOND_US;
    if (words[0].equals("CRITICAL_STATE")) {
      watch.onAlert(alert(AlertSeverity.CRITICAL, words[1], symbol, at).toBuilder()
          .setTradingState(TradingState.HALTED).build());
      return;
    }
    watch.onAlert(alert(AlertSeverity.valueOf(words[0]), words[1], symbol, at));
  }

  private static RiskAlert alert(AlertSeverity severity, String code, String symbol, long eventTimeUs) {
    return RiskAlert.newBuilder().setMeta(Meta.newBuilder().setEventTimeUs(eventTimeUs))
        .setSeverity(severity).setCode(code).setSymbol(symbol).build();
  }
}
