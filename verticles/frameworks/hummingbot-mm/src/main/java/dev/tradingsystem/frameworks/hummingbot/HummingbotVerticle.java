package dev.tradingsystem.frameworks.hummingbot;

import com.google.protobuf.Message;
import dev.tradingsystem.frameworks.hummingbot.quoting.QuotingContext;
import dev.tradingsystem.frameworks.hummingbot.quoting.QuotingStrategy;
import dev.tradingsystem.frameworks.hummingbot.quoting.StrategyBook;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.DeadLetter;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.RiskService;
import dev.tradingsystem.proto.ServiceAnnouncement;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.proto.TradingStatus;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.metrics.TradingMetrics;
import dev.tradingsystem.shared.runtime.ProcessEndpoints;
import dev.tradingsystem.shared.runtime.RollCall;
import dev.tradingsystem.shared.runtime.SequenceGate;
import dev.tradingsystem.shared.runtime.ServiceStats;
import dev.tradingsystem.shared.runtime.TickBarrier;
import dev.tradingsystem.shared.service.ServiceRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * hummingbot-mm: runs one market-making strategy on every consensus (pipeline step 4). For
 * consensus N it waits for the portfolio snapshot of seq ≥ N, reads the strategy's inventory and
 * working quotes from it, lets the strategy quote, sends the intents one by one to the risk gate
 * and then reports the tick done, always, also on no intents, bad input or a failing strategy.
 * It follows the risk gate's trading state on {@code risk.status}: outside ACTIVE it only cancels.
 */
