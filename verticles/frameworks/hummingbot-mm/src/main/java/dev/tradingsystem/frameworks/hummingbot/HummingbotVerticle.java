package dev.tradingsystem.frameworks.hummingbot;

import dev.tradingsystem.frameworks.hummingbot.quoting.QuotingDesk;
import dev.tradingsystem.frameworks.hummingbot.quoting.QuotingStrategy;
import dev.tradingsystem.frameworks.runtime.ConsensusChecks;
import dev.tradingsystem.frameworks.runtime.FrameworkSetup;
import dev.tradingsystem.frameworks.runtime.FrameworkVerticle;
import dev.tradingsystem.frameworks.runtime.TickParticipant;
import dev.tradingsystem.proto.AlertSeverity;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.RiskAlert;
import dev.tradingsystem.proto.StrategyCommand;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.proto.TradingStatus;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * hummingbot-mm: runs the configured market-making strategies (Avellaneda–Stoikov, pure market
 * making; several, each on its symbols) on every consensus (pipeline step 4). The framework
 * runtime waits for the portfolio snapshot of each tick, sends the intents to the risk gate and
 * reports the tick done; this verticle adds the config, the {@link QuotingDesk} that contains
 * each strategy's faults, and the risk inputs: the trading state on {@code risk.status} (HALTED
 * cancels, REDUCING quotes only the reducing side) and {@code risk.alerts} (WARNING widens the
 * symbol's spreads, CRITICAL pulls its quotes), and the consensus's {@code size_haircut}, which
 * scales new quotes by (1 − h) and at 1 leaves only the inventory-reducing side
 * ({@link dev.tradingsystem.frameworks.hummingbot.quoting.SizeHaircut}).
 */
public final class HummingbotVerticle extends FrameworkVerticle {

  private static final Logger LOG = LoggerFactory.getLogger(HummingbotVerticle.class);
  /** A per-tick standard deviation of log returns above 100 % is a broken feature, not a market. */
  private static final double MAX_TICK_VOLATILITY = 1.0;

  private final Function<HummingbotConfig, List<QuotingStrategy>> strategyFactory;
  private HummingbotConfig settings;
  private QuotingDesk desk;
  private volatile TradingState tradingState = TradingState.ACTIVE;

  /** Runs the strategies of the config. */
  public HummingbotVerticle() {
    this(HummingbotConfig::buildStrategies);
  }

  /** Runs the strategies the factory builds from the config (tests, strategies not in the config). */
  public HummingbotVerticle(Function<HummingbotConfig, List<QuotingStrategy>> strategyFactory) {
    super(ServiceNames.HUMMINGBOT);
    this.strategyFactory = strategyFactory;
  }

  @Override
  protected FrameworkSetup configure(ConfigReader config) {
    settings = HummingbotConfig.from(config);
    desk = new QuotingDesk(strategyFactory.apply(settings), settings.pauseAfterErrors(), settings.errorWindow(),
        settings.alertGuard(), this::onStrategyError);
    return new FrameworkSetup(new Quoting(), settings.portfolioWaitMillis(), settings.riskTimeoutMillis());
  }

  @Override
  protected Future<?> startInputs() {
    return Future.all(
        own(vertx.eventBus().consumer(Addresses.RISK_STATUS, msg -> onRiskStatus(msg.body()))).completion(),
        own(vertx.eventBus().consumer(Addresses.RISK_ALERTS, msg -> onRiskAlert(msg.body()))).completion(),
        own(vertx.eventBus().consumer(Addresses.STRATEGY_CONTROL, msg -> onStrategyCommand(msg.body()))).completion());
  }

  private void onStrategyCommand(Object body) {
    if (!(body instanceof StrategyCommand command) || !command.hasMeta()) {
      reject("invalid-strategy-command", Meta.getDefaultInstance(), body);
      return;
    }
    String problem = desk.command(command);
    if (problem != null) {
      reject(problem, command.getMeta(), command);
    }
  }

  @Override
  protected JsonObject statsJson() {
    JsonObject json = super.statsJson();
    JsonObject strategies = new JsonObject();
    desk.report().forEach((id, report) -> strategies.put(id, new JsonObject()
        .put("calls", report.health().calls())
        .put("errors", report.health().errors())
        .put("paused", report.health().paused())
        .put("pauseReason", report.health().pauseReason())
        .put("lastError", report.health().lastError())
        .put("intents", report.intents())
        .put("status", new JsonObject(report.status()))));
    return json.put("errors", json.getLong("errors") + desk.errors())
        .put("tradingState", tradingState.name())
        .put("quotesCutByRisk", desk.riskCuts().cut())
        .put("quotesSkippedByRisk", desk.riskCuts().skipped())
        .put("strategies", strategies);
  }

  @Override
  protected void onReady() {
    settings.strategies().forEach(spec -> LOG.info("{} running {} ({}) on {}: {}", serviceName(), spec.id(),
        spec.kind(), spec.symbols().isEmpty() ? "every symbol" : spec.symbols(),
        spec.pmm() != null ? spec.pmm() : spec.avellanedaStoikov()));
  }

  private void onStrategyError(String strategyId, RuntimeException error, boolean paused) {
    TradingMetrics.counter("trading_hummingbot_strategy_errors",
        "Exceptions of a market-making strategy, contained to it", "strategy", strategyId).increment();
    if (paused) {
      TradingMetrics.counter("trading_hummingbot_strategy_pauses",
          "Market-making strategies paused after repeated errors", "strategy", strategyId).increment();
    }
  }

  private void onRiskStatus(Object body) {
    if (!(body instanceof TradingStatus status) || status.getState() == TradingState.TRADING_STATE_UNSPECIFIED
        || status.getState() == TradingState.UNRECOGNIZED) {
      reject("invalid-trading-status", body instanceof TradingStatus s ? s.getMeta() : Meta.getDefaultInstance(), body);
      return;
    }
    if (status.getState() != tradingState) {
      LOG.info("trading state {} -> {} ({}): {}", tradingState, status.getState(), status.getReason(),
          switch (status.getState()) {
            case ACTIVE -> "quoting resumes";
            case REDUCING -> "only the side that reduces inventory is quoted";
            default -> "quotes cancelled, no new quotes";
          });
      tradingState = status.getState();
    }
  }

  private void onRiskAlert(Object body) {
    if (!(body instanceof RiskAlert alert) || alert.getSeverity() == AlertSeverity.UNRECOGNIZED) {
      reject("invalid-risk-alert", body instanceof RiskAlert a ? a.getMeta() : Meta.getDefaultInstance(), body);
      return;
    }
    if (desk.onAlert(alert)) {
      LOG.warn("risk alert {} {} on {}: {}", alert.getSeverity(), alert.getCode(),
          alert.getSymbol().isBlank() ? "every symbol" : alert.getSymbol(), alert.getMessage());
    }
  }

  /**
   * The desk on the tick pipeline: it needs a finite, non-negative mid, best bid and ask, and the
   * inputs of the features' σ (a volatility in [0, 1], a finite non-negative trade rate).
   */
  private final class Quoting implements TickParticipant {

    @Override
    public String strategyId() {
      List<String> ids = desk.strategyIds();
      return ids.size() == 1 ? ids.get(0) : serviceName();
    }

    @Override
    public String inputProblem(Consensus consensus) {
      FeatureVector features = consensus.getFeatures();
      if (!(features.getMid() >= 0) || features.getMid() > ConsensusChecks.MAX_PRICE
          || !(features.getBestBid() >= 0) || features.getBestBid() > ConsensusChecks.MAX_PRICE
          || !(features.getBestAsk() >= 0) || features.getBestAsk() > ConsensusChecks.MAX_PRICE) {
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
    public void observe(Consensus consensus) {
      desk.observe(consensus);
    }

    @Override
    public List<OrderIntent> decide(Consensus consensus, PortfolioState portfolio) {
      return desk.decide(consensus, portfolio, tradingState);
    }
  }
}
