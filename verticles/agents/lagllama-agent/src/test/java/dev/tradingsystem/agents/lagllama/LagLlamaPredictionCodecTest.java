package dev.tradingsystem.agents.lagllama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import dev.tradingsystem.agents.runtime.AgentOpinion;
import dev.tradingsystem.agents.runtime.InvalidAnswerException;
import dev.tradingsystem.agents.runtime.RemoteCallException;
import dev.tradingsystem.agents.runtime.vertex.PredictionCodec;
import dev.tradingsystem.proto.Direction;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Lag-Llama serving contract: what is sent per event and which predictions are accepted. */
class LagLlamaPredictionCodecTest {

  private static final int CONTEXT = 32;
  private static final String GOOD = "[{\"quantiles\":{\"0.1\":-0.004,\"0.5\":0.002,\"0.9\":0.006}}]";

  private final LagLlamaPredictionCodec codec =
      new LagLlamaPredictionCodec(ForecastConfig.defaults(), new RemoteForecastConfig(CONTEXT));
  private final SyntheticCandles candles = new SyntheticCandles("BTC/USD");

  private static List<Value> predictions(String json) {
    ListValue.Builder list = ListValue.newBuilder();
    try {
      JsonFormat.parser().merge(json, list);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException(json, e);
    }
    return list.getValuesList();
  }

  /** Feeds {@code n} candles with returns 0.001, 0.002, ... and returns the last question. */
  private PredictionCodec.Question feed(int n) {
    PredictionCodec.Question question = null;
    for (int i = 1; i <= n; i++) {
      double r = 0.001 * (i % 7) - 0.003;
      try {
        question = codec.question(candles.next(r));
      } catch (RemoteCallException e) {
        question = null;
      }
    }
    return question;
  }

  @Test
  void isNotReadyUntilTheContextWindowIsFull() {
    // The first candle only sets the base price: CONTEXT returns need CONTEXT + 1 candles.
    assertThat(feed(CONTEXT)).isNull();
    assertThatThrownBy(() -> codec.question(candles.tick()))
        .isInstanceOf(RemoteCallException.class)
        .satisfies(e -> assertThat(((RemoteCallException) e).reason()).isEqualTo("not_ready"))
        .hasMessageContaining("31 of 32");
    assertThat(feed(1)).isNotNull();
  }

  @Test
  void theInstanceCarriesTheLastReturnsAndTheForecastQuestion() {
    PredictionCodec.Question question = feed(CONTEXT + 10);
    assertThat(question.instances()).hasSize(1);
    assertThat(question.parameters()).isNull();
    Struct instance = question.instances().get(0).getStructValue();
    List<Value> target = instance.getFieldsOrThrow("target").getListValue().getValuesList();
    assertThat(target).hasSize(CONTEXT);
    // Candles 11..42 of the feed, oldest first.
    for (int k = 0; k < CONTEXT; k++) {
      int i = 11 + k;
      assertThat(target.get(k).getNumberValue()).isCloseTo(0.001 * (i % 7) - 0.003, within(1e-9));
    }
    assertThat(instance.getFieldsOrThrow("prediction_length").getNumberValue())
        .isEqualTo(ForecastConfig.DEFAULT_HORIZON_CANDLES);
    assertThat(instance.getFieldsOrThrow("quantiles").getListValue().getValuesList())
        .extracting(Value::getNumberValue).containsExactly(0.1, 0.5, 0.9);
    assertThat(instance.getFieldsOrThrow("freq").getStringValue()).isEqualTo("60S");
    // Candle i opens at 2013-11-25T00:00Z + (i - 1) minutes; the oldest return is candle 11's.
    assertThat(instance.getFieldsOrThrow("start").getStringValue()).isEqualTo("2013-11-25T00:10:00Z");
  }

  @Test
  void ticksBetweenCandlesAskTheSameQuestionAsOfTheLastCandle() {
    PredictionCodec.Question atClose = feed(CONTEXT + 1);
    PredictionCodec.Question between = codec.question(candles.tick());
    assertThat(between.instances().get(0)).isEqualTo(atClose.instances().get(0));
    // Candle CONTEXT + 1 opens (CONTEXT) minutes after 2013-11-25T00:00Z: both are as of it, one cache entry.
    long lastOpenUs = 1_385_337_600_000_000L + CONTEXT * 60_000_000L;
    assertThat(atClose.asOfMicros()).isEqualTo(lastOpenUs);
    assertThat(between.asOfMicros()).isEqualTo(lastOpenUs);
  }

