package dev.tradingsystem.data.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeatureConfigTest {

  /** A config tree with these {@code features.*} entries (given without the prefix) and no environment. */
  private static ConfigReader reader(JsonObject features) {
    return ConfigReader.of(new JsonObject().put("features", features).put(ConfigReader.ENV_KEY, new JsonObject()));
  }

  @Test
  void defaultsWithoutAnyKey() {
    FeatureConfig config = FeatureConfig.read(reader(new JsonObject()));

    assertThat(config).isEqualTo(FeatureConfig.defaults());
    assertThat(config.timeframes()).containsExactly(60);
    assertThat(config.gapFill()).isEqualTo(GapFill.FLAT);
    assertThat(config.valueAreaShare()).isEqualTo(0.70);
  }

  @Test
  void readsTheNewKeys() {
    FeatureConfig config = FeatureConfig.read(reader(new JsonObject()
        .put("timeframes", new JsonArray(List.of(1, 60, 300, 86400, 60)))
        .put("gapFill", "none")
        .put("maxGapFill", 10)
        .put("smaPeriod", 50)
        .put("macdSignal", 5)
        .put("bollingerPeriod", 30)
        .put("bollingerK", 2.5)
        .put("atrPeriod", 7)
        .put("realizedVolWindow", 250)
        .put("bookLevels", 10)
        .put("profileWindow", 5000)
        .put("profileBinBps", 2.5)
        .put("profileMaxBins", 4096)
        .put("valueAreaShare", 0.68)));

    assertThat(config.timeframes()).containsExactly(1, 60, 300, 86400);
    assertThat(config.gapFill()).isEqualTo(GapFill.NONE);
    assertThat(List.of(config.maxGapFill(), config.smaPeriod(), config.macdSignal(), config.bollingerPeriod(),
        config.atrPeriod(), config.realizedVolWindow(), config.bookLevels(), config.profileWindow(),
        config.profileMaxBins())).containsExactly(10, 50, 5, 30, 7, 250, 10, 5000, 4096);
    assertThat(List.of(config.bollingerK(), config.profileBinBps(), config.valueAreaShare()))
        .containsExactly(2.5, 2.5, 0.68);
  }

  @Test
  void timeframesAlsoComeAsACommaSeparatedString() {
    FeatureConfig config = FeatureConfig.read(reader(new JsonObject().put("timeframes", "5, 900,14400")));
    assertThat(config.timeframes()).containsExactly(5, 900, 14400);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', textBlock = """
      features.timeframes     | 7
      features.timeframes     | 0
      features.timeframes     | 172800
      features.timeframes     | 1.5
      features.timeframes     | minute
      features.gapFill        | linear
      features.valueAreaShare | 1.5
      features.bookLevels     | 0
      """)
  void badValuesFailNamingTheKey(String key, String value) {
    JsonObject tree = new JsonObject().put(key.substring("features.".length()), value);

    assertThatThrownBy(() -> FeatureConfig.read(reader(tree)))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo(key));
  }
}
