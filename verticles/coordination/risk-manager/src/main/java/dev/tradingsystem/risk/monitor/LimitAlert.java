package dev.tradingsystem.risk.monitor;

import dev.tradingsystem.proto.AlertSeverity;

/**
 * A monitoring alert for {@code risk.alerts}: WARNING with {@code code} when a limit is crossed,
 * INFO with {@code code + "_CLEARED"} when back under it (the suffix frameworks and the
 * coordinator lift an alert on).
 */
public record LimitAlert(AlertSeverity severity, String code, String message) {

  public static final String GROSS_EXPOSURE = "GROSS_EXPOSURE_LIMIT";
  public static final String VAR = "VAR_LIMIT";
  public static final String CLEARED_SUFFIX = "_CLEARED";
}
