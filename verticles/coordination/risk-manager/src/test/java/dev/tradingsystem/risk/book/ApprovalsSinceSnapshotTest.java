package dev.tradingsystem.risk.book;

import static dev.tradingsystem.risk.RiskFixtures.btc;
import static dev.tradingsystem.risk.RiskFixtures.limit;
import static dev.tradingsystem.risk.RiskFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.Side;
import org.junit.jupiter.api.Test;

/** A strategy's exposure adds only its own approvals since the snapshot, until a snapshot settles them. */
class ApprovalsSinceSnapshotTest {

  private static final String FT = "freqtrade-hft.momentum";
  private static final String MM = "hummingbot-mm.as-mm";
  private static final String SYMBOL = "BTC/USD";

  private final ApprovalsSinceSnapshot approvals = new ApprovalsSinceSnapshot();

  @Test
  void eachStrategySeesOnlyItsOwnApprovals() {
    approvals.add(limit(FT + "-1", FT, Side.BUY, "0.5", "800.00", 5), 4);
    approvals.add(limit(FT + "-2", FT, Side.SELL, "0.2", "810.00", 5), 4);
    approvals.add(limit(MM + "-1", MM, Side.BUY, "1", "790.00", 5), 4);

    assertThat(approvals.quantity(FT, SYMBOL, Side.BUY)).isEqualTo(btc("0.5"));
    assertThat(approvals.quantity(FT, SYMBOL, Side.SELL)).isEqualTo(btc("0.2"));
    assertThat(approvals.quantity(MM, SYMBOL, Side.BUY)).isEqualTo(btc("1"));
    assertThat(approvals.notionalMicros(FT)).isEqualTo(usd("400") + usd("162"));
    assertThat(approvals.of("nobody")).isEmpty();
    assertThat(approvals.notionalMicros("nobody")).isZero();
  }

  @Test
  void aNewerSnapshotSettlesOlderApprovalsOnly() {
    approvals.add(limit(FT + "-1", FT, Side.BUY, "0.5", "800.00", 5), 4);
    approvals.add(limit(FT + "-2", FT, Side.BUY, "0.1", "800.00", 6), 5);

    approvals.settledBy(5);

    assertThat(approvals.of(FT)).extracting(PendingApproval::intentId).containsExactly(FT + "-2");
    approvals.settledBy(6);
    assertThat(approvals.of(FT)).isEmpty();
  }

  @Test
  void onlyAcceptedApprovalsAreWorkingOrdersAndRemovedOnesAreForgotten() {
    OrderIntent accepted = limit(FT + "-1", FT, Side.BUY, "0.5", "800.00", 5);
    OrderIntent pending = limit(MM + "-1", MM, Side.BUY, "1", "790.00", 5);
    OrderIntent refused = limit(FT + "-2", FT, Side.SELL, "0.2", "810.00", 5);
    approvals.add(accepted, 4);
    approvals.add(pending, 4);
    approvals.add(refused, 4);

    approvals.confirm(accepted, "o-" + FT + "-1");
    approvals.remove(refused);

    assertThat(approvals.accepted()).extracting(PendingApproval::orderId).containsExactly("o-" + FT + "-1");
    assertThat(approvals.quantity(FT, SYMBOL, Side.SELL)).isZero();
  }
}
