package dev.tradingsystem.portfolio;

import dev.tradingsystem.portfolio.journal.FileOrderJournal;
import dev.tradingsystem.portfolio.journal.JournalConfig;
import dev.tradingsystem.portfolio.journal.JournalRecord;
import dev.tradingsystem.portfolio.journal.JournalScan;
import dev.tradingsystem.portfolio.journal.KafkaOrderJournal;
import dev.tradingsystem.portfolio.journal.OrderJournal;
import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.proto.PortfolioService;
import dev.tradingsystem.proto.PortfolioServiceGrpcService;
import dev.tradingsystem.proto.ServiceAnnouncement;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.auth.OperatorAuthority;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.runtime.ProcessEndpoints;
import dev.tradingsystem.shared.runtime.RollCall;
import dev.tradingsystem.shared.runtime.ServiceStats;
import dev.tradingsystem.shared.service.ServiceRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portfolio-orchestrator: binds {@code PortfolioService} (orders arrive only with a risk
 * approval), consumes {@code market.books} (L2 snapshots and deltas, where the data has them) and
 * {@code market.trades} to fill working orders on the paper exchange, and after every trade
 * publishes its executions, order updates and exactly one {@code PortfolioState} with the trade's
 * seq. It also consumes {@code consensus}, {@code risk.alerts} and {@code risk.status} for the
 * {@link CapitalDesk} (capital allocation, P&amp;L attribution), and publishes budgets on
 * {@code portfolio.allocations} and attributions on {@code portfolio.attribution}. Wiring only: the
 * work is in {@link PortfolioEngine} and {@link CapitalDesk}.
 *
 * <p>With a journal configured ({@code portfolio.journal.dir}, or {@code portfolio.journal.backend=kafka}),
 * start first rebuilds the portfolio from the journal
 * and reconciles it with the exchange (blocking reads on a worker), and every order answer,
 * execution and state goes out only after its journal record is durable ({@link JournalGate}).
 */
