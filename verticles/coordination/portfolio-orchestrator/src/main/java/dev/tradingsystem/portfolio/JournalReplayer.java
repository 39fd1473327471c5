package dev.tradingsystem.portfolio;

import dev.tradingsystem.portfolio.book.PositionBook;
import dev.tradingsystem.portfolio.exchange.PaperExchange;
import dev.tradingsystem.portfolio.journal.JournalRecord;
import dev.tradingsystem.portfolio.market.InstrumentCatalog;
import dev.tradingsystem.shared.clock.TradingClock;
import java.util.List;

/**
 * Rebuilds the portfolio a journal describes, outside the service: what the orchestrator does on
 * start, for tests, tools and post-mortems. The result is a recovered engine on a fresh paper
 * exchange; {@link PortfolioEngine#latest()} is the state as of the journal's last applied trade
 * (with the orders accepted after it among the open orders).
 */
public final class JournalReplayer {

  private JournalReplayer() {
  }

  /** A recovered engine and what reconciling it with a fresh paper exchange found. */
  public record Rebuilt(PortfolioEngine engine, Reconciliation reconciliation) {
  }

  /** Replays {@code records} into a fresh engine built from {@code config}, operator allocation changes included. */
  public static Rebuilt rebuild(List<JournalRecord> records, PortfolioConfig config) {
    CapitalDesk desk = new CapitalDesk(config.capitalAllocator(), config);
    PortfolioEngine engine = freshEngine(config, desk);
    Reconciliation reconciliation = engine.recover(records, desk::replay);
    return new Rebuilt(engine, reconciliation);
  }

  /** The engine the orchestrator runs with this config, before recovery, budgeted by the desk's allocator. */
  static PortfolioEngine freshEngine(PortfolioConfig config, CapitalDesk desk) {
    return new PortfolioEngine(new PaperExchange(config.exchange()), new PositionBook(config.initialCapitalMicros()),
        desk.allocator(), new InstrumentCatalog(config.symbols()), TradingClock.forMode(config.clockMode()));
  }
}
