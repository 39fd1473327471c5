package dev.tradingsystem.shared.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.KillSwitchCommand;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.RiskDecision;
import dev.tradingsystem.proto.RiskService;
import dev.tradingsystem.proto.RiskServiceGrpcService;
import dev.tradingsystem.proto.RiskServiceService;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.proto.TradingStatus;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ServiceRegistryTest {

  /** Records the context each call ran on: the proof that state stays single-threaded. */
  static final class RecordingRisk extends RiskServiceService {
    final AtomicReference<Context> calledOn = new AtomicReference<>();

    @Override
    public Future<RiskDecision> checkOrder(OrderIntent request) {
      calledOn.set(Vertx.currentContext());
      return Future.succeededFuture(RiskDecision.newBuilder().setIntentId(request.getIntentId()).setApproved(true).build());
    }

    @Override
    public Future<TradingStatus> killSwitch(KillSwitchCommand request) {
      return Future.failedFuture(new IllegalArgumentException("operator_id is required"));
    }
  }

  static final class RiskVerticle extends VerticleBase {
    final RecordingRisk risk = new RecordingRisk();

    @Override
    public Future<?> start() {
      return ServiceRegistry.of(vertx).bind(RiskService.class, "risk-manager", risk, RiskServiceGrpcService.of(risk));
    }

    Context ctx() {
      return context;
    }
  }

  static final class CallerVerticle extends VerticleBase {
    @Override
    public Future<?> start() {
      return Future.succeededFuture();
    }

    Context ctx() {
      return context;
    }
  }

  @Test
  void coLocatedCallsRunOnTheImplementationsContextAndReturnToTheCaller(Vertx vertx, VertxTestContext test) {
    RiskVerticle riskVerticle = new RiskVerticle();
    CallerVerticle caller = new CallerVerticle();
    vertx.deployVerticle(riskVerticle)
        .compose(id -> vertx.deployVerticle(caller))
        .onComplete(test.succeeding(id -> caller.ctx().runOnContext(v -> {
          RiskService risk = ServiceRegistry.of(vertx).lookup(RiskService.class, "risk-manager");
          risk.checkOrder(OrderIntent.newBuilder().setIntentId("s-1").build())
              .onComplete(test.succeeding(decision -> test.verify(() -> {
                assertThat(decision.getIntentId()).isEqualTo("s-1");
                assertThat(riskVerticle.risk.calledOn.get()).isSameAs(riskVerticle.ctx());
                assertThat(Vertx.currentContext()).isSameAs(caller.ctx());
                assertThat(ServiceRegistry.of(vertx).isLocal(RiskService.class, "risk-manager")).isTrue();
                test.completeNow();
              })));
        })));
  }

  @Test
  void failuresOfTheImplementationReachTheCaller(Vertx vertx, VertxTestContext test) {
    vertx.deployVerticle(new RiskVerticle()).onComplete(test.succeeding(id -> {
      RiskService risk = ServiceRegistry.of(vertx).lookup(RiskService.class, "risk-manager");
      risk.killSwitch(KillSwitchCommand.newBuilder().setTargetState(TradingState.HALTED).build())
          .onComplete(test.failing(e -> test.verify(() -> {
            assertThat(e).hasMessageContaining("operator_id");
            test.completeNow();
          })));
    }));
  }

  @Test
  void aServiceThatIsNotDeployedFailsWithATypedError(Vertx vertx, VertxTestContext test) {
    ServiceRegistry.of(vertx).lookup(RiskService.class, "nobody")
        .checkOrder(OrderIntent.getDefaultInstance())
        .onComplete(test.failing(e -> test.verify(() -> {
          assertThat(e).isInstanceOf(ServiceUnavailableException.class).hasMessageContaining("nobody");
          test.completeNow();
        })));
  }
}
