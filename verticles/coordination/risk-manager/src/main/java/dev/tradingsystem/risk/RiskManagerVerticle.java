package dev.tradingsystem.risk;

import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.PortfolioService;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Quote;
import dev.tradingsystem.proto.RiskAlert;
import dev.tradingsystem.proto.RiskService;
import dev.tradingsystem.proto.RiskServiceGrpcService;
import dev.tradingsystem.proto.ServiceAnnouncement;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.auth.OperatorAuthority;
import dev.tradingsystem.shared.clock.TradingClock;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.money.FixedPoint;
import dev.tradingsystem.shared.runtime.ProcessEndpoints;
import dev.tradingsystem.shared.runtime.RollCall;
import dev.tradingsystem.shared.runtime.SequenceGate;
import dev.tradingsystem.shared.runtime.ServiceStats;
import dev.tradingsystem.shared.service.ServiceRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The risk-manager service: binds the {@code RiskService} gate, follows the portfolio snapshots,
 * trades, quotes and books it decides on and the alerts that may trip the kill switch, serves
 * its stats, and answers the roll call once all of that is up. Live, a timer checks for stale
 * market data on the wall clock; a replay needs none (event time only moves with events).
 */
public final class RiskManagerVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(RiskManagerVerticle.class);

  private RiskGate gate;
  private DeadLetters deadLetters;
  private long staleTimer = -1;
  private volatile boolean ready;

  @Override
  public Future<?> start() {
    ConfigReader reader = ConfigReader.of(config());
    RiskConfig config = RiskConfig.from(reader);
    OperatorAuthority operators = OperatorAuthority.fromConfig(vertx, reader);
    if (!operators.configured()) {
      LOG.warn("no operator key (auth.jwtSecret): every kill-switch command will be refused");
    }
    TradingClock clock = TradingClock.forMode(config.clockMode());
    RiskEngine engine = new RiskEngine(config.limits(), config.triggers(), config.monitor(), config.dedupeWindow());
    RiskStats stats = new RiskStats();
    ServiceRegistry registry = ServiceRegistry.of(vertx);
    PortfolioService portfolio = registry.lookup(PortfolioService.class, ServiceNames.PORTFOLIO);
    KillSwitchEffects effects = new KillSwitchEffects(vertx, portfolio, clock, config.portfolioTimeoutMs(), stats);
    KillSwitchDesk desk = new KillSwitchDesk(engine, effects, clock, config.triggers().flatten());
    SequenceGate snapshots = new SequenceGate();
    deadLetters = new DeadLetters(vertx);
    RiskFeeds feeds = new RiskFeeds(vertx, engine, clock, desk, snapshots, deadLetters, stats);
    OrderCheck orders = new OrderCheck(vertx, config, engine, clock, portfolio, desk, snapshots, deadLetters, stats);
    gate = new RiskGate(vertx, context, engine, orders, new OperatorCommands(engine, desk, clock, stats, operators), stats);

    MessageConsumer<Object> states = vertx.eventBus().consumer(Addresses.PORTFOLIO_STATE,
        typed(PortfolioState.class, Addresses.PORTFOLIO_STATE, feeds::onPortfolioState));
    MessageConsumer<Object> trades = vertx.eventBus().consumer(Addresses.MARKET_TRADES,
        typed(Trade.class, Addresses.MARKET_TRADES, feeds::onTrade));
    MessageConsumer<Object> quotes = vertx.eventBus().consumer(Addresses.MARKET_QUOTES,
        typed(Quote.class, Addresses.MARKET_QUOTES, feeds::onQuote));
    MessageConsumer<Object> books = vertx.eventBus().consumer(Addresses.MARKET_BOOKS, message -> feeds.onBook(message.body()));
    MessageConsumer<Object> alerts = vertx.eventBus().consumer(Addresses.RISK_ALERTS,
        typed(RiskAlert.class, Addresses.RISK_ALERTS, feeds::onAlert));
    if (config.live() && config.triggers().staleDataUs() > 0) {
      long every = Math.max(10, config.triggers().staleDataUs() / 4_000);
      staleTimer = vertx.setPeriodic(every, id -> feeds.checkStaleData());
    }
    ProcessEndpoints.of(vertx).readiness(ServiceNames.RISK_MANAGER, () -> ready);
    return Future.all(List.of(states.completion(), trades.completion(), quotes.completion(), books.completion(),
            alerts.completion(), ServiceStats.serve(vertx, ServiceNames.RISK_MANAGER, gate::stats)))
        .compose(v -> registry.bind(RiskService.class, ServiceNames.RISK_MANAGER, gate, RiskServiceGrpcService.of(gate)))
        .compose(v -> RollCall.answer(vertx, ServiceAnnouncement.newBuilder()
            .setService(ServiceNames.RISK_MANAGER)
            .setInstanceId(deploymentID())
            .setTickParticipant(false)
            .build()))
        .onSuccess(c -> {
          ready = true;
          LOG.info("risk-manager up: max order {} quote / {} base units, collar {}%, max drawdown {}, daily loss {},"
                  + " leverage {}, {} symbol tables, {} restricted, clock {}",
              FixedPoint.microsToDouble(config.limits().maxOrderNotionalMicros()), config.limits().maxOrderQuantity(),
              config.limits().priceCollarPct(), config.limits().maxDrawdown(), config.triggers().maxDailyLoss(),
              config.limits().maxLeverage(), config.limits().symbols().size(), config.limits().restrictedSymbols().size(),
              config.clockMode());
        });
  }

  @Override
  public Future<?> stop() {
    ready = false;
    if (staleTimer >= 0) {
      vertx.cancelTimer(staleTimer);
    }
    ServiceRegistry.of(vertx).unbind(RiskService.class, ServiceNames.RISK_MANAGER);
    ProcessEndpoints.of(vertx).unregister(ServiceNames.RISK_MANAGER);
    return Future.succeededFuture();
  }

  /** A handler that refuses (counts, dead-letters) bodies of the wrong type instead of throwing. */
  private <T> Handler<Message<Object>> typed(Class<T> type, String address, Handler<T> handler) {
    return message -> {
      Object body = message.body();
      if (type.isInstance(body)) {
        handler.handle(type.cast(body));
      } else {
        String kind = body == null ? "null" : body.getClass().getSimpleName();
        deadLetters.publish(address, "unexpected-type", Meta.getDefaultInstance(), kind + ": " + body);
      }
    };
  }
}
