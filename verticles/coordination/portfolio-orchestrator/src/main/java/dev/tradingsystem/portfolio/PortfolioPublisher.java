package dev.tradingsystem.portfolio;

import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import dev.tradingsystem.proto.AllocationState;
import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.PnlAttribution;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.msg.Metas;
import io.vertx.core.eventbus.EventBus;

/**
 * Puts the engine's results on the event bus in the protocol's order: executions, then order
 * updates, then exactly one state. Refused inputs go to {@code dead.letter} with their payload.
 */
final class PortfolioPublisher {

  private final EventBus bus;
  private long deadLetters;

  PortfolioPublisher(EventBus bus) {
    this.bus = bus;
  }

  void order(Order order) {
    bus.publish(Addresses.ORDERS, order);
  }

  void trade(TradeOutcome outcome) {
    outcome.executions().forEach(execution -> bus.publish(Addresses.EXECUTIONS, execution));
    outcome.orderUpdates().forEach(this::order);
    if (outcome.state() != null) {
      bus.publish(Addresses.PORTFOLIO_STATE, outcome.state());
    }
  }

  void allocation(AllocationState state) {
    bus.publish(Addresses.PORTFOLIO_ALLOCATIONS, state);
  }

  void attribution(PnlAttribution attribution) {
    bus.publish(Addresses.PORTFOLIO_ATTRIBUTION, attribution);
  }

  void deadLetter(Meta cause, String source, String reason, Message payload) {
    deadLetters++;
    bus.publish(Addresses.DEAD_LETTER, DeadLetter.newBuilder()
        .setMeta(Metas.derive(cause, "dl-" + ServiceNames.PORTFOLIO + "-" + deadLetters))
        .setSource(ServiceNames.PORTFOLIO + "/" + source)
        .setReason(reason)
        .setPayload(payload == null ? "" : TextFormat.printer().shortDebugString(payload))
        .build());
  }
}
