package dev.tradingsystem.frameworks.hummingbot.quoting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.AlertSeverity;
import dev.tradingsystem.proto.RiskAlert;
import dev.tradingsystem.proto.TradingState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Widen ×2 on WARNING, pull on CRITICAL, alerts hold 60 s unless cleared; times in seconds. */
class AlertGuardTest {

  private static final long SECOND = 1_000_000L;

  private final AlertGuard guard = new AlertGuard(2, 60 * SECOND);

  private static RiskAlert alert(AlertSeverity severity, String code, String symbol) {
    return RiskAlert.newBuilder().setSeverity(severity).setCode(code).setSymbol(symbol).build();
  }

  @ParameterizedTest(name = "{0} {1} on ''{2}'', asked for BTC/USD at +{3} s -> pull {4}, ×{5}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      severity | code              | alert symbol | asked after s | pull  | spread factor | reason
      WARNING  | STALE_MARKET_DATA | BTC/USD      | 10            | false | 2.0           | STALE_MARKET_DATA
      CRITICAL | STALE_MARKET_DATA | BTC/USD      | 10            | true  | 1.0           | STALE_MARKET_DATA
      WARNING  | STALE_MARKET_DATA | ETH/USD      | 10            | false | 1.0           |
      CRITICAL | VENUE_DOWN        |              | 10            | true  | 1.0           | VENUE_DOWN
      WARNING  | STALE_MARKET_DATA | BTC/USD      | 60            | false | 1.0           |
      WARNING  | STALE_MARKET_DATA | BTC/USD      | 59            | false | 2.0           | STALE_MARKET_DATA
      INFO     | FYI               | BTC/USD      | 10            | false | 1.0           |
      """)
  void alertsChangeHowASymbolIsQuotedWhileTheyHold(AlertSeverity severity, String code, String symbol, long after,
      boolean pull, double factor, String reason) {
    guard.onAlert(alert(severity, code, symbol == null ? "" : symbol), 0);

    MarketStance stance = guard.stance("BTC/USD", after * SECOND);

    assertThat(stance.pull()).isEqualTo(pull);
    assertThat(stance.spreadFactor()).isEqualTo(factor);
    assertThat(stance.reason()).isEqualTo(reason == null ? "" : reason);
  }

  @Test
  void aClearedMessageLiftsItsAlertOnly() {
    guard.onAlert(alert(AlertSeverity.WARNING, "STALE_MARKET_DATA", "BTC/USD"), 0);
    guard.onAlert(alert(AlertSeverity.CRITICAL, "SPREAD_BLOWOUT", "BTC/USD"), 0);

    assertThat(guard.onAlert(alert(AlertSeverity.INFO, "STALE_MARKET_DATA_CLEARED", "BTC/USD"), SECOND)).isTrue();
    assertThat(guard.stance("BTC/USD", 2 * SECOND)).isEqualTo(new MarketStance(true, 1, "SPREAD_BLOWOUT"));
    assertThat(guard.onAlert(alert(AlertSeverity.INFO, "SPREAD_BLOWOUT_CLEARED", "BTC/USD"), SECOND)).isTrue();
    assertThat(guard.stance("BTC/USD", 2 * SECOND)).isEqualTo(MarketStance.NORMAL);
  }

  @Test
  void aRepeatRefreshesTheHold() {
    guard.onAlert(alert(AlertSeverity.WARNING, "STALE_MARKET_DATA", "BTC/USD"), 0);
    guard.onAlert(alert(AlertSeverity.WARNING, "STALE_MARKET_DATA", "BTC/USD"), 50 * SECOND);

    assertThat(guard.stance("BTC/USD", 100 * SECOND).spreadFactor()).isEqualTo(2);
    assertThat(guard.stance("BTC/USD", 110 * SECOND)).isEqualTo(MarketStance.NORMAL);
  }

  @Test
  void killSwitchAlertsAreLeftToTheTradingStatus() {
    boolean changed = guard.onAlert(alert(AlertSeverity.CRITICAL, "DRAWDOWN_LIMIT", "").toBuilder()
        .setTradingState(TradingState.HALTED).build(), 0);

    assertThat(changed).isFalse();
    assertThat(guard.stance("BTC/USD", SECOND)).isEqualTo(MarketStance.NORMAL);
  }
}
