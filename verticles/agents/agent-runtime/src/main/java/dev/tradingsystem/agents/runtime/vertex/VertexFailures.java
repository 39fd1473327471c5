package dev.tradingsystem.agents.runtime.vertex;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.google.api.gax.rpc.StatusCode;
import com.google.genai.errors.ApiException;
import com.google.genai.errors.GenAiIOException;
import dev.tradingsystem.agents.runtime.InvalidAnswerException;
import dev.tradingsystem.agents.runtime.RemoteCallException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The degraded reason of a failed Vertex AI call, the same vocabulary as every remote backend:
 * {@code http_429}, {@code http_5xx}, {@code http_4xx}, {@code timeout}, {@code unreachable},
 * {@code invalid_answer}. gRPC status codes go through Google's own HTTP mapping
 * ({@code RESOURCE_EXHAUSTED} is 429, {@code UNAVAILABLE} 503, {@code INVALID_ARGUMENT} 400, ...),
 * so a Gen AI REST call and a {@code PredictionService} call that fail alike are counted alike.
 * Two exceptions to the mapping: {@code DEADLINE_EXCEEDED} is our own deadline ({@code timeout}),
 * and {@code UNAVAILABLE} raised by the channel because it could not connect is
 * {@code unreachable} (nothing was billed), unlike one answered by an overloaded server.
 */
final class VertexFailures {

  private VertexFailures() {
  }

  /** The reason for an HTTP status: 429, other 4xx, 5xx. */
  static String httpReason(int status) {
    if (status == 429) {
      return "http_429";
    }
    return status >= 500 ? "http_5xx" : "http_4xx";
  }

  /** A failure of the Gen AI SDK's {@code generateContent}, as a {@link RemoteCallException}. */
  static RemoteCallException genAi(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof RemoteCallException remote) {
      return remote;
    }
    if (cause instanceof InvalidAnswerException invalid) {
      return new RemoteCallException("invalid_answer", invalid.getMessage());
    }
    if (cause instanceof ApiException api) {
      return new RemoteCallException(httpReason(api.code()), "status " + api.code() + " " + api.status());
    }
    if (cause instanceof GenAiIOException io) {
      Throwable root = io.getCause();
      if (root instanceof JsonProcessingException) {
        // The SDK reads the body as JSON before anything else: a body that is not JSON lands here.
        return new RemoteCallException("invalid_answer", "the response body is not JSON");
      }
      if (root instanceof InterruptedIOException) {
        return new RemoteCallException("timeout", "the call ran past its deadline");
      }
      return new RemoteCallException("unreachable", String.valueOf(root == null ? io.getMessage() : root));
    }
    if (cause instanceof IllegalArgumentException && cause.getCause() instanceof JsonProcessingException) {
      // Jackson could not map a JSON body onto the response type: JSON, but not a response.
      return new RemoteCallException("invalid_answer", "the response does not match GenerateContentResponse");
    }
    return new RemoteCallException("unreachable", cause.toString());
  }

  /** A failure of {@code PredictionService.Predict} or of decoding its predictions. */
  static RemoteCallException predict(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof RemoteCallException remote) {
      return remote;
    }
    if (cause instanceof InvalidAnswerException invalid) {
      return new RemoteCallException("invalid_answer", invalid.getMessage());
    }
    if (cause instanceof com.google.api.gax.rpc.ApiException api) {
      StatusCode.Code code = api.getStatusCode().getCode();
      String detail = code + ": " + api.getMessage();
      return switch (code) {
        case DEADLINE_EXCEEDED -> new RemoteCallException("timeout", detail);
        case CANCELLED -> new RemoteCallException("unreachable", detail);
        case UNAVAILABLE -> new RemoteCallException(couldNotConnect(api) ? "unreachable" : "http_5xx", detail);
        default -> new RemoteCallException(httpReason(code.getHttpStatusCode()), detail);
      };
    }
    return new RemoteCallException("unreachable", cause.toString());
  }

  /** Whether the channel failed to reach the server at all (refused, no route, unknown host). */
  private static boolean couldNotConnect(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException) {
        return true;
      }
    }
    return false;
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
