package dev.tradingsystem.portfolio;

import static dev.tradingsystem.portfolio.Fixtures.approved;
import static dev.tradingsystem.portfolio.Fixtures.intent;
import static dev.tradingsystem.portfolio.Fixtures.meta;
import static dev.tradingsystem.portfolio.Fixtures.trade;
import static dev.tradingsystem.portfolio.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.tradingsystem.proto.AgentShare;
import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.AlertSeverity;
import dev.tradingsystem.proto.AllocationCommand;
import dev.tradingsystem.proto.AllocationState;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.Execution;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.PnlAttribution;
import dev.tradingsystem.proto.PortfolioService;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.RiskAlert;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.StateRequest;
import dev.tradingsystem.proto.StrategyAllocation;
import dev.tradingsystem.proto.TradingStatus;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.auth.OperatorAuthException;
import dev.tradingsystem.shared.auth.OperatorAuthority;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import dev.tradingsystem.shared.runtime.ServiceStats;
import dev.tradingsystem.shared.service.ServiceRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Capital allocation and P&amp;L attribution wired into the verticle: consensus, risk alerts and
 * trading status in; budgets in {@code PortfolioState.allocations} and on
 * {@code portfolio.allocations}; attributions on {@code portfolio.attribution}; the two
 * allocation rpcs behind the operator token. Trades are one second apart in event time and the
 * allocator reallocates every 2 s, so the schedule fires at the state of trade 3.
 */
@ExtendWith(VertxExtension.class)
class CapitalWiringVerticleTest {

  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final String SECRET = "a-test-operator-key-of-at-least-32-bytes";

  private final List<String> log = new CopyOnWriteArrayList<>();
  private final List<PortfolioState> states = new CopyOnWriteArrayList<>();
  private final List<AllocationState> allocations = new CopyOnWriteArrayList<>();
  private final List<PnlAttribution> attributions = new CopyOnWriteArrayList<>();
  private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
  private Vertx vertx;
  private PortfolioService portfolio;
  private String deployment;

  @BeforeEach
  void observe(Vertx vertx) throws Exception {
    this.vertx = vertx;
    ProtobufCodecs.registerAll(vertx);
    portfolio = ServiceRegistry.of(vertx).lookup(PortfolioService.class, ServiceNames.PORTFOLIO);
    EventBus bus = vertx.eventBus();
    // One context for every observer, so the log keeps the order of publication.
    Promise<Void> registered = Promise.promise();
    vertx.getOrCreateContext().runOnContext(v -> Future.all(
        bus.<Execution>consumer(Addresses.EXECUTIONS, m -> log.add("execution " + m.body().getExecutionId())).completion(),
        bus.<PortfolioState>consumer(Addresses.PORTFOLIO_STATE, m -> {
          states.add(m.body());
          log.add("state " + m.body().getMeta().getSeq());
        }).completion(),
        bus.<AllocationState>consumer(Addresses.PORTFOLIO_ALLOCATIONS, m -> allocations.add(m.body())).completion(),
        bus.<PnlAttribution>consumer(Addresses.PORTFOLIO_ATTRIBUTION, m -> {
          attributions.add(m.body());
          log.add("attribution " + m.body().getOrderId());
        }).completion(),
        bus.<DeadLetter>consumer(Addresses.DEAD_LETTER, m -> deadLetters.add(m.body())).completion())
        .<Void>mapEmpty().onComplete(registered));
    result(registered.future());
  }

