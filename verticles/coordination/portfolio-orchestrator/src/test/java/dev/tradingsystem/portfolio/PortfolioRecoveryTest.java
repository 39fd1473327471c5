package dev.tradingsystem.portfolio;

import static dev.tradingsystem.portfolio.Fixtures.approved;
import static dev.tradingsystem.portfolio.Fixtures.intent;
import static dev.tradingsystem.portfolio.Fixtures.trade;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.portfolio.book.PositionBook;
import dev.tradingsystem.portfolio.exchange.CancelAck;
import dev.tradingsystem.portfolio.exchange.ExchangeAdapter;
import dev.tradingsystem.portfolio.exchange.ExchangeEvent;
import dev.tradingsystem.portfolio.exchange.OrderTicket;
import dev.tradingsystem.portfolio.exchange.PaperExchange;
import dev.tradingsystem.portfolio.exchange.PaperExchangeConfig;
import dev.tradingsystem.portfolio.exchange.Submission;
import dev.tradingsystem.portfolio.exchange.WorkingOrder;
import dev.tradingsystem.portfolio.journal.JournalRecord;
import dev.tradingsystem.portfolio.market.InstrumentCatalog;
import dev.tradingsystem.proto.ApprovedOrder;
import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.Execution;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TimeInForce;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.shared.clock.TradingClock;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Recovery as a table over crash points: a session of market, limit, reduce-only orders, partial
 * fills and a cancel is journaled; for a crash after every trade, the journal's prefix rebuilds
 * exactly the state the uninterrupted engine published for that trade, and the recovered engine
 * fed the rest of the session ends exactly where the uninterrupted one did, fill for fill.
 */
class PortfolioRecoveryTest {

  private static final PortfolioConfig CONFIG = PortfolioConfig.from(ConfigReader.of(new JsonObject()));

  /** One step of the session: a trade, or a call the frameworks made between trades. */
  record Step(Trade trade, Consumer<PortfolioEngine> call) {
  }

  private static ApprovedOrder order(String intentId, long seq, Side side, OrderType type, String price, String size) {
    return approved(intent(intentId, intentId.substring(0, intentId.lastIndexOf('-')), seq, side, type, price, size));
  }

  private static ApprovedOrder reduceOnly(String intentId, long seq, Side side, String price, String size) {
    return approved(intent(intentId, "alpha", seq, side, OrderType.LIMIT, price, size).setReduceOnly(true));
  }

  static final List<Step> SESSION = List.of(
      new Step(trade(1, "1000.00", "1"), null),
      new Step(null, e -> e.place(order("alpha-1", 1, Side.BUY, OrderType.MARKET, null, "0.5"))),
      new Step(null, e -> e.place(order("alpha-2", 1, Side.BUY, OrderType.LIMIT, "990.00", "0.8"))),
      new Step(null, e -> e.place(order("beta-1", 1, Side.SELL, OrderType.LIMIT, "1020.00", "0.3"))),
      new Step(trade(2, "1000.00", "1"), null),
      new Step(null, e -> e.place(reduceOnly("alpha-3", 2, Side.SELL, "1010.00", "0.2"))),
      new Step(trade(3, "989.00", "0.5"), null),
      new Step(null, e -> e.cancel(Fixtures.cancel("beta-2", "beta", 3, "o-beta-1"))),
      new Step(trade(4, "1011.00", "1"), null),
      new Step(trade(5, "1000.00", "1"), null),
      new Step(null, e -> e.place(order("beta-3", 5, Side.SELL, OrderType.MARKET, null, "0.1"))),
      new Step(trade(6, "988.00", "1"), null),
      new Step(null, e -> e.place(order("alpha-4", 6, Side.SELL, OrderType.LIMIT, "1005.00", "0.4"))),
      new Step(trade(7, "1000.00", "1"), null),
      new Step(trade(8, "1006.00", "0.1"), null));

  /** The uninterrupted run: its journal, where each trade's record ends, its states and fills. */
  static final class Run {
    final List<JournalRecord> journal = new ArrayList<>();
    final Map<Long, Integer> journalAfterTrade = new HashMap<>();
    final Map<Long, PortfolioState> stateAfterTrade = new HashMap<>();
    final List<Execution> fills = new ArrayList<>();
    PortfolioEngine engine;

