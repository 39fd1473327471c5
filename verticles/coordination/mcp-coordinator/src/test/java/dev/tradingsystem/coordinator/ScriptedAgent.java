package dev.tradingsystem.coordinator;

import dev.tradingsystem.proto.AgentService;
import dev.tradingsystem.proto.AgentServiceGrpcService;
import dev.tradingsystem.proto.AgentServiceService;
import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.shared.service.ServiceRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.function.Function;

/** An agent for tests whose answer to each request is a function of the request. */
final class ScriptedAgent extends VerticleBase {

  private final String service;
  private final Function<AnalyzeRequest, AgentSignal> script;

  ScriptedAgent(String service, Function<AnalyzeRequest, AgentSignal> script) {
    this.service = service;
    this.script = script;
  }

  @Override
  public Future<?> start() {
    AgentServiceService impl = new AgentServiceService() {
      @Override
      public Future<AgentSignal> analyze(AnalyzeRequest request) {
        return Future.succeededFuture(script.apply(request));
      }
    };
    return ServiceRegistry.of(vertx).bind(AgentService.class, service, impl, AgentServiceGrpcService.of(impl));
  }

  @Override
  public Future<?> stop() {
    return ServiceRegistry.of(vertx).unbind(AgentService.class, service);
  }
}
