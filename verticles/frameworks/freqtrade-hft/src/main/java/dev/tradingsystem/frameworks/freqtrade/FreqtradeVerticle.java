package dev.tradingsystem.frameworks.freqtrade;

import dev.tradingsystem.frameworks.runtime.FrameworkSetup;
import dev.tradingsystem.frameworks.runtime.FrameworkVerticle;
import dev.tradingsystem.frameworks.runtime.RiskWatch;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.StrategyCommand;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.clock.TradingClock;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.Future;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * freqtrade-hft: runs every configured Freqtrade-style strategy on every consensus (pipeline step
 * 4). The framework runtime waits for the portfolio snapshot of each tick, sends the intents to
 * the risk gate and reports the tick done; this verticle adds the config and the
 * {@link StrategyDesk} of strategy instances, each with its trade manager, wallet, protections and
 * fault containment, deciding on event time, obeys operators' pause and resume commands on
 * {@code strategies.control}, and stands down under risk: {@code risk.status},
 * {@code risk.alerts} and the consensus's {@code size_haircut} (see {@link RiskWatch}).
 */
public final class FreqtradeVerticle extends FrameworkVerticle {

  private static final Logger LOG = LoggerFactory.getLogger(FreqtradeVerticle.class);

  private final Strategies catalog;
  private StrategyDesk desk;

  /** Runs the built-in strategy classes as configured. */
  public FreqtradeVerticle() {
    this(Strategies.builtIn());
  }

  /** Runs strategies from {@code catalog} (custom strategies, tests). */
  public FreqtradeVerticle(Strategies catalog) {
    super(ServiceNames.FREQTRADE);
    this.catalog = catalog;
  }

  @Override
  protected FrameworkSetup configure(ConfigReader config) {
    FreqtradeConfig settings = FreqtradeConfig.from(config, catalog);
    List<StrategyBot> bots = settings.strategies().stream()
        .map(spec -> new StrategyBot(spec, settings.maxStrategyErrors(), settings.strategyErrorWindow()))
        .toList();
    desk = new StrategyDesk(bots, TradingClock.forMode(settings.clockMode()), new RiskWatch(settings.alertHoldMicros()));
    return new FrameworkSetup(desk, settings.portfolioWaitMillis(), settings.riskTimeoutMillis());
  }

  /** Operators pause and resume strategies on {@code strategies.control}; the risk inputs feed the desk's watch. */
  @Override
  protected Future<?> startInputs() {
    MessageConsumer<Object> control = own(vertx.eventBus().consumer(Addresses.STRATEGY_CONTROL, msg -> {
      if (!(msg.body() instanceof StrategyCommand command) || !command.hasMeta()) {
        reject("invalid-strategy-command", Meta.getDefaultInstance(), msg.body());
        return;
      }
      String problem = desk.command(command);
      if (problem != null) {
        reject(problem, command.getMeta(), command);
      }
    }));
    return Future.all(control.completion(), followRisk(desk.risk()));
  }

  @Override
  protected void onReady() {
    for (StrategyBot bot : desk.bots()) {
      StrategySpec spec = bot.spec();
      LOG.info("{} running {} ({} {}, pairs {}, stake {}, max open trades {}, ROI {}, stoploss {}, trailing {}, "
              + "{} protections)", serviceName(), spec.id(), spec.type(), spec.parameters(),
          spec.pairs().isEmpty() ? "all" : spec.pairs(),
          spec.stake().stakeAmount() == null ? "unlimited" : spec.stake().stakeAmount(), spec.stake().maxOpenTrades(),
          spec.exits().minimalRoi(), spec.exits().stoploss(), spec.exits().trailing().enabled(),
          spec.protections().size());
    }
  }

  @Override
  protected JsonObject statsJson() {
    return DeskReport.addTo(super.statsJson(), desk);
  }
}
