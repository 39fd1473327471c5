package dev.tradingsystem.frameworks.hummingbot.quoting.pmm;

import static dev.tradingsystem.frameworks.hummingbot.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.frameworks.hummingbot.quoting.MarketStance;
import dev.tradingsystem.frameworks.hummingbot.quoting.QuoteScenario;
import dev.tradingsystem.proto.TradingState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pure market making as a trader reads it: each table row is a tick (seconds after the start, the
 * mid, a fill of the best resting bid or ask before the tick) and the intents it sent, in order
 * ({@code +bid price size} new quote, {@code -ask price} cancel). Unless a test says otherwise:
 * {@link PmmFixtures}, 10,000 USD of capital holding 1 BTC bought at 1000, BTC/USD in cents.
 */
class PureMarketMakingTest {

  private final PmmFixtures pmm = new PmmFixtures();

  private QuoteScenario scenario() {
    return new QuoteScenario(pmm.build(), usd(10_000)).holding(1, 1000);
  }

  @ParameterizedTest(name = "mid {0}, {1} levels +{2} % +{3} BTC -> {4}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      mid      | levels | level spread pct | level amount | intents
      1000     | 1      | 0.5              | 0            | +bid 990.00 0.1; +ask 1010.00 0.1
      1000     | 3      | 0.5              | 0.05         | +bid 990.00 0.1; +bid 985.00 0.15; +bid 980.00 0.2; +ask 1010.00 0.1; +ask 1015.00 0.15; +ask 1020.00 0.2
      1000.005 | 2      | 0.25             | 0            | +bid 990.00 0.1; +bid 987.50 0.1; +ask 1010.01 0.1; +ask 1012.51 0.1
      """)
  void levelsStepOutFromTheMidAndRoundAwayFromIt(double mid, int levels, double levelSpread, double levelAmount,
      String intents) {
    pmm.levels = levels;
    pmm.levelSpread = levelSpread;
    pmm.levelAmount = levelAmount;

    assertThat(scenario().tick(0, mid, "")).isEqualTo(intents);
  }

  @ParameterizedTest(name = "mid {0} with ceiling 1050, floor 950 -> {1}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      mid     | intents
      1000    | +bid 990.00 0.1; +ask 1010.00 0.1
      1049.99 | +bid 1039.49 0.1; +ask 1060.49 0.1
      1050    | +ask 1060.50 0.1
      1100    | +ask 1111.00 0.1
      950.01  | +bid 940.50 0.1; +ask 959.52 0.1
      950     | +bid 940.50 0.1
      900     | +bid 891.00 0.1
      """)
  void thePriceBandStopsBuyingHighAndSellingLow(double mid, String intents) {
    pmm.ceiling = 1050;
    pmm.floor = 950;

    assertThat(scenario().tick(0, mid, "")).isEqualTo(intents);
  }

  @ParameterizedTest(name = "holding {0} BTC, {1} USD -> {2}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      base held | quote held | intents
      0.5       | 500        | +bid 990.00 0.1; +ask 1010.00 0.1
      0.45      | 550        | +bid 990.00 0.15; +ask 1010.00 0.05
      0.4       | 600        | +bid 990.00 0.2
      0.55      | 450        | +bid 990.00 0.05; +ask 1010.00 0.15
      0.7       | 300        | +ask 1010.00 0.2
      0         | 1000       | +bid 990.00 0.2
      """)
  void inventorySkewLeansSizesTowardsFiftyPercentBase(double base, double quote, String intents) {
    pmm.skew = true;
    QuoteScenario scenario = new QuoteScenario(pmm.build(), usd(quote + base * 1000)).holding(base, 1000);

    assertThat(scenario.tick(0, 1000, "")).isEqualTo(intents);
  }

  @ParameterizedTest(name = "quote {0} USD, base {1} BTC -> {2}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      quote held | base held | intents
      10000      | 1         | +bid 990.00 0.1; +bid 985.00 0.1; +ask 1010.00 0.1; +ask 1015.00 0.1
      150        | 0.15      | +bid 990.00 0.1; +bid 985.00 0.05177664; +ask 1010.00 0.1; +ask 1015.00 0.05
      50         | 0         | +bid 990.00 0.05050505
      0          | 0.3       | +ask 1010.00 0.1; +ask 1015.00 0.1
      """)
  void theBudgetShrinksWhatCannotBePaidFor(double quote, double base, String intents) {
    pmm.levels = 2;
    QuoteScenario scenario = new QuoteScenario(pmm.build(), usd(quote + base * 1000)).holding(base, 1000);

    assertThat(scenario.tick(0, 1000, "")).isEqualTo(intents);
  }

  @Test
  void restingOrdersStayWithinTheRefreshToleranceAndAreReplacedBeyondIt() {
    pmm.tolerancePct = 0.1;

    scenario().play("""
        time s | mid    | fill | intents
        0      | 1000   |      | +bid 990.00 0.1; +ask 1010.00 0.1
        10     | 1050   |      |
        30     | 1000.5 |      |
        45     | 1020   |      |
        60     | 1002   |      | -bid 990.00; -ask 1010.00; +bid 991.98 0.1; +ask 1012.02 0.1
        """);
  }