    static Run of(PortfolioEngine engine, List<Step> steps) {
      Run run = new Run();
      run.engine = engine;
      engine.journalChanges();
      for (Step step : steps) {
        run.apply(step);
      }
      return run;
    }

    void apply(Step step) {
      if (step.trade() != null) {
        TradeOutcome outcome = engine.onTrade(step.trade());
        fills.addAll(outcome.executions());
        journal.addAll(engine.drainJournal());
        journalAfterTrade.put(step.trade().getMeta().getSeq(), journal.size());
        stateAfterTrade.put(step.trade().getMeta().getSeq(), outcome.state());
      } else {
        step.call().accept(engine);
        journal.addAll(engine.drainJournal());
      }
    }
  }

  static int indexAfterTrade(long seq) {
    for (int i = 0; i < SESSION.size(); i++) {
      Trade trade = SESSION.get(i).trade();
      if (trade != null && trade.getMeta().getSeq() == seq) {
        return i;
      }
    }
    throw new IllegalArgumentException("no trade " + seq);
  }

  @ParameterizedTest(name = "crash after trade {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void theJournalUpToATradeRebuildsTheStatePublishedForIt(long seq) {
    Run run = Run.of(Fixtures.engine(), SESSION);

    PortfolioEngine rebuilt = JournalReplayer.rebuild(run.journal.subList(0, run.journalAfterTrade.get(seq)), CONFIG).engine();

    assertThat(rebuilt.latest()).isEqualTo(run.stateAfterTrade.get(seq));
    assertThat(rebuilt.lastTradeSeq()).isEqualTo(seq);
  }

  @ParameterizedTest(name = "crash before trade {0}")
  @ValueSource(longs = {2, 3, 4, 5, 6, 7, 8})
  void aRecoveredEngineFinishesTheSessionFillForFill(long nextSeq) {
    Run uninterrupted = Run.of(Fixtures.engine(), SESSION);
    int crash = indexAfterTrade(nextSeq);
    Run before = Run.of(Fixtures.engine(), SESSION.subList(0, crash));

    JournalReplayer.Rebuilt rebuilt = JournalReplayer.rebuild(before.journal, CONFIG);
    Run after = Run.of(rebuilt.engine(), SESSION.subList(crash, SESSION.size()));

    List<Execution> fills = new ArrayList<>(before.fills);
    fills.addAll(after.fills);
    assertThat(fills).isEqualTo(uninterrupted.fills);
    assertThat(fills).extracting(Execution::getExecutionId).doesNotHaveDuplicates();
    assertThat(rebuilt.engine().latest()).isEqualTo(uninterrupted.engine.latest());
    assertThat(rebuilt.engine().ordersDigest()).isEqualTo(uninterrupted.engine.ordersDigest());
    assertThat(rebuilt.reconciliation().lost()).isEmpty();
    assertThat(rebuilt.reconciliation().unknownToJournal()).isEmpty();
  }

  @Test
  void tradesTheJournalAppliedAreSkippedOnceAndCarryTheRecoveredState() {
    Run before = Run.of(Fixtures.engine(), SESSION.subList(0, indexAfterTrade(4)));
    PortfolioEngine recovered = JournalReplayer.rebuild(before.journal, CONFIG).engine();
    PortfolioState state = recovered.latest();

    TradeOutcome replayed = recovered.onTrade(trade(2, "989.00", "5"));
    TradeOutcome again = recovered.onTrade(trade(2, "989.00", "5"));

    assertThat(replayed.executions()).isEmpty();
    assertThat(replayed.rejected()).isFalse();
    assertThat(replayed.state().getMeta().getSeq()).isEqualTo(2);
    assertThat(replayed.state().toBuilder().setMeta(state.getMeta()).build()).isEqualTo(state);
    assertThat(again.state()).isNull();
    assertThat(recovered.alreadyAppliedTrades()).isEqualTo(1);
    assertThat(recovered.fills()).isEqualTo(before.engine.fills());
  }

