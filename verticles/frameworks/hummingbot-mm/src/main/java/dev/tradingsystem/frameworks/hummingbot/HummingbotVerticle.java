package dev.tradingsystem.frameworks.hummingbot;

import dev.tradingsystem.frameworks.hummingbot.quoting.QuotingContext;
import dev.tradingsystem.frameworks.hummingbot.quoting.QuotingStrategy;
import dev.tradingsystem.frameworks.hummingbot.quoting.StrategyBook;
import dev.tradingsystem.frameworks.runtime.ConsensusChecks;
import dev.tradingsystem.frameworks.runtime.FrameworkSetup;
import dev.tradingsystem.frameworks.runtime.FrameworkVerticle;
import dev.tradingsystem.frameworks.runtime.TickParticipant;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.proto.TradingStatus;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * hummingbot-mm: runs one market-making strategy on every consensus (pipeline step 4). The
 * framework runtime waits for the portfolio snapshot of each tick, sends the intents to the risk
 * gate and reports the tick done; this verticle adds the config, the quoting strategy, which reads
 * its inventory and working quotes from the snapshot, and the risk gate's trading state on
 * {@code risk.status}: outside ACTIVE it only cancels.
 */
public final class HummingbotVerticle extends FrameworkVerticle {

  private static final Logger LOG = LoggerFactory.getLogger(HummingbotVerticle.class);
  /** A per-tick standard deviation of log returns above 100 % is a broken feature, not a market. */
  private static final double MAX_TICK_VOLATILITY = 1.0;

  private final Function<HummingbotConfig, QuotingStrategy> strategyFactory;
  private HummingbotConfig settings;
  private QuotingStrategy strategy;
  private volatile TradingState tradingState = TradingState.ACTIVE;

  /** Runs the Avellaneda–Stoikov market maker. */
  public HummingbotVerticle() {
    this(HummingbotConfig::maker);
  }

  /** Runs the strategy the factory builds from the config (tests, other quoting strategies). */
  public HummingbotVerticle(Function<HummingbotConfig, QuotingStrategy> strategyFactory) {
    super(ServiceNames.HUMMINGBOT);
    this.strategyFactory = strategyFactory;
  }

  @Override
  protected FrameworkSetup configure(ConfigReader config) {
    settings = HummingbotConfig.from(config);
    strategy = strategyFactory.apply(settings);
    return new FrameworkSetup(new Quoting(), settings.portfolioWaitMillis(), settings.riskTimeoutMillis());
  }

  @Override
  protected Future<?> startInputs() {
    return own(vertx.eventBus().consumer(Addresses.RISK_STATUS, msg -> onRiskStatus(msg.body()))).completion();
  }

  @Override
  protected JsonObject statsJson() {
    return super.statsJson().put("tradingState", tradingState.name());
  }

  @Override
  protected void onReady() {
    LOG.info("{} running {} (gamma {}, kappa {}, horizon {} s, min spread {} bps, amount {}, max inventory {})",
        serviceName(), strategy.id(), settings.riskAversion(), settings.orderBookDepth(), settings.horizonSeconds(),
        settings.minSpreadBps(), settings.orderAmount(), settings.maxInventory());
  }

  private void onRiskStatus(Object body) {
    if (!(body instanceof TradingStatus status) || status.getState() == TradingState.TRADING_STATE_UNSPECIFIED
        || status.getState() == TradingState.UNRECOGNIZED) {
      reject("invalid-trading-status", body instanceof TradingStatus s ? s.getMeta() : Meta.getDefaultInstance(), body);
      return;
    }
    if (status.getState() != tradingState) {
      LOG.info("trading state {} -> {} ({}): {}", tradingState, status.getState(), status.getReason(),
          status.getState() == TradingState.ACTIVE ? "quoting resumes" : "quotes cancelled, no new quotes");
      tradingState = status.getState();
    }
  }

  /**
   * The quoting strategy on the tick pipeline: it needs a finite, non-negative mid and the inputs of σ (a
   * volatility in [0, 1], a finite non-negative trade rate), and quotes under the current trading state.
   */
  private final class Quoting implements TickParticipant {

    @Override
    public String strategyId() {
      return strategy.id();
    }

    @Override
    public String inputProblem(Consensus consensus) {
      FeatureVector features = consensus.getFeatures();
      if (!(features.getMid() >= 0) || features.getMid() > ConsensusChecks.MAX_PRICE) {
        return "invalid-price";
      }
      if (!(features.getVolatility() >= 0) || features.getVolatility() > MAX_TICK_VOLATILITY
          || !(features.getTradeRate() >= 0) || !Double.isFinite(features.getTradeRate())
          || !Double.isFinite(consensus.getScore())) {
        return "invalid-features";
      }
      return null;
    }

    @Override
    public List<OrderIntent> decide(Consensus consensus, PortfolioState portfolio) {
      StrategyBook book = StrategyBook.of(portfolio, strategy.id(), consensus.getFeatures().getInstrument().getSymbol());
      return strategy.onTick(new QuotingContext(consensus, book, tradingState));
    }
  }
}
