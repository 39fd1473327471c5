package dev.tradingsystem.frameworks.hummingbot.quoting.pmm;

import dev.tradingsystem.frameworks.hummingbot.quoting.CycleSettings;
import dev.tradingsystem.frameworks.hummingbot.quoting.RefreshPolicy;

/**
 * Pure market making as the tables configure it: 1 % spreads, one 0.1 BTC level (0.5 % and no
 * extra size per further level), no skew or price band; refresh every 30 s with no tolerance,
 * orders at most 1800 s old, 60 s fill delay, no minimum spread, no hanging orders, spot budget.
 */
final class PmmFixtures {

  private static final long SECOND = 1_000_000L;

  int levels = 1;
  double levelSpread = 0.5;
  double levelAmount = 0;
  boolean skew;
  double targetBasePct = 50;
  double rangeMultiplier = 1;
  double ceiling = -1;
  double floor = -1;
  double refreshSeconds = 30;
  double tolerancePct = 0;
  double maxAgeSeconds = 1800;
  double delaySeconds = 60;
  double minimumSpreadPct = -100;
  boolean hanging;
  double hangingCancelPct = 10;
  boolean budget = true;

  PureMarketMaking build() {
    return new PureMarketMaking(
        new PmmSettings(1, 1, levels, levelSpread, 0.1, levelAmount, skew, targetBasePct, rangeMultiplier, ceiling, floor),
        new CycleSettings(new RefreshPolicy(Math.round(refreshSeconds * SECOND), tolerancePct),
            Math.round(maxAgeSeconds * SECOND), Math.round(delaySeconds * SECOND), minimumSpreadPct, hanging,
            hangingCancelPct, budget));
  }
}
