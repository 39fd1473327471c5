package dev.tradingsystem.portfolio;

import static dev.tradingsystem.portfolio.HftBacktestTape.BTC_USDT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.portfolio.allocation.FixedFractionAllocation;
import dev.tradingsystem.portfolio.book.PositionBook;
import dev.tradingsystem.portfolio.exchange.PaperExchange;
import dev.tradingsystem.portfolio.exchange.PaperExchangeConfig;
import dev.tradingsystem.portfolio.exchange.WorkingOrder;
import dev.tradingsystem.portfolio.market.InstrumentCatalog;
import dev.tradingsystem.proto.Approval;
import dev.tradingsystem.proto.ApprovedOrder;
import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookLevel;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.Execution;
import dev.tradingsystem.proto.IntentKind;
import dev.tradingsystem.proto.Liquidity;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.Quote;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TimeInForce;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.shared.clock.TradingClock;
import dev.tradingsystem.shared.testing.SharedDataLocator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Six minutes of real Binance spot BTC/USDT (hftbacktest capture, 2024-08-08: one REST snapshot,
 * 100 ms depth diffs, every trade) through the engine. A market maker joins the touch every 25
 * trades with 0.002 BTC a side (cancelling its previous quotes); a taker crosses 0.02 BTC every
 * 400 trades. The test keeps its own account of everything that can move a quote up its queue
 * (prints at its price from the hitting side, displayed-size decreases at its price, our own
 * takes there, any print through it) and checks that no quote filled as maker before that account
 * covered the size displayed ahead of it on arrival. Two replays must agree on every execution,
 * every state and the orders digest.
 */
class BinanceL2ReplayTest {

  private static final Logger LOG = LoggerFactory.getLogger(BinanceL2ReplayTest.class);
  private static final long CAPITAL = Fixtures.usd("1000000");
  private static final long QUOTE_SIZE = 200_000;
  private static final long TAKER_SIZE = 2_000_000;
  private static List<Object> tape;

  /** What could have moved one quote up its queue since it was placed. */
  private static final class QuoteTrack {
    final Side side;
    final long price;
    final WorkingOrder order;
    long advance;
    long printsAtPrice;
    int levelChanges;
    boolean swept;
    Long advanceAtFirstMakerFill;

    QuoteTrack(Side side, long price, WorkingOrder order) {
      this.side = side;
      this.price = price;
      this.order = order;
    }

    boolean open() {
      return advanceAtFirstMakerFill == null;
    }
  }

  private record Run(List<Execution> executions, List<PortfolioState> states, String digest,
      Map<String, QuoteTrack> quotes, Map<String, Long> bookIssues) {
  }

  @BeforeAll
  static void loadTape() throws IOException {
    tape = HftBacktestTape.read(SharedDataLocator.require("data/orderbook/hftbacktest/spot/btcusdt_20240808.gz"));
  }

  @ParameterizedTest(name = "submit latency {0} us, cancel latency {1} us")
  @CsvSource({"0, 0", "5000, 5000"})
  void quotesFillOnlyAfterTheirQueueAndReplaysAgree(long submitUs, long cancelUs) {
    PaperExchangeConfig config = PaperExchangeConfig.defaults().withLatency(submitUs, cancelUs);

    Run first = replay(config);
    Run second = replay(config);

    assertThat(first.executions()).isEqualTo(second.executions());
    assertThat(first.states()).isEqualTo(second.states());
    assertThat(first.digest()).isEqualTo(second.digest());
    assertThat(first.bookIssues()).as("the real capture has no gaps").isEmpty();

    List<QuoteTrack> makerFilled = first.quotes().values().stream()
        .filter(q -> q.advanceAtFirstMakerFill != null).toList();
    List<QuoteTrack> behindAQueue = makerFilled.stream().filter(q -> q.order.queueAheadOnArrival() > 0).toList();
    List<QuoteTrack> heldBack = first.quotes().values().stream()
        .filter(q -> q.open() && q.printsAtPrice > 0 && q.order.queueAheadOnArrival() > q.printsAtPrice).toList();
    LOG.info("latency {}/{} us: {} quotes, {} maker-filled ({} from behind a queue), {} held back by their queue, "
            + "{} executions", submitUs, cancelUs, first.quotes().size(), makerFilled.size(), behindAQueue.size(),
        heldBack.size(), first.executions().size());

    assertThat(behindAQueue).as("quotes that filled from behind a displayed queue").hasSizeGreaterThan(5);
    assertThat(heldBack).as("quotes that saw prints at their price but not enough to reach them").isNotEmpty();
    assertThat(makerFilled).allSatisfy(quote -> assertThat(quote.swept
        || quote.advanceAtFirstMakerFill + quote.levelChanges >= quote.order.queueAheadOnArrival())
        .as("%s %s: advance %s vs queue ahead on arrival %s", quote.order.ticket().orderId(), quote.side,
            quote.advanceAtFirstMakerFill, quote.order.queueAheadOnArrival())
        .isTrue());
    assertThat(first.executions()).extracting(Execution::getLiquidity).contains(Liquidity.MAKER, Liquidity.TAKER);
  }

