package dev.tradingsystem.portfolio.journal;

import dev.tradingsystem.proto.AllocationCommand;
import dev.tradingsystem.proto.ApprovedOrder;
import dev.tradingsystem.proto.Execution;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.Trade;
import java.util.List;

/**
 * One fact of the order path, in the order the portfolio engine established it. Replaying every
 * record of a journal in order rebuilds the positions, cash, P&amp;L, fees, open orders, the order
 * id set and the last applied market seq.
 *
 * <p>A trade's executions, order updates and seq are ONE record ({@link TickApplied}), so a crash
 * can never leave a fill journaled without the seq that produced it (or the reverse): a record is
 * either whole, checksum and all, or it is a torn tail and dropped.
 */
public sealed interface JournalRecord
    permits JournalRecord.OrderAccepted, JournalRecord.OrderChanged, JournalRecord.TickApplied,
    JournalRecord.AllocationChanged {

  /**
   * True when the record must be durable before anything it describes is acknowledged (an order
   * reply, an execution, the state that includes them). A tick that changed nothing is written
   * in order but not waited for: losing it only means its trade is applied again after a restart,
   * which, changing nothing, changes nothing.
   */
  boolean mustBeDurable();

  /**
   * An order accepted onto the exchange.
   *
   * @param approved the approved intent as the risk gate sent it
   * @param order the order as accepted (a reduce-only order with its clipped quantity)
   * @param placedSeq market seq at which it was placed (the exchange's priority and arrival rule)
   * @param placedTimeUs event time at which it was placed (the submit latency counts from here)
   */
  record OrderAccepted(ApprovedOrder approved, Order order, long placedSeq, long placedTimeUs)
      implements JournalRecord {
    @Override
    public boolean mustBeDurable() {
      return true;
    }
  }

  /**
   * An order state change outside a trade: a cancel answered at once (CANCELLED), a cancel on
   * its way under a cancel latency (the order still working, {@code requestSeq > 0}), or an
   * order a venue no longer knows after a restart (EXPIRED).
   *
   * @param requestSeq market seq at which the cancel was sent; 0 when no cancel is in flight
   * @param requestTimeUs event time at which the cancel was sent
   */
  record OrderChanged(Order order, long requestSeq, long requestTimeUs) implements JournalRecord {
    @Override
    public boolean mustBeDurable() {
      return true;
    }
  }

  /**
   * One market trade applied: its seq, time and price (the mark), and the executions and order
   * updates it caused, in publishing order.
   */
  record TickApplied(Trade trade, List<Execution> executions, List<Order> updates) implements JournalRecord {

    public TickApplied {
      executions = List.copyOf(executions);
      updates = List.copyOf(updates);
    }

    public long seq() {
      return trade.getMeta().getSeq();
    }

    @Override
    public boolean mustBeDurable() {
      return !executions.isEmpty() || !updates.isEmpty();
    }
  }

  /**
   * An operator's allocation change (policy or fixed budgets), accepted by {@code SetAllocations}.
   * Recovery applies it again, so the restarted portfolio runs under the operator's policy.
   *
   * @param command the command as checked, WITHOUT its operator token (no secret on disk)
   * @param operator the token's subject, for the record
   */
  record AllocationChanged(AllocationCommand command, String operator) implements JournalRecord {

    public AllocationChanged {
      command = command.toBuilder().clearOperatorToken().build();
    }

    @Override
    public boolean mustBeDurable() {
      return true;
    }
  }
}
