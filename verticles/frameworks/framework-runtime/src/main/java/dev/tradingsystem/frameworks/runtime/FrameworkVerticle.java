package dev.tradingsystem.frameworks.runtime;

import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.RiskAlert;
import dev.tradingsystem.proto.RiskService;
import dev.tradingsystem.proto.ServiceAnnouncement;
import dev.tradingsystem.proto.TradingStatus;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.runtime.ProcessEndpoints;
import dev.tradingsystem.shared.runtime.RollCall;
import dev.tradingsystem.shared.runtime.ServiceStats;
import dev.tradingsystem.shared.service.ServiceRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service around one trading framework: reads its config, looks up the risk gate, feeds
 * {@code portfolio.state} and {@code consensus} into a {@link TickPipeline}, serves stats
 * ({@code services.stats.<name>}) and readiness, and answers the roll call last, as a tick
 * participant.
 *
 * <p>A framework module extends this with its config and strategy ({@link #configure}) and, where
 * it follows more inputs (the market maker's {@code risk.status}), registers them in
 * {@link #startInputs}.
 */
public abstract class FrameworkVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(FrameworkVerticle.class);

  private final String serviceName;
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  private TickPipeline pipeline;
  private volatile boolean ready;

  protected FrameworkVerticle(String serviceName) {
    this.serviceName = serviceName;
  }

  public String serviceName() {
    return serviceName;
  }

  /**
   * Reads the framework's typed config and builds its strategy; called once per start, before
   * any consumer exists.
   *
   * @throws ConfigException naming the bad key; it fails the deployment
   */
  protected abstract FrameworkSetup configure(ConfigReader config);

  /** Extra inputs of the framework (event-bus consumers, kept with {@link #own}); the default has none. */
  protected Future<?> startInputs() {
    return Future.succeededFuture();
  }

  /** Called on the verticle's context once the service is ready (a good place to log its settings). */
  protected void onReady() {
  }

  /** The run-report JSON; a framework overrides it to add its own keys to {@code super.statsJson()}. */
  protected JsonObject statsJson() {
    return pipeline.stats().toJson();
  }

  /** Counts and dead-letters bad input of an extra input, like the pipeline does with its own. */
  protected void reject(String reason, Meta meta, Object body) {
    pipeline.rejects().reject(reason, meta, body);
  }

  /** Keeps a consumer so {@link #stop()} unregisters it. */
  protected <T> MessageConsumer<T> own(MessageConsumer<T> consumer) {
    consumers.add(consumer);
    return consumer;
  }

  /**
   * Feeds {@code risk.status} and {@code risk.alerts} into {@code watch} (call from
   * {@link #startInputs}); a message of another type, a status without a state or an alert with an
   * unknown severity is rejected and dead-lettered like any bad input.
   */
  protected Future<?> followRisk(RiskWatch watch) {
    MessageConsumer<Object> status = own(vertx.eventBus().consumer(Addresses.RISK_STATUS, msg -> {
      String problem = msg.body() instanceof TradingStatus s ? RiskWatch.problem(s) : "invalid-trading-status";
      if (problem != null) {
        reject(problem, msg.body() instanceof TradingStatus s ? s.getMeta() : Meta.getDefaultInstance(), msg.body());
        return;
      }
      TradingStatus change = (TradingStatus) msg.body();
      if (watch.onStatus(change)) {
        LOG.warn("{}: trading state {} ({}){}", serviceName, change.getState(), change.getReason(), switch (change.getState()) {
          case ACTIVE -> ": trading resumes, held alerts lifted";
          case REDUCING -> ": no new entries, exits continue";
          default -> ": nothing sent but cancels";
        });
      }
    }));
    MessageConsumer<Object> alerts = own(vertx.eventBus().consumer(Addresses.RISK_ALERTS, msg -> {
      String problem = msg.body() instanceof RiskAlert a ? RiskWatch.problem(a) : "invalid-risk-alert";
      if (problem != null) {
        reject(problem, msg.body() instanceof RiskAlert a ? a.getMeta() : Meta.getDefaultInstance(), msg.body());
        return;
      }
      RiskAlert alert = (RiskAlert) msg.body();
      if (watch.onAlert(alert)) {
        LOG.warn("{}: risk alert {} {} on {}: {}", serviceName, alert.getSeverity(), alert.getCode(),
            alert.getSymbol().isBlank() ? "every symbol" : alert.getSymbol(), alert.getMessage());
      }
    }));
    return Future.all(status.completion(), alerts.completion());
  }

  @Override
  public Future<?> start() {
    FrameworkSetup setup;
    try {
      setup = configure(ConfigReader.of(config()));
    } catch (ConfigException e) {
      return Future.failedFuture(e);
    }
    RiskService risk = ServiceRegistry.of(vertx).lookup(RiskService.class, ServiceNames.RISK_MANAGER);
    pipeline = new TickPipeline(vertx, serviceName, setup, risk);
    ProcessEndpoints.of(vertx).readiness(serviceName, () -> ready);
    MessageConsumer<Object> states = own(vertx.eventBus().consumer(Addresses.PORTFOLIO_STATE,
        msg -> pipeline.onPortfolio(msg.body())));
    Future<?> inputs = startInputs();
    MessageConsumer<Object> consensus = own(vertx.eventBus().consumer(Addresses.CONSENSUS,
        msg -> pipeline.onConsensus(msg.body())));
    return Future.all(states.completion(), inputs, consensus.completion(),
            ServiceStats.serve(vertx, serviceName, this::statsJson).map(this::own))
        .compose(v -> RollCall.answer(vertx, ServiceAnnouncement.newBuilder()
            .setService(serviceName).setInstanceId(deploymentID()).setTickParticipant(true).build()))
        .map(rollCall -> {
          own(rollCall);
          ready = true;
          onReady();
          return null;
        });
  }

  @Override
  public Future<?> stop() {
    ready = false;
    ProcessEndpoints.of(vertx).unregister(serviceName);
    List<Future<?>> closing = new ArrayList<>();
    consumers.forEach(consumer -> closing.add(consumer.unregister()));
    consumers.clear();
    return Future.join(closing);
  }
}