public final class PortfolioOrchestratorVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(PortfolioOrchestratorVerticle.class);
  private static final String TRADES_SOURCE = Addresses.MARKET_TRADES;
  private static final String BOOKS_SOURCE = Addresses.MARKET_BOOKS;
  /** Refusals that follow from an earlier one (after a gap) or are harmless: counted, not dead-lettered. */
  private static final Set<String> QUIET_BOOK_REASONS = Set.of("book_not_synced", "stale_update");

  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  private PortfolioEngine engine;
  private CapitalDesk desk;
  private OperatorAuthority authority;
  private PortfolioMetrics metrics;
  private PortfolioPublisher publisher;
  private OrderJournal journal;
  private JournalGate gate;
  private volatile boolean ready;

  @Override
  public Future<?> start() {
    PortfolioConfig config;
    try {
      ConfigReader reader = ConfigReader.of(config());
      config = PortfolioConfig.from(reader);
      authority = OperatorAuthority.fromConfig(vertx, reader);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    desk = new CapitalDesk(config.capitalAllocator(), config);
    engine = JournalReplayer.freshEngine(config, desk);
    metrics = new PortfolioMetrics(config.initialCapitalMicros() / 1e6);
    publisher = new PortfolioPublisher(vertx.eventBus());
    journal = open(config.journal());
    gate = new JournalGate(context, journal, config.journal());
    return recover(config).compose(v -> serve(config));
  }

  /** The configured journal, not yet recovered; null when off. */
  private static OrderJournal open(JournalConfig config) {
    return switch (config.backend()) {
      case NONE -> null;
      case FILE -> new FileOrderJournal(config);
      case KAFKA -> new KafkaOrderJournal(config, ServiceNames.PORTFOLIO);
    };
  }

  /** Rebuilds the portfolio from the journal, if there is one, before anything is served. */
  private Future<Void> recover(PortfolioConfig config) {
    if (journal == null) {
      return Future.succeededFuture();
    }
    return vertx.executeBlocking(journal::recover).compose(scan -> {
      engine.journalChanges();
      Reconciliation reconciliation = engine.recover(scan.records(), desk::replay);
      List<JournalRecord> verdicts = engine.drainJournal();
      gate.recovered(scan, reconciliation, engine.latest());
      logRecovery(config, scan, reconciliation);
      return gate.afterDurable(verdicts).onSuccess(v -> reconciliation.lost().forEach(publisher::order));
    });
  }

  private void logRecovery(PortfolioConfig config, JournalScan scan, Reconciliation reconciliation) {
    if (scan.isEmpty()) {
      LOG.info("{} journal {}: empty, starting flat", ServiceNames.PORTFOLIO, config.journal());
      return;
    }
    LOG.info("{} recovered from journal {}: {} records ({} torn tail dropped), last applied seq {}, {} orders, "
            + "{} fills, cash {}, realised {}, fees {}, {} open orders re-submitted, {} lost at the venue, "
            + "{} unknown to the journal {}", ServiceNames.PORTFOLIO, config.journal(), scan.records().size(),
        scan.droppedTailRecords(), reconciliation.lastSeq(), engine.orders(), engine.fills(),
        engine.latest().getCashMicros() / 1e6, engine.latest().getRealizedPnlMicros() / 1e6,
        engine.latest().getFeesMicros() / 1e6, reconciliation.resubmitted().size(), reconciliation.lost().size(),
        reconciliation.unknownToJournal().size(), reconciliation.unknownToJournal());
    reconciliation.lost().forEach(order -> LOG.warn("journaled order {} expired: {}", order.getOrderId(),
        order.getRejectReason()));
  }

  private Future<?> serve(PortfolioConfig config) {
    PortfolioServiceImpl service = new PortfolioServiceImpl(context, engine, publisher, metrics, gate, desk, authority);

    MessageConsumer<Object> trades = vertx.eventBus().consumer(Addresses.MARKET_TRADES, this::onTrade);
    MessageConsumer<Object> books = vertx.eventBus().consumer(Addresses.MARKET_BOOKS, this::onBook);
    List<MessageConsumer<Object>> capital = new CapitalInputs(desk, publisher, metrics).register(vertx.eventBus());
    consumers.add(trades);
    consumers.add(books);
    consumers.addAll(capital);
    Future<Void> bound = ServiceRegistry.of(vertx)
        .bind(PortfolioService.class, ServiceNames.PORTFOLIO, service, PortfolioServiceGrpcService.of(service));
    Future<?> stats = ServiceStats.serve(vertx, ServiceNames.PORTFOLIO,
            () -> PortfolioStats.of(engine, metrics, desk).put("journal", gate.status(engine)))
        .onSuccess(consumers::add);
    return Future.all(trades.completion(), books.completion(), CapitalInputs.completion(capital), bound, stats)
        .compose(v -> {
          ProcessEndpoints.of(vertx).readiness(ServiceNames.PORTFOLIO, () -> ready);
          return RollCall.answer(vertx, ServiceAnnouncement.newBuilder()
              .setService(ServiceNames.PORTFOLIO)
              .setInstanceId(deploymentID())
              .setTickParticipant(false)
              .build());
        })
        .onSuccess(rollCall -> {
          consumers.add(rollCall);
          ready = true;
          LOG.info("{} ready: paper exchange {}, capital {}, clock {}, journal {}, allocation {}", ServiceNames.PORTFOLIO,
              config.exchange(), config.initialCapitalMicros() / 1e6, config.clockMode(), config.journal(),
              config.allocation());
        });
  }

  @Override
  public Future<?> stop() {
    ready = false;
    if (metrics != null) {
      metrics.close();
    }
    ServiceRegistry.of(vertx).unbind(PortfolioService.class, ServiceNames.PORTFOLIO);
    ProcessEndpoints.of(vertx).unregister(ServiceNames.PORTFOLIO);
    List<Future<?>> unregistered = new ArrayList<>();
    consumers.forEach(consumer -> unregistered.add(consumer.unregister()));
    consumers.clear();
    Future<?> closed = Future.join(unregistered);
    if (journal != null) {
      // Closing makes what was written durable and joins the writer thread: blocking, so on a worker.
      OrderJournal toClose = journal;
      closed = closed.eventually(() -> vertx.executeBlocking(() -> {
        toClose.close();
        return null;
      }));
    }
    return closed;
  }

  /** One book snapshot or delta: never throws, whatever arrives on the address. */
  private void onBook(Message<Object> message) {
    Object body = message.body();
    Meta meta;
    Optional<String> refusal;
    try {
      if (body instanceof BookSnapshot snapshot) {
        meta = snapshot.getMeta();
        refusal = engine.onBook(snapshot);
      } else if (body instanceof BookDelta delta) {
        meta = delta.getMeta();
        refusal = engine.onBook(delta);
      } else {
        metrics.rejected(BOOKS_SOURCE, "not_a_book");
        publisher.deadLetter(Meta.getDefaultInstance(), BOOKS_SOURCE,
            "not a BookSnapshot or BookDelta: " + (body == null ? "null" : body.getClass().getSimpleName()), null);
        return;
      }
    } catch (RuntimeException e) {
      LOG.error("book update could not be processed: {}", e.getMessage(), e);
      metrics.rejected(BOOKS_SOURCE, "internal_error");
      publisher.deadLetter(Meta.getDefaultInstance(), BOOKS_SOURCE, "internal_error: " + e.getMessage(), null);
      return;
    }
    refusal.ifPresent(reason -> {
      metrics.rejected(BOOKS_SOURCE, reason);
      if (!QUIET_BOOK_REASONS.contains(reason)) {
        // Snapshots run to thousands of levels: the dead letter names the update, it does not copy it.
        LOG.warn("book update seq {} refused: {}", meta.getSeq(), reason);
        publisher.deadLetter(meta, BOOKS_SOURCE, reason + " (" + describe(body) + ")", null);
      }
    });
  }

  private static String describe(Object book) {
    if (book instanceof BookDelta delta) {
      return delta.getInstrument().getSymbol() + " delta U=" + delta.getFirstUpdateId() + " u="
          + delta.getLastUpdateId() + " pu=" + delta.getPreviousUpdateId();
    }
    BookSnapshot snapshot = (BookSnapshot) book;
    return snapshot.getInstrument().getSymbol() + " snapshot lastUpdateId=" + snapshot.getLastUpdateId();
  }

  /** One trade: never throws, whatever arrives on the address. */
  private void onTrade(Message<Object> message) {
    if (!(message.body() instanceof Trade trade)) {
      metrics.rejected(TRADES_SOURCE, "not_a_trade");
      publisher.deadLetter(Meta.getDefaultInstance(), TRADES_SOURCE,
          "not a Trade: " + (message.body() == null ? "null" : message.body().getClass().getSimpleName()), null);
      return;
    }
    TradeOutcome outcome;
    CapitalDesk.TradeEffects effects;
    try {
      outcome = engine.onTrade(trade);
      effects = desk.onTrade(outcome);
    } catch (RuntimeException e) {
      LOG.error("trade seq {} could not be processed: {}", trade.getMeta().getSeq(), e.getMessage(), e);
      metrics.rejected(TRADES_SOURCE, "internal_error");
      publisher.deadLetter(trade.getMeta(), TRADES_SOURCE, "internal_error: " + e.getMessage(), trade);
      return;
    }
    if (outcome.rejected()) {
      metrics.rejected(TRADES_SOURCE, outcome.rejectReason());
      publisher.deadLetter(trade.getMeta(), TRADES_SOURCE, outcome.rejectReason(), trade);
    }
    metrics.fills(outcome.executions().size());
    outcome.orderUpdates().stream().filter(order -> order.getStatus() == OrderStatus.CANCELLED)
        .forEach(order -> metrics.cancelled());
    if (outcome.state() != null) {
      metrics.observe(outcome.state());
    }
    // Attributions and reallocations follow the fills and the state they come from: same gate, same order.
    gate.afterDurable(engine.drainJournal())
        .onSuccess(v -> {
          publisher.trade(outcome);
          effects.attributions().forEach(publisher::attribution);
          effects.allocation().ifPresent(publisher::allocation);
        })
        .onFailure(e -> journalFailed(trade.getMeta(), e));
  }

  /**
   * Fills that cannot be made durable are never published: the service stops acknowledging,
   * turns unready and says why. Restarting recovers from what the journal holds.
   */
  private void journalFailed(Meta meta, Throwable error) {
    if (ready) {
      ready = false;
      LOG.error("{}: the order journal failed at seq {}: {}; no further order, fill or state is published",
          ServiceNames.PORTFOLIO, meta.getSeq(), error.getMessage(), error);
    }
  }
}
