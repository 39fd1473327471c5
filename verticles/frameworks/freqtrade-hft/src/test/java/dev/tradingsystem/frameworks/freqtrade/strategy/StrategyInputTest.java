package dev.tradingsystem.frameworks.freqtrade.strategy;

import static dev.tradingsystem.frameworks.freqtrade.Fixtures.T0_US;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.frameworks.freqtrade.Fixtures;
import dev.tradingsystem.proto.Consensus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The row a strategy reads: features by their field names, the panel as FreqAI prediction columns. */
class StrategyInputTest {

  private static final Consensus EDGE = Fixtures.edge(1, T0_US, 1000, 0.6, 25, 100, true);
  private static final Consensus FORECAST = Fixtures.forecast(2, T0_US, 1000, -0.002, 0.001, 0.004);

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      column                 | value
      &consensus_score       | 0.6
      &expected_edge_bps     | 25
      &edge_variance         | 100
      &consensus_confidence  | 0.8
      &quorum                | 1
      &degraded              | 0
      do_predict             | 1
      close                  | 1000
      price                  | 1000
      ema_fast               | 1000
      rsi                    | 0
      trades_seen            | 0
      """)
  void panelAndFeatureColumns(String column, double value) {
    assertThat(StrategyInput.of(EDGE).column(column)).isEqualTo(value);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      column                | value
      &lagllama_q10         | -0.002
      &lagllama_q50         | 0.001
      &lagllama_q90         | 0.004
      &lagllama_score       | 0.5
      &lagllama_confidence  | 0.7
      &lagllama_horizon_sec | 300
      do_predict            | 0
      """)
  void forecastQuantilesAreColumnsPerAgentAndLevel(String column, double value) {
    assertThat(StrategyInput.of(FORECAST).column(column)).isEqualTo(value);
  }

  @Test
  void unknownAndNonFiniteColumnsAreNaN() {
    Consensus infiniteVariance = EDGE.toBuilder().setEdgeVariance(Double.POSITIVE_INFINITY).build();

    assertThat(StrategyInput.of(EDGE).column("&lagllama_q50")).isNaN();
    assertThat(StrategyInput.of(EDGE).column("no_such_column")).isNaN();
    assertThat(StrategyInput.of(infiniteVariance).column("&edge_variance")).isNaN();
  }

  @Test
  void strategyColumnsAreAddedWithoutChangingTheRow() {
    StrategyInput row = StrategyInput.of(EDGE);
    StrategyInput withColumn = row.with("bb_percent", 0.2).with("&consensus_score", -1);

    assertThat(withColumn.column("bb_percent")).isEqualTo(0.2);
    assertThat(withColumn.column("&consensus_score")).as("own columns shadow predictions").isEqualTo(-1);
    assertThat(row.column("bb_percent")).isNaN();
    assertThat(Predictions.quantileColumn("lagllama", 0.025)).isEqualTo("&lagllama_q2.5");
  }
}
