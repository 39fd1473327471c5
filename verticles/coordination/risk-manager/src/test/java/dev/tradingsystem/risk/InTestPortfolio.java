package dev.tradingsystem.risk;

import dev.tradingsystem.proto.ApprovedOrder;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.proto.PortfolioService;
import dev.tradingsystem.proto.PortfolioServiceGrpcService;
import dev.tradingsystem.proto.PortfolioServiceService;
import dev.tradingsystem.proto.RejectCode;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.service.ServiceRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small portfolio for the verticle tests, bound under the real service name: it records what
 * reaches it, refuses orders without an approval naming their intent, and rejects every order
 * of the strategy {@value #REFUSED_STRATEGY}.
 */
final class InTestPortfolio extends VerticleBase {

  static final String REFUSED_STRATEGY = "refused.by-portfolio";

  final List<ApprovedOrder> placed = new CopyOnWriteArrayList<>();
  final List<ApprovedOrder> cancelled = new CopyOnWriteArrayList<>();
  /** Called after each cancel was recorded. */
  volatile Runnable onCancel = () -> { };

  @Override
  public Future<?> start() {
    PortfolioServiceService impl = new PortfolioServiceService() {
      @Override
      public Future<Order> placeOrder(ApprovedOrder order) {
        placed.add(order);
        return Future.succeededFuture(answer(order, order.getIntent().getStrategyId().equals(REFUSED_STRATEGY)));
      }

      @Override
      public Future<Order> cancelOrder(ApprovedOrder order) {
        cancelled.add(order);
        onCancel.run();
        return Future.succeededFuture(answer(order, false).toBuilder().setStatus(OrderStatus.CANCELLED).build());
      }
    };
    return ServiceRegistry.of(vertx).bind(PortfolioService.class, ServiceNames.PORTFOLIO, impl, PortfolioServiceGrpcService.of(impl));
  }

  @Override
  public Future<?> stop() {
    ServiceRegistry.of(vertx).unbind(PortfolioService.class, ServiceNames.PORTFOLIO);
    return Future.succeededFuture();
  }

  private static Order answer(ApprovedOrder order, boolean refuse) {
    boolean approvalNamesIntent = order.getApproval().getIntentId().equals(order.getIntent().getIntentId());
    Order.Builder result = Order.newBuilder()
        .setOrderId("o-" + order.getIntent().getIntentId())
        .setIntentId(order.getIntent().getIntentId())
        .setStrategyId(order.getIntent().getStrategyId())
        .setApprovalId(order.getApproval().getApprovalId())
        .setQuantity(order.getIntent().getQuantity())
        .setPrice(order.getIntent().getPrice())
        .setStatus(OrderStatus.ACCEPTED);
    if (!approvalNamesIntent) {
      return result.setStatus(OrderStatus.REJECTED).setRejectCode(RejectCode.MISSING_APPROVAL).build();
    }
    if (refuse) {
      return result.setStatus(OrderStatus.REJECTED).setRejectCode(RejectCode.POSITION_LIMIT).setRejectReason("test refusal").build();
    }
    return result.build();
  }
}
