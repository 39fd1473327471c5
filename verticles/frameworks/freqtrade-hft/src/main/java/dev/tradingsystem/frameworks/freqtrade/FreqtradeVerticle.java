package dev.tradingsystem.frameworks.freqtrade;

import dev.tradingsystem.frameworks.freqtrade.strategy.Strategy;
import dev.tradingsystem.frameworks.freqtrade.strategy.StrategyInput;
import dev.tradingsystem.frameworks.freqtrade.trade.PairBook;
import dev.tradingsystem.frameworks.freqtrade.trade.TradeManager;
import dev.tradingsystem.frameworks.runtime.FrameworkSetup;
import dev.tradingsystem.frameworks.runtime.FrameworkVerticle;
import dev.tradingsystem.frameworks.runtime.TickParticipant;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.clock.TradingClock;
import dev.tradingsystem.shared.config.ConfigReader;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * freqtrade-hft: runs one Freqtrade-style strategy on every consensus (pipeline step 4). The
 * framework runtime waits for the portfolio snapshot of each tick, sends the intents to the risk
 * gate and reports the tick done; this verticle adds the config, the strategy and the
 * {@link TradeManager} around it, which reads the strategy's position and working orders from the
 * snapshot and decides on event time.
 */
public final class FreqtradeVerticle extends FrameworkVerticle {

  private static final Logger LOG = LoggerFactory.getLogger(FreqtradeVerticle.class);

  private final Function<FreqtradeConfig, Strategy> strategyFactory;
  private FreqtradeConfig settings;
  private TradeManager manager;

  /** Runs the strategy named by {@code freqtrade.strategy}. */
  public FreqtradeVerticle() {
    this(Strategies::create);
  }

  /** Runs the strategy the factory builds from the config (tests, custom strategies). */
  public FreqtradeVerticle(Function<FreqtradeConfig, Strategy> strategyFactory) {
    super(ServiceNames.FREQTRADE);
    this.strategyFactory = strategyFactory;
  }

  @Override
  protected FrameworkSetup configure(ConfigReader config) {
    settings = FreqtradeConfig.from(config);
    manager = new TradeManager(strategyFactory.apply(settings), settings.tradeSettings());
    return new FrameworkSetup(new ManagedTrades(manager, TradingClock.forMode(settings.clockMode())),
        settings.portfolioWaitMillis(), settings.riskTimeoutMillis());
  }

  @Override
  protected void onReady() {
    LOG.info("{} running {} (stake {}, {} orders, ROI {}, stoploss {})", serviceName(), manager.strategyId(),
        settings.stakeAmount(), settings.orderType(), settings.minimalRoi(), settings.stoploss());
  }

  /**
   * The trade manager on the tick pipeline: the strategy may assume finite indicators, and its
   * clock follows every valid consensus, also one whose tick is then skipped.
   */
  private record ManagedTrades(TradeManager manager, TradingClock clock) implements TickParticipant {

    @Override
    public String strategyId() {
      return manager.strategyId();
    }

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
      PairBook book = PairBook.of(portfolio, manager.strategyId(), input.symbol());
      return manager.onTick(input, book, clock.nowMicros());
    }
  }
}
