package dev.tradingsystem.frameworks.hummingbot.backtest;

import dev.tradingsystem.frameworks.hummingbot.quoting.AlertGuard;
import dev.tradingsystem.frameworks.hummingbot.quoting.QuotingDesk;
import dev.tradingsystem.frameworks.hummingbot.quoting.QuotingStrategy;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.MarketEvent;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.StrategyAllocation;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.shared.money.FixedPoint;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Tick-level L2 replay backtest of one market-making strategy (Hummingbot has none): replays a
 * venue's depth snapshot, depth diffs and trades in capture order through the strategy and a
 * {@link QueueFillSimulator}, on the same code path as live: the strategy runs inside a
 * {@link QuotingDesk} (faults contained and counted) and sees, per trade, the {@link Consensus}
 * and {@link PortfolioState} the pipeline would give it (book mid, best bid and ask, last trade;
 * its position, working orders and capital). There is no risk gate: limits that live trading
 * adds through it (order size, notional, budgets) are not applied here.
 *
 * <p>Per event, in order: orders and cancels whose latency elapsed reach the book; mark-outs that
 * fell due read the mid; a depth event updates the book, then queues and crossed orders; a trade
 * fills resting orders and then, once the book is ready, the strategy decides and its intents are
 * sent. Time is the exchange's event time, never going back. Deterministic: the same capture and
 * strategy give an equal report. Not thread-safe; one run per instance.
 */
public final class MarketMakingBacktest {

  private final BacktestSettings settings;
  private final Instrument instrument;

  public MarketMakingBacktest(BacktestSettings settings) {
    this.settings = settings;
    this.instrument = settings.instrument();
  }

  /** Runs {@code strategy} over {@code events} (a capture's messages, in order) and reports. */
  public BacktestReport run(QuotingStrategy strategy, Iterator<MarketEvent> events) {
    Run run = new Run(strategy);
    run.replay(events);
    return run.report(0, 0);
  }

  /** Like {@link #run}, counting the reader's skipped and malformed lines into the summary. */
  public BacktestReport run(QuotingStrategy strategy, BinanceCaptureReader capture) {
    Run run = new Run(strategy);
    run.replay(capture);
    return run.report(capture.skipped(), capture.malformed());
  }

  /** One replay: its book, orders, account and records. */
  private final class Run {

    private final QuotingStrategy strategy;
    private final QuotingDesk desk;
    private final L2Book book = new L2Book();
    private final QueueFillSimulator simulator;
    private final BacktestAccount account;
    private final MarkOuts markOuts;
    private final List<BacktestReport.Step> steps = new ArrayList<>();
    private long nowUs;
    private long seq;
    private long decisions;
    private long bought;
    private long sold;
    private long maxAbsPosition;

    Run(QuotingStrategy strategy) {
      this.strategy = strategy;
      this.desk = new QuotingDesk(List.of(strategy), settings.pauseAfterErrors(), settings.errorWindow(),
          new AlertGuard(1, 1), (id, error, paused) -> { });
      this.simulator = new QueueFillSimulator(instrument, settings.makerFeeBps(), settings.latencyMicros());
      this.account = new BacktestAccount(instrument, settings.initialCashMicros());
      this.markOuts = new MarkOuts(settings.markoutHorizonsMicros());
    }

    void replay(Iterator<MarketEvent> events) {
      while (events.hasNext()) {
        MarketEvent event = events.next();
        seq++;
        nowUs = Math.max(nowUs, eventTime(event));
        simulator.arrive(nowUs, book);
        if (book.ready()) {
          markOuts.due(nowUs, mid());
        }
        switch (event.getEventCase()) {
          case SNAPSHOT -> {
            book.onSnapshot(event.getSnapshot());
            record(simulator.onBook(book));
          }
          case DELTA -> {
            book.onDelta(event.getDelta());
            record(simulator.onBook(book));
          }
          case TRADE -> onTrade(event.getTrade());
          default -> {
          }
        }
      }
    }

