package dev.tradingsystem.app.evaluate;

import dev.tradingsystem.agents.runtime.AgentModel;
import dev.tradingsystem.agents.runtime.AgentOpinion;
import dev.tradingsystem.proto.Candle;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Quantile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A quantile forecaster (the lagllama agent's built-in model) against climatology and a random
 * walk. At each closed candle {@code k} (the one a tick vector carries, as in a run) the model's
 * quantiles of the log return over the next {@code H} candles are recorded, and later scored
 * against {@code ln(c_{k+H} / c_k)}. The model and both baselines
 * see only candles {@code 0..k}; the points scored are those where all three have a forecast and
 * the horizon ends inside the tape, so all are scored on the same points and quantile levels.
 */
public final class ForecastEvaluation implements MarketTape.Listener {

  private final AgentHarness harness;
  private final int horizon;
  private final int window;
  private final List<Double> closes = new ArrayList<>();
  private final List<Long> openTimes = new ArrayList<>();
  private final List<double[]> forecasts = new ArrayList<>();
  private double[] levels;
  private int intervalSec;
  private long ticks;

  /**
   * @param horizon the model's horizon in candles (its forecasts are of the return over that many)
   * @param window  trailing returns of the baselines
   */
  public ForecastEvaluation(AgentModel model, int horizon, int window) {
    this.harness = new AgentHarness(model);
    this.horizon = horizon;
    this.window = window;
  }

  @Override
  public void onTick(FeatureVector tick) {
    ticks++;
    // The model changes state only on a closed candle and, between candles, repeats its latest
    // forecast: asking it on every other tick would cost time and change nothing.
    if (!tick.hasClosedCandle()) {
      return;
    }
    AgentOpinion opinion = harness.analyze(tick);
    Candle candle = tick.getClosedCandle();
    if (!openTimes.isEmpty() && candle.getOpenTimeUs() <= openTimes.get(openTimes.size() - 1)) {
      return;
    }
    closes.add((double) candle.getClose());
    openTimes.add(candle.getOpenTimeUs());
    intervalSec = candle.getIntervalSec();
    forecasts.add(quantiles(opinion.quantiles()));
  }

  private double[] quantiles(List<Quantile> quantiles) {
    if (quantiles.isEmpty()) {
      return null;
    }
    double[] ownLevels = new double[quantiles.size()];
    double[] values = new double[quantiles.size()];
    for (int i = 0; i < values.length; i++) {
      ownLevels[i] = quantiles.get(i).getLevel();
      values[i] = quantiles.get(i).getValue();
    }
    if (levels == null) {
      levels = ownLevels;
    } else if (!Arrays.equals(levels, ownLevels)) {
      throw new IllegalStateException("the model changed its quantile levels mid-run");
    }
    return values;
  }

  /** Scores the forecasts collected so far. */
  public ForecastResult result() {
    int n = closes.size();
    double[] c = new double[n];
    for (int i = 0; i < n; i++) {
      c[i] = closes.get(i);
    }
    List<Integer> points = new ArrayList<>();
    if (levels != null) {
      for (int k = ForecastBaselines.firstCandle(horizon, window); k + horizon < n; k++) {
        if (forecasts.get(k) != null) {
          points.add(k);
        }
      }
    }
    double[] lv = levels == null ? new double[0] : levels;
    ForecastScorer model = new ForecastScorer("model", lv, points.size());
    ForecastScorer climatology = new ForecastScorer("climatology", lv, points.size());
    ForecastScorer randomWalk = new ForecastScorer("random walk", lv, points.size());
    long gapped = 0;
    if (!points.isEmpty()) {
      ForecastBaselines baselines = new ForecastBaselines(c, horizon, window);
      for (int k : points) {
        double realised = Math.log(c[k + horizon] / c[k]);
        model.add(forecasts.get(k), realised);
        climatology.add(baselines.climatology(k, lv), realised);
        randomWalk.add(baselines.randomWalk(k, lv), realised);
        long span = openTimes.get(k + horizon) - openTimes.get(k);
        gapped += span > (long) horizon * intervalSec * 1_000_000L ? 1 : 0;
      }
    }
    int lag = Math.max(0, horizon - 1);
    LossComparison vsClimatology = points.size() > lag + 1
        ? LossComparison.of(model.crpsSeries(), climatology.crpsSeries(), lag) : null;
    LossComparison vsRandomWalk = points.size() > lag + 1
        ? LossComparison.of(model.crpsSeries(), randomWalk.crpsSeries(), lag) : null;
    long firstUs = points.isEmpty() ? 0 : openTimes.get(points.get(0));
    long lastUs = points.isEmpty() ? 0 : openTimes.get(points.get(points.size() - 1));
    return new ForecastResult(harness.modelId(), ticks, harness.refusedByReason(), harness.errors(), n, intervalSec,
        horizon, window, lv, points.size(), gapped, firstUs, lastUs, model.scores(), climatology.scores(),
        randomWalk.scores(), vsClimatology, vsRandomWalk);
  }
}
