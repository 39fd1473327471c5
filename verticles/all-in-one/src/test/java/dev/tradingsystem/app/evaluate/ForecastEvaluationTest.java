package dev.tradingsystem.app.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tradingsystem.agents.runtime.AgentOpinion;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.Quantile;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A model that always forecasts the quantiles -0.01 / 0 / 0.01 over one candle, on five candles
 * closing at 100, 101, 103, 102, 105, with a baseline window of 2: the baselines are ready at
 * candle 2, and the last candle has no realised return yet, so candles 2 and 3 are scored
 * against ln(102/103) and ln(105/102).
 */
class ForecastEvaluationTest {

  private static final long[] CLOSES = {100, 101, 103, 102, 105};

  private static ForecastResult evaluate() {
    AgentOpinion opinion = new AgentOpinion(Direction.FLAT, 0, 0, 60, List.of(quantile(0.1, -0.01),
        quantile(0.5, 0), quantile(0.9, 0.01)), "scripted");
    ForecastEvaluation evaluation = new ForecastEvaluation(ScriptedTicks.model(request -> opinion), 1, 2);
    for (int i = 0; i < CLOSES.length; i++) {
      evaluation.onTick(ScriptedTicks.candleTick(i + 1, CLOSES[i]));
    }
    return evaluation.result();
  }

  private static Quantile quantile(double level, double value) {
    return Quantile.newBuilder().setLevel(level).setValue(value).build();
  }

  @Test
  void scoresTheModelAndBothBaselinesOnTheSamePoints() {
    ForecastResult r = evaluate();
    assertThat(r.candles()).isEqualTo(5);
    assertThat(r.points()).isEqualTo(2);
    assertThat(r.levels()).containsExactly(0.1, 0.5, 0.9);
    assertThat(r.nominalCoverage()).isCloseTo(0.8, within(1e-12));
    double first = Math.log(102.0 / 103);
    double second = Math.log(105.0 / 102);
    double[] q = {-0.01, 0, 0.01};
    double[] levels = {0.1, 0.5, 0.9};
    double expected = (QuantileLoss.crps(levels, q, first) + QuantileLoss.crps(levels, q, second)) / 2;
    assertThat(r.model().crps()).isCloseTo(expected, within(1e-12));
    assertThat(r.model().coverage()).as("only ln(102/103) = -0.0098 lies in [-0.01, 0.01]").isEqualTo(0.5);
    assertThat(r.model().width()).isCloseTo(0.02, within(1e-12));
    // Climatology at candle 2 from the one-candle returns ending at 1 and 2 only: nothing after it.
    double r1 = Math.log(101.0 / 100);
    double r2 = Math.log(103.0 / 101);
    double[] climatology = {r1 + 0.1 * (r2 - r1), r1 + 0.5 * (r2 - r1), r1 + 0.9 * (r2 - r1)};
    double r3 = Math.log(102.0 / 103);
    double[] later = {r3 + 0.1 * (r2 - r3), r3 + 0.5 * (r2 - r3), r3 + 0.9 * (r2 - r3)};
    assertThat(r.climatology().crps()).isCloseTo(
        (QuantileLoss.crps(levels, climatology, first) + QuantileLoss.crps(levels, later, second)) / 2, within(1e-12));
    assertThat(r.vsClimatology().n()).isEqualTo(2);
    assertThat(r.vsRandomWalk().n()).isEqualTo(2);
  }

  @Test
  void aModelWithoutQuantilesLeavesNothingToScore() {
    ForecastEvaluation evaluation =
        new ForecastEvaluation(ScriptedTicks.model(request -> AgentOpinion.noView("")), 1, 2);
    for (int i = 0; i < CLOSES.length; i++) {
      evaluation.onTick(ScriptedTicks.candleTick(i + 1, CLOSES[i]));
    }
    ForecastResult r = evaluation.result();
    assertThat(r.points()).isZero();
    assertThat(r.verdict()).isEqualTo("no point could be scored");
  }
}
