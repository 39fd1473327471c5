package dev.tradingsystem.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.proto.TradingStatus;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.runtime.ProcessEndpoints;
import dev.tradingsystem.shared.runtime.ServiceStats;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class GatewayVerticleTest {

  private int port;

  @BeforeEach
  void deploy(Vertx vertx, VertxTestContext test) {
    ProtobufCodecs.registerAll(vertx);
    JsonObject config = new JsonObject().put("gateway", new JsonObject().put("statsTimeoutMs", 200));
    ServiceStats.serve(vertx, ServiceNames.RISK_MANAGER, () -> new JsonObject().put("checks", 3))
        .compose(c -> ProcessEndpoints.of(vertx).listen("127.0.0.1", 0))
        .compose(http -> vertx.deployVerticle(new GatewayVerticle(), new DeploymentOptions().setConfig(config)))
        .onComplete(test.succeeding(id -> {
          port = ProcessEndpoints.of(vertx).port();
          test.completeNow();
        }));
  }

  @Test
  void statusGathersEveryServiceAndReportsTheDownOnes(Vertx vertx, VertxTestContext test) {
    get(vertx, "/api/status").onComplete(test.succeeding(body -> test.verify(() -> {
      JsonObject services = body.getJsonObject("services");
      assertThat(body.getString("mode")).isEqualTo("co-located");
      assertThat(body.getString("tradingState")).isEqualTo("ACTIVE");
      assertThat(services.getJsonObject(ServiceNames.RISK_MANAGER).getBoolean("up")).isTrue();
      assertThat(services.getJsonObject(ServiceNames.RISK_MANAGER).getJsonObject("stats").getInteger("checks")).isEqualTo(3);
      assertThat(services.getJsonObject(ServiceNames.PORTFOLIO).getBoolean("up")).isFalse();
      assertThat(services.fieldNames()).hasSize(ServiceNames.ALL.size() - 1);
      test.completeNow();
    })));
  }

  @Test
  void statusShowsTheLatestTradingState(Vertx vertx, VertxTestContext test) {
    vertx.eventBus().publish(Addresses.RISK_STATUS, TradingStatus.newBuilder()
        .setMeta(Meta.newBuilder().setId("k-1")).setState(TradingState.HALTED).setReason("drawdown").build());
    Awaitility.await().until(() -> get(vertx, "/api/status").toCompletionStage().toCompletableFuture().get()
        .getString("tradingState").equals("HALTED"));
    get(vertx, "/api/status").onComplete(test.succeeding(body -> test.verify(() -> {
      assertThat(body.getString("tradingStateReason")).isEqualTo("drawdown");
      test.completeNow();
    })));
  }

  @Test
  void healthEndpointsAnswer(Vertx vertx, VertxTestContext test) {
    HttpClient client = vertx.createHttpClient();
    client.request(HttpMethod.GET, port, "127.0.0.1", "/health/ready")
        .compose(req -> req.send())
        .onComplete(test.succeeding(resp -> test.verify(() -> {
          assertThat(resp.statusCode()).isEqualTo(200);
          test.completeNow();
        })));
  }

  private Future<JsonObject> get(Vertx vertx, String path) {
    HttpClient client = vertx.createHttpClient();
    return client.request(HttpMethod.GET, port, "127.0.0.1", path)
        .compose(req -> req.send())
        .compose(HttpClientResponse::body)
        .map(buffer -> buffer.toJsonObject());
  }
}
