package dev.tradingsystem.agents.runtime;

import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.shared.config.ConfigReader;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/** A test agent whose answers are fixed by the price: easy to reason about in runtime tests. */
final class ScriptedAgentVerticle extends AgentVerticle {

  static final String SERVICE = "scripted-agent";
  static final double FAILING_PRICE = 13.0;

  private final UnaryOperator<String> environment;
  /** Requests the built-in model has seen, whichever backend answered them. */
  final AtomicInteger builtinCalls = new AtomicInteger();

  ScriptedAgentVerticle() {
    this(System::getenv);
  }

  /** With a fixed environment, so remote-backend tests control the API key variable. */
  ScriptedAgentVerticle(UnaryOperator<String> environment) {
    this(SERVICE, environment);
  }

  /** Under another service name, so two scripted agents can share a process. */
  ScriptedAgentVerticle(String service, UnaryOperator<String> environment) {
    super(service);
    this.environment = environment;
  }

  @Override
  protected UnaryOperator<String> environment() {
    return environment;
  }

  @Override
  protected AgentModel createBuiltinModel(ConfigReader config) {
    return new AgentModel() {
      @Override
      public String modelId() {
        return "scripted-builtin-v1";
      }

      @Override
      public AgentOpinion analyze(AnalyzeRequest request) {
        builtinCalls.incrementAndGet();
        double price = request.getFeatures().getPrice();
        if (price == FAILING_PRICE) {
          throw new IllegalStateException("model blew up");
        }
        if (price >= 200) {
          return new AgentOpinion(Direction.LONG, 0.8, 0.6, 30, List.of(), "price high");
        }
        if (price <= 50) {
          return new AgentOpinion(Direction.SHORT, 0.7, 0.5, 30, List.of(), "price low");
        }
        return AgentOpinion.flat(0.4, 30, "price unremarkable");
      }
    };
  }
}
