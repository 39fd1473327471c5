package dev.tradingsystem.coordinator;

import dev.tradingsystem.proto.AgentService;
import dev.tradingsystem.proto.AgentServiceGrpcService;
import dev.tradingsystem.proto.AgentServiceService;
import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.Quantile;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.msg.Metas;
import dev.tradingsystem.shared.service.ServiceRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A small agent for the verticle tests, bound under a real agent service name. */
final class InTestAgent extends VerticleBase {

  enum Behaviour {
    /** Answers LONG at once. */
    LONG,
    /** Answers LONG at once, flagged degraded (fallback model). */
    DEGRADED_LONG,
    /** Answers FLAT only after {@link #SLOW_MS}, well past the coordinator's deadline. */
    SLOW,
    /** Fails every request. */
    FAILING,
    /** Answers a quantile forecast at once: {@link #FORECAST_QUANTILES} over {@link #FORECAST_HORIZON_SEC}. */
    FORECAST
  }

  static final int FORECAST_HORIZON_SEC = 300;
  /** Levels 0.1, 0.5, 0.9 of the log return. */
  static final double[][] FORECAST_QUANTILES = {{0.1, -0.002}, {0.5, 0.001}, {0.9, 0.004}};

  static final long SLOW_MS = 600;

  private final String service;
  private final Behaviour behaviour;
  final List<AnalyzeRequest> requests = new CopyOnWriteArrayList<>();

  InTestAgent(String service, Behaviour behaviour) {
    this.service = service;
    this.behaviour = behaviour;
  }

  @Override
  public Future<?> start() {
    AgentServiceService impl = new AgentServiceService() {
      @Override
      public Future<AgentSignal> analyze(AnalyzeRequest request) {
        requests.add(request);
        AgentSignal.Builder signal = AgentSignal.newBuilder()
            .setMeta(Metas.derive(request.getMeta(), ServiceNames.agentShortName(service) + "-" + request.getMeta().getSeq()))
            .setAgent(ServiceNames.agentShortName(service))
            .setSymbol(request.getFeatures().getInstrument().getSymbol())
            .setModelId(ServiceNames.agentShortName(service) + "-test-model")
            .setDirection(Direction.LONG)
            .setConfidence(0.8)
            .setStrength(0.5);
        switch (behaviour) {
          case FORECAST:
            for (double[] q : FORECAST_QUANTILES) {
              signal.addQuantiles(Quantile.newBuilder().setLevel(q[0]).setValue(q[1]));
            }
            return Future.succeededFuture(signal.setHorizonSec(FORECAST_HORIZON_SEC)
                .setRationale("coverage80=0.80").build());
          case DEGRADED_LONG:
            return Future.succeededFuture(signal.setDegraded(true).setDegradedReason("fallback").build());
          case SLOW:
            Promise<AgentSignal> late = Promise.promise();
            vertx.setTimer(SLOW_MS, id -> late.complete(signal.setDirection(Direction.FLAT).build()));
            return late.future();
          case FAILING:
            return Future.failedFuture(new IllegalStateException(service + " model crashed"));
          default:
            return Future.succeededFuture(signal.build());
        }
      }
    };
    return ServiceRegistry.of(vertx).bind(AgentService.class, service, impl, AgentServiceGrpcService.of(impl));
  }
}