  private static Run replay(PaperExchangeConfig config) {
    PaperExchange exchange = new PaperExchange(config);
    PortfolioEngine engine = new PortfolioEngine(exchange, new PositionBook(CAPITAL),
        new FixedFractionAllocation(CAPITAL, Map.of(), 0.5, 1.0), new InstrumentCatalog(List.of("BTC/USDT")),
        TradingClock.eventTime());
    FeedView view = new FeedView();
    Map<String, QuoteTrack> quotes = new LinkedHashMap<>();
    List<String> liveQuotes = new ArrayList<>();
    List<Execution> executions = new ArrayList<>();
    List<PortfolioState> states = new ArrayList<>();
    Quote touch = null;
    int trades = 0;
    int intents = 0;
    for (Object event : tape) {
      if (event instanceof Quote quote) {
        touch = quote;
      } else if (event instanceof BookSnapshot snapshot) {
        assertThat(engine.onBook(snapshot)).isEmpty();
        view.replace(snapshot, quotes);
      } else if (event instanceof BookDelta delta) {
        assertThat(engine.onBook(delta)).isEmpty();
        view.apply(delta, quotes);
      } else if (event instanceof Trade trade) {
        prints(trade, quotes);
        TradeOutcome outcome = engine.onTrade(trade);
        executions.addAll(outcome.executions());
        states.add(outcome.state());
        fills(outcome.executions(), quotes);
        trades++;
        Meta meta = trade.getMeta();
        if (trades % 25 == 0 && view.synced && touch != null) {
          for (String orderId : liveQuotes) {
            engine.cancel(cancel("mm-" + ++intents, meta, orderId));
          }
          liveQuotes.clear();
          for (Side side : List.of(Side.BUY, Side.SELL)) {
            long price = side == Side.BUY ? touch.getBidPrice() : touch.getAskPrice();
            String intentId = "mm-" + ++intents;
            engine.place(order(intentId, "mm", meta, side, OrderType.LIMIT, price, QUOTE_SIZE));
            exchange.order("o-" + intentId).ifPresent(order -> {
              quotes.put(order.ticket().orderId(), new QuoteTrack(side, price, order));
              liveQuotes.add(order.ticket().orderId());
            });
          }
        }
        if (trades % 400 == 0 && view.synced) {
          Side side = (trades / 400) % 2 == 0 ? Side.SELL : Side.BUY;
          engine.place(order("tk-" + ++intents, "tk", meta, side, OrderType.MARKET, 0, TAKER_SIZE));
        }
      }
    }
    return new Run(executions, states, engine.ordersDigest(), quotes, Map.copyOf(exchange.bookIssues()));
  }

  /**
   * Prints at a quote's price from the side that hits it advance it; any print through it proves
   * its level empty (the venue removes levels the tape went through).
   */
  private static void prints(Trade trade, Map<String, QuoteTrack> quotes) {
    for (QuoteTrack quote : quotes.values()) {
      if (!quote.open()) {
        continue;
      }
      boolean hitsQuote = quote.side == Side.BUY ? trade.getAggressor() == Side.SELL : trade.getAggressor() == Side.BUY;
      if (trade.getPrice() == quote.price && hitsQuote) {
        quote.advance += trade.getSize();
        quote.printsAtPrice += trade.getSize();
      } else if (quote.side == Side.BUY ? trade.getPrice() < quote.price : trade.getPrice() > quote.price) {
        quote.swept = true;
      }
    }
  }

