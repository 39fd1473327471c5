package dev.tradingsystem.agents.runtime;

import io.vertx.core.Future;
import java.util.OptionalLong;
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
