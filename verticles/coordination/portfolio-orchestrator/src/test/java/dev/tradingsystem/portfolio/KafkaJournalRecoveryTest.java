package dev.tradingsystem.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.portfolio.PortfolioRecoveryTest.Run;
import dev.tradingsystem.portfolio.journal.JournalConfig;
import dev.tradingsystem.portfolio.journal.JournalRecord;
import dev.tradingsystem.portfolio.journal.JournalScan;
import dev.tradingsystem.portfolio.journal.KafkaOrderJournal;
import dev.tradingsystem.proto.Execution;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.kafka.KafkaSettings;
import dev.tradingsystem.shared.testing.KafkaBroker;
import io.vertx.core.json.JsonObject;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.PortfolioService;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.service.ServiceRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PortfolioRecoveryTest}'s crash table through the Kafka journal: the session up to a crash
 * is appended to a topic group by group (one append per engine step, as the verticle does), the
 * writer goes away, and a new instance recovers from the topic, fences the old writer, and
 * finishes the session fill for fill like the uninterrupted run; and the service itself wired to
 * a topic.
 */
@ExtendWith(VertxExtension.class)
class KafkaJournalRecoveryTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final PortfolioConfig CONFIG = PortfolioConfig.from(ConfigReader.of(new JsonObject()));
  private static KafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  private static KafkaOrderJournal journal(String topic) {
    return new KafkaOrderJournal(JournalConfig.kafka(new KafkaSettings(broker.bootstrapServers(), "",
        KafkaSettings.DEFAULT_TOPICS, KafkaSettings.DEFAULT_DEAD_LETTER_TOPIC, 1, (short) 1, 1000, 1000, Map.of()),
        topic), "portfolio-orchestrator");
  }

  @ParameterizedTest(name = "crash before trade {0}")
  @ValueSource(longs = {2, 4, 6, 8})
  void aPortfolioRecoveredFromTheTopicFinishesTheSessionFillForFill(long nextSeq) throws Exception {
    String topic = "portfolio.journal.crash-" + nextSeq;
    Run uninterrupted = Run.of(Fixtures.engine(), PortfolioRecoveryTest.SESSION);
    int crash = PortfolioRecoveryTest.indexAfterTrade(nextSeq);
    Run before = Run.of(Fixtures.engine(), PortfolioRecoveryTest.SESSION.subList(0, crash));
    KafkaOrderJournal crashed = journal(topic);
    crashed.recover();
    for (JournalRecord record : before.journal) {
      crashed.append(List.of(record)).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    KafkaOrderJournal restarted = journal(topic);
    JournalScan scan = restarted.recover();
    JournalReplayer.Rebuilt rebuilt = JournalReplayer.rebuild(scan.records(), CONFIG);
    Run after = Run.of(rebuilt.engine(), PortfolioRecoveryTest.SESSION.subList(crash,
        PortfolioRecoveryTest.SESSION.size()));
    restarted.append(after.journal).toCompletableFuture().get(30, TimeUnit.SECONDS);
    restarted.close();
    crashed.close();

    assertThat(scan.records()).isEqualTo(before.journal);
    List<Execution> fills = new ArrayList<>(before.fills);
    fills.addAll(after.fills);
    assertThat(fills).isEqualTo(uninterrupted.fills);
    assertThat(rebuilt.engine().latest()).isEqualTo(uninterrupted.engine.latest());
    assertThat(rebuilt.engine().ordersDigest()).isEqualTo(uninterrupted.engine.ordersDigest());
    KafkaOrderJournal audit = journal(topic);
    List<JournalRecord> all = new ArrayList<>(before.journal);
    all.addAll(after.journal);
    assertThat(audit.recover().records()).isEqualTo(all);
    audit.close();
  }

  /**
   * The service wired to the Kafka journal: an order and its fill survive an undeploy, and the
   * redeployed portfolio publishes them in its next state.
   */
  @Test
  void theServiceRecoversItsOrdersAndFillsFromTheTopic(Vertx vertx) throws Exception {
    ProtobufCodecs.registerAll(vertx);
    List<PortfolioState> states = new CopyOnWriteArrayList<>();
    await(vertx.eventBus().<PortfolioState>consumer(Addresses.PORTFOLIO_STATE, m -> states.add(m.body())).completion());
    JsonObject config = new JsonObject().put(ConfigReader.ENV_KEY, new JsonObject())
        .put("portfolio", new JsonObject().put("journal", new JsonObject().put("backend", "kafka")
            .put("kafkaTopic", "portfolio.journal.service")))
        .put("kafka", new JsonObject().put("bootstrapServers", broker.bootstrapServers()));
    PortfolioService portfolio = ServiceRegistry.of(vertx).lookup(PortfolioService.class, ServiceNames.PORTFOLIO);

    String first = await(vertx.deployVerticle(new PortfolioOrchestratorVerticle(), new DeploymentOptions().setConfig(config)));
    vertx.eventBus().publish(Addresses.MARKET_TRADES, Fixtures.trade(1, "1000.00", "1"));
    Awaitility.await().atMost(WAIT).until(() -> states.size() == 1);
    Order placed = await(portfolio.placeOrder(Fixtures.approved(Fixtures.intent("alpha-1", "alpha", 1, Side.BUY,
        OrderType.MARKET, null, "0.5"))));
    vertx.eventBus().publish(Addresses.MARKET_TRADES, Fixtures.trade(2, "1001.00", "1"));
    Awaitility.await().atMost(WAIT).until(() -> states.size() == 2);
    await(vertx.undeploy(first));

    await(vertx.deployVerticle(new PortfolioOrchestratorVerticle(), new DeploymentOptions().setConfig(config)));
    vertx.eventBus().publish(Addresses.MARKET_TRADES, Fixtures.trade(3, "1002.00", "1"));
    Awaitility.await().atMost(WAIT).until(() -> states.size() == 3);

    assertThat(placed.getStatus()).isEqualTo(OrderStatus.ACCEPTED);
    assertThat(states.get(1).getFills()).isEqualTo(1);
    PortfolioState recovered = states.get(2);
    assertThat(recovered.getMeta().getSeq()).isEqualTo(3);
    assertThat(recovered.getOrders()).isEqualTo(1);
    assertThat(recovered.getFills()).isEqualTo(1);
    assertThat(recovered.getCashMicros()).isEqualTo(states.get(1).getCashMicros());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }
}
