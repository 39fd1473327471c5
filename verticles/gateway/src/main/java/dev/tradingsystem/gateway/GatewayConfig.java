package dev.tradingsystem.gateway;

import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.config.ConfigReader;
import java.util.List;

/**
 * Gateway settings.
 *
 * @param statsTimeoutMs how long {@code /api/status} waits for each service's stats: short keeps the
 *                       endpoint responsive when a service is down (it is then reported as down)
 * @param services       the services {@code /api/status} asks about
 */
public record GatewayConfig(long statsTimeoutMs, List<String> services) {

  public static final long DEFAULT_STATS_TIMEOUT_MS = 500;

  public static GatewayConfig from(ConfigReader config) {
    return new GatewayConfig(
        config.integer("gateway.statsTimeoutMs", DEFAULT_STATS_TIMEOUT_MS, 10L, 60_000L),
        config.strings("gateway.services", ServiceNames.ALL.stream()
            .filter(name -> !name.equals(ServiceNames.GATEWAY)).toList()));
  }
}
