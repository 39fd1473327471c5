package dev.tradingsystem.portfolio.order;

import dev.tradingsystem.proto.RejectCode;
import java.util.Locale;

/** Why an order or cancel was refused: a numbered code for machines and a reason for people. */
public record Rejection(RejectCode code, String reason) {

  /** The code as a metric tag: {@code MISSING_APPROVAL} → {@code missing_approval}. */
  public String tag() {
    return code.name().toLowerCase(Locale.ROOT);
  }

  /** True for refusals of malformed or unauthorised input (dead-lettered), false for venue outcomes. */
  public boolean isBadInput() {
    return code != RejectCode.UNKNOWN_ORDER && code != RejectCode.PORTFOLIO_REJECTED;
  }
}
