package dev.tradingsystem.frameworks.freqtrade;

import dev.tradingsystem.frameworks.freqtrade.strategy.StrategyInput;
import dev.tradingsystem.frameworks.runtime.RiskStance;
import dev.tradingsystem.frameworks.runtime.RiskWatch;
import dev.tradingsystem.frameworks.runtime.TickParticipant;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.StrategyCommand;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.clock.TradingClock;
import java.util.ArrayList;
import java.util.List;

/**
 * Every strategy instance of the service on the tick pipeline: on each consensus, the strategies
 * that trade its pair decide in name order, each on the same row and snapshot, each with its own
 * intent ids ({@code freqtrade-hft.<name>-<n>}), and their intents go to the risk gate in that
 * order. Where Freqtrade needs one bot process per strategy, one service runs them all; a strategy
 * that fails is contained by its {@link StrategyBot}. Time is the injected clock, moved by every
 * valid consensus (also one whose tick is then skipped). Every strategy on a row decides under the
 * same {@link RiskStance}: the {@link RiskWatch}'s trading state and alerts for the pair at the
 * tick's time, with the consensus's {@code size_haircut}.
 */
final class StrategyDesk implements TickParticipant {

  private final List<StrategyBot> bots;
  private final TradingClock clock;
  private final RiskWatch risk;
  private volatile RiskStance lastStance = RiskStance.NORMAL;

  StrategyDesk(List<StrategyBot> bots, TradingClock clock, RiskWatch risk) {
    this.bots = List.copyOf(bots);
    this.clock = clock;
    this.risk = risk;
  }

  /** The service name: pipeline-level errors are counted under it, strategies under their own ids. */
  @Override
  public String strategyId() {
    return ServiceNames.FREQTRADE;
  }

  /** Strategies may assume a finite score and EMAs; anything else is a broken message. */
  @Override
  public String inputProblem(Consensus consensus) {
    FeatureVector features = consensus.getFeatures();
    if (!Double.isFinite(consensus.getScore()) || !Double.isFinite(features.getEmaFast())
        || !Double.isFinite(features.getEmaSlow())) {
      return "invalid-features";
    }
    return null;
  }

  @Override
  public void observe(Consensus consensus) {
    clock.observe(consensus.getMeta().getEventTimeUs());
  }

  @Override
  public List<OrderIntent> decide(Consensus consensus, PortfolioState portfolio) {
    StrategyInput input = StrategyInput.of(consensus);
    long now = clock.nowMicros();
    RiskStance stance = risk.stance(input.symbol(), now, consensus.getSizeHaircut());
    lastStance = stance;
    List<OrderIntent> intents = new ArrayList<>();
    for (StrategyBot bot : bots) {
      if (bot.spec().trades(input.symbol())) {
        intents.addAll(bot.decide(input, portfolio, now, stance));
      }
    }
    return intents;
  }

  List<StrategyBot> bots() {
    return bots;
  }

  /** The trading state and alerts the desk obeys; fed from {@code risk.status} and {@code risk.alerts}. */
  RiskWatch risk() {
    return risk;
  }

  /** The stance of the latest decided row. */
  RiskStance lastStance() {
    return lastStance;
  }

  /**
   * An operator's command; the reject reason of a command this service cannot apply, or null. A
   * command for another framework's strategy is not ours and is ignored (null).
   */
  String command(StrategyCommand command) {
    if (!command.getStrategyId().startsWith(ServiceNames.FREQTRADE + ".")) {
      return null;
    }
    StrategyBot bot = bots.stream().filter(b -> b.spec().id().equals(command.getStrategyId())).findFirst().orElse(null);
    if (bot == null) {
      return "unknown-strategy";
    }
    String why = "operator " + command.getOperatorId() + ": " + command.getReason();
    switch (command.getAction()) {
      case PAUSE -> bot.pause(why);
      case RESUME -> bot.resume(why);
      default -> {
        return "invalid-strategy-action";
      }
    }
    return null;
  }
}
