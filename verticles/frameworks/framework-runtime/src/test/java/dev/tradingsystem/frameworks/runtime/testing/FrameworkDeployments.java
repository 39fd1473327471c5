package dev.tradingsystem.frameworks.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.frameworks.runtime.FrameworkVerticle;
import dev.tradingsystem.proto.ServiceAnnouncement;
import dev.tradingsystem.shared.runtime.RollCall;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxTestContext;
import java.util.List;

/** How framework tests start a framework: behind a stand-in risk gate, or alone to see it announce itself. */
public final class FrameworkDeployments {

  private FrameworkDeployments() {
  }

  /** Deploys the risk gate, then the framework; completes with the framework's deployment id. */
  public static Future<String> behindRiskGate(Vertx vertx, RecordingRiskGate risk, FrameworkVerticle framework,
      DeploymentOptions options) {
    return vertx.deployVerticle(risk).compose(id -> vertx.deployVerticle(framework, options));
  }

  /**
   * Deploys the framework alone and completes the test once it answered the roll call under its
   * service name as a tick participant: the data-collector waits for exactly that before replay.
   */
  public static void expectTickParticipant(Vertx vertx, VertxTestContext ctx, FrameworkVerticle framework,
      DeploymentOptions options) {
    String service = framework.serviceName();
    vertx.deployVerticle(framework, options)
        .compose(id -> RollCall.await(vertx, List.of(service), 20, 5_000))
        .onComplete(ctx.succeeding(present -> ctx.verify(() -> {
          ServiceAnnouncement me = present.get(service);
          assertThat(me.getService()).isEqualTo(service);
          assertThat(me.getTickParticipant()).isTrue();
          assertThat(me.getInstanceId()).isNotBlank();
          ctx.completeNow();
        })));
  }
}