  @Test
  void quantilesBecomeAnOpinionLikeTheBuiltInForecastersDo() {
    AgentOpinion opinion = feed(CONTEXT + 1).decoder().opinion(predictions(GOOD));
    // median / spread = 0.002 / 0.010 = 0.2 > 0.15: LONG, strength 2 * 0.2.
    assertThat(opinion.direction()).isEqualTo(Direction.LONG);
    assertThat(opinion.strength()).isCloseTo(0.4, within(1e-12));
    assertThat(opinion.horizonSec()).isEqualTo(ForecastConfig.DEFAULT_HORIZON_CANDLES * SyntheticCandles.INTERVAL_SEC);
    assertThat(opinion.quantiles()).extracting(q -> q.getLevel() + "=" + q.getValue())
        .containsExactly("0.1=-0.004", "0.5=0.002", "0.9=0.006");
    assertThat(opinion.confidence()).as("no interval scored yet").isZero();
    assertThat(opinion.rationale()).contains("source=lag-llama");
  }

  @Test
  void confidenceGrowsAsPastIntervalsAreScored() {
    PredictionCodec.Question question = feed(CONTEXT + 1);
    question.decoder().opinion(predictions("[{\"quantiles\":{\"0.1\":-1,\"0.5\":0,\"0.9\":1}}]"));
    AgentOpinion later = null;
    for (int i = 0; i < ForecastConfig.DEFAULT_HORIZON_CANDLES; i++) {
      later = codec.question(candles.next(0.0001)).decoder().opinion(predictions(GOOD));
    }
    assertThat(later.rationale()).contains("scored=1");
    assertThat(later.confidence()).isGreaterThan(0);
  }

  /** Each row: predictions the container returned, and whether the contract accepts them. */
  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(delimiter = '|', value = {
      "[{\"quantiles\":{\"0.1\":-0.004,\"0.5\":0.002,\"0.9\":0.006}}] | accepted",
      "[{\"quantiles\":{\"0.1\":0.0,\"0.5\":0.0,\"0.9\":0.0}}] | accepted",
      "[{\"quantiles\":{\"0.05\":-0.01,\"0.1\":-0.004,\"0.5\":0,\"0.9\":0.006}}] | accepted",
      "[] | expected one prediction",
      "[{\"quantiles\":{\"0.1\":-1,\"0.5\":0,\"0.9\":1}},{\"quantiles\":{}}] | expected one prediction",
      "[\"0.1=-0.004 0.5=0.002 0.9=0.006\"] | not an object",
      "[{\"q\":{\"0.1\":-0.004,\"0.5\":0.002,\"0.9\":0.006}}] | no \"quantiles\" object",
      "[{\"quantiles\":[-0.004,0.002,0.006]}] | no \"quantiles\" object",
      "[{\"quantiles\":{\"0.1\":-0.004,\"0.9\":0.006}}] | quantile 0.5 is missing",
      "[{\"quantiles\":{\"0.1\":-0.004,\"0.5\":\"0.002\",\"0.9\":0.006}}] | quantile 0.5 is missing or not a number",
      "[{\"quantiles\":{\"0.1\":-0.004,\"0.5\":null,\"0.9\":0.006}}] | quantile 0.5 is missing or not a number",
      "[{\"quantiles\":{\"0.1\":\"NaN\",\"0.5\":0.002,\"0.9\":0.006}}] | quantile 0.1 is missing or not a number",
      "[{\"quantiles\":{\"0.1\":-0.004,\"0.5\":0.002,\"0.9\":1e400}}] | not finite",
      "[{\"quantiles\":{\"0.1\":-0.004,\"0.5\":0.007,\"0.9\":0.006}}] | quantiles decrease",
      "[{\"quantiles\":{\"0.1\":0.001,\"0.5\":0.0,\"0.9\":0.006}}] | quantiles decrease",
  })
  void validatesThePrediction(String json, String outcome) {
    List<Value> predictions = predictions(json);
    if (outcome.equals("accepted")) {
      assertThat(LagLlamaPredictionCodec.quantiles(predictions)).hasSize(3);
    } else {
      assertThatThrownBy(() -> LagLlamaPredictionCodec.quantiles(predictions))
          .isInstanceOf(InvalidAnswerException.class)
          .hasMessageContaining(outcome);
    }
  }
}
