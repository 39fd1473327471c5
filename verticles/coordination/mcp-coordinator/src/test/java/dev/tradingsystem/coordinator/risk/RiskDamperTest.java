package dev.tradingsystem.coordinator.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.proto.AlertSeverity;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.RiskAlert;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.proto.TradingStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The size haircut the coordinator puts on each consensus, as a trader's table. WARNING haircut
 * 0.5, alerts hold 300 s of event time. Steps run in order (separated by {@code ;}):
 * {@code status STATE}, {@code SEVERITY CODE SYMBOL@t} (alert; {@code *} = every symbol,
 * {@code @-} = no event time) and {@code SYMBOL@t} (a consensus on SYMBOL decided at t seconds:
 * its haircut is one entry of the result, in order).
 */
class RiskDamperTest {

  private static final long SECOND_US = 1_000_000;
  private static final long T0_US = 1_700_000_000L * SECOND_US;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # case                                   | steps                                                                     | haircuts
      calm market trades normally                | BTC/USD@1; ETH/USD@2                                                      | 0 0
      WARNING halves the symbol's new exposure   | WARNING VAR BTC/USD@1; BTC/USD@2; ETH/USD@2                               | 0.5 0
      CRITICAL stops the symbol's new exposure   | CRITICAL STALE BTC/USD@1; BTC/USD@2; ETH/USD@2                            | 1 0
      an alert on every symbol cuts every symbol | WARNING VAR *@1; BTC/USD@2; ETH/USD@2                                     | 0.5 0.5
      the worst alert wins                       | WARNING VAR BTC/USD@1; CRITICAL STALE BTC/USD@1; BTC/USD@2                | 1
      it holds 300 s of event time               | WARNING VAR BTC/USD@10; BTC/USD@309; BTC/USD@310                          | 0.5 0
      a repeat refreshes the hold                | WARNING VAR BTC/USD@10; WARNING VAR BTC/USD@200; BTC/USD@400; BTC/USD@500 | 0.5 0
      INFO with the same code lifts it           | CRITICAL STALE BTC/USD@1; BTC/USD@2; INFO STALE BTC/USD@3; BTC/USD@4      | 1 0
      INFO with code_CLEARED lifts it            | CRITICAL STALE BTC/USD@1; INFO STALE_CLEARED BTC/USD@3; BTC/USD@4         | 0
      INFO on another symbol lifts nothing       | CRITICAL STALE BTC/USD@1; INFO STALE ETH/USD@3; BTC/USD@4                 | 1
      INFO on every symbol lifts it everywhere   | CRITICAL STALE BTC/USD@1; INFO STALE *@3; BTC/USD@4                       | 0
      INFO with another code lifts nothing       | WARNING VAR BTC/USD@1; INFO STALE BTC/USD@3; BTC/USD@4                    | 0.5
      no event time: held from the next decision | BTC/USD@100; WARNING VAR BTC/USD@-; BTC/USD@101; BTC/USD@399; BTC/USD@400 | 0 0.5 0.5 0
      REDUCING cuts everything new               | status REDUCING; BTC/USD@1; ETH/USD@1                                     | 1 1
      HALTED cuts everything new                 | status HALTED; BTC/USD@1                                                  | 1
      back to ACTIVE lifts the state and alerts  | WARNING VAR BTC/USD@1; status HALTED; BTC/USD@2; status ACTIVE; BTC/USD@3 | 1 0
      ACTIVE while ACTIVE lifts nothing          | WARNING VAR BTC/USD@1; status ACTIVE; BTC/USD@3                           | 0.5
      the kill switch's alert counts via status  | CRITICAL_STATE DRAWDOWN_LIMIT *@1; BTC/USD@2                              | 0
      """)
  void haircutsOverEventTime(String description, String steps, String haircuts) {
    RiskDamper damper = new RiskDamper(new RiskDamper.Settings(0.5, 300 * SECOND_US));
    List<Double> seen = new ArrayList<>();

    for (String step : steps.split(";")) {
      apply(damper, step.trim(), seen);
    }

    assertThat(seen).containsExactly(List.of(haircuts.split(" ")).stream().map(Double::valueOf).toArray(Double[]::new));
  }

  @Test
  void theViewShowsWhatIsHeldAndCountsDampedAndBlockedDecisions() {
    RiskDamper damper = new RiskDamper(new RiskDamper.Settings(0.5, 300 * SECOND_US));
    damper.onAlert(alert(AlertSeverity.WARNING, "VAR", "", T0_US));
    damper.onAlert(alert(AlertSeverity.CRITICAL, "STALE", "BTC/USD", T0_US));
    damper.haircut("BTC/USD", T0_US + SECOND_US);
    damper.haircut("ETH/USD", T0_US + SECOND_US);

    RiskDamper.View view = damper.view();

    assertThat(view.tradingState()).isEqualTo(TradingState.ACTIVE);
    assertThat(view.held()).containsExactly(
        new RiskDamper.HeldAlert("", "VAR", AlertSeverity.WARNING, T0_US + 300 * SECOND_US),
        new RiskDamper.HeldAlert("BTC/USD", "STALE", AlertSeverity.CRITICAL, T0_US + 300 * SECOND_US));
    assertThat(view.lastHaircut()).containsEntry("BTC/USD", 1.0).containsEntry("ETH/USD", 0.5);
    assertThat(view.dampedDecisions()).isEqualTo(2);
    assertThat(view.blockedDecisions()).isEqualTo(1);
  }

  @Test
  void malformedInputNamesItsReasonAndBadSettingsAreRefused() {
    assertThat(RiskDamper.problem(TradingStatus.getDefaultInstance())).isEqualTo("invalid-trading-status");
    assertThat(RiskDamper.problem(RiskAlert.newBuilder().setSeverityValue(7).build())).isEqualTo("invalid-risk-alert");
    assertThat(RiskDamper.problem(alert(AlertSeverity.WARNING, "VAR", "", T0_US))).isNull();
    assertThatThrownBy(() -> new RiskDamper.Settings(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RiskDamper.Settings(0.5, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  private static void apply(RiskDamper damper, String step, List<Double> seen) {
    String[] words = step.split(" ");
    if (words[0].equals("status")) {
      damper.onStatus(TradingStatus.newBuilder().setState(TradingState.valueOf(words[1])).build());
      return;
    }
    String[] target = words[words.length - 1].split("@");
    String symbol = target[0].equals("*") ? "" : target[0];
    long at = target[1].equals("-") ? 0 : T0_US + Long.parseLong(target[1]) * SECOND_US;
    if (words.length == 1) {
      seen.add(damper.haircut(symbol, at));
    } else if (words[0].equals("CRITICAL_STATE")) {
      damper.onAlert(alert(AlertSeverity.CRITICAL, words[1], symbol, at).toBuilder()
          .setTradingState(TradingState.HALTED).build());
    } else {
      damper.onAlert(alert(AlertSeverity.valueOf(words[0]), words[1], symbol, at));
    }
  }

  private static RiskAlert alert(AlertSeverity severity, String code, String symbol, long eventTimeUs) {
    return RiskAlert.newBuilder().setMeta(Meta.newBuilder().setEventTimeUs(eventTimeUs))
        .setSeverity(severity).setCode(code).setSymbol(symbol).build();
  }
}
