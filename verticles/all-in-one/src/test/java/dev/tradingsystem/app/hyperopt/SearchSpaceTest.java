package dev.tradingsystem.app.hyperopt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.frameworks.freqtrade.strategy.BollingerRsiStrategy;
import dev.tradingsystem.frameworks.freqtrade.strategy.MomentumStrategy;
import dev.tradingsystem.frameworks.freqtrade.strategy.ParameterSpace;
import dev.tradingsystem.frameworks.freqtrade.strategy.Timeframe;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --spaces} parsing and the map from a sampled point to the config keys the strategy reads. */
class SearchSpaceTest {

  @ParameterizedTest(name = "--spaces {0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "params                  | PARAMS",
      "buy                     | PARAMS",
      "buy,sell                | PARAMS",
      "roi                     | ROI",
      "stoploss,trailing       | STOPLOSS TRAILING",
      "default                 | PARAMS ROI STOPLOSS",
      "all                     | PARAMS ROI STOPLOSS TRAILING",
      "' Trailing , ROI '      | ROI TRAILING",
      "default,trailing        | PARAMS ROI STOPLOSS TRAILING"})
  void spaces(String list, String expected) {
    Set<HyperoptSpace> parsed = HyperoptSpace.parse(list);
    assertThat(parsed.stream().map(Enum::name).collect(Collectors.joining(" "))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "--spaces {0} is refused")
  @CsvSource(delimiter = '|', value = {"protection | 'protection' is not a space", "'' | names no space",
      "roi,stop | 'stop' is not a space"})
  void unknownSpacesAreRefusedByName(String list, String message) {
    assertThatThrownBy(() -> HyperoptSpace.parse(list)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest(name = "{0} at {1}")
  @CsvSource(delimiter = '|', value = {
      // spaces | point (axis order) | overrides below frameworks.freqtrade.strategies.momentum.
      "params | 0.35 0.1 | params.entryThreshold=0.35 params.exitThreshold=0.1",
      "roi | 60 30 10 0.01 0.02 0.05 | minimalRoi={\"0\":0.08,\"10\":0.03,\"40\":0.01,\"100\":0}",
      "stoploss | -0.123 | stoploss=-0.123",
      "trailing | 0.02 0.01 1 | trailingStop=true trailingStopPositive=0.02 trailingStopPositiveOffset=0.03 "
          + "trailingOnlyOffsetIsReached=true",
      "trailing | 0.1 0.1 0 | trailingStop=true trailingStopPositive=0.1 trailingStopPositiveOffset=0.2 "
          + "trailingOnlyOffsetIsReached=false",
      "params,stoploss | 0.2 0.05 -0.02 | params.entryThreshold=0.2 params.exitThreshold=0.05 stoploss=-0.02"})
  void aPointBecomesTheKeysTheStrategyReads(String spaces, String point, String expected) {
    SearchSpace space = new SearchSpace("momentum", MomentumStrategy.PARAMETERS, Timeframe.ONE_MINUTE,
        HyperoptSpace.parse(spaces));
    double[] values = Arrays.stream(point.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
    List<String> overrides = space.overrides(values);
    assertThat(overrides).containsExactlyElementsOf(Arrays.stream(expected.trim().split(" "))
        .map(o -> SearchSpace.STRATEGY_PREFIX + "momentum." + o).toList());
  }

  @Test
  void declaredParametersKeepTheirKindAndRange() {
    SearchSpace space = new SearchSpace("bb", BollingerRsiStrategy.PARAMETERS, Timeframe.ONE_MINUTE,
        EnumSet.of(HyperoptSpace.PARAMS));
    assertThat(space.dimensions()).extracting(d -> d.name() + " " + d.kind() + " " + d.format(d.low()) + ".."
        + d.format(d.high()) + " step " + d.format(d.step())).containsExactly(
        "rsiEntry DECIMAL 1..50 step 0.001",
        "rsiExit DECIMAL 50..99 step 0.001",
        "bbEntry DECIMAL -1..0.5 step 0.001",
        "exitAtMiddle BOOLEAN false..true step true");
  }

  @Test
  void narrowDecimalRangesGetAFinerGridRoundedInwards() {
    // 0.49949 wide: 4 places give the 1,000 steps; 0.00051 rounds up to stay a value the strategy accepts.
    SearchDimension d = SearchSpace.dimension(ParameterSpace.decimal("minStopDistance", 0.00051, 0.5, 0.004));
    assertThat(d.step()).isEqualTo(0.0001);
    assertThat(d.low()).isEqualTo(0.0006);
    assertThat(d.high()).isEqualTo(0.5);
  }

  @Test
  void aStrategyWithoutParametersCannotSearchOnlyItsParameters() {
    assertThatThrownBy(() -> new SearchSpace("plain", ParameterSpace.EMPTY, Timeframe.ONE_MINUTE,
        EnumSet.of(HyperoptSpace.PARAMS)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("declares no parameters");
    assertThat(new SearchSpace("plain", ParameterSpace.EMPTY, Timeframe.ONE_MINUTE, HyperoptSpace.DEFAULT)
        .dimensions()).extracting(SearchDimension::name)
        .containsExactly("roi_t1", "roi_t2", "roi_t3", "roi_p1", "roi_p2", "roi_p3", "stoploss");
  }
}
