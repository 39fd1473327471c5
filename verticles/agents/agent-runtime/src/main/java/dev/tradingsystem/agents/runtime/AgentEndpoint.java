package dev.tradingsystem.agents.runtime;

import dev.tradingsystem.proto.AgentServiceService;
import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.SignalSubscription;
import dev.tradingsystem.shared.Addresses;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.streams.ReadStream;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code AgentService} of one agent. Every call runs on the agent verticle's context (calls
 * arriving on a gRPC server thread hop there first), so the model sees one request at a time and
 * per-symbol state needs no locks.
 *
 * <p>{@code analyze} fails only for a malformed request ({@link InvalidRequestException}); a
 * backend failure is answered with a FLAT signal flagged {@code degraded}. Non-FLAT signals are
 * also published on {@code signals.<agent>}.
 */
final class AgentEndpoint extends AgentServiceService {

  private static final Logger LOG = LoggerFactory.getLogger(AgentEndpoint.class);
  private static final int DEAD_LETTER_PAYLOAD_CHARS = 4_096;

  private final Vertx vertx;
  private final Context owner;
  private final String serviceName;
  private final String agent;
  private final AgentBackend backend;
  private final RequestValidator validator;
  private final SignalFactory signals;
  private final AgentMetrics metrics;
  private final Consumer<AgentSignal> answered;
  private final Set<MessageConsumer<AgentSignal>> streams = new HashSet<>();

  /** @param answered sees every signal answered, FLAT and degraded ones included, on the owner's context */
  AgentEndpoint(Vertx vertx, Context owner, String serviceName, AgentBackend backend,
      RequestValidator validator, AgentMetrics metrics, Consumer<AgentSignal> answered) {
    this.vertx = vertx;
    this.owner = owner;
    this.serviceName = serviceName;
    this.agent = AgentVerticle.shortName(serviceName);
    this.backend = backend;
    this.validator = validator;
    this.signals = new SignalFactory(agent);
    this.metrics = metrics;
    this.answered = answered;
  }

  @Override
  public Future<AgentSignal> analyze(AnalyzeRequest request) {
    if (Vertx.currentContext() == owner) {
      return analyzeHere(request);
    }
    Promise<AgentSignal> promise = Promise.promise();
    owner.runOnContext(v -> analyzeHere(request).onComplete(promise));
    return promise.future();
  }

  /** This agent's signals as they are published, optionally restricted to some symbols. */
  @Override
  public Future<ReadStream<AgentSignal>> streamSignals(SignalSubscription subscription) {
    if (Vertx.currentContext() == owner) {
      return Future.succeededFuture(openStream(subscription));
    }
    Promise<ReadStream<AgentSignal>> promise = Promise.promise();
    owner.runOnContext(v -> promise.complete(openStream(subscription)));
    return promise.future();
  }

  /** Ends every open signal stream (on stop). */
  Future<Void> closeStreams() {
    List<Future<Void>> closing = streams.stream().map(MessageConsumer::unregister).toList();
    streams.clear();
    return Future.join(closing).mapEmpty();
  }

  private ReadStream<AgentSignal> openStream(SignalSubscription subscription) {
    // Streams whose subscriber went away unregistered themselves; forget them.
    streams.removeIf(consumer -> !consumer.isRegistered());
    MessageConsumer<AgentSignal> consumer = vertx.eventBus().consumer(Addresses.signals(agent));
    streams.add(consumer);
    Set<String> symbols = subscription == null ? Set.of() : new HashSet<>(subscription.getSymbolsList());
    return new SymbolFilteredStream(consumer.bodyStream(), symbols);
  }

  private Future<AgentSignal> analyzeHere(AnalyzeRequest request) {
    metrics.request();
    Optional<Rejection> rejection = validator.check(request);
    if (rejection.isPresent()) {
      return reject(request, rejection.get());
    }
    long started = System.nanoTime();
    Future<BackendAnswer> answer;
    try {
      answer = backend.analyze(request);
    } catch (RuntimeException e) {
      answer = Future.failedFuture(e);
    }
    return answer.transform(ar -> {
      AgentSignal signal;
      if (ar.succeeded() && ar.result().degraded()) {
        BackendAnswer fallback = ar.result();
        signal = signals.fallback(request, fallback.modelId(), fallback.opinion(), fallback.degradedReason());
        metrics.degraded(fallback.degradedReason());
        LOG.debug("{} answered from its fallback model for {}: {}", serviceName, signal.getMeta().getId(),
            fallback.degradedReason());
      } else if (ar.succeeded()) {
        signal = signals.signal(request, ar.result().modelId(), ar.result().opinion());
      } else {
        signal = signals.degraded(request, backend.modelId(), describe(ar.cause()));
        metrics.degraded("backend_error");
        // One line per failure; the stack only at debug, a broken backend fails every tick.
        LOG.warn("{} answered FLAT (degraded) for {}: {}", serviceName, signal.getMeta().getId(),
            signal.getDegradedReason());
        LOG.debug("{} backend failure", serviceName, ar.cause());
      }
      metrics.answered(signal.getDirection(), System.nanoTime() - started);
      answered.accept(signal);
      if (signal.getDirection() != Direction.FLAT) {
        vertx.eventBus().publish(Addresses.signals(agent), signal);
        metrics.published();
      }
      return Future.succeededFuture(signal);
    });
  }

  private Future<AgentSignal> reject(AnalyzeRequest request, Rejection rejection) {
    metrics.rejected(rejection.reason());
    LOG.debug("{} rejected a request: {}", serviceName, rejection.message());
    DeadLetter.Builder letter = DeadLetter.newBuilder()
        .setSource(serviceName)
        .setReason(rejection.reason() + ": " + rejection.message());
    if (request != null) {
      if (request.hasMeta()) {
        letter.setMeta(request.getMeta());
      } else if (request.hasFeatures()) {
        letter.setMeta(request.getFeatures().getMeta());
      }
      String payload = request.toString();
      letter.setPayload(payload.length() > DEAD_LETTER_PAYLOAD_CHARS
          ? payload.substring(0, DEAD_LETTER_PAYLOAD_CHARS) : payload);
    }
    vertx.eventBus().publish(Addresses.DEAD_LETTER, letter.build());
    return Future.failedFuture(new InvalidRequestException(rejection));
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return "backend error: " + cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
