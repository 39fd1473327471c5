package dev.tradingsystem.risk;

import static dev.tradingsystem.risk.RiskFixtures.allocation;
import static dev.tradingsystem.risk.RiskFixtures.limit;
import static dev.tradingsystem.risk.RiskFixtures.openOrder;
import static dev.tradingsystem.risk.RiskFixtures.state;
import static dev.tradingsystem.risk.RiskFixtures.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tradingsystem.proto.AlertSeverity;
import dev.tradingsystem.proto.AlertSubscription;
import dev.tradingsystem.proto.ApprovedOrder;
import dev.tradingsystem.proto.IntentKind;
import dev.tradingsystem.proto.KillSwitchCommand;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.RiskAlert;
import dev.tradingsystem.proto.RiskSnapshot;
import dev.tradingsystem.proto.RejectCode;
import dev.tradingsystem.proto.RiskDecision;
import dev.tradingsystem.proto.RiskService;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.proto.TradingStatus;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.auth.OperatorAuthException;
import dev.tradingsystem.shared.auth.OperatorAuthority;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import dev.tradingsystem.shared.runtime.ServiceStats;
import dev.tradingsystem.shared.service.ServiceRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class RiskManagerVerticleTest {

  private static final String FT = "freqtrade-hft.momentum";
  private static final String KEY = "risk-manager-test-operator-key-0123456789";
  private static final JsonObject CONFIG = new JsonObject()
      .put("clock", new JsonObject().put("mode", "event"))
      .put("auth", new JsonObject().put("jwtSecret", KEY))
      .put("risk", new JsonObject().put("stateWaitMs", 1_000).put("portfolioTimeoutMs", 500).put("snapshotEveryMs", 0));

  private InTestPortfolio portfolio;
  private String portfolioDeployment;
  private RiskService risk;
  private OperatorAuthority tokens;

  private String token(String subject, String... roles) {
    return tokens.issue(subject, Duration.ofMinutes(5), roles);
  }

  private KillSwitchCommand command(TradingState target, String token) {
    return KillSwitchCommand.newBuilder().setMeta(RiskFixtures.meta(1)).setTargetState(target)
        .setReason("exchange incident").setOperatorToken(token).build();
  }

  @BeforeEach
  void deploy(Vertx vertx, VertxTestContext testContext) {
    ProtobufCodecs.registerAll(vertx);
    tokens = OperatorAuthority.create(vertx, KEY, null);
    portfolio = new InTestPortfolio();
    risk = ServiceRegistry.of(vertx).lookup(RiskService.class, ServiceNames.RISK_MANAGER);
    vertx.deployVerticle(portfolio)
        .compose(id -> {
          portfolioDeployment = id;
          return vertx.deployVerticle(new RiskManagerVerticle(), new DeploymentOptions().setConfig(CONFIG));
        })
        .onComplete(testContext.succeedingThenComplete());
  }

  private static void marketAt(Vertx vertx, long seq) {
    vertx.eventBus().publish(Addresses.MARKET_TRADES, trade(seq, "800.00"));
    vertx.eventBus().publish(Addresses.PORTFOLIO_STATE, state(seq)
        .addAllocations(allocation("*", "10000"))
        .addOpenOrders(openOrder("o-" + FT + "-0", FT, Side.BUY, "1", "795.00"))
        .build());
  }

  @Test
  void approvedIntentsReachThePortfolioWithAnApprovalAndRejectedOnesNever(Vertx vertx, VertxTestContext testContext) {
    vertx.eventBus().publish(Addresses.PORTFOLIO_STATE, "not a portfolio state");
    marketAt(vertx, 1);
    OrderIntent good = limit(FT + "-1", FT, Side.BUY, "1", "800.00", 1);
    OrderIntent outsideCollar = limit(FT + "-2", FT, Side.BUY, "1", "900.00", 1);
    OrderIntent refused = limit(InTestPortfolio.REFUSED_STRATEGY + "-1", InTestPortfolio.REFUSED_STRATEGY, Side.SELL, "1", "800.00", 1);
    OrderIntent cancel = RiskFixtures.cancel(FT + "-3", FT, "o-" + FT + "-0", 1);

    risk.checkOrder(good)
        .compose(approved -> risk.checkOrder(outsideCollar).map(rejected -> List.of(approved, rejected)))
        .compose(two -> risk.checkOrder(refused).compose(r -> risk.checkOrder(cancel))
            .map(c -> List.of(two.get(0), two.get(1), c)))
        .compose(decisions -> ServiceStats.fetch(vertx, ServiceNames.RISK_MANAGER, 1_000).map(stats -> {
          testContext.verify(() -> {
            RiskDecision approved = decisions.get(0);
            assertThat(approved.getApproved()).isTrue();
            assertThat(approved.getCode()).isEqualTo(RejectCode.NONE);
            assertThat(approved.getApproval().getIntentId()).isEqualTo(good.getIntentId());
            assertThat(approved.getApproval().getApprovalId()).isEqualTo("a-" + good.getIntentId());
            assertThat(approved.getOrder().getOrderId()).isEqualTo("o-" + good.getIntentId());
            assertThat(approved.getTradingState()).isEqualTo(TradingState.ACTIVE);
            assertThat(approved.getMeta().getSeq()).isEqualTo(1);

            RiskDecision rejected = decisions.get(1);
            assertThat(rejected.getApproved()).isFalse();
            assertThat(rejected.getCode()).isEqualTo(RejectCode.PRICE_COLLAR);
            assertThat(rejected.getReason()).isNotBlank();
            assertThat(rejected.hasApproval()).isFalse();

            assertThat(decisions.get(2).getApproved()).isTrue();

            assertThat(portfolio.placed).extracting(o -> o.getIntent().getIntentId())
                .containsExactly(good.getIntentId(), refused.getIntentId());
            assertThat(portfolio.placed).allSatisfy(o -> assertThat(o.getApproval().getIntentId()).isEqualTo(o.getIntent().getIntentId()));
            assertThat(portfolio.cancelled).extracting(o -> o.getIntent().getCancelOrderId()).containsExactly("o-" + FT + "-0");

            assertThat(stats.getLong("checks")).isEqualTo(4);
            assertThat(stats.getLong("approved")).isEqualTo(2);
            assertThat(stats.getLong("rejected")).isEqualTo(2);
            assertThat(stats.getJsonObject("rejectedByCode").getMap())
                .containsOnlyKeys("PRICE_COLLAR", "PORTFOLIO_REJECTED");
            assertThat(stats.getString("tradingState")).isEqualTo("ACTIVE");
            assertThat(TradingMetrics.scrape()).contains("trading_risk_checks_total").contains("trading_risk_check_seconds");
          });
          return stats;
        }))
        .onComplete(testContext.succeedingThenComplete());
  }

  @Test
  void aPortfolioRefusalIsReportedAsPortfolioRejected(Vertx vertx, VertxTestContext testContext) {
    marketAt(vertx, 1);
    OrderIntent refused = limit(InTestPortfolio.REFUSED_STRATEGY + "-1", InTestPortfolio.REFUSED_STRATEGY, Side.BUY, "1", "800.00", 1);

    risk.checkOrder(refused).compose(first -> risk.checkOrder(refused).map(second -> List.of(first, second)))
        .onComplete(testContext.succeeding(decisions -> testContext.verify(() -> {
          assertThat(decisions).allSatisfy(d -> {
            assertThat(d.getApproved()).isFalse();
            assertThat(d.getCode()).isEqualTo(RejectCode.PORTFOLIO_REJECTED);
            assertThat(d.getReason()).contains("test refusal");
          });
          assertThat(portfolio.placed).as("a refused approval is forgotten, so the retry is checked again").hasSize(2);
          testContext.completeNow();
        })));
  }

  @Test
  void operatorHaltCancelsWorkingOrdersAndAnnouncesIt(Vertx vertx, VertxTestContext testContext) {
    Checkpoint announced = testContext.checkpoint(3);
    vertx.eventBus().<TradingStatus>consumer(Addresses.RISK_STATUS, m -> testContext.verify(() -> {
      assertThat(m.body().getState()).isEqualTo(TradingState.HALTED);
      announced.flag();
    }));
    KillSwitchCommand halt = command(TradingState.HALTED, token("ops-1", "operator"));
    marketAt(vertx, 1);

    risk.streamAlerts(AlertSubscription.newBuilder().setMinSeverity(AlertSeverity.CRITICAL).build())
        .compose(stream -> {
          stream.handler(alert -> testContext.verify(() -> {
            assertThat(alert.getSeverity()).isEqualTo(AlertSeverity.CRITICAL);
            assertThat(alert.getTradingState()).isEqualTo(TradingState.HALTED);
            announced.flag();
          }));
          return risk.checkOrder(limit(FT + "-1", FT, Side.BUY, "1", "800.00", 1));
        })
        .compose(placed -> risk.killSwitch(halt))
        .compose(status -> risk.checkOrder(limit(FT + "-2", FT, Side.BUY, "1", "800.00", 1)).map(d -> {
          testContext.verify(() -> {
            assertThat(status.getState()).isEqualTo(TradingState.HALTED);
            assertThat(status.getReason()).as("the token's subject is the operator").contains("ops-1").contains("exchange incident");
            assertThat(status.getTrigger()).isEqualTo("MANUAL");
            assertThat(status.getLatched()).isFalse();
            assertThat(d.getCode()).isEqualTo(RejectCode.TRADING_HALTED);
            assertThat(portfolio.placed).extracting(o -> o.getIntent().getIntentId()).containsExactly(FT + "-1");
            assertThat(portfolio.cancelled)
                .as("the snapshot's working order and the one approved since")
                .extracting(o -> o.getIntent().getCancelOrderId())
                .containsExactlyInAnyOrder("o-" + FT + "-0", "o-" + FT + "-1");
            for (ApprovedOrder cancel : portfolio.cancelled) {
              assertThat(cancel.getIntent().getKind()).isEqualTo(IntentKind.CANCEL_ORDER);
              assertThat(cancel.getApproval().getIntentId()).isEqualTo(cancel.getIntent().getIntentId());
            }
          });
          return d;
        }))
        .onComplete(testContext.succeeding(d -> announced.flag()));
  }

  @Test
  void drawdownBeyondTheLimitHaltsAutomatically(Vertx vertx, VertxTestContext testContext) {
    Checkpoint haltedAndCancelled = testContext.checkpoint(2);
    portfolio.onCancel = haltedAndCancelled::flag;
    vertx.eventBus().<TradingStatus>consumer(Addresses.RISK_STATUS, m -> testContext.verify(() -> {
      assertThat(m.body().getState()).isEqualTo(TradingState.HALTED);
      assertThat(m.body().getReason()).contains("drawdown");
      assertThat(m.body().getTrigger()).isEqualTo("DRAWDOWN");
      assertThat(m.body().getLatched()).isTrue();
      haltedAndCancelled.flag();
    })).completion().onComplete(testContext.succeeding(v ->
        vertx.eventBus().publish(Addresses.PORTFOLIO_STATE, state(1).setDrawdown(0.25)
            .addOpenOrders(openOrder("o-" + FT + "-0", FT, Side.BUY, "1", "795.00")).build())));
  }

  @Test
  void invalidKillSwitchCommandFailsWithTheMissingField(VertxTestContext testContext) {
    risk.killSwitch(command(TradingState.HALTED, token("ops-1", "operator")).toBuilder().setReason("").build())
        .onComplete(testContext.failing(e -> testContext.verify(() -> {
          assertThat(e).hasMessageContaining("reason");
          testContext.completeNow();
        })));
  }

  @Test
  void aResetWithoutATokenOrWithAViewerTokenIsRefusedAndChangesNothing(Vertx vertx, VertxTestContext testContext) {
    double before = refusals("missing-token") + refusals("not-operator") + refusals("invalid-token");
    vertx.eventBus().publish(Addresses.RISK_ALERTS, RiskAlert.newBuilder().setMeta(RiskFixtures.meta(1))
        .setSeverity(AlertSeverity.WARNING).setCode("STALE_MARKET_DATA").setSymbol("BTC/USD").setMessage("silent").build());
    String forged = OperatorAuthority.create(vertx, "another-key-that-is-long-enough-0123456789", null)
        .issue("mallory", Duration.ofMinutes(5), "operator");

    ServiceStats.fetch(vertx, ServiceNames.RISK_MANAGER, 1_000)
        .compose(halted -> risk.killSwitch(command(TradingState.ACTIVE, "")).transform(ar -> Future.succeededFuture(ar)))
        .compose(noToken -> risk.killSwitch(command(TradingState.ACTIVE, token("viewer-1", "viewer")))
            .transform(viewer -> risk.killSwitch(command(TradingState.ACTIVE, forged))
                .transform(forgedAr -> ServiceStats.fetch(vertx, ServiceNames.RISK_MANAGER, 1_000).map(stats -> {
                  testContext.verify(() -> {
                    assertThat(noToken.failed()).isTrue();
                    assertThat(noToken.cause()).isInstanceOf(OperatorAuthException.class);
                    assertThat(viewer.failed()).isTrue();
                    assertThat(viewer.cause()).hasMessageContaining("operator role");
                    assertThat(forgedAr.failed()).isTrue();
                    assertThat(stats.getString("tradingState")).isEqualTo("HALTED");
                    assertThat(stats.getString("trigger")).isEqualTo("STALE_DATA");
                    assertThat(stats.getBoolean("latched")).isTrue();
                    assertThat(stats.getLong("killSwitchRefused")).isEqualTo(3);
                    assertThat(refusals("missing-token") + refusals("not-operator") + refusals("invalid-token") - before)
                        .isEqualTo(3);
                  });
                  return stats;
                }))))
        .compose(stats -> risk.killSwitch(command(TradingState.ACTIVE, token("ops-2", "operator"))))
        .onComplete(testContext.succeeding(status -> testContext.verify(() -> {
          assertThat(status.getState()).isEqualTo(TradingState.ACTIVE);
          assertThat(status.getLatched()).isFalse();
          assertThat(status.getReason()).contains("ops-2");
          testContext.completeNow();
        })));
  }

  @Test
  void aHaltWithFlattenClosesEveryPositionWithReduceOnlyMarketOrders(Vertx vertx, VertxTestContext testContext) {
    vertx.eventBus().publish(Addresses.MARKET_TRADES, trade(1, "800.00"));
    vertx.eventBus().publish(Addresses.PORTFOLIO_STATE, state(1)
        .addAllocations(allocation("*", "10000"))
        .addPositions(RiskFixtures.position(FT, "2", "800.00"))
        .addPositions(RiskFixtures.position("hummingbot-mm.as-mm", "-0.5", "800.00"))
        .addOpenOrders(openOrder("o-" + FT + "-0", FT, Side.BUY, "1", "795.00"))
        .build());

    risk.checkOrder(limit(FT + "-1", FT, Side.SELL, "0.1", "800.00", 1))
        .compose(d -> risk.killSwitch(command(TradingState.HALTED, token("ops-1", "operator")).toBuilder().setFlatten(true).build()))
        .compose(status -> ServiceStats.fetch(vertx, ServiceNames.RISK_MANAGER, 1_000).map(stats -> {
          testContext.verify(() -> {
            assertThat(status.getState()).isEqualTo(TradingState.HALTED);
            assertThat(portfolio.cancelled).extracting(o -> o.getIntent().getCancelOrderId())
                .containsExactlyInAnyOrder("o-" + FT + "-0", "o-" + FT + "-1");
            List<ApprovedOrder> flattens = portfolio.placed.stream()
                .filter(o -> o.getIntent().getIntentId().startsWith("risk-manager.flatten-")).toList();
            assertThat(flattens).extracting(o -> o.getIntent().getStrategyId(), o -> o.getIntent().getSide(),
                    o -> o.getIntent().getQuantity())
                .containsExactlyInAnyOrder(
                    tuple(FT, Side.SELL, RiskFixtures.btc("2")),
                    tuple("hummingbot-mm.as-mm", Side.BUY, RiskFixtures.btc("0.5")));
            assertThat(flattens).allSatisfy(o -> {
              assertThat(o.getIntent().getType()).isEqualTo(OrderType.MARKET);
              assertThat(o.getIntent().getReduceOnly()).isTrue();
              assertThat(o.getIntent().getReferencePrice()).isEqualTo(RiskFixtures.price("800.00"));
              assertThat(o.getApproval().getIntentId()).isEqualTo(o.getIntent().getIntentId());
            });
            assertThat(stats.getLong("flattenOrders")).isEqualTo(2);
          });
          return stats;
        }))
        .onComplete(testContext.succeedingThenComplete());
  }

  @Test
  void everyPortfolioStateGivesARiskSnapshot(Vertx vertx, VertxTestContext testContext) {
    vertx.eventBus().<RiskSnapshot>consumer(Addresses.RISK_SNAPSHOT, m -> testContext.verify(() -> {
      RiskSnapshot snapshot = m.body();
      assertThat(snapshot.getMeta().getSeq()).isEqualTo(1);
      assertThat(snapshot.getGrossExposureMicros()).isEqualTo(RiskFixtures.usd("1600"));
      assertThat(snapshot.getNetExposureMicros()).isEqualTo(RiskFixtures.usd("-1600"));
      assertThat(snapshot.getEquityMicros()).isEqualTo(RiskFixtures.usd(RiskFixtures.EQUITY_USD));
      assertThat(snapshot.getVarConfidence()).isEqualTo(0.99);
      testContext.completeNow();
    })).completion().onComplete(testContext.succeeding(v -> {
      vertx.eventBus().publish(Addresses.MARKET_TRADES, trade(1, "800.00"));
      vertx.eventBus().publish(Addresses.PORTFOLIO_STATE, state(1).addPositions(RiskFixtures.position(FT, "-2", "800.00")).build());
    }));
  }

  private static double refusals(String reason) {
    return TradingMetrics.rejected("risk", "kill-switch", reason).count();
  }

  @Test
  void anUnreachablePortfolioIsDownstreamUnavailable(Vertx vertx, VertxTestContext testContext) {
    marketAt(vertx, 1);
    OrderIntent intent = limit(FT + "-1", FT, Side.BUY, "1", "800.00", 1);

    vertx.undeploy(portfolioDeployment)
        .compose(v -> risk.checkOrder(intent))
        .compose(first -> risk.checkOrder(intent).map(second -> List.of(first, second)))
        .onComplete(testContext.succeeding(decisions -> testContext.verify(() -> {
          assertThat(decisions).allSatisfy(d -> {
            assertThat(d.getApproved()).isFalse();
            assertThat(d.getCode()).isEqualTo(RejectCode.DOWNSTREAM_UNAVAILABLE);
          });
          testContext.completeNow();
        })));
  }

  @Test
  void replayWithoutItsSnapshotFailsClosed(Vertx vertx, VertxTestContext testContext) {
    marketAt(vertx, 1);
    OrderIntent ahead = limit(FT + "-1", FT, Side.BUY, "1", "800.00", 2);

    risk.checkOrder(ahead).onComplete(testContext.succeeding(d -> testContext.verify(() -> {
      assertThat(d.getApproved()).isFalse();
      assertThat(d.getCode()).isEqualTo(RejectCode.STALE_REFERENCE);
      assertThat(portfolio.placed).isEmpty();
      testContext.completeNow();
    })));
  }

  @Test
  void aCheckWaitsForTheSnapshotOfItsTick(Vertx vertx, VertxTestContext testContext) {
    OrderIntent early = limit(FT + "-1", FT, Side.BUY, "1", "800.00", 1);

    Future<RiskDecision> decision = risk.checkOrder(early);
    vertx.setTimer(50, id -> marketAt(vertx, 1));

    decision.onComplete(testContext.succeeding(d -> testContext.verify(() -> {
      assertThat(d.getCode()).isEqualTo(RejectCode.NONE);
      assertThat(portfolio.placed).extracting(o -> o.getIntent().getIntentId()).containsExactly(early.getIntentId());
      testContext.completeNow();
    })));
  }
}
