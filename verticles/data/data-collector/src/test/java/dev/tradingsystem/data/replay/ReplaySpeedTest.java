package dev.tradingsystem.data.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReplaySpeedTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"max, Infinity", "MAX, Infinity", "realtime, 1.0", "10, 10.0", "0.5, 0.5", "25x, 25.0"})
  void parsesTheAcceptedForms(String text, double multiplier) {
    assertThat(ReplaySpeed.parse(text).multiplier()).isEqualTo(multiplier);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-3", "fast", "", "NaN", "Infinity"})
  void refusesEverythingElse(String text) {
    assertThatThrownBy(() -> ReplaySpeed.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }
}
