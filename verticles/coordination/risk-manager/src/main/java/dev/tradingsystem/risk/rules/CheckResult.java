package dev.tradingsystem.risk.rules;

import dev.tradingsystem.proto.RejectCode;

/**
 * The verdict of one rule or of the whole pre-trade check: approved, or a numbered
 * {@link RejectCode} with a reason a trader can act on.
 */
public record CheckResult(RejectCode code, String reason) {

  public static final CheckResult APPROVED = new CheckResult(RejectCode.NONE, "");

  public CheckResult {
    if (code == null) {
      throw new IllegalArgumentException("code is required");
    }
    reason = reason == null ? "" : reason;
  }

  public static CheckResult reject(RejectCode code, String reason) {
    if (code == RejectCode.NONE) {
      throw new IllegalArgumentException("a rejection needs a reject code");
    }
    return new CheckResult(code, reason);
  }

  public boolean approved() {
    return code == RejectCode.NONE;
  }
}
