package dev.tradingsystem.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.Approval;
import dev.tradingsystem.proto.ApprovedOrder;
import dev.tradingsystem.proto.IntentKind;
import dev.tradingsystem.proto.KillSwitchCommand;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.PortfolioService;
import dev.tradingsystem.proto.PortfolioServiceGrpcClient;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.RejectCode;
import dev.tradingsystem.proto.RiskService;
import dev.tradingsystem.proto.RiskServiceGrpcClient;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.StateRequest;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.portfolio.PortfolioOrchestratorVerticle;
import dev.tradingsystem.risk.RiskManagerVerticle;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.auth.OperatorAuthority;
import dev.tradingsystem.shared.bus.ProtobufCodecs;
import dev.tradingsystem.shared.money.Instruments;
import dev.tradingsystem.shared.service.GrpcServerHost;
import dev.tradingsystem.shared.service.ServiceRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real risk-manager and portfolio-orchestrator behind a real gRPC listener on loopback, called
 * through the generated Vert.x gRPC clients: the contract as a separately deployed framework sees it.
 */
@ExtendWith(VertxExtension.class)
class GrpcContractIT {

  private static final String OPERATOR_KEY = "grpc-contract-operator-key-0123456789abcdef";

  private RiskServiceGrpcClient risk;
  private String operatorToken;
  private PortfolioServiceGrpcClient portfolio;