  @Test
  void aFillPausesNewOrdersForTheFilledOrderDelayAndTheRestIsCancelledAtRefresh() {
    scenario().play("""
        time s | mid  | fill | intents
        0      | 1000 |      | +bid 990.00 0.1; +ask 1010.00 0.1
        5      | 1000 | bid  |
        30     | 1000 |      | -ask 1010.00
        40     | 1000 |      |
        65     | 1000 |      | +bid 990.00 0.1; +ask 1010.00 0.1
        """);
  }

  @Test
  void theOtherSideOfAFilledLevelHangsUntilItDriftsBeyondItsCancelPercent() {
    pmm.hanging = true;
    pmm.hangingCancelPct = 2;

    scenario().play("""
        time s | mid  | fill | intents
        0      | 1000 |      | +bid 990.00 0.1; +ask 1010.00 0.1
        5      | 1000 | bid  |
        30     | 1000 |      |
        65     | 1005 |      | +bid 994.95 0.1; +ask 1015.05 0.1
        80     | 1025 |      |
        95     | 1035 |      | -ask 1010.00; -bid 994.95; -ask 1015.05; +bid 1024.65 0.1; +ask 1045.35 0.1
        """);
  }

  @Test
  void aHangingOrderLocksTheBaseItOffers() {
    pmm.hanging = true;
    QuoteScenario scenario = new QuoteScenario(pmm.build(), usd(10_000));

    scenario.play("""
        time s | mid  | fill | intents
        0      | 1000 |      | +bid 990.00 0.1
        5      | 1000 | bid  |
        65     | 1000 |      | +bid 990.00 0.1; +ask 1010.00 0.1
        """);
    assertThat(scenario.resting()).isEqualTo("bid 990.00 0.1; ask 1010.00 0.1");
  }

  @Test
  void anOrderCloserToTheMidThanTheMinimumSpreadIsCancelledAtOnce() {
    pmm.minimumSpreadPct = 0.5;

    scenario().play("""
        time s | mid  | fill | intents
        0      | 1000 |      | +bid 990.00 0.1; +ask 1010.00 0.1
        10     | 1006 |      | -ask 1010.00
        30     | 1006 |      | -bid 990.00; +bid 995.94 0.1; +ask 1016.06 0.1
        """);
  }

  @Test
  void ordersOlderThanTheMaxOrderAgeAreReplacedEvenWithinTolerance() {
    pmm.tolerancePct = 1;
    pmm.maxAgeSeconds = 45;

    scenario().play("""
        time s | mid  | fill | intents
        0      | 1000 |      | +bid 990.00 0.1; +ask 1010.00 0.1
        30     | 1001 |      |
        45     | 1001 |      | -bid 990.00; -ask 1010.00
        60     | 1001 |      | +bid 990.99 0.1; +ask 1011.01 0.1
        """);
  }

  @Test
  void reducingQuotesOnlyTheSideThatShrinksThePositionAndCancelsTheOther() {
    pmm.levels = 2;
    pmm.levelAmount = 0.15;
    QuoteScenario scenario = new QuoteScenario(pmm.build(), usd(10_000)).holding(0.3, 1000);

    assertThat(scenario.tick(0, 1000, "")).isEqualTo(
        "+bid 990.00 0.1; +bid 985.00 0.25; +ask 1010.00 0.1; +ask 1015.00 0.2");
    scenario.state(TradingState.REDUCING);
    assertThat(scenario.tick(5, 1000, "")).isEqualTo("-bid 990.00; -bid 985.00");
    assertThat(scenario.tick(30, 1000, "")).as("the asks already reduce: kept within tolerance").isEmpty();
    assertThat(scenario.tick(60, 1010, "")).isEqualTo(
        "-ask 1010.00; -ask 1015.00; +ask 1020.10 0.1 reduce-only; +ask 1025.15 0.2 reduce-only");
  }

  @Test
  void haltedTradingAndACriticalAlertCancelEverything() {
    QuoteScenario halted = scenario();
    halted.tick(0, 1000, "");
    assertThat(halted.state(TradingState.HALTED).tick(1, 1000, "")).isEqualTo("-bid 990.00; -ask 1010.00");
    assertThat(halted.tick(40, 1000, "")).isEmpty();

    QuoteScenario alerted = scenario();
    alerted.tick(0, 1000, "");
    assertThat(alerted.stance(new MarketStance(true, 1, "STALE_MARKET_DATA")).tick(1, 1000, ""))
        .isEqualTo("-bid 990.00; -ask 1010.00");
  }

  @Test
  void aCancelInFlightIsNotSentAgainUntilItIsOverdue() {
    QuoteScenario halted = scenario().cancelsInFlight();
    halted.tick(0, 1000, "");
    halted.state(TradingState.HALTED);

    assertThat(halted.tick(1, 1000, "")).isEqualTo("-bid 990.00; -ask 1010.00");
    assertThat(halted.tick(1.5, 1000, "")).as("still in flight").isEmpty();
    assertThat(halted.tick(2.5, 1000, "")).as("a second overdue: sent again").isEqualTo("-bid 990.00; -ask 1010.00");
  }

  @Test
  void aWarningAlertWidensTheSpreads() {
    QuoteScenario scenario = scenario().stance(new MarketStance(false, 2, "VOLATILITY"));

    assertThat(scenario.tick(0, 1000, "")).isEqualTo("+bid 980.00 0.1; +ask 1020.00 0.1");
  }
}