    private void onTrade(Trade trade) {
      record(simulator.onTrade(trade));
      if (!book.ready()) {
        return;
      }
      Consensus consensus = consensus(trade);
      desk.observe(consensus);
      List<OrderIntent> intents = desk.decide(consensus, portfolio(), TradingState.ACTIVE);
      decisions++;
      for (OrderIntent intent : intents) {
        simulator.submit(intent, nowUs);
      }
      simulator.arrive(nowUs, book);
      steps.add(new BacktestReport.Step(seq, nowUs, book.bestBid(), book.bestAsk(), account.cashMicros(),
          account.position(), account.equityMicros(book.bestBid(), book.bestAsk())));
    }

    private void record(List<QueueFillSimulator.Fill> fills) {
      for (QueueFillSimulator.Fill fill : fills) {
        account.apply(fill.side(), fill.price(), fill.quantity(), fill.feeMicros());
        if (fill.side() == Side.BUY) {
          bought += fill.quantity();
        } else {
          sold += fill.quantity();
        }
        maxAbsPosition = Math.max(maxAbsPosition, Math.abs(account.position()));
        markOuts.add(seq, nowUs, fill, book.ready() ? mid() : Double.NaN);
      }
    }

    private Consensus consensus(Trade trade) {
      Meta meta = Meta.newBuilder().setId("md-" + seq).setSeq(seq).setTraceId("t-" + seq).setEventTimeUs(nowUs)
          .build();
      int scale = instrument.getPriceScale();
      FeatureVector features = FeatureVector.newBuilder().setMeta(meta).setInstrument(instrument)
          .setPrice(FixedPoint.toDouble(trade.getPrice(), scale)).setMid(mid())
          .setBestBid(FixedPoint.toDouble(book.bestBid(), scale)).setBestAsk(FixedPoint.toDouble(book.bestAsk(), scale))
          .setLastSize(trade.getSize()).setVenue(instrument.getVenue()).build();
      return Consensus.newBuilder().setMeta(meta).setSymbol(instrument.getSymbol()).setDirection(Direction.FLAT)
          .setFeatures(features).build();
    }

    private PortfolioState portfolio() {
      long equity = account.equityMicros(book.bestBid(), book.bestAsk());
      return PortfolioState.newBuilder()
          .setMeta(Meta.newBuilder().setSeq(seq).setEventTimeUs(nowUs))
          .setCashMicros(account.cashMicros())
          .setEquityMicros(equity)
          .addPositions(account.toPosition(strategy.id(), book.bestBid(), book.bestAsk()))
          .addAllOpenOrders(simulator.working())
          .addAllocations(StrategyAllocation.newBuilder().setStrategyId(strategy.id())
              .setCapitalMicros(settings.initialCashMicros()))
          .build();
    }

    private double mid() {
      return FixedPoint.toDouble(book.bestBid() + book.bestAsk(), instrument.getPriceScale()) / 2;
    }

    private long eventTime(MarketEvent event) {
      return switch (event.getEventCase()) {
        case SNAPSHOT -> event.getSnapshot().getMeta().getEventTimeUs();
        case DELTA -> event.getDelta().getMeta().getEventTimeUs();
        case TRADE -> event.getTrade().getMeta().getEventTimeUs();
        default -> nowUs;
      };
    }

    BacktestReport report(long skipped, long malformed) {
      List<BacktestReport.FillRecord> fills = markOuts.fills();
      long initial = steps.isEmpty() ? settings.initialCashMicros() : steps.get(0).equityMicros();
      long last = steps.isEmpty() ? initial
          : account.equityMicros(steps.get(steps.size() - 1).bestBid(), steps.get(steps.size() - 1).bestAsk());
      MarkOuts.Totals totals = markOuts.totals(instrument);
      BacktestReport.Summary summary = new BacktestReport.Summary(seq, decisions, simulator.placed(),
          simulator.refused(), simulator.cancelled(), fills.size(), bought, sold, account.position(), maxAbsPosition,
          account.feesMicros(), initial, last, last - initial, totals.spreadCapturedMicros(),
          totals.spreadCapturedBps(), totals.markoutMicros(), totals.markoutBps(), desk.errors(), book.gaps(),
          skipped, malformed);
      return new BacktestReport(summary, fills, steps);
    }
  }
}