  @Test
  void aConsensusWithAnEdgeChangesKellyBudgetsAtTheNextRebalance() throws Exception {
    deploy(config("kelly", null));
    tradeAndWait(1, "1000.00");
    // alpha holds BTC/USD from trade 2 on: Kelly sizes it on that symbol's consensus edge.
    result(portfolio.placeOrder(approved(intent("alpha-1", "alpha", 1, Side.BUY, OrderType.MARKET, null, "0.1"))));
    vertx.eventBus().publish(Addresses.CONSENSUS, consensus("t-1", 1, 20_000));
    vertx.eventBus().publish(Addresses.CONSENSUS, consensus("t-2", 1, 20_000));
    tradeAndWait(2, "1000.00");
    assertThat(allocations).isEmpty();

    tradeAndWait(3, "1000.00");
    await().atMost(WAIT).until(() -> allocations.size() == 1);
    tradeAndWait(4, "1000.00");

    // f* = 1 bp × 10⁴ / 20,000 bp² = 0.5; a quarter of it is 12.5 % of the equity at state 3.
    AllocationState changed = allocations.get(0);
    assertThat(changed.getPolicy()).isEqualTo("kelly");
    assertThat(changed.getReason()).isEqualTo("schedule");
    assertThat(changed.getMeta().getSeq()).isEqualTo(3);
    double equity3 = states.get(2).getEquityMicros();
    assertThat((double) budget(changed, "alpha").getCapitalMicros()).isCloseTo(equity3 * 0.125, within(1.0));
    // Until then alpha (not configured) had the default 25 % of the equity last seen (state 2's).
    assertThat((double) budget(states.get(2), "alpha").getCapitalMicros())
        .isCloseTo(states.get(1).getEquityMicros() * 0.25, within(1.0));
    assertThat(budget(states.get(3), "alpha")).isEqualTo(budget(changed, "alpha"));
    assertThat(result(portfolio.getAllocations(StateRequest.newBuilder().setStrategyId("alpha").build()))
        .getAllocationsList()).containsExactly(budget(changed, "alpha"));
  }

  @Test
  void aCriticalAlertScalesEveryBudgetDownAtOnce() throws Exception {
    deploy(config("kelly", null));
    tradeAndWait(1, "1000.00");

    vertx.eventBus().publish(Addresses.RISK_ALERTS, RiskAlert.newBuilder()
        .setMeta(meta(1).toBuilder().setId("alert-1")).setSeverity(AlertSeverity.CRITICAL).setCode("DRAWDOWN").build());
    await().atMost(WAIT).until(() -> allocations.size() == 1);
    tradeAndWait(2, "1000.00");

    AllocationState cut = allocations.get(0);
    assertThat(cut.getReason()).isEqualTo("risk-alert CRITICAL DRAWDOWN");
    assertThat(cut.getChangedAtUs()).isEqualTo(meta(1).getEventTimeUs());
    assertThat(budget(cut, "*").getCapitalMicros()).isEqualTo(usd("12500"));   // 100,000 × 25 % × ½
    assertThat(budget(states.get(1), "*").getCapitalMicros()).isEqualTo(usd("12500"));
    assertThat(budget(states.get(0), "*").getCapitalMicros()).isEqualTo(usd("25000"));
  }

  @Test
  void anExitFillPublishesAnAttributionSplitByTheEntrysAgentVotes() throws Exception {
    deploy(config("fixed", null));
    tradeAndWait(1, "1000.00");
    // The entry's decision: deepseek votes 1 × 1.0, qwen 1 × 0.5 long, fingpt short (no share).
    vertx.eventBus().publish(Addresses.CONSENSUS, Consensus.newBuilder().setMeta(meta(1)).setSymbol("BTC/USD")
        .setDirection(Direction.LONG).setQuorum(true)
        .addSignals(signal("deepseek", Direction.LONG, 1.0)).addSignalWeights(1)
        .addSignals(signal("qwen", Direction.LONG, 0.5)).addSignalWeights(1)
        .addSignals(signal("fingpt", Direction.SHORT, 1.0)).addSignalWeights(1).build());
    result(portfolio.placeOrder(approved(intent("alpha-1", "alpha", 1, Side.BUY, OrderType.MARKET, null, "1"))));
    tradeAndWait(2, "1000.00");
    result(portfolio.placeOrder(approved(intent("alpha-2", "alpha", 2, Side.SELL, OrderType.MARKET, null, "1"))));
    tradeAndWait(3, "1100.00");
    await().atMost(WAIT).until(() -> attributions.size() == 1);

    PnlAttribution exit = attributions.get(0);
    assertThat(exit.getOrderId()).isEqualTo("o-alpha-2");
    assertThat(exit.getEntryTraceId()).isEqualTo("t-1");
    // Bought at 1000.50, sold at 1099.45 (half spread 5 bps), taker fees (10 bps) 1.0005 + 1.09945.
    assertThat(exit.getRealizedPnlMicros()).isEqualTo(usd("98.95") - usd("1.0005") - usd("1.09945"));
    assertThat(exit.getSharesList()).extracting(AgentShare::getAgent).containsExactly("deepseek", "qwen");
    assertThat(exit.getShares(0).getWeight()).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(exit.getShares(0).getPnlMicros() + exit.getShares(1).getPnlMicros()).isEqualTo(exit.getRealizedPnlMicros());
    assertThat(exit.getShares(0).getPnlMicros()).isCloseTo(2 * exit.getShares(1).getPnlMicros(), within(1L));
    assertThat(log).containsSubsequence("execution x-o-alpha-2-1", "state 3", "attribution o-alpha-2");

    JsonObject stats = result(ServiceStats.fetch(vertx, ServiceNames.PORTFOLIO, 3_000));
    assertThat(stats.getJsonObject("pnlByAgent").getDouble("deepseek"))
        .isCloseTo(exit.getShares(0).getPnlMicros() / 1e6, within(1e-9));
    assertThat(stats.getDouble("unattributed")).isEqualTo(0.0);
    assertThat(stats.getJsonObject("allocation").getString("policy")).isEqualTo("fixed");
  }

