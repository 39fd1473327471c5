package dev.tradingsystem.coordinator;

import dev.tradingsystem.coordinator.consensus.AgentReply;
import dev.tradingsystem.coordinator.consensus.MissingReason;
import dev.tradingsystem.proto.AgentService;
import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.shared.service.ServiceRegistry;
import dev.tradingsystem.shared.service.ServiceUnavailableException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Asks agents in parallel, each with its own deadline (a timer racing the call), through
 * {@code AgentService}: the local implementation when co-located, Vert.x gRPC when separately
 * deployed. Never fails: an agent that fails, is late, is not deployed or answers nothing is
 * missing, with the reason.
 */
final class AgentPanel {

  private final Vertx vertx;
  private final ServiceRegistry registry;
  private final Map<String, AgentService> agents = new LinkedHashMap<>();
  private final long timeoutMs;

  /** @param agentServices every agent that may be asked: panel and shadows */
  AgentPanel(Vertx vertx, List<String> agentServices, long timeoutMs) {
    this.vertx = vertx;
    this.registry = ServiceRegistry.of(vertx);
    this.timeoutMs = timeoutMs;
    for (String name : agentServices) {
      agents.put(name, registry.lookup(AgentService.class, name));
    }
  }

  /** Asks {@code names} (each configured) and answers one reply per name, in that order. */
  Future<List<AgentReply>> ask(List<String> names, AnalyzeRequest request) {
    List<Future<AgentSignal>> calls = new ArrayList<>();
    for (String name : names) {
      calls.add(withDeadline(name, call(name, request)));
    }
    return Future.join(calls).transform(ignored -> {
      List<AgentReply> replies = new ArrayList<>(names.size());
      for (int i = 0; i < names.size(); i++) {
        replies.add(reply(names.get(i), calls.get(i)));
      }
      return Future.succeededFuture(replies);
    });
  }

  private static AgentReply reply(String name, Future<AgentSignal> call) {
    if (call.succeeded()) {
      return call.result() != null ? AgentReply.answered(name, call.result())
          : AgentReply.missing(name, MissingReason.EMPTY, "answered without a signal");
    }
    Throwable cause = call.cause();
    MissingReason reason = cause instanceof TimeoutException ? MissingReason.TIMEOUT
        : cause instanceof ServiceUnavailableException ? MissingReason.UNAVAILABLE
        : MissingReason.ERROR;
    return AgentReply.missing(name, reason, String.valueOf(cause.getMessage()));
  }

  private Future<AgentSignal> call(String name, AnalyzeRequest request) {
    AgentService agent = agents.get(name);
    if (agent == null) {
      return Future.failedFuture(new ServiceUnavailableException(name + " is not a configured agent"));
    }
    try {
      return agent.analyze(request);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private Future<AgentSignal> withDeadline(String name, Future<AgentSignal> call) {
    if (call.isComplete()) {
      return call;
    }
    Promise<AgentSignal> promise = Promise.promise();
    long timer = vertx.setTimer(timeoutMs, id -> {
      if (promise.tryFail(new TimeoutException(name + " gave no answer in " + timeoutMs + " ms"))) {
        // A remote agent that stopped answering may have moved: resolve it again next time.
        registry.forgetRemote(AgentService.class, name);
      }
    });
    call.onComplete(ar -> {
      vertx.cancelTimer(timer);
      if (ar.succeeded()) {
        promise.tryComplete(ar.result());
      } else {
        promise.tryFail(ar.cause());
      }
    });
    return promise.future();
  }
}
