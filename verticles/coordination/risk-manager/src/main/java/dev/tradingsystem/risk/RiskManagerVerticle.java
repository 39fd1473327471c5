package dev.tradingsystem.risk;

import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.PortfolioService;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.RiskService;
import dev.tradingsystem.proto.RiskServiceGrpcService;
import dev.tradingsystem.proto.ServiceAnnouncement;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.clock.TradingClock;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.money.FixedPoint;
import dev.tradingsystem.shared.runtime.ProcessEndpoints;
import dev.tradingsystem.shared.runtime.RollCall;
import dev.tradingsystem.shared.runtime.ServiceStats;
import dev.tradingsystem.shared.service.ServiceRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The risk-manager service: binds the {@code RiskService} gate, follows the portfolio snapshots
 * and trades it decides on, serves its stats, and answers the roll call once all of that is up.
 */
public final class RiskManagerVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(RiskManagerVerticle.class);

  private RiskGate gate;
  private volatile boolean ready;

  @Override
  public Future<?> start() {
    RiskConfig config = RiskConfig.from(ConfigReader.of(config()));
    TradingClock clock = TradingClock.forMode(config.clockMode());
    RiskEngine engine = new RiskEngine(config.limits(), config.dedupeWindow());
    RiskStats stats = new RiskStats();
    ServiceRegistry registry = ServiceRegistry.of(vertx);
    PortfolioService portfolio = registry.lookup(PortfolioService.class, ServiceNames.PORTFOLIO);
    KillSwitchEffects effects = new KillSwitchEffects(vertx, portfolio, clock, config.portfolioTimeoutMs(), stats);
    gate = new RiskGate(vertx, context, config, engine, clock, portfolio, effects, stats);

    MessageConsumer<Object> states = vertx.eventBus().consumer(Addresses.PORTFOLIO_STATE,
        typed(PortfolioState.class, Addresses.PORTFOLIO_STATE, gate::onPortfolioState));
    MessageConsumer<Object> trades = vertx.eventBus().consumer(Addresses.MARKET_TRADES,
        typed(Trade.class, Addresses.MARKET_TRADES, gate::onTrade));
    ProcessEndpoints.of(vertx).readiness(ServiceNames.RISK_MANAGER, () -> ready);
    return Future.all(states.completion(), trades.completion(),
            ServiceStats.serve(vertx, ServiceNames.RISK_MANAGER, gate::stats))
        .compose(v -> registry.bind(RiskService.class, ServiceNames.RISK_MANAGER, gate, RiskServiceGrpcService.of(gate)))
        .compose(v -> RollCall.answer(vertx, ServiceAnnouncement.newBuilder()
            .setService(ServiceNames.RISK_MANAGER)
            .setInstanceId(deploymentID())
            .setTickParticipant(false)
            .build()))
        .onSuccess(c -> {
          ready = true;
          LOG.info("risk-manager up: max order {} quote / {} base units, collar {}%, max drawdown {}, clock {}",
              FixedPoint.microsToDouble(config.limits().maxOrderNotionalMicros()), config.limits().maxOrderQuantity(),
              config.limits().priceCollarPct(), config.limits().maxDrawdown(), config.clockMode());
        });
  }

  @Override
  public Future<?> stop() {
    ready = false;
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
        gate.deadLetter(address, "unexpected-type", Meta.getDefaultInstance(), kind + ": " + body);
      }
    };
  }
}
