package dev.tradingsystem.agents.runtime;

import dev.tradingsystem.proto.AnalyzeRequest;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks an OpenAI-compatible chat-completions endpoint ({@code agents.<short>.backend=openai}).
 * Every call sits behind a circuit breaker with the agent's built-in model as fallback: on a
 * timeout, HTTP 429/4xx/5xx, an answer that breaks {@link AnswerSchema}, an unreachable server or
 * an open circuit, the built-in model answers and the signal is flagged degraded with the cause
 * ({@code timeout}, {@code http_429}, {@code http_5xx}, {@code http_4xx}, {@code invalid_answer},
 * {@code unreachable}, {@code circuit_open}). A remote outage therefore costs model quality,
 * never an answer, and an open circuit stops paying the deadline on every tick.
 */
public final class OpenAiBackend implements AgentBackend {

  /** The value of {@code agents.<short>.backend} that selects it. */
  public static final String NAME = "openai";

  private static final Logger LOG = LoggerFactory.getLogger(OpenAiBackend.class);

  private final String agent;
  private final OpenAiConfig config;
  private final PromptTemplate prompt;
  private final AgentBackend fallback;
  private final WebClient client;
  private final CircuitBreaker breaker;
  private final RemoteCallMetrics metrics;
  private final String modelId;

  /**
   * @param agent    short agent name, for metrics and logs
   * @param fallback the backend that answers when this one cannot (the built-in model)
   */
  public OpenAiBackend(Vertx vertx, String agent, OpenAiConfig config, PromptTemplate prompt, AgentBackend fallback) {
    this.agent = agent;
    this.config = config;
    this.prompt = prompt;
    this.fallback = fallback;
    this.modelId = NAME + ":" + config.model() + ":" + prompt.version();
    this.metrics = new RemoteCallMetrics(agent, NAME);
    this.client = WebClient.create(vertx, new WebClientOptions()
        .setConnectTimeout(config.timeoutMs())
        .setUserAgent("trading-system-agent/" + agent));
    this.breaker = CircuitBreaker.create("agent-" + agent + "-" + NAME, vertx, new CircuitBreakerOptions()
            .setTimeout(config.timeoutMs())
            .setMaxFailures(config.maxFailures())
            .setResetTimeout(config.resetTimeoutMs())
            // Without it a failed call fails the future instead of asking the fallback.
            .setFallbackOnFailure(true)
            // No periodic event-bus notifications: state goes to our own gauge.
            .setNotificationAddress(null))
        .openHandler(v -> {
          metrics.circuitOpen(true);
          LOG.warn("{}: {} circuit opened after {} failures, answering from {} for {} ms", agent, NAME,
              config.maxFailures(), fallback.modelId(), config.resetTimeoutMs());
        })
        .halfOpenHandler(v -> metrics.circuitOpen(false))
        .closeHandler(v -> {
          metrics.circuitOpen(false);
          LOG.info("{}: {} circuit closed", agent, NAME);
        });
    LOG.info("{}: {} backend {} with prompt {}", agent, NAME, config, prompt.version());
  }

  @Override
  public String name() {
    return NAME;
  }

  /** {@code openai:<model>:<prompt version>}: a changed prompt is a changed model. */
  @Override
  public String modelId() {
    return modelId;
  }

  @Override
  public Future<BackendAnswer> analyze(AnalyzeRequest request) {
    Future<Object> call = breaker.executeWithFallback(
        () -> ask(request).map(answer -> (Object) answer),
        failure -> failure);
    return call.compose(result -> {
      if (result instanceof BackendAnswer answer) {
        metrics.outcome("ok");
        return Future.succeededFuture(answer);
      }
      return fallBack(request, (Throwable) result);
    });
  }

  @Override
  public Future<Void> close() {
    breaker.close();
    client.close();
    return fallback.close();
  }

  private Future<BackendAnswer> ask(AnalyzeRequest request) {
    var http = client.postAbs(config.chatCompletionsUrl())
        // Idle deadline on the socket; the breaker's timeout bounds the whole call.
        .timeout(config.timeoutMs())
        .putHeader(HttpHeaders.CONTENT_TYPE.toString(), "application/json");
    if (config.apiKey() != null) {
      http.bearerTokenAuthentication(config.apiKey());
    }
    return http.sendJsonObject(ChatCompletions.request(config.model(), prompt, request))
        .compose(this::answer);
  }

  private Future<BackendAnswer> answer(HttpResponse<Buffer> response) {
    int status = response.statusCode();
    if (status == 429) {
      return Future.failedFuture(new RemoteCallException("http_429", "rate limited"));
    }
    if (status >= 500) {
      return Future.failedFuture(new RemoteCallException("http_5xx", "status " + status));
    }
    if (status != 200) {
      return Future.failedFuture(new RemoteCallException("http_4xx", "status " + status));
    }
    String body = response.bodyAsString();
    try {
      return Future.succeededFuture(BackendAnswer.of(modelId,
          ChatCompletions.opinion(body == null ? "" : body, prompt.horizonSec())));
    } catch (InvalidAnswerException e) {
      return Future.failedFuture(new RemoteCallException("invalid_answer", e.getMessage()));
    }
  }

  private Future<BackendAnswer> fallBack(AnalyzeRequest request, Throwable failure) {
    String reason = reason(failure);
    metrics.outcome(reason);
    if (!"circuit_open".equals(reason)) {
      LOG.debug("{}: {} call failed ({}), answering from {}: {}", agent, NAME, reason, fallback.modelId(),
          failure.toString());
    }
    return fallback.analyze(request).map(answer -> BackendAnswer.fallback(answer, reason));
  }

  /** The degraded reason of a failed call; also its metric outcome label. */
  static String reason(Throwable failure) {
    if (failure instanceof RemoteCallException remote) {
      return remote.reason();
    }
    if (failure instanceof OpenCircuitException) {
      return "circuit_open";
    }
    if (failure instanceof io.vertx.circuitbreaker.TimeoutException || failure instanceof TimeoutException) {
      return "timeout";
    }
    return "unreachable";
  }
}