public final class HummingbotVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(HummingbotVerticle.class);
  private static final String SERVICE = ServiceNames.HUMMINGBOT;
  private static final int MAX_DEAD_LETTER_PAYLOAD = 4_096;

  private final Function<HummingbotConfig, QuotingStrategy> strategyFactory;
  private final SequenceGate portfolioGate = new SequenceGate();
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  private HummingbotConfig settings;
  private QuotingStrategy strategy;
  private FrameworkStats stats;
  private IntentDispatcher dispatcher;
  private PortfolioState portfolio = PortfolioState.getDefaultInstance();
  private volatile TradingState tradingState = TradingState.ACTIVE;
  private Future<Void> lastTick = Future.succeededFuture();
  private volatile boolean ready;

  /** Runs the Avellaneda–Stoikov market maker. */
  public HummingbotVerticle() {
    this(HummingbotConfig::maker);
  }

  /** Runs the strategy the factory builds from the config (tests, other quoting strategies). */
  public HummingbotVerticle(Function<HummingbotConfig, QuotingStrategy> strategyFactory) {
    this.strategyFactory = strategyFactory;
  }

  @Override
  public Future<?> start() {
    settings = HummingbotConfig.from(ConfigReader.of(config()));
    strategy = strategyFactory.apply(settings);
    stats = new FrameworkStats(strategy.id());
    RiskService risk = ServiceRegistry.of(vertx).lookup(RiskService.class, ServiceNames.RISK_MANAGER);
    dispatcher = new IntentDispatcher(risk, settings.riskTimeoutMillis(), stats);
    ProcessEndpoints.of(vertx).readiness(SERVICE, () -> ready);
    MessageConsumer<Object> states = vertx.eventBus().consumer(Addresses.PORTFOLIO_STATE, msg -> onPortfolio(msg.body()));
    MessageConsumer<Object> status = vertx.eventBus().consumer(Addresses.RISK_STATUS, msg -> onRiskStatus(msg.body()));
    MessageConsumer<Object> consensus = vertx.eventBus().consumer(Addresses.CONSENSUS, msg -> onConsensus(msg.body()));
    consumers.add(states);
    consumers.add(status);
    consumers.add(consensus);
    return Future.all(states.completion(), status.completion(), consensus.completion(),
            ServiceStats.serve(vertx, SERVICE, this::statsJson).onSuccess(consumers::add))
        .compose(v -> RollCall.answer(vertx, ServiceAnnouncement.newBuilder()
            .setService(SERVICE).setInstanceId(deploymentID()).setTickParticipant(true).build()))
        .onSuccess(rollCall -> {
          consumers.add(rollCall);
          ready = true;
          LOG.info("{} running {} (gamma {}, kappa {}, horizon {} s, min spread {} bps, amount {}, max inventory {})",
              SERVICE, strategy.id(), settings.riskAversion(), settings.orderBookDepth(), settings.horizonSeconds(),
              settings.minSpreadBps(), settings.orderAmount(), settings.maxInventory());
        });
  }

  @Override
  public Future<?> stop() {
    ready = false;
    ProcessEndpoints.of(vertx).unregister(SERVICE);
    return Future.join(consumers.stream().map(MessageConsumer::unregister).toList());
  }

  private JsonObject statsJson() {
    return stats.toJson().put("tradingState", tradingState.name());
  }

  private void onPortfolio(Object body) {
    if (!(body instanceof PortfolioState state) || !state.hasMeta()) {
      reject("invalid-portfolio-state", Meta.getDefaultInstance(), body);
      return;
    }
    if (state.getMeta().getSeq() >= portfolio.getMeta().getSeq()) {
      portfolio = state;
    }
    portfolioGate.advance(state.getMeta().getSeq());
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

  private void onConsensus(Object body) {
    if (!(body instanceof Consensus consensus)) {
      reject("unexpected-message", Meta.getDefaultInstance(), body);
      return;
    }
    stats.tick();
    lastTick = lastTick.transform(previous -> runTickGuarded(consensus));
  }

  /** The replay stalls on a tick nobody reports done, so even a bug in this class must not skip it. */
  private Future<Void> runTickGuarded(Consensus consensus) {
    try {
      return runTick(consensus);
    } catch (RuntimeException e) {
      stats.error();
      LOG.error("tick seq {} failed before deciding: {}", consensus.getMeta().getSeq(), e.toString(), e);
      TickBarrier.done(vertx, SERVICE, consensus.getMeta(), 0);
      return Future.succeededFuture();
    }
  }

  /** One tick; always ends with a TickDone and never fails. */
  private Future<Void> runTick(Consensus consensus) {
    String problem = ConsensusChecks.problem(consensus);
    if (problem != null) {
      reject(problem, consensus.getMeta(), consensus);
      TickBarrier.done(vertx, SERVICE, consensus.getMeta(), 0);
      return Future.succeededFuture();
    }
    Meta meta = consensus.getMeta();
    return portfolioGate.await(meta.getSeq())
        .timeout(settings.portfolioWaitMillis(), TimeUnit.MILLISECONDS)
        .transform(gate -> {
          if (gate.failed()) {
            stats.portfolioTimeout();
            LOG.warn("no portfolio state for seq {} within {} ms: tick skipped", meta.getSeq(),
                settings.portfolioWaitMillis());
            return Future.succeededFuture(List.<OrderIntent>of());
          }
          return Future.succeededFuture(decide(consensus));
        })
        .compose(dispatcher::dispatch)
        .transform(sent -> {
          TickBarrier.done(vertx, SERVICE, meta, sent.succeeded() ? sent.result() : 0);
          return Future.succeededFuture();
        });
  }

  private List<OrderIntent> decide(Consensus consensus) {
    try {
      StrategyBook book = StrategyBook.of(portfolio, strategy.id(), consensus.getFeatures().getInstrument().getSymbol());
      return strategy.onTick(new QuotingContext(consensus, book, tradingState));
    } catch (RuntimeException e) {
      stats.error();
      LOG.error("{} failed on seq {}: {}", strategy.id(), consensus.getMeta().getSeq(), e.toString(), e);
      return List.of();
    }
  }

  private void reject(String reason, Meta meta, Object body) {
    stats.invalidInput();
    TradingMetrics.rejected("framework", SERVICE, reason).increment();
    String payload = body instanceof Message message ? message.toString() : String.valueOf(body);
    if (payload.length() > MAX_DEAD_LETTER_PAYLOAD) {
      payload = payload.substring(0, MAX_DEAD_LETTER_PAYLOAD);
    }
    vertx.eventBus().publish(Addresses.DEAD_LETTER, DeadLetter.newBuilder()
        .setMeta(meta).setSource(SERVICE).setReason(reason).setPayload(payload).build());
    LOG.warn("rejected input ({}), seq {}", reason, meta.getSeq());
  }
}
