package dev.tradingsystem.frameworks.hummingbot;

import dev.tradingsystem.proto.Approval;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.RejectCode;
import dev.tradingsystem.proto.RiskDecision;
import dev.tradingsystem.proto.RiskService;
import dev.tradingsystem.proto.RiskServiceGrpcService;
import dev.tradingsystem.proto.RiskServiceService;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.service.ServiceRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A stand-in for the risk-manager in tests: bound under its service name like the real one,
 * records every intent it is asked about and answers with the given policy.
 */
public final class RecordingRiskGate extends VerticleBase {

  private final Function<OrderIntent, RiskDecision> policy;
  private final List<OrderIntent> checked = new CopyOnWriteArrayList<>();

  public RecordingRiskGate(Function<OrderIntent, RiskDecision> policy) {
    this.policy = policy;
  }

  public static RiskDecision approve(OrderIntent intent) {
    return RiskDecision.newBuilder().setMeta(intent.getMeta()).setIntentId(intent.getIntentId()).setApproved(true)
        .setTradingState(TradingState.ACTIVE)
        .setApproval(Approval.newBuilder().setApprovalId("a-" + intent.getIntentId()).setIntentId(intent.getIntentId()))
        .build();
  }

  public static RiskDecision reject(OrderIntent intent, RejectCode code) {
    return RiskDecision.newBuilder().setMeta(intent.getMeta()).setIntentId(intent.getIntentId()).setApproved(false)
        .setCode(code).setReason(code.name()).setTradingState(TradingState.ACTIVE).build();
  }

  public List<OrderIntent> checked() {
    return checked;
  }

  @Override
  public Future<?> start() {
    RiskServiceService impl = new RiskServiceService() {
      @Override
      public Future<RiskDecision> checkOrder(OrderIntent intent) {
        checked.add(intent);
        return Future.succeededFuture(policy.apply(intent));
      }
    };
    return ServiceRegistry.of(vertx).bind(RiskService.class, ServiceNames.RISK_MANAGER, impl, RiskServiceGrpcService.of(impl));
  }

  @Override
  public Future<?> stop() {
    ServiceRegistry.of(vertx).unbind(RiskService.class, ServiceNames.RISK_MANAGER);
    return Future.succeededFuture();
  }
}
