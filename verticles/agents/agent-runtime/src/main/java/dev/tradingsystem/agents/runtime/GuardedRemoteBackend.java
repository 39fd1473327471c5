package dev.tradingsystem.agents.runtime;

import dev.tradingsystem.proto.AnalyzeRequest;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Any {@link RemoteModel} made safe to trade on: the response cache first (a replayed question
 * costs nothing), then the token budget (fail closed), then the call under a deadline and a
 * circuit breaker, and on any failure the built-in model's answer flagged degraded with the cause:
 * {@code cache} never fails a call; {@code budget_exhausted}, {@code timeout}, {@code http_429},
 * {@code http_5xx}, {@code http_4xx}, {@code invalid_answer}, {@code unreachable},
 * {@code circuit_open}, {@code not_ready} (the model could not form a question yet). A request
 * with nothing to ask ({@link RemoteCallException#NOTHING_TO_ASK}) gets the built-in answer,
 * undegraded, and costs nothing. A remote
 * outage therefore costs model quality, never an answer, and an open circuit stops paying the
 * deadline on every tick.
 *
 * <p>Prompt context: with a {@link ContextSource}, a question that can carry context (a prompt)
 * waits for it after it is prepared and before the cache is consulted; the context is part of the
 * question and so of its cache key. A context that fails or is late is simply absent: it never
 * degrades the answer.
 *
 * <p>Accounting of failed calls: a call refused before the provider could bill it (open circuit,
 * unreachable, 4xx, 429) returns its reservation; one the provider may have billed (timeout, 5xx,
 * an answer that broke the contract) keeps it as spent, so the budget errs towards stopping early.
 */
public final class GuardedRemoteBackend implements AgentBackend {

  private static final Logger LOG = LoggerFactory.getLogger(GuardedRemoteBackend.class);
  private static final Set<String> NOT_BILLED = Set.of("circuit_open", "unreachable", "http_4xx", "http_429");

  private final String agent;
  private final RemoteModel model;
  private final AgentBackend fallback;
  private final TokenBudget budget;
  private final ResponseCache cache;
  private final ContextSource context;
  private final LongSupplier wallClock;
  private final CircuitBreaker breaker;
  private final RemoteCallMetrics metrics;

  /**
   * @param cache     null to ask the model every time (live trading with no replay need)
   * @param context   where prompt context comes from, or null for none
   * @param wallClock milliseconds of the budget windows (the system clock outside tests)
   */
  public GuardedRemoteBackend(Vertx vertx, String agent, RemoteModel model, RemoteCallPolicy policy,
      TokenBudget budget, ResponseCache cache, ContextSource context, AgentBackend fallback, LongSupplier wallClock) {
    this.agent = agent;
    this.model = model;
    this.fallback = fallback;
    this.budget = budget;
    this.cache = cache;
    this.context = context;
    this.wallClock = wallClock;
    this.metrics = new RemoteCallMetrics(agent, model.backend());
    this.breaker = CircuitBreaker.create("agent-" + agent + "-" + model.backend(), vertx, new CircuitBreakerOptions()
            .setTimeout(policy.timeoutMs())
            .setMaxFailures(policy.maxFailures())
            .setResetTimeout(policy.resetTimeoutMs())
            // Without it a failed call fails the future instead of asking the fallback.
            .setFallbackOnFailure(true)
            // No periodic event-bus notifications: state goes to our own gauge.
            .setNotificationAddress(null))
        .openHandler(v -> {
          metrics.circuit(RemoteCallMetrics.OPEN);
          LOG.warn("{}: {} circuit opened after {} failures, answering from {} for {} ms", agent, model.backend(),
              policy.maxFailures(), fallback.modelId(), policy.resetTimeoutMs());
        })
        .halfOpenHandler(v -> metrics.circuit(RemoteCallMetrics.HALF_OPEN))
        .closeHandler(v -> {
          metrics.circuit(RemoteCallMetrics.CLOSED);
          LOG.info("{}: {} circuit closed", agent, model.backend());
        });
    LOG.info("{}: {} backend, model {}, {}, budget {}, response cache {}, prompt context {}", agent, model.backend(),
        model.modelId(), policy, budget.limits(), cache == null ? "off" : "on", context == null ? "off" : "on");
  }

  @Override
  public String name() {
    return model.backend();
  }

  @Override
  public String modelId() {
    return model.modelId();
  }

  /**
   * The built-in model answers first, on every event, whatever the remote does: its state (EWMAs,
   * candle windows, the news it admits) then never skips the events a remote model answered, and
   * its answer is ready the moment the remote one fails. It costs microseconds beside a remote call.
   */
  @Override
  public Future<BackendAnswer> analyze(AnalyzeRequest request) {
    Future<BackendAnswer> local = fallback.analyze(request);
    PreparedCall call;
    try {
      call = model.prepare(request);
    } catch (RemoteCallException e) {
      if (RemoteCallException.NOTHING_TO_ASK.equals(e.reason())) {
        metrics.outcome("skipped");
        return local;
      }
      return fallBack(local, e);
    }
    if (context == null || !call.acceptsContext()) {
      return lookUp(local, request, call);
    }
    PreparedCall plain = call;
    return context.fetch(request).otherwise(PromptContext.NONE)
        .compose(fetched -> lookUp(local, request, plain.withContext(fetched)));
  }

  /** The cached answer to the question, or the model's. */
  private Future<BackendAnswer> lookUp(Future<BackendAnswer> local, AnalyzeRequest request, PreparedCall call) {
    if (cache == null) {
      return ask(local, call, null);
    }
    long asOf = call.asOfMicros().orElse(request.getMeta().getEventTimeUs());
    String key = cache.key(model.modelId(), call.canonicalRequest(), asOf);
    return cache.lookup(key).compose(cached -> {
      metrics.cache(cached != null);
      if (cached != null) {
        return Future.succeededFuture(BackendAnswer.of(model.modelId(), cached));
      }
      return ask(local, call, key);
    });
  }

  @Override
  public JsonObject stats() {
    return metrics.stats()
        .put("tokensToday", budget.tokensToday())
        .put("costUsdToday", budget.microUsdToday() / 1e6);
  }

  @Override
  public Future<Void> close() {
    breaker.close();
    return Future.join(model.close(), fallback.close()).mapEmpty();
  }

  private Future<BackendAnswer> ask(Future<BackendAnswer> local, PreparedCall call, String cacheKey) {
    TokenUsage reserved = call.estimate();
    Optional<String> refused = budget.reserve(reserved, wallClock.getAsLong());
    if (refused.isPresent()) {
      LOG.debug("{}: {} budget refuses a call of {} tokens ({})", agent, model.backend(), reserved.total(),
          refused.get());
      return fallBack(local, new RemoteCallException("budget_exhausted", refused.get()));
    }
    long start = System.nanoTime();
    Future<Object> outcome = breaker.executeWithFallback(
        () -> call.send().map(answer -> (Object) answer),
        failure -> failure);
    return outcome.compose(result -> {
      if (result instanceof RemoteAnswer answer) {
        metrics.called(System.nanoTime() - start);
        metrics.outcome("ok");
        budget.settle(reserved, answer.usage(), wallClock.getAsLong());
        metrics.spent(answer.usage(), budget.limits().microUsd(answer.usage()));
        if (cacheKey != null) {
          cache.store(cacheKey, answer.opinion());
        }
        return Future.succeededFuture(BackendAnswer.of(model.modelId(), answer.opinion()));
      }
      String reason = reason((Throwable) result);
      if (NOT_BILLED.contains(reason)) {
        budget.release(reserved, wallClock.getAsLong());
      } else {
        metrics.called(System.nanoTime() - start);
        metrics.spent(reserved, budget.limits().microUsd(reserved));
      }
      return fallBack(local, (Throwable) result);
    });
  }

  private Future<BackendAnswer> fallBack(Future<BackendAnswer> local, Throwable failure) {
    String reason = reason(failure);
    metrics.outcome(reason);
    if (!"circuit_open".equals(reason)) {
      LOG.debug("{}: {} call failed ({}), answering from {}: {}", agent, model.backend(), reason,
          fallback.modelId(), failure.toString());
    }
    return local.map(answer -> BackendAnswer.fallback(answer, reason));
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