  @Test
  void aPlacementForAJournaledIntentAnswersTheJournaledOrderAndPlacesNothing() {
    Run before = Run.of(Fixtures.engine(), SESSION.subList(0, indexAfterTrade(4)));
    PortfolioEngine recovered = JournalReplayer.rebuild(before.journal, CONFIG).engine();
    long orders = recovered.orders();

    Order answer = recovered.place(order("alpha-2", 3, Side.BUY, OrderType.LIMIT, "995.00", "2"));

    assertThat(answer.getOrderId()).isEqualTo("o-alpha-2");
    assertThat(answer.getStatus()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    assertThat(answer.getPrice()).isEqualTo(Fixtures.px("990.00"));
    assertThat(recovered.orders()).isEqualTo(orders);
    assertThat(recovered.drainJournal()).isEmpty();
  }

  @Test
  void anOrderTheVenueNoLongerHasIsExpiredAndJournaledAndOneItNeverHadIsReported() {
    Run before = Run.of(Fixtures.engine(), SESSION.subList(0, indexAfterTrade(3)));
    PaperExchange paper = new PaperExchange(PaperExchangeConfig.defaults());
    OrderTicket stray = new OrderTicket("o-ghost-1", "ghost-1", "ghost", Fixtures.BTC_USD, Side.BUY, OrderType.LIMIT,
        TimeInForce.GTC, Fixtures.px("900.00"), Fixtures.qty("0.1"), 1);
    paper.submit(stray);
    PortfolioEngine engine = new PortfolioEngine(new Forgetful(paper, "o-beta-1"), new PositionBook(Fixtures.INITIAL_CAPITAL),
        CONFIG.allocationPolicy(), new InstrumentCatalog(List.of("BTC/USD")), TradingClock.eventTime());
    engine.journalChanges();

    Reconciliation reconciliation = engine.recover(before.journal);

    assertThat(reconciliation.resubmitted()).containsExactly("o-alpha-2", "o-alpha-3");
    assertThat(reconciliation.lost()).extracting(Order::getOrderId).containsExactly("o-beta-1");
    assertThat(reconciliation.lost().get(0).getStatus()).isEqualTo(OrderStatus.EXPIRED);
    assertThat(reconciliation.unknownToJournal()).containsExactly("o-ghost-1");
    assertThat(engine.latest().getOpenOrdersList()).extracting(Order::getOrderId).doesNotContain("o-beta-1");
    assertThat(engine.drainJournal()).singleElement()
        .isInstanceOfSatisfying(JournalRecord.OrderChanged.class,
            changed -> assertThat(changed.order().getStatus()).isEqualTo(OrderStatus.EXPIRED));
  }

  /** A venue that lost one order in the crash: refuses to take it back. */
  private record Forgetful(PaperExchange venue, String forgotten) implements ExchangeAdapter {
    @Override
    public Submission submit(OrderTicket ticket) {
      return venue.submit(ticket);
    }

    @Override
    public CancelAck cancel(String orderId, long requestSeq, long requestTimeUs) {
      return venue.cancel(orderId, requestSeq, requestTimeUs);
    }

    @Override
    public Optional<String> onBook(BookSnapshot snapshot) {
      return venue.onBook(snapshot);
    }

    @Override
    public Optional<String> onBook(BookDelta delta) {
      return venue.onBook(delta);
    }

    @Override
    public List<ExchangeEvent> onTrade(Trade trade) {
      return venue.onTrade(trade);
    }

    @Override
    public List<WorkingOrder> workingOrders() {
      return venue.workingOrders();
    }

    @Override
    public Submission restore(OrderTicket ticket, long filledQuantity, int fills) {
      return ticket.orderId().equals(forgotten) ? Submission.refused("unknown order") : venue.restore(ticket, filledQuantity, fills);
    }

    @Override
    public void restorePosition(String strategyId, String symbol, long signedQuantity) {
      venue.restorePosition(strategyId, symbol, signedQuantity);
    }

    @Override
    public SortedMap<String, Long> bookIssues() {
      return venue.bookIssues();
    }
  }
}
