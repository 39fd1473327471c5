package dev.tradingsystem.shared.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A co-located process is ready only when all its services are: while the second of two services
 * is still starting, the first one's UP must not make the process look ready.
 */
class ServiceLauncherReadinessTest {

  /** The process's Vert.x, once the first service has started in it. */
  private final AtomicReference<Vertx> process = new AtomicReference<>();

  /** Ready as soon as it has started; its start waits for {@code gate}. */
  private final class GatedService extends VerticleBase {
    private final String name;
    private final Future<Void> gate;

    GatedService(String name, Future<Void> gate) {
      this.name = name;
      this.gate = gate;
    }

    @Override
    public Future<?> start() {
      return gate.onSuccess(v -> {
        ProcessEndpoints.of(vertx).readiness(name, () -> true);
        process.compareAndSet(null, vertx);
      });
    }
  }

  @Test
  void theProcessIsNotReadyUntilTheLastServiceHasStarted() throws Exception {
    Promise<Void> secondMayStart = Promise.promise();
    Map<String, Supplier<? extends Deployable>> services = new LinkedHashMap<>();
    services.put("first", () -> new GatedService("first", Future.succeededFuture()));
    services.put("second", () -> new GatedService("second", secondMayStart.future()));
    LaunchOptions options = new LaunchOptions(null, List.of(), false, "127.0.0.1", 0, 0, null);

    Future<ServiceLauncher.Running> running = ServiceLauncher.start(options, services);
    Vertx vertx = await().until(process::get, started -> started != null);
    int whileStarting = ready(vertx);
    secondMayStart.complete();
    ServiceLauncher.Running started = running.await();
    try {
      assertThat(whileStarting).as("second service still starting").isEqualTo(503);
      assertThat(ready(started.vertx())).isEqualTo(200);
    } finally {
      started.close().await();
    }
  }

  private static int ready(Vertx vertx) {
    var client = vertx.createHttpClient();
    try {
      return client.request(HttpMethod.GET, ProcessEndpoints.of(vertx).port(), "127.0.0.1", "/health/ready")
          .compose(request -> request.send())
          .map(response -> response.statusCode())
          .await();
    } finally {
      client.close();
    }
  }
}
