package dev.tradingsystem.frameworks.freqtrade.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParameterSpaceTest {

  private static final ParameterSpace SPACE = ParameterSpace.of(
      ParameterSpace.decimal("threshold", 0, 1, 0.2),
      ParameterSpace.integer("period", 2, 100, 14),
      ParameterSpace.bool("exitAtMiddle", true));

  @Test
  void unsetParametersKeepTheirDefaults() {
    Parameters values = SPACE.parse(Map.of("period", 21));

    assertThat(values.decimal("threshold")).isEqualTo(0.2);
    assertThat(values.integer("period")).isEqualTo(21);
    assertThat(values.bool("exitAtMiddle")).isTrue();
  }

  @ParameterizedTest(name = "{0} = {1} is refused: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      threshold    | 1.5   | outside
      threshold    | lots  | expected a number
      period       | 14.5  | whole number
      period       | 1     | outside
      exitAtMiddle | maybe | true or false
      tresHold     | 0.3   | unknown parameter
      """)
  void badValuesNameTheParameter(String name, String value, String problem) {
    assertThatThrownBy(() -> SPACE.parse(Map.of(name, value)))
        .isInstanceOfSatisfying(ParameterSpace.InvalidParameter.class,
            e -> assertThat(e.parameter()).isEqualTo(name))
        .hasMessageContaining(problem);
  }
}
