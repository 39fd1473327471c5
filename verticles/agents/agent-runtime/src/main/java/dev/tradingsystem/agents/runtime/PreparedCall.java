package dev.tradingsystem.agents.runtime;

import io.vertx.core.Future;

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

  /** Tokens the call may consume at most, reserved from the budget before sending. */
  TokenUsage estimate();

  /**
   * Sends the request. Fails with a {@link RemoteCallException} naming the reason
   * ({@code http_429}, {@code invalid_answer}, ...) when the service answers but not usefully.
   */
  Future<RemoteAnswer> send();
}
