package dev.tradingsystem.coordinator;

import dev.tradingsystem.coordinator.consensus.AgentAnswer;
import dev.tradingsystem.proto.AgentService;
import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.shared.service.ServiceRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Asks every configured agent in parallel, each with its own deadline (a timer racing the call),
 * and collects who answered and who did not. Never fails: a failed or late agent is "missing".
 */
final class AgentPanel {

  /** What the panel heard for one request, in the configured agent order. */
  record Answers(List<AgentAnswer> answers, Map<String, String> missing) {
  }

  private final Vertx vertx;
  private final ServiceRegistry registry;
  private final Map<String, AgentService> agents = new LinkedHashMap<>();
  private final long timeoutMs;

  AgentPanel(Vertx vertx, List<String> agentServices, long timeoutMs) {
    this.vertx = vertx;
    this.registry = ServiceRegistry.of(vertx);
    this.timeoutMs = timeoutMs;
    for (String name : agentServices) {
      agents.put(name, registry.lookup(AgentService.class, name));
    }
  }

  List<String> agents() {
    return List.copyOf(agents.keySet());
  }

  Future<Answers> ask(AnalyzeRequest request) {
    List<String> names = new ArrayList<>(agents.keySet());
    List<Future<AgentSignal>> calls = new ArrayList<>();
    for (String name : names) {
      calls.add(withDeadline(name, call(name, request)));
    }
    return Future.join(calls).transform(ignored -> {
      List<AgentAnswer> answers = new ArrayList<>();
      Map<String, String> missing = new LinkedHashMap<>();
      for (int i = 0; i < names.size(); i++) {
        Future<AgentSignal> call = calls.get(i);
        if (call.succeeded() && call.result() != null) {
          answers.add(new AgentAnswer(names.get(i), call.result()));
        } else {
          missing.put(names.get(i), call.failed() ? String.valueOf(call.cause().getMessage()) : "empty answer");
        }
      }
      return Future.succeededFuture(new Answers(answers, missing));
    });
  }

  private Future<AgentSignal> call(String name, AnalyzeRequest request) {
    try {
      return agents.get(name).analyze(request);
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
