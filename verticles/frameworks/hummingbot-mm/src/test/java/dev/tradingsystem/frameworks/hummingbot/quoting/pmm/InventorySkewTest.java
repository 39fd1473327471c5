package dev.tradingsystem.frameworks.hummingbot.quoting.pmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hummingbot's formula by hand. Price 100, so base value = 100 × base; total = base value + quote.
 * With target 50 % of 1000 the target value is 500; a range of 2 base units is 200 of value, so
 * the bid ratio runs from 2 (value 300 or less) through 1 (value 500) to 0 (value 700 or more).
 */
class InventorySkewTest {

  @ParameterizedTest(name = "base {0}, quote {1}, target {2}, range {3} -> bid ×{4}, ask ×{5}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      base | quote | target ratio | range base | bid ratio | ask ratio
      5    | 500   | 0.5          | 2          | 1.0       | 1.0
      4    | 600   | 0.5          | 2          | 1.5       | 0.5
      3    | 700   | 0.5          | 2          | 2.0       | 0.0
      0    | 1000  | 0.5          | 2          | 2.0       | 0.0
      6    | 400   | 0.5          | 2          | 0.5       | 1.5
      7    | 300   | 0.5          | 2          | 0.0       | 2.0
      10   | 0     | 0.5          | 2          | 0.0       | 2.0
      1    | 900   | 0.2          | 2          | 1.5       | 0.5
      4    | 600   | 0.5          | 20         | 1.2       | 0.8
      0    | 0     | 0.5          | 2          | 0.0       | 0.0
      5    | 500   | 0.5          | 0          | 0.0       | 0.0
      """)
  void sizesLeanBackTowardsTheTargetHolding(double base, double quote, double target, double range, double bid,
      double ask) {
    InventorySkew.Ratios ratios = InventorySkew.ratios(base, quote, 100, target, range);

    assertThat(ratios.bid()).isCloseTo(bid, within(1e-9));
    assertThat(ratios.ask()).isCloseTo(ask, within(1e-9));
  }
}
