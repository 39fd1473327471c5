package dev.tradingsystem.shared;

/**
 * Every event-bus address in one place. Kafka topics use the same names (see ARCHITECTURE.md §3),
 * so a stream keeps its name whichever transport carries it.
 */
public final class Addresses {

  /** Validated trades from the data-collector ({@code Trade}). */
  public static final String MARKET_TRADES = "market.trades";
  /** Order-book snapshots and deltas, validated and in sequence ({@code BookSnapshot}, {@code BookDelta}). */
  public static final String MARKET_BOOKS = "market.books";
  /** Best bid and offer updates ({@code Quote}). */
  public static final String MARKET_QUOTES = "market.quotes";
  /** Closed candles of every configured timeframe ({@code Candle}). */
  public static final String MARKET_CANDLES = "market.candles";
  /** Features per symbol and candle timeframe ({@code FeatureVector} with timeframe_sec > 0). */
  public static final String FEATURES_CANDLE = "features.candle";
  /** Incremental tick-level features ({@code FeatureVector}). */
  public static final String FEATURES = "features.tick";
  /** Headlines and news text for the sentiment agent ({@code NewsItem}). */
  public static final String NEWS = "news";
  /** Prefix of each agent's signal stream: {@code signals.deepseek}. */
  public static final String SIGNALS_PREFIX = "signals.";
  /** One consensus per decision point ({@code Consensus}). */
  public static final String CONSENSUS = "consensus";
  /** Orders as accepted, updated and finished by the portfolio ({@code Order}). */
  public static final String ORDERS = "orders";
  /** Fills ({@code Execution}). */
  public static final String EXECUTIONS = "executions";
  /** Portfolio snapshot after each processed market event ({@code PortfolioState}). */
  public static final String PORTFOLIO_STATE = "portfolio.state";
  /** Operator commands to strategies: pause, resume ({@code StrategyCommand}). */
  public static final String STRATEGY_CONTROL = "strategies.control";
  /** Risk alerts every service obeys ({@code RiskAlert}). */
  public static final String RISK_ALERTS = "risk.alerts";
  /** Trading state changes: kill switch and recovery ({@code TradingStatus}). */
  public static final String RISK_STATUS = "risk.status";
  /** The risk manager's live exposure, P&L, drawdown and VaR ({@code RiskSnapshot}). */
  public static final String RISK_SNAPSHOT = "risk.snapshot";
  /** Allocation policy and budgets after every change ({@code AllocationState}). */
  public static final String PORTFOLIO_ALLOCATIONS = "portfolio.allocations";
  /** Realised P&L attributed to the agent signals behind the entry ({@code PnlAttribution}). */
  public static final String PORTFOLIO_ATTRIBUTION = "portfolio.attribution";
  /** Records rejected at a boundary ({@code DeadLetter}). */
  public static final String DEAD_LETTER = "dead.letter";
  /** Barrier participants finishing a replayed tick ({@code TickDone}). */
  public static final String REPLAY_TICK_DONE = "replay.tick.done";
  /** Starts a replay configured with {@code replay.autoStart=false} (any body). */
  public static final String REPLAY_START = "replay.start";
  /** Replay progress and completion ({@code ReplayProgress}). */
  public static final String REPLAY_PROGRESS = "replay.progress";
  /** Roll call: the body is the address to answer on with a {@code ServiceAnnouncement}. */
  public static final String ROLL_CALL = "services.rollcall";
  /** Request/reply: a service's statistics as JSON (the body names the service, or "*"). */
  public static final String SERVICE_STATS = "services.stats";

  private Addresses() {
  }

  public static String signals(String agent) {
    return SIGNALS_PREFIX + agent;
  }
}