  @Test
  void setAllocationsTakesAnOperatorTokenAndGetAllocationsShowsTheResult(@TempDir Path journalDir) throws Exception {
    deploy(config("fixed", journalDir));
    OperatorAuthority tokens = OperatorAuthority.create(vertx, SECRET, null);
    double missing = refusals("missing_token");
    double notOperator = refusals("not_operator");
    AllocationCommand.Builder command = AllocationCommand.newBuilder().setMeta(meta(1)).setPolicy("fixed")
        .setReason("cap alpha").addAllocations(StrategyAllocation.newBuilder().setStrategyId("alpha")
            .setCapitalMicros(usd("10000")));
    tradeAndWait(1, "1000.00");

    assertThatThrownBy(() -> result(portfolio.setAllocations(command.build())))
        .hasCauseInstanceOf(OperatorAuthException.class).hasMessageContaining("an operator token is required");
    String viewer = tokens.issue("bob", Duration.ofHours(1), "viewer");
    assertThatThrownBy(() -> result(portfolio.setAllocations(command.setOperatorToken(viewer).build())))
        .hasMessageContaining("operator role");
    String operator = tokens.issue("alice", Duration.ofHours(1), "operator");
    assertThatThrownBy(() -> result(portfolio.setAllocations(command.setOperatorToken(operator).setPolicy("kelly").build())))
        .hasMessageContaining("fixed policy only");
    assertThat(refusals("missing_token")).isEqualTo(missing + 1);
    assertThat(refusals("not_operator")).isEqualTo(notOperator + 1);

    AllocationState accepted = result(portfolio.setAllocations(command.setPolicy("fixed").build()));
    assertThat(accepted.getReason()).startsWith("operator: cap alpha").contains("pending");
    tradeAndWait(2, "1000.00");
    tradeAndWait(3, "1000.00");

    // alpha never traded: it has no entry until the operator's budget lands (at state 2, so in state 3).
    assertThat(states.get(1).getAllocationsList()).extracting(StrategyAllocation::getStrategyId).containsExactly("*");
    assertThat(budget(states.get(2), "alpha").getCapitalMicros()).isEqualTo(usd("10000"));
    assertThat(budget(states.get(2), "alpha").getMaxNotionalMicros()).isEqualTo(usd("10000"));
    assertThat(allocations).extracting(AllocationState::getReason)
        .startsWith(accepted.getReason(), "operator: cap alpha");
    AllocationState current = result(portfolio.getAllocations(StateRequest.getDefaultInstance()));
    assertThat(current.getPolicy()).isEqualTo("fixed");
    assertThat(budget(current, "alpha").getCapitalMicros()).isEqualTo(usd("10000"));

    // The change is journaled: a restart on the same journal runs under it again.
    result(vertx.undeploy(deployment));
    states.clear();
    deploy(config("kelly", journalDir));
    tradeAndWait(4, "1000.00");
    tradeAndWait(5, "1000.00");
    assertThat(result(portfolio.getAllocations(StateRequest.getDefaultInstance())).getPolicy()).isEqualTo("fixed");
    assertThat(budget(states.get(1), "alpha").getCapitalMicros()).isEqualTo(usd("10000"));
  }

