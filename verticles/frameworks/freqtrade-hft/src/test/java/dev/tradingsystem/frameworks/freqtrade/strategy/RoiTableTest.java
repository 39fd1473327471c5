package dev.tradingsystem.frameworks.freqtrade.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoiTableTest {

  private static final RoiTable DEFAULT = RoiTable.parse(Map.of("0", 0.01, "30", 0.005, "60", 0.0));

  @ParameterizedTest(name = "open {0} min -> must beat {1}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      minutes open | required profit
      0            | 0.01
      29           | 0.01
      30           | 0.005
      59           | 0.005
      60           | 0.0
      10000        | 0.0
      """)
  void theLatestRowReachedApplies(long minutes, String required) {
    assertThat(DEFAULT.requiredProfit(minutes)).contains(new BigDecimal(required));
  }

  @Test
  void beforeTheFirstRowNothingIsRequiredAndNothingExits() {
    RoiTable late = RoiTable.parse(Map.of("15", "0.02"));

    assertThat(late.requiredProfit(14)).isEmpty();
    assertThat(late.reached(new BigDecimal("0.5"), 14)).isFalse();
    assertThat(late.reached(new BigDecimal("0.021"), 15)).isTrue();
  }

  @Test
  void theProfitMustBeStrictlyAboveTheRow() {
    assertThat(DEFAULT.reached(new BigDecimal("0.01"), 0)).isFalse();
    assertThat(DEFAULT.reached(new BigDecimal("0.0101"), 0)).isTrue();
    assertThat(DEFAULT.reached(BigDecimal.ZERO, 60)).isFalse();
  }

  @Test
  void rowsAreSortedByMinutesWhateverTheConfigOrder() {
    assertThat(DEFAULT.rows().keySet()).containsExactly(0L, 30L, 60L);
  }

  @Test
  void badRowsAreRefusedWithTheRowNamed() {
    assertThatThrownBy(() -> RoiTable.parse(Map.of("soon", 0.01))).hasMessageContaining("'soon'");
    assertThatThrownBy(() -> RoiTable.parse(Map.of("10", "lots"))).hasMessageContaining("minute 10");
    assertThatThrownBy(() -> RoiTable.parse(Map.of("-5", 0.01))).hasMessageContaining("0 or more");
    assertThatThrownBy(() -> RoiTable.parse(Map.of())).hasMessageContaining("at least one row");
  }
}
