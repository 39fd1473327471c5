package dev.tradingsystem.portfolio;

import static dev.tradingsystem.portfolio.Fixtures.approved;
import static dev.tradingsystem.portfolio.Fixtures.intent;
import static dev.tradingsystem.portfolio.Fixtures.px;
import static dev.tradingsystem.portfolio.Fixtures.qty;
import static dev.tradingsystem.portfolio.Fixtures.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.tradingsystem.proto.ApprovedOrder;
import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookLevel;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.proto.Execution;
import dev.tradingsystem.proto.Liquidity;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.PortfolioService;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.RejectCode;
import dev.tradingsystem.proto.ServiceAnnouncement;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.StateRequest;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.clock.WallClock;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import dev.tradingsystem.shared.runtime.RollCall;
import dev.tradingsystem.shared.runtime.ServiceStats;
import dev.tradingsystem.shared.service.ServiceRegistry;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The verticle on a local Vert.x, driven the way the pipeline drives it: trades on
 * {@code market.trades}, orders through the registry's {@code PortfolioService}. The observers
 * share one context, so the log records the order in which everything was published.
 */
@ExtendWith(VertxExtension.class)
class PortfolioOrchestratorVerticleTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private final List<String> log = new CopyOnWriteArrayList<>();
  private final List<Execution> executions = new CopyOnWriteArrayList<>();
  private final List<Order> orders = new CopyOnWriteArrayList<>();
  private final List<PortfolioState> states = new CopyOnWriteArrayList<>();
  private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
  private Vertx vertx;
  private PortfolioService portfolio;

  @BeforeEach
  void deploy(Vertx vertx, VertxTestContext testContext) {
    this.vertx = vertx;
    ProtobufCodecs.registerAll(vertx);
    portfolio = ServiceRegistry.of(vertx).lookup(PortfolioService.class, ServiceNames.PORTFOLIO);
    JsonObject config = new JsonObject().put(ConfigReader.ENV_KEY, new JsonObject());
    Context observers = vertx.getOrCreateContext();
    observers.runOnContext(v -> {
      EventBus bus = vertx.eventBus();
      MessageConsumer<Execution> onExecution = bus.consumer(Addresses.EXECUTIONS, m -> {
        executions.add(m.body());
        log.add("execution " + m.body().getExecutionId());
      });
      MessageConsumer<Order> onOrder = bus.consumer(Addresses.ORDERS, m -> {
        orders.add(m.body());
        log.add("order " + m.body().getOrderId() + " " + m.body().getStatus());
      });
      MessageConsumer<PortfolioState> onState = bus.consumer(Addresses.PORTFOLIO_STATE, m -> {
        states.add(m.body());
        log.add("state " + m.body().getMeta().getSeq());
      });
      MessageConsumer<DeadLetter> onDeadLetter = bus.consumer(Addresses.DEAD_LETTER, m -> deadLetters.add(m.body()));
      Future.all(onExecution.completion(), onOrder.completion(), onState.completion(), onDeadLetter.completion())
          .compose(all -> vertx.deployVerticle(new PortfolioOrchestratorVerticle(), new DeploymentOptions().setConfig(config)))
          .onComplete(testContext.succeedingThenComplete());
    });
  }

  @Test
  void fillsAnApprovedMarketOrderAndPublishesOneStatePerTradeAfterItsExecutions() throws Exception {
    assertThat(result(RollCall.await(vertx, List.of(ServiceNames.PORTFOLIO), 50, 3_000)))
        .extractingByKey(ServiceNames.PORTFOLIO).extracting(ServiceAnnouncement::getTickParticipant).isEqualTo(false);
    publishTrade(1, "1000.00", "1");
    await().atMost(WAIT).until(() -> states.size() == 1);

    ApprovedOrder order = approved(intent("alpha-1", "alpha", 1, Side.BUY, OrderType.MARKET, null, "0.5")
        .setMeta(Fixtures.meta(1).toBuilder().setIngestTimeUs(WallClock.micros())));
    Order placed = result(portfolio.placeOrder(order));
    publishTrade(2, "1001.00", "0.1");
    publishTrade(3, "1002.00", "0.1");
    await().atMost(WAIT).until(() -> states.size() == 3);

    assertThat(placed.getStatus()).isEqualTo(OrderStatus.ACCEPTED);
    assertThat(placed.getOrderId()).isEqualTo("o-alpha-1");
    assertThat(log).containsExactly(
        "state 1",
        "order o-alpha-1 ACCEPTED",
        "execution x-o-alpha-1-1",
        "order o-alpha-1 FILLED",
        "state 2",
        "state 3");
    assertThat(executions).singleElement().satisfies(execution -> {
      assertThat(execution.getMeta().getSeq()).isEqualTo(2);
      assertThat(execution.getPrice()).isEqualTo(px("1001.51"));
      assertThat(execution.getQuantity()).isEqualTo(qty("0.5"));
    });
    assertThat(states).extracting(s -> s.getMeta().getSeq()).containsExactly(1L, 2L, 3L);
    assertThat(states.get(1).getPositionsList()).singleElement().satisfies(position -> {
      assertThat(position.getStrategyId()).isEqualTo("alpha");
      assertThat(position.getQuantity()).isEqualTo(qty("0.5"));
      assertThat(position.getMarkPrice()).isEqualTo(px("1001.00"));
    });
    assertThat(states.get(2).getPositions(0).getMarkPrice()).isEqualTo(px("1002.00"));
    assertThat(result(portfolio.getState(StateRequest.getDefaultInstance()))).isEqualTo(states.get(2));

    JsonObject stats = result(ServiceStats.fetch(vertx, ServiceNames.PORTFOLIO, 3_000));
    assertThat(stats.getLong("orders")).isEqualTo(1);
    assertThat(stats.getLong("fills")).isEqualTo(1);
    assertThat(stats.getJsonObject("latency").getLong("count")).isEqualTo(1);
    assertThat(stats.getString("ordersDigest")).hasSize(64);
    assertThat(stats.getDouble("equity")).isCloseTo(100_000 + 0.5 * (1002.00 - 1001.51) - 0.500755,
        within(1e-6));
  }

  @Test
  void refusesAnOrderWithoutApprovalCountsItAndDeadLettersIt() throws Exception {
    double before = TradingMetrics.rejected("portfolio", "place_order", "missing_approval").count();

    Order refused = result(portfolio.placeOrder(
        approved(intent("alpha-1", "alpha", 1, Side.BUY, OrderType.MARKET, null, "0.5")).toBuilder()
            .clearApproval().build()));
    Order unknownCancel = result(portfolio.cancelOrder(Fixtures.cancel("alpha-2", "alpha", 1, "o-alpha-404")));

    assertThat(refused.getStatus()).isEqualTo(OrderStatus.REJECTED);
    assertThat(refused.getRejectCode()).isEqualTo(RejectCode.MISSING_APPROVAL);
    assertThat(unknownCancel.getRejectCode()).isEqualTo(RejectCode.UNKNOWN_ORDER);
    assertThat(TradingMetrics.rejected("portfolio", "place_order", "missing_approval").count()).isEqualTo(before + 1);
    await().atMost(WAIT).until(() -> deadLetters.size() == 1);
    assertThat(deadLetters.get(0).getReason()).startsWith("MISSING_APPROVAL");
    assertThat(orders).isEmpty();
    JsonObject stats = result(ServiceStats.fetch(vertx, ServiceNames.PORTFOLIO, 3_000));
    assertThat(stats.getLong("rejected")).isEqualTo(2);
    assertThat(stats.getLong("orders")).isZero();
  }

  @Test
  void skipsBadTradesAndKeepsRunning() {
    double before = TradingMetrics.rejected("portfolio", Addresses.MARKET_TRADES, "non_positive_price").count();

    vertx.eventBus().publish(Addresses.MARKET_TRADES, trade(1, 0, qty("1")));
    vertx.eventBus().publish(Addresses.MARKET_TRADES, "not a trade");
    publishTrade(2, "1000.00", "1");

    await().atMost(WAIT).until(() -> states.size() == 2 && deadLetters.size() == 2);
    assertThat(states).extracting(s -> s.getMeta().getSeq()).containsExactly(1L, 2L);
    assertThat(deadLetters).extracting(DeadLetter::getReason)
        .containsExactlyInAnyOrder("non_positive_price", "not a Trade: String");
    assertThat(TradingMetrics.rejected("portfolio", Addresses.MARKET_TRADES, "non_positive_price").count())
        .isEqualTo(before + 1);
  }

  @Test
  void fillsAgainstTheBookFromMarketBooksAndSurvivesBrokenBookUpdates() throws Exception {
    double gaps = TradingMetrics.rejected("portfolio", Addresses.MARKET_BOOKS, "book_gap").count();
    BookLevel ask = BookLevel.newBuilder().setPrice(px("1001.00")).setSize(qty("2")).build();
    BookLevel bid = BookLevel.newBuilder().setPrice(px("999.00")).setSize(qty("2")).build();
    vertx.eventBus().publish(Addresses.MARKET_BOOKS, BookSnapshot.newBuilder().setMeta(Fixtures.meta(1))
        .setInstrument(Fixtures.BTC_USD).addBids(bid).addAsks(ask).setLastUpdateId(100).build());
    vertx.eventBus().publish(Addresses.MARKET_BOOKS, "not a book");
    publishTrade(2, "1000.00", "0.1");
    await().atMost(WAIT).until(() -> states.size() == 1);

    result(portfolio.placeOrder(approved(intent("alpha-1", "alpha", 2, Side.BUY, OrderType.MARKET, null, "0.5"))));
    vertx.eventBus().publish(Addresses.MARKET_BOOKS, BookDelta.newBuilder().setMeta(Fixtures.meta(3))
        .setInstrument(Fixtures.BTC_USD).addBids(bid).setFirstUpdateId(105).setLastUpdateId(105).build());
    publishTrade(4, "1000.00", "0.1");
    await().atMost(WAIT).until(() -> states.size() == 2 && deadLetters.size() == 2);

    assertThat(executions).singleElement().satisfies(execution -> {
      assertThat(execution.getPrice()).isEqualTo(px("1001.00"));
      assertThat(execution.getLiquidity()).isEqualTo(Liquidity.TAKER);
    });
    assertThat(deadLetters).extracting(DeadLetter::getReason)
        .containsExactlyInAnyOrder("not a BookSnapshot or BookDelta: String", "book_gap (BTC/USD delta U=105 u=105 pu=0)");
    assertThat(TradingMetrics.rejected("portfolio", Addresses.MARKET_BOOKS, "book_gap").count()).isEqualTo(gaps + 1);
    JsonObject stats = result(ServiceStats.fetch(vertx, ServiceNames.PORTFOLIO, 3_000));
    assertThat(stats.getJsonObject("bookIssues").getLong("book_gap")).isEqualTo(1);
  }

  private void publishTrade(long seq, String price, String size) {
    vertx.eventBus().publish(Addresses.MARKET_TRADES, trade(seq, price, size));
  }

  private static <T> T result(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }
}