  @Test
  void badCapitalInputsAreCountedDeadLetteredAndSurvived() throws Exception {
    deploy(config("kelly", null));
    double nonFinite = TradingMetrics.rejected("portfolio", Addresses.CONSENSUS, "non_finite_edge").count();
    EventBus bus = vertx.eventBus();
    bus.publish(Addresses.CONSENSUS, consensus("t-1", Double.NaN, 1));
    bus.publish(Addresses.CONSENSUS, "not a consensus");
    bus.publish(Addresses.RISK_ALERTS, RiskAlert.newBuilder().setMeta(meta(1)).setSeverityValue(7).build());
    bus.publish(Addresses.RISK_STATUS, TradingStatus.newBuilder().setMeta(meta(1)).build());
    await().atMost(WAIT).until(() -> deadLetters.size() == 4);
    tradeAndWait(1, "1000.00");

    assertThat(deadLetters).extracting(DeadLetter::getReason).containsExactlyInAnyOrder(
        "non_finite_edge", "not a Consensus: String", "unknown_severity", "missing_state");
    assertThat(TradingMetrics.rejected("portfolio", Addresses.CONSENSUS, "non_finite_edge").count())
        .isEqualTo(nonFinite + 1);
    assertThat(allocations).isEmpty();
  }

  private void deploy(JsonObject config) throws Exception {
    deployment = result(vertx.deployVerticle(new PortfolioOrchestratorVerticle(),
        new DeploymentOptions().setConfig(config)));
  }

  private static JsonObject config(String policy, Path journalDir) {
    JsonObject portfolio = new JsonObject().put("allocation", new JsonObject().put("policy", policy)
        .put("rebalanceEvery", "2s").put("minInterval", "1s").put("minHistory", 2).put("riskEventScale", 0.5));
    if (journalDir != null) {
      portfolio.put("journal", new JsonObject().put("dir", journalDir.toString()).put("fsync", "batch"));
    }
    return new JsonObject().put(ConfigReader.ENV_KEY, new JsonObject()).put("portfolio", portfolio)
        .put("auth", new JsonObject().put("jwtSecret", SECRET));
  }

  private void tradeAndWait(long seq, String price) {
    int before = states.size();
    vertx.eventBus().publish(Addresses.MARKET_TRADES, trade(seq, price, "5"));
    await().atMost(WAIT).until(() -> states.size() == before + 1);
  }

  private static double refusals(String reason) {
    return TradingMetrics.rejected("portfolio", "allocations", reason).count();
  }

  private static StrategyAllocation budget(AllocationState state, String strategyId) {
    return state.getAllocationsList().stream().filter(a -> a.getStrategyId().equals(strategyId)).findFirst()
        .orElseThrow(() -> new AssertionError("no budget for " + strategyId + " in " + state));
  }

  private static StrategyAllocation budget(PortfolioState state, String strategyId) {
    return state.getAllocationsList().stream().filter(a -> a.getStrategyId().equals(strategyId)).findFirst()
        .orElseThrow(() -> new AssertionError("no budget for " + strategyId + " in " + state));
  }

  private static Consensus consensus(String traceId, double edgeBps, double variance) {
    return Consensus.newBuilder().setMeta(Meta.newBuilder().setTraceId(traceId)).setSymbol("BTC/USD")
        .setDirection(Direction.LONG).setQuorum(true).setExpectedEdgeBps(edgeBps).setEdgeVariance(variance).build();
  }

  private static AgentSignal signal(String agent, Direction direction, double strength) {
    return AgentSignal.newBuilder().setAgent(agent).setDirection(direction).setStrength(strength).build();
  }

  private static <T> T result(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }
}
