package dev.tradingsystem.risk;

import dev.tradingsystem.proto.Approval;
import dev.tradingsystem.proto.ApprovedOrder;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.shared.msg.Metas;

/**
 * The gate's signature on an intent: the portfolio refuses any order without an approval naming
 * its intent. Ids derive from the intent id ({@code a-<intent>}, {@code ao-<intent>}) so replays
 * produce the same messages.
 */
final class Approvals {

  private Approvals() {
  }

  static Approval of(OrderIntent intent, long decidedAtUs) {
    return Approval.newBuilder()
        .setApprovalId("a-" + intent.getIntentId())
        .setIntentId(intent.getIntentId())
        .setDecidedAtUs(decidedAtUs)
        .build();
  }

  /** The intent with its approval, as the portfolio takes it; {@code cause} is the meta it derives from. */
  static ApprovedOrder order(OrderIntent intent, Approval approval, Meta cause) {
    return ApprovedOrder.newBuilder()
        .setMeta(Metas.derive(cause, "ao-" + intent.getIntentId()))
        .setIntent(intent)
        .setApproval(approval)
        .build();
  }
}
