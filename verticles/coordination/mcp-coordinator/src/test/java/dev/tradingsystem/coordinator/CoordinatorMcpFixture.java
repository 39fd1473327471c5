package dev.tradingsystem.coordinator;

import static org.awaitility.Awaitility.await;

import dev.tradingsystem.coordinator.InTestAgent.Behaviour;
import dev.tradingsystem.mcp.auth.JwtAuthenticator;
import dev.tradingsystem.mcp.auth.McpRole;
import dev.tradingsystem.proto.Candle;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.money.Instruments;
import dev.tradingsystem.shared.runtime.ProcessEndpoints;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A co-located process for the MCP tests: the process listener on a free loopback port, three
 * in-test panel agents (deepseek LONG, qwen degraded LONG, lagllama a quantile forecast), fingpt
 * in the shadow, and the coordinator with a token key; plus the SDK's own client and helpers to
 * publish market events and wait for their consensus.
 */
final class CoordinatorMcpFixture {

  static final String SECRET = "coordinator-test-key-0123456789abcdef-0123";
  static final String ORDER_ID = "o-freqtrade-hft.momentum-1";
  static final JsonObject CONFIG = new JsonObject()
      .put("mcp", new JsonObject().put("auth", new JsonObject().put("jwtSecret", SECRET)))
      .put("coordinator", new JsonObject()
          .put("agents", "deepseek-agent,qwen-agent,lagllama-agent")
          .put("shadowAgents", "fingpt-agent")
          .put("agentTimeoutMs", 2_000)
          .put("mcp", new JsonObject()
              .put("toolTimeoutMs", 8_000)
              .put("routes", new JsonObject().put("timeoutMs", 3_000)
                  // The in-test lagllama answers through AgentService; the MCP route has its own test.
                  .put("forecast", "agent:lagllama-agent"))));

  final Vertx vertx;
  final McpCoordinatorVerticle coordinator = new McpCoordinatorVerticle();
  final Map<Long, Consensus> consensus = new ConcurrentHashMap<>();

  private CoordinatorMcpFixture(Vertx vertx) {
    this.vertx = vertx;
  }

  static Future<CoordinatorMcpFixture> start(Vertx vertx) {
    ProtobufCodecs.registerAll(vertx);
    CoordinatorMcpFixture fixture = new CoordinatorMcpFixture(vertx);
    return vertx.eventBus().<Consensus>consumer(Addresses.CONSENSUS,
            m -> fixture.consensus.put(m.body().getMeta().getSeq(), m.body())).completion()
        .compose(v -> ProcessEndpoints.of(vertx).listen("127.0.0.1", 0))
        .compose(http -> Future.all(List.of(
            vertx.deployVerticle(new InTestAgent(ServiceNames.DEEPSEEK, Behaviour.LONG)),
            vertx.deployVerticle(new InTestAgent(ServiceNames.QWEN, Behaviour.DEGRADED_LONG)),
            vertx.deployVerticle(new InTestAgent(ServiceNames.LAGLLAMA, Behaviour.FORECAST)),
            vertx.deployVerticle(new InTestAgent(ServiceNames.FINGPT, Behaviour.LONG)))))
        .compose(v -> vertx.deployVerticle(fixture.coordinator, new DeploymentOptions().setConfig(CONFIG)))
        .map(id -> fixture);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + ProcessEndpoints.of(vertx).port();
  }

  /** A token signed with the process's key. */
  String token(String subject, McpRole... roles) {
    return JwtAuthenticator.create(vertx, SECRET, null, false).issue(subject, Set.of(roles), Duration.ofMinutes(5));
  }

  /** The SDK's Streamable HTTP client, initialised; {@code token} null calls as an anonymous viewer. */
  McpSyncClient client(String token) {
    HttpClientStreamableHttpTransport.Builder transport = HttpClientStreamableHttpTransport.builder(baseUrl())
        .endpoint("/mcp");
    if (token != null) {
      transport.httpRequestCustomizer((request, method, uri, body, context) ->
          request.header("Authorization", "Bearer " + token));
    }
    McpSyncClient client = McpClient.sync(transport.build()).requestTimeout(Duration.ofSeconds(15)).build();
    client.initialize();
    return client;
  }

  /** Publishes the tick features of market event {@code seq} and waits for its consensus (call off the event loop). */
  Consensus tick(long seq, double price) {
    vertx.eventBus().publish(Addresses.FEATURES, features(seq, price));
    await().atMost(Duration.ofSeconds(10)).until(() -> consensus.containsKey(seq));
    return consensus.get(seq);
  }

  static Meta meta(long seq) {
    return Meta.newBuilder().setId("md-" + seq).setSeq(seq).setTraceId("t-" + seq).setEventTimeUs(seq * 1_000_000)
        .build();
  }

  static FeatureVector features(long seq, double price) {
    return FeatureVector.newBuilder()
        .setMeta(meta(seq))
        .setInstrument(Instruments.BITSTAMP_BTC_USD)
        .setVenue("bitstamp")
        .setPrice(price)
        .setMid(price + 0.05)
        .setSpreadBps(1.25)
        .setBestBid(price)
        .setBestAsk(price + 0.10)
        .setMicroprice(price + 0.04)
        .setVwap(price - 1)
        .setLastSize(25_000_000)
        .setRsi(61.5)
        .setTradesSeen(seq)
        .build();
  }

  /** Candle features of a one-minute candle closing at market event {@code seq}. */
  static FeatureVector candleFeatures(long seq, double close) {
    return FeatureVector.newBuilder()
        .setMeta(meta(seq))
        .setInstrument(Instruments.BITSTAMP_BTC_USD)
        .setTimeframeSec(60)
        .setPrice(close)
        .setAtr(2.5)
        .setClosedCandle(Candle.newBuilder().setIntervalSec(60).setClose((long) (close * 100)).setOpen(79_900)
            .setHigh(80_100).setLow(79_800))
        .build();
  }
}
