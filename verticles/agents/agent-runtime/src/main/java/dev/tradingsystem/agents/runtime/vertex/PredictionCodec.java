package dev.tradingsystem.agents.runtime.vertex;

import com.google.protobuf.Value;
import dev.tradingsystem.agents.runtime.AgentOpinion;
import dev.tradingsystem.agents.runtime.InvalidAnswerException;
import dev.tradingsystem.agents.runtime.PromptContext;
import dev.tradingsystem.proto.AnalyzeRequest;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What an agent sends to a model deployed on a Vertex AI endpoint and how it reads the answer:
 * the serving container decides the shape of {@code PredictRequest.instances} and
 * {@code PredictResponse.predictions}, so each kind of container has its codec. The runtime's
 * default is {@link VllmTextCodec} (Model Garden's vLLM containers); the forecasting agent sends
 * a return series and reads quantiles.
 *
 * <p>Called on the agent's context: {@link #question} in event order per symbol (a codec may keep
 * per-symbol history), the decoder when the answer arrives.
 */
public interface PredictionCodec {

  /** Stable id of the request/response format and its version: part of the model id. */
  String version();

  /**
   * The question for one event.
   *
   * @throws dev.tradingsystem.agents.runtime.RemoteCallException with reason {@code not_ready}
   *         when the codec cannot form a question yet (too little history); the built-in model
   *         answers instead
   */
  Question question(AnalyzeRequest request);

  /**
   * One {@code Predict} call's payload and the way back.
   *
   * @param instances  {@code PredictRequest.instances}
   * @param parameters {@code PredictRequest.parameters}, or null for none
   * @param decoder    turns {@code PredictResponse.predictions} into an opinion
   * @param asOfMicros the event time the question is as of, for the response cache; a question
   *                   that changes only when a candle closes is as of that candle, so the ticks
   *                   in between reuse its answer. {@link #EVENT_TIME} for the request's own time
   * @param contextual the instances again with prompt context added ({@link PromptContext}), for
   *                   a question that is a prompt; null when context means nothing to the model
   *                   (a number series). Must only format: it runs after the codec's own work
   */
  record Question(List<Value> instances, Value parameters, Decoder decoder, long asOfMicros,
      Function<PromptContext, List<Value>> contextual) {

    /** The request's event time: the question may change with every event. */
    public static final long EVENT_TIME = Long.MIN_VALUE;

    /** A question as of the request's event time, without context. */
    public Question(List<Value> instances, Value parameters, Decoder decoder) {
      this(instances, parameters, decoder, EVENT_TIME, null);
    }

    /** A question without context. */
    public Question(List<Value> instances, Value parameters, Decoder decoder, long asOfMicros) {
      this(instances, parameters, decoder, asOfMicros, null);
    }

    public Question {
      instances = List.copyOf(instances);
      if (instances.isEmpty()) {
        throw new IllegalArgumentException("a question needs at least one instance");
      }
      Objects.requireNonNull(decoder, "decoder");
    }
  }

  /** Reads the predictions of one call. */
  @FunctionalInterface
  interface Decoder {

    /** @throws InvalidAnswerException naming what in the predictions breaks the serving contract */
    AgentOpinion opinion(List<Value> predictions);
  }
}
