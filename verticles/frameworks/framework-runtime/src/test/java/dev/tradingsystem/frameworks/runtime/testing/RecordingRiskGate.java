package dev.tradingsystem.frameworks.runtime.testing;

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
 * A stand-in for the risk-manager in framework tests: bound under its service name like the real
 * one, records every intent it is asked about and answers with the given policy.
 *
 * <p>Its approvals carry no {@code Approval} message: a framework only reads approved/rejected and
 * the reject code, and this class lives in the frameworks' packages, which must not know the
 * portfolio side of the approval (ARCHITECTURE.md §5a, enforced by ArchUnit in all-in-one).
 */
public final class RecordingRiskGate extends VerticleBase {

  /** How the stand-in answers; its own type so the two constructors do not clash on erasure. */
  private interface Answers {
    Future<RiskDecision> check(OrderIntent intent);
  }

  private final Answers policy;
  private final List<OrderIntent> checked = new CopyOnWriteArrayList<>();

  /** Answers every check at once with {@code policy}. */
  public RecordingRiskGate(Function<OrderIntent, RiskDecision> policy) {
    this((Answers) intent -> Future.succeededFuture(policy.apply(intent)));
  }

  private RecordingRiskGate(Answers policy) {
    this.policy = policy;
  }

  /** Answers each check when the policy's future completes (late, never, or failed). */
  public static RecordingRiskGate answering(Function<OrderIntent, Future<RiskDecision>> policy) {
    return new RecordingRiskGate(policy::apply);
  }

  public static RiskDecision approve(OrderIntent intent) {
    return RiskDecision.newBuilder().setMeta(intent.getMeta()).setIntentId(intent.getIntentId()).setApproved(true)
        .setTradingState(TradingState.ACTIVE).build();
  }

  public static RiskDecision reject(OrderIntent intent, RejectCode code) {
    return RiskDecision.newBuilder().setMeta(intent.getMeta()).setIntentId(intent.getIntentId()).setApproved(false)
        .setCode(code).setReason(code.name()).setTradingState(TradingState.ACTIVE).build();
  }

  /** Every intent checked so far, in arrival order. */
  public List<OrderIntent> checked() {
    return checked;
  }

  @Override
  public Future<?> start() {
    RiskServiceService impl = new RiskServiceService() {
      @Override
      public Future<RiskDecision> checkOrder(OrderIntent intent) {
        checked.add(intent);
        return policy.check(intent);
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
