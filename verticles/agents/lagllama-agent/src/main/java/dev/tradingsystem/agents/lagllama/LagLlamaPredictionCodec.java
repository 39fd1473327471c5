package dev.tradingsystem.agents.lagllama;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.Values;
import dev.tradingsystem.agents.runtime.AgentOpinion;
import dev.tradingsystem.agents.runtime.InvalidAnswerException;
import dev.tradingsystem.agents.runtime.RemoteCallException;
import dev.tradingsystem.agents.runtime.vertex.PredictionCodec;
import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.proto.Candle;
import dev.tradingsystem.proto.FeatureVector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The serving contract of Lag-Llama on a Vertex AI endpoint (a custom container, see the module
 * README). Per symbol it keeps the last {@code contextLength} candle log returns; once full, each
 * event sends one instance
 * <pre>{"target": [r1 .. rN], "prediction_length": H, "quantiles": [0.1, 0.5, 0.9],
 *  "freq": "60S", "start": "2013-11-25T00:01:00Z"}</pre>
 * and expects one prediction {@code {"quantiles": {"0.1": q10, "0.5": q50, "0.9": q90}}}: the
 * quantiles of the summed log return over the next H candles. Every level must be there, finite
 * and non-decreasing, or the answer is {@code invalid_answer}. The quantiles become an opinion the
 * way the built-in forecaster's do ({@link ForecastOpinion}); confidence comes from how often
 * Lag-Llama's own past intervals held the return that followed ({@link CoverageTracker}).
 */
public final class LagLlamaPredictionCodec implements PredictionCodec {

  /** Format version, part of the model id: a changed contract is a changed model. */
  public static final String VERSION = "lagllama-quantiles-v1";

  private final ForecastConfig forecast;
  private final RemoteForecastConfig remote;
  private final Map<String, SymbolContext> symbols = new HashMap<>();

  private record SymbolContext(ContextWindow window, CoverageTracker coverage) {
  }

  public LagLlamaPredictionCodec(ForecastConfig forecast, RemoteForecastConfig remote) {
    this.forecast = forecast;
    this.remote = remote;
  }

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public Question question(AnalyzeRequest request) {
    FeatureVector features = request.getFeatures();
    SymbolContext context = symbols.computeIfAbsent(features.getInstrument().getSymbol(), s -> new SymbolContext(
        new ContextWindow(remote.contextLength()), new CoverageTracker(forecast.horizonCandles())));
    ContextWindow window = context.window();
    if (features.hasClosedCandle()) {
      Candle candle = features.getClosedCandle();
      if (window.observe(candle.getOpenTimeUs(), candle.getClose(), candle.getIntervalSec())) {
        context.coverage().advance(window.count(), window.logClose());
      }
    }
    if (!window.full()) {
      throw new RemoteCallException("not_ready", String.format(Locale.ROOT,
          "context window has %d of %d candle returns", window.size(), window.capacity()));
    }
    long issuedAt = window.count();
    double logCloseAtIssue = window.logClose();
    int intervalSec = window.intervalSec();
    // The question changes only when a candle closes: as of that candle, ticks in between hit the cache.
    return new Question(List.of(instance(window)), null, predictions -> {
      double[] q = quantiles(predictions);
      CoverageTracker coverage = context.coverage();
      coverage.issued(issuedAt, logCloseAtIssue, q[0], q[2]);
      return ForecastOpinion.of(q[0], q[1], q[2], forecast.horizonCandles(), intervalSec,
          forecast.directionThreshold(), coverage.confidence(), String.format(Locale.ROOT,
              "coverage80=%.2f scored=%d source=lag-llama", coverage.hitRate(), coverage.scored()));
    }, window.lastOpenTimeUs());
  }

  private Value instance(ContextWindow window) {
    List<Value> target = new ArrayList<>(window.size());
    for (double r : window.returns()) {
      target.add(Values.of(r));
    }
    List<Value> levels = new ArrayList<>();
    for (double level : ForecastOpinion.LEVELS) {
      levels.add(Values.of(level));
    }
    long startUs = window.firstOpenTimeUs();
    Instant start = Instant.ofEpochSecond(Math.floorDiv(startUs, 1_000_000L),
        Math.floorMod(startUs, 1_000_000L) * 1_000L);
    return Values.of(Struct.newBuilder()
        .putFields("target", Values.of(ListValue.newBuilder().addAllValues(target).build()))
        .putFields("prediction_length", Values.of(forecast.horizonCandles()))
        .putFields("quantiles", Values.of(ListValue.newBuilder().addAllValues(levels).build()))
        .putFields("freq", Values.of(window.intervalSec() + "S"))
        .putFields("start", Values.of(start.toString()))
        .build());
  }

  /**
   * The 0.1 / 0.5 / 0.9 quantiles of the one prediction.
   *
   * @throws InvalidAnswerException naming what breaks the contract
   */
  static double[] quantiles(List<Value> predictions) {
    if (predictions.size() != 1) {
      throw new InvalidAnswerException("expected one prediction per instance, got " + predictions.size());
    }
    Value prediction = predictions.get(0);
    if (!prediction.hasStructValue()) {
      throw new InvalidAnswerException("the prediction is not an object but " + prediction.getKindCase());
    }
    Value field = prediction.getStructValue().getFieldsOrDefault("quantiles", null);
    if (field == null || !field.hasStructValue()) {
      throw new InvalidAnswerException("the prediction has no \"quantiles\" object");
    }
    Struct byLevel = field.getStructValue();
    double[] values = new double[ForecastOpinion.LEVELS.length];
    for (int i = 0; i < values.length; i++) {
      String level = Double.toString(ForecastOpinion.LEVELS[i]);
      Value value = byLevel.getFieldsOrDefault(level, null);
      if (value == null || value.getKindCase() != Value.KindCase.NUMBER_VALUE) {
        throw new InvalidAnswerException("quantile " + level + " is missing or not a number");
      }
      values[i] = value.getNumberValue();
      if (!Double.isFinite(values[i])) {
        throw new InvalidAnswerException("quantile " + level + " is not finite: " + values[i]);
      }
      if (i > 0 && values[i] < values[i - 1]) {
        throw new InvalidAnswerException("quantiles decrease: " + Double.toString(ForecastOpinion.LEVELS[i - 1])
            + "=" + values[i - 1] + " > " + level + "=" + values[i]);
      }
    }
    return values;
  }
}
