package dev.tradingsystem.agents.runtime;

import dev.tradingsystem.proto.AnalyzeRequest;
import io.vertx.core.Future;

/** Runs the agent's built-in {@link AgentModel} in-line: no network, no budget, always available. */
public final class BuiltinBackend implements AgentBackend {

  /** The value of {@code agents.<short>.backend} that selects it (the default). */
  public static final String NAME = "builtin";

  private final AgentModel model;

  public BuiltinBackend(AgentModel model) {
    this.model = model;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String modelId() {
    return model.modelId();
  }

  @Override
  public Future<BackendAnswer> analyze(AnalyzeRequest request) {
    try {
      return Future.succeededFuture(BackendAnswer.of(model.modelId(), model.analyze(request)));
    } catch (RuntimeException e) {
      // A model bug must degrade one answer, not the event loop.
      return Future.failedFuture(e);
    }
  }
}
