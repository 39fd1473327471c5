package dev.tradingsystem.risk;

import dev.tradingsystem.proto.AlertSeverity;
import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Quote;
import dev.tradingsystem.proto.RiskAlert;
import dev.tradingsystem.proto.RiskSnapshot;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.risk.monitor.LimitAlert;
import dev.tradingsystem.risk.monitor.RiskMonitor;
import dev.tradingsystem.shared.Addresses;
import dev.tradingsystem.shared.clock.TradingClock;
import dev.tradingsystem.shared.msg.IdSequence;
import dev.tradingsystem.shared.msg.Metas;
import dev.tradingsystem.shared.runtime.SequenceGate;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the gate follows on the event bus: portfolio snapshots (the exposure base; they release
 * the checks waiting on {@code snapshots}), trades, quotes and books (marks for the collar, and
 * the silence the stale-data trigger watches) and {@code risk.alerts}. Bad input is dead-lettered.
 * Each event may move the kill switch; after each snapshot the monitor's snapshot and limit
 * alerts go out on {@code risk.snapshot} and {@code risk.alerts}. Runs on the engine's context.
 */
final class RiskFeeds {

  private static final Logger LOG = LoggerFactory.getLogger(RiskFeeds.class);

  private final Vertx vertx;
  private final RiskEngine engine;
  private final TradingClock clock;
  private final KillSwitchDesk desk;
  private final SequenceGate snapshots;
  private final DeadLetters deadLetters;
  private final RiskStats stats;
  private final IdSequence snapshotIds = new IdSequence("risk-snapshot");
  private final IdSequence monitorAlertIds = new IdSequence("risk-monitor");

  RiskFeeds(Vertx vertx, RiskEngine engine, TradingClock clock, KillSwitchDesk desk, SequenceGate snapshots,
            DeadLetters deadLetters, RiskStats stats) {
    this.vertx = vertx;
    this.engine = engine;
    this.clock = clock;
    this.desk = desk;
    this.snapshots = snapshots;
    this.deadLetters = deadLetters;
    this.stats = stats;
  }

  /**
   * A portfolio snapshot: new exposure base, drawdown and daily-loss triggers, then release the
   * checks waiting for it, then the monitor's snapshot and alerts.
   */
  void onPortfolioState(PortfolioState state) {
    clock.observe(state.getMeta().getEventTimeUs());
    desk.triggered(engine.onPortfolioState(state, clock.nowMicros()), state.getMeta());
    snapshots.advance(state.getMeta().getSeq());
    if (engine.book().snapshot() == state) {
      monitor(state.getMeta(), engine.assess());
    }
  }

  private void monitor(Meta cause, RiskMonitor.Assessment assessment) {
    if (assessment.publish()) {
      RiskSnapshot snapshot = assessment.snapshot().toBuilder().setMeta(Metas.derive(cause, snapshotIds.next())).build();
      vertx.eventBus().publish(Addresses.RISK_SNAPSHOT, snapshot);
      stats.snapshotPublished();
    }
    for (LimitAlert alert : assessment.alerts()) {
      LOG.warn("risk monitor {} {}: {}", alert.severity(), alert.code(), alert.message());
      vertx.eventBus().publish(Addresses.RISK_ALERTS, RiskAlert.newBuilder()
          .setMeta(Metas.derive(cause, monitorAlertIds.next()))
          .setSeverity(alert.severity())
          .setCode(alert.code())
          .setMessage(alert.message())
          .build());
    }
  }

  void onQuote(Quote quote) {
    clock.observe(quote.getMeta().getEventTimeUs());
    if (!quote.hasInstrument() || quote.getBidPrice() < 0 || quote.getAskPrice() < 0) {
      deadLetters.publish(Addresses.MARKET_QUOTES, "bad-quote", quote.getMeta(), quote.toString());
      return;
    }
    desk.triggered(engine.onQuote(quote), quote.getMeta());
  }

  void onBook(Object book) {
    if (book instanceof BookSnapshot snapshot && snapshot.hasInstrument()) {
      clock.observe(snapshot.getMeta().getEventTimeUs());
      desk.triggered(engine.onBook(snapshot), snapshot.getMeta());
    } else if (book instanceof BookDelta delta && delta.hasInstrument()) {
      clock.observe(delta.getMeta().getEventTimeUs());
      desk.triggered(engine.onBook(delta), delta.getMeta());
    } else {
      String kind = book == null ? "null" : book.getClass().getSimpleName();
      deadLetters.publish(Addresses.MARKET_BOOKS, "bad-book", Meta.getDefaultInstance(), kind + ": " + book);
    }
  }

  /** An alert on {@code risk.alerts}: the collector's stale-data alert trips the switch. */
  void onAlert(RiskAlert alert) {
    if (alert.getSeverity() == AlertSeverity.INFO) {
      return;
    }
    Meta cause = alert.getMeta().getEventTimeUs() > 0 ? alert.getMeta() : Metas.origin(alert.getMeta().getId(), clock.nowMicros());
    desk.triggered(engine.onAlert(alert.getCode(), alert.getSymbol(), alert.getMessage(), clock.nowMicros()), cause);
  }

  /** Live: the periodic stale-data check on the trading clock. */
  void checkStaleData() {
    long now = clock.nowMicros();
    desk.triggered(engine.checkStaleData(now), Metas.origin("stale-data-check", now));
  }

  /**
   * A trade: the mark for the price collar. No separate wait is needed for it: trade N is
   * published before the portfolio can even process it, so on one event bus it reaches this
   * context before the portfolio's snapshot N does.
   */
  void onTrade(Trade trade) {
    clock.observe(trade.getMeta().getEventTimeUs());
    if (trade.getPrice() > 0 && trade.hasInstrument()) {
      desk.triggered(engine.onTrade(trade), trade.getMeta());
    } else {
      deadLetters.publish(Addresses.MARKET_TRADES, "bad-trade", trade.getMeta(), trade.toString());
    }
  }
}
