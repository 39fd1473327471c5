package dev.tradingsystem.agents.runtime;

import io.vertx.core.Future;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One remote request, rendered but not yet sent: the guard around a {@link RemoteModel} looks at
 * it before paying for it (the response cache by {@link #canonicalRequest()}, the token budget by
 * {@link #estimate()}), then sends it at most once.
 */
public interface PreparedCall {

  /**
   * Everything that decides the answer, as sent (model, prompt, parameters) but without
   * credentials: equal text means the same question, so its hash keys the response cache.
   */
  String canonicalRequest();

  /**
   * The event time the answer is valid as of, when it is not the request's own: the response
   * cache keys on it, so a question that only changes when a candle closes is paid once per candle.
   */
  default OptionalLong asOfMicros() {
    return OptionalLong.empty();
  }

  /** Tokens the call may consume at most, reserved from the budget before sending. */
  TokenUsage estimate();

  /**
   * Sends the request. Fails with a {@link RemoteCallException} naming the reason
   * ({@code http_429}, {@code invalid_answer}, ...) when the service answers but not usefully.
   */
  Future<RemoteAnswer> send();

  /**
   * Whether the question can carry prompt context ({@link PromptContext}): a prompt can, a number
   * series sent to a forecasting model cannot. The guard fetches context only for calls that can.
   */
  default boolean acceptsContext() {
    return false;
  }

  /**
   * The same question with a context section: its canonical request, and so its cache key,
   * changes with the context. Called at most once, after {@code prepare} and before anything is
   * sent; unchanged for calls that do not {@link #acceptsContext()}.
   */
  default PreparedCall withContext(PromptContext context) {
    return this;
  }

  /**
   * A call rendered from a prompt that can take context: {@code render} builds it for a context
   * ({@link PromptContext#NONE} first) and must only format text, since it runs a second time
   * when context arrives. The model's per-event work (and any state it advances) belongs before.
   */
  static PreparedCall withContextFrom(Function<PromptContext, PreparedCall> render) {
    PreparedCall plain = render.apply(PromptContext.NONE);
    return new PreparedCall() {
      @Override
      public String canonicalRequest() {
        return plain.canonicalRequest();
      }

      @Override
      public OptionalLong asOfMicros() {
        return plain.asOfMicros();
      }

      @Override
      public TokenUsage estimate() {
        return plain.estimate();
      }

      @Override
      public Future<RemoteAnswer> send() {
        return plain.send();
      }

      @Override
      public boolean acceptsContext() {
        return true;
      }

      @Override
      public PreparedCall withContext(PromptContext context) {
        return context.isEmpty() ? plain : render.apply(context);
      }
    };
  }

  /**
   * A prepared call from its parts; {@code asOfMicros} empty for the request's own event time.
   * {@code send} runs at most once, when the guard lets the call through.
   */
  static PreparedCall of(String canonicalRequest, TokenUsage estimate, OptionalLong asOfMicros,
      Supplier<Future<RemoteAnswer>> send) {
    return new PreparedCall() {
      @Override
      public String canonicalRequest() {
        return canonicalRequest;
      }

      @Override
      public OptionalLong asOfMicros() {
        return asOfMicros;
      }

      @Override
      public TokenUsage estimate() {
        return estimate;
      }

      @Override
      public Future<RemoteAnswer> send() {
        return send.get();
      }
    };
  }
}
