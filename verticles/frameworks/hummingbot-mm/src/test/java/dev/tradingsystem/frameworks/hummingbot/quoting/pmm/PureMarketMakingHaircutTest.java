package dev.tradingsystem.frameworks.hummingbot.quoting.pmm;

import static dev.tradingsystem.frameworks.hummingbot.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.frameworks.hummingbot.quoting.QuoteScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pure market making under the coordinator's size haircut h ({@link PmmFixtures}: one 0.1 BTC level
 * a side at ±1 %, spot budget, 10,000 USD of capital): new quotes are sized × (1 − h) down to the
 * lot, a level cut to nothing is not quoted, and h = 1 quotes only the side that reduces the
 * inventory, reduce-only, at most the inventory.
 */
class PureMarketMakingHaircutTest {

  private final PmmFixtures pmm = new PmmFixtures();

  @ParameterizedTest(name = "haircut {0}, holding {1} BTC -> {2}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      haircut    | base held | intents
      0          | 1         | +bid 990.00 0.1; +ask 1010.00 0.1
      0.5        | 1         | +bid 990.00 0.05; +ask 1010.00 0.05
      0.75       | 1         | +bid 990.00 0.025; +ask 1010.00 0.025
      0.5        | 0.03      | +bid 990.00 0.05; +ask 1010.00 0.03
      0.99999999 | 1         |
      1          | 1         | +ask 1010.00 0.1 reduce-only
      1          | 0.04      | +ask 1010.00 0.04 reduce-only
      1          | 0         |
      1          | -0.05     | +bid 990.00 0.05 reduce-only
      """)
  void newQuotesAreCutByTheHaircut(double haircut, double base, String intents) {
    QuoteScenario scenario = new QuoteScenario(pmm.build(), usd(10_000)).holding(base, 1000).haircut(haircut);

    assertThat(scenario.tick(0, 1000, "")).isEqualTo(intents == null ? "" : intents);
  }

  @Test
  void levelsAreCutOneByOneAndCounted() {
    pmm.levels = 3;
    pmm.levelAmount = 0.05;
    QuoteScenario scenario = new QuoteScenario(pmm.build(), usd(10_000)).holding(1, 1000).haircut(0.9);

    assertThat(scenario.tick(0, 1000, "")).isEqualTo("+bid 990.00 0.01; +bid 985.00 0.015; +bid 980.00 0.02; "
        + "+ask 1010.00 0.01; +ask 1015.00 0.015; +ask 1020.00 0.02");
    assertThat(scenario.riskCuts().cut()).isEqualTo(6);
    assertThat(scenario.riskCuts().skipped()).isZero();
  }

  @Test
  void restingQuotesLargerThanTheCutAreReplacedAtTheirRefresh() {
    QuoteScenario scenario = new QuoteScenario(pmm.build(), usd(10_000)).holding(1, 1000);
    scenario.play("""
        time s | mid  | fill | intents
        0      | 1000 |      | +bid 990.00 0.1; +ask 1010.00 0.1
        """);
    scenario.haircut(0.5).play("""
        time s | mid  | fill | intents
        5      | 1000 |      |
        30     | 1000 |      | -bid 990.00; -ask 1010.00; +bid 990.00 0.05; +ask 1010.00 0.05
        60     | 1000 |      |
        """);
    assertThat(scenario.riskCuts().cut()).isEqualTo(2);
  }

  @Test
  void aFullHaircutCancelsTheSideThatGrowsTheInventoryAtOnce() {
    QuoteScenario scenario = new QuoteScenario(pmm.build(), usd(10_000)).holding(1, 1000);
    scenario.play("""
        time s | mid  | fill | intents
        0      | 1000 |      | +bid 990.00 0.1; +ask 1010.00 0.1
        """);
    scenario.haircut(1).play("""
        time s | mid  | fill | intents
        5      | 1000 |      | -bid 990.00
        30     | 1000 |      |
        40     | 1000 | ask  |
        100    | 1000 |      | +ask 1010.00 0.1 reduce-only
        """);
    assertThat(scenario.riskCuts().skipped()).isEqualTo(1);
  }
}