  /** Our own takes at a quote's level advance it; a quote's first maker fill freezes its account. */
  private static void fills(List<Execution> executions, Map<String, QuoteTrack> quotes) {
    for (Execution execution : executions) {
      if (execution.getLiquidity() == Liquidity.TAKER) {
        Side levelSide = execution.getSide() == Side.BUY ? Side.SELL : Side.BUY;
        quotes.values().stream().filter(q -> q.open() && q.side == levelSide && q.price == execution.getPrice())
            .forEach(q -> q.advance += execution.getQuantity());
      }
    }
    for (Execution execution : executions) {
      QuoteTrack quote = quotes.get(execution.getOrderId());
      if (quote != null && quote.open() && execution.getLiquidity() == Liquidity.MAKER) {
        quote.advanceAtFirstMakerFill = quote.advance;
      }
    }
  }

  private static ApprovedOrder order(String intentId, String strategyId, Meta meta, Side side, OrderType type,
      long price, long quantity) {
    return approved(OrderIntent.newBuilder().setMeta(meta).setIntentId(intentId).setStrategyId(strategyId)
        .setInstrument(BTC_USDT).setKind(IntentKind.NEW_ORDER).setSide(side).setType(type).setPrice(price)
        .setQuantity(quantity).setTimeInForce(TimeInForce.GTC).build());
  }

  private static ApprovedOrder cancel(String intentId, Meta meta, String orderId) {
    return approved(OrderIntent.newBuilder().setMeta(meta).setIntentId(intentId).setStrategyId("mm")
        .setInstrument(BTC_USDT).setKind(IntentKind.CANCEL_ORDER).setCancelOrderId(orderId).build());
  }

  private static ApprovedOrder approved(OrderIntent intent) {
    return ApprovedOrder.newBuilder().setMeta(intent.getMeta()).setIntent(intent)
        .setApproval(Approval.newBuilder().setApprovalId("a-" + intent.getIntentId()).setIntentId(intent.getIntentId()))
        .build();
  }

  /** The test's own copy of the displayed book, from the raw feed, to see size decreases at quote prices. */
  private static final class FeedView {
    private final Map<Long, Long> bids = new HashMap<>();
    private final Map<Long, Long> asks = new HashMap<>();
    private long lastUpdateId;
    boolean synced;

    void replace(BookSnapshot snapshot, Map<String, QuoteTrack> quotes) {
      bids.clear();
      asks.clear();
      snapshot.getBidsList().forEach(level -> set(Side.BUY, level, quotes));
      snapshot.getAsksList().forEach(level -> set(Side.SELL, level, quotes));
      lastUpdateId = snapshot.getLastUpdateId();
      synced = true;
    }

    void apply(BookDelta delta, Map<String, QuoteTrack> quotes) {
      if (!synced || delta.getLastUpdateId() <= lastUpdateId) {
        return;
      }
      lastUpdateId = delta.getLastUpdateId();
      delta.getBidsList().forEach(level -> set(Side.BUY, level, quotes));
      delta.getAsksList().forEach(level -> set(Side.SELL, level, quotes));
    }

    private void set(Side side, BookLevel level, Map<String, QuoteTrack> quotes) {
      Map<Long, Long> levels = side == Side.BUY ? bids : asks;
      long before = levels.getOrDefault(level.getPrice(), 0L);
      long after = level.getSize();
      if (after == 0) {
        levels.remove(level.getPrice());
      } else {
        levels.put(level.getPrice(), after);
      }
      for (QuoteTrack quote : quotes.values()) {
        if (quote.open() && quote.side == side && quote.price == level.getPrice() && before != after) {
          quote.advance += Math.max(0, before - after);
          quote.levelChanges++;
        }
      }
    }
  }
}