  @BeforeEach
  void startServicesBehindGrpc(Vertx vertx, VertxTestContext test) {
    ProtobufCodecs.registerAll(vertx);
    Promise<PortfolioState> firstState = Promise.promise();
    vertx.eventBus().<PortfolioState>consumer(Addresses.PORTFOLIO_STATE, msg -> firstState.tryComplete(msg.body()));
    // Served the way a separately deployed process serves them: each on its own gRPC listener.
    ServiceRegistry registry = ServiceRegistry.of(vertx);
    registry.serveGrpc("127.0.0.1", 0);
    operatorToken = OperatorAuthority.create(vertx, OPERATOR_KEY, null).issue("ops-1", Duration.ofMinutes(5), "operator");
    vertx.deployVerticle(new PortfolioOrchestratorVerticle())
        .compose(id -> vertx.deployVerticle(new RiskManagerVerticle(), new DeploymentOptions()
            .setConfig(new JsonObject().put("auth", new JsonObject().put("jwtSecret", OPERATOR_KEY)))))
        .map(id -> {
          GrpcClient client = GrpcClient.client(vertx);
          risk = RiskServiceGrpcClient.create(client, address(registry.grpcHost(RiskService.class, ServiceNames.RISK_MANAGER)));
          portfolio = PortfolioServiceGrpcClient.create(client,
              address(registry.grpcHost(PortfolioService.class, ServiceNames.PORTFOLIO)));
          return id;
        })
        .compose(id -> {
          // One market event gives the risk gate a reference price and a portfolio snapshot.
          vertx.eventBus().publish(Addresses.MARKET_TRADES, Trade.newBuilder()
              .setMeta(meta(1)).setInstrument(Instruments.BITSTAMP_BTC_USD)
              .setPrice(77_010).setSize(100_000_000L).build());
          return firstState.future();
        })
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  void anIntentIsCheckedApprovedAndPlacedOverGrpc(Vertx vertx, VertxTestContext test) {
    Promise<PortfolioState> nextState = Promise.promise();
    vertx.eventBus().<PortfolioState>consumer(Addresses.PORTFOLIO_STATE, msg -> {
      if (msg.body().getMeta().getSeq() == 2) {
        nextState.tryComplete(msg.body());
      }
    });
    risk.checkOrder(limitBuy("grpc-it.s-1", 76_000))
        .compose(decision -> {
          test.verify(() -> {
            assertThat(decision.getApproved()).as(decision.getReason()).isTrue();
            assertThat(decision.getApproval().getIntentId()).isEqualTo("grpc-it.s-1");
            assertThat(decision.getOrder().getOrderId()).isEqualTo("o-grpc-it.s-1");
            assertThat(decision.getOrder().getStatus()).isEqualTo(OrderStatus.ACCEPTED);
          });
          // The state is a snapshot per market event: the next trade (above the bid) shows the
          // order working.
          vertx.eventBus().publish(Addresses.MARKET_TRADES, Trade.newBuilder()
              .setMeta(meta(2)).setInstrument(Instruments.BITSTAMP_BTC_USD)
              .setPrice(77_020).setSize(100_000_000L).build());
          return nextState.future();
        })
        .compose(state -> portfolio.getState(StateRequest.getDefaultInstance()))
        .onComplete(test.succeeding(state -> test.verify(() -> {
          assertThat(state.getOpenOrdersList()).extracting(o -> o.getOrderId()).contains("o-grpc-it.s-1");
          test.completeNow();
        })));
  }

  @Test
  void theKillSwitchOverGrpcStopsNewOrders(VertxTestContext test) {
    risk.killSwitch(KillSwitchCommand.newBuilder().setMeta(meta(1)).setTargetState(TradingState.HALTED)
            .setReason("grpc test").setOperatorId("ops-1").setOperatorToken(operatorToken).build())
        .compose(status -> {
          test.verify(() -> assertThat(status.getState()).isEqualTo(TradingState.HALTED));
          return risk.checkOrder(limitBuy("grpc-it.s-2", 76_000));
        })
        .onComplete(test.succeeding(decision -> test.verify(() -> {
          assertThat(decision.getApproved()).isFalse();
          assertThat(decision.getCode()).isEqualTo(RejectCode.TRADING_HALTED);
          test.completeNow();
        })));
  }

  @Test
  void theKillSwitchOverGrpcRefusesACallerWithoutAnOperatorToken(VertxTestContext test) {
    risk.killSwitch(KillSwitchCommand.newBuilder().setMeta(meta(1)).setTargetState(TradingState.HALTED)
            .setReason("not an operator").setOperatorId("ops-1").build())
        .transform(refused -> {
          test.verify(() -> assertThat(refused.failed()).as("no token, no state change").isTrue());
          return risk.checkOrder(limitBuy("grpc-it.s-4", 76_000));
        })
        .onComplete(test.succeeding(decision -> test.verify(() -> {
          assertThat(decision.getApproved()).as(decision.getReason()).isTrue();
          test.completeNow();
        })));
  }

  @Test
  void thePortfolioRefusesAnOrderWhoseApprovalNamesAnotherIntent(VertxTestContext test) {
    ApprovedOrder forged = ApprovedOrder.newBuilder()
        .setMeta(meta(1))
        .setIntent(limitBuy("grpc-it.s-3", 76_000))
        .setApproval(Approval.newBuilder().setApprovalId("a-other").setIntentId("grpc-it.other"))
        .build();
    portfolio.placeOrder(forged).onComplete(test.succeeding(order -> test.verify(() -> {
      assertThat(order.getStatus()).isEqualTo(OrderStatus.REJECTED);
      assertThat(order.getRejectCode()).isEqualTo(RejectCode.MISSING_APPROVAL);
      test.completeNow();
    })));
  }

  private static SocketAddress address(GrpcServerHost host) {
    return SocketAddress.inetSocketAddress(host.port(), host.host());
  }

  private static OrderIntent limitBuy(String intentId, long price) {
    return OrderIntent.newBuilder()
        .setMeta(meta(1))
        .setIntentId(intentId)
        .setStrategyId("grpc-it.s")
        .setInstrument(Instruments.BITSTAMP_BTC_USD)
        .setKind(IntentKind.NEW_ORDER)
        .setSide(Side.BUY)
        .setType(OrderType.LIMIT)
        .setPrice(price)
        .setQuantity(1_000_000L)
        .setReferencePrice(77_010)
        .build();
  }

  private static Meta meta(long seq) {
    return Meta.newBuilder().setId("md-" + seq).setSeq(seq).setTraceId("t-" + seq)
        .setEventTimeUs(1_385_337_600_000_000L).build();
  }
}
