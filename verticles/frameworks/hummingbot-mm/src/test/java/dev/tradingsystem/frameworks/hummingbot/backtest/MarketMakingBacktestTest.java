package dev.tradingsystem.frameworks.hummingbot.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.tradingsystem.frameworks.hummingbot.Fixtures;
import dev.tradingsystem.frameworks.hummingbot.quoting.QuoteIntents;
import dev.tradingsystem.frameworks.hummingbot.quoting.QuotingContext;
import dev.tradingsystem.frameworks.hummingbot.quoting.QuotingStrategy;
import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookLevel;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.MarketEvent;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.Trade;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The backtest on a tape small enough to check by hand. BTC/USD, 1000 USD. The strategy quotes
 * once, on the first trade: a bid of 0.5 BTC at 99.99 (behind 2.0 BTC resting there) and an ask of
 * 0.5 BTC at 100.03 (a new level).
 * <pre>
 *   t s  event                               mid      our orders
 *   0    snapshot 100.00×1, 99.99×2 / 100.02  100.01
 *   1    trade buy 100.02 0.1 → we quote      100.01
 *   1.5  bid level 100.00 gone                100.005
 *   2    trade sell 99.99 1.5                 100.005  queue ahead 2.0 → 0.5
 *   3    trade sell 99.99 0.7                 100.005  fill A: buy 0.2 @ 99.99
 *   4    bids 99.99 gone, 99.98×1             100.00   (A's 1 s mark-out reads 100.005)
 *   5    trade buy 100.05 0.1                 100.00   fill B: sell 0.5 @ 100.03 (through)
 *   8    ask 100.02 gone, 100.04×1            100.01   (B's 1 s mark-out reads 100.00)
 *   12   trade sell 99.98 0.1                 100.01   fill C: buy 0.3 @ 99.99 (through)
 * </pre>
 * Spread captured: A (100.005 − 99.99)·0.2 = 0.003, B (100.03 − 100.00)·0.5 = 0.015, C (100.01 −
 * 99.99)·0.3 = 0.006: 0.024 USD on 100.01 USD filled, 2.39976 bps. One-second mark-outs: A 0.003,
 * B 0.015 (C's falls after the end); no fill reaches ten seconds. Cash 1000 − 19.998 + 50.015 −
 * 29.997 = 1000.02 with the position flat again.
 */
class MarketMakingBacktestTest {

  private static final long SECOND = 1_000_000L;
  private static final long T0 = Fixtures.T0_US;

  /** Quotes one bid and one ask on its first decision, then nothing. */
  private static final class QuoteOnce implements QuotingStrategy {
    private final QuoteIntents intents = new QuoteIntents("hummingbot-mm.once");
    private boolean quoted;

    @Override
    public String id() {
      return intents.strategyId();
    }

    @Override
    public List<OrderIntent> onTick(QuotingContext context) {
      if (quoted) {
        return List.of();
      }
      quoted = true;
      Meta cause = context.consensus().getMeta();
      return List.of(intents.quote(cause, Fixtures.BTC_USD, Side.BUY, 9_999, Fixtures.ONE_BTC / 2, 10_002, "bid"),
          intents.quote(cause, Fixtures.BTC_USD, Side.SELL, 10_003, Fixtures.ONE_BTC / 2, 10_002, "ask"));
    }

    @Override
    public QuoteIntents intents() {
      return intents;
    }
  }

  private static Meta at(double seconds) {
    return Meta.newBuilder().setEventTimeUs(T0 + Math.round(seconds * SECOND)).build();
  }

  private static BookLevel level(long cents, double btc) {
    return BookLevel.newBuilder().setPrice(cents).setSize(Math.round(btc * Fixtures.ONE_BTC)).build();
  }

  private static MarketEvent trade(double seconds, Side aggressor, long cents, double btc) {
    return MarketEvent.newBuilder().setTrade(Trade.newBuilder().setMeta(at(seconds)).setInstrument(Fixtures.BTC_USD)
        .setAggressor(aggressor).setPrice(cents).setSize(Math.round(btc * Fixtures.ONE_BTC))).build();
  }

  private static MarketEvent delta(double seconds, long id, List<BookLevel> bids, List<BookLevel> asks) {
    return MarketEvent.newBuilder().setDelta(BookDelta.newBuilder().setMeta(at(seconds)).setFirstUpdateId(id)
        .setLastUpdateId(id).addAllBids(bids).addAllAsks(asks)).build();
  }

  private static List<MarketEvent> tape() {
    List<MarketEvent> events = new ArrayList<>();
    events.add(MarketEvent.newBuilder().setSnapshot(BookSnapshot.newBuilder().setMeta(at(0)).setLastUpdateId(10)
        .addBids(level(10_000, 1)).addBids(level(9_999, 2)).addAsks(level(10_002, 1))).build());
    events.add(trade(1, Side.BUY, 10_002, 0.1));
    events.add(delta(1.5, 11, List.of(level(10_000, 0)), List.of()));
    events.add(trade(2, Side.SELL, 9_999, 1.5));
    events.add(trade(3, Side.SELL, 9_999, 0.7));
    events.add(delta(4, 12, List.of(level(9_999, 0), level(9_998, 1)), List.of()));
    events.add(trade(5, Side.BUY, 10_005, 0.1));
    events.add(delta(8, 13, List.of(), List.of(level(10_002, 0), level(10_004, 1))));
    events.add(trade(12, Side.SELL, 9_998, 0.1));
    return events;
  }

  @Test
  void fillsMarkOutsAndPnlMatchTheHandCalculation() {
    BacktestReport report = new MarketMakingBacktest(BacktestSettings.of(Fixtures.BTC_USD, Fixtures.usd(1000)))
        .run(new QuoteOnce(), tape().iterator());

    assertThat(report.fills()).extracting(BacktestReport.FillRecord::seq, BacktestReport.FillRecord::side,
            BacktestReport.FillRecord::price, BacktestReport.FillRecord::quantity, BacktestReport.FillRecord::midAtFill)
        .containsExactly(
            tuple(5L, Side.BUY, 9_999L, 20_000_000L, 100.005),
            tuple(7L, Side.SELL, 10_003L, 50_000_000L, 100.0),
            tuple(9L, Side.BUY, 9_999L, 30_000_000L, 100.01));
    assertThat(report.fills()).extracting(f -> f.midsAfter().get(0))
        .containsExactly(100.005, 100.0, Double.NaN);
    assertThat(report.fills()).allSatisfy(f -> assertThat(f.midsAfter().get(1)).isNaN());
    BacktestReport.Summary summary = report.summary();
    assertThat(summary.events()).isEqualTo(9);
    assertThat(summary.decisions()).isEqualTo(5);
    assertThat(summary.ordersPlaced()).isEqualTo(2);
    assertThat(summary.fills()).isEqualTo(3);
    assertThat(summary.boughtQuantity()).isEqualTo(50_000_000);
    assertThat(summary.soldQuantity()).isEqualTo(50_000_000);
    assertThat(summary.finalPosition()).isZero();
    assertThat(summary.maxAbsPosition()).isEqualTo(30_000_000);
    assertThat(summary.spreadCapturedMicros()).isEqualTo(24_000);
    assertThat(summary.spreadCapturedBps()).isCloseTo(2.39976, within(1e-5));
    assertThat(summary.markoutMicros()).containsExactly(18_000L, 0L);
    assertThat(summary.initialEquityMicros()).isEqualTo(1_000_000_000);
    assertThat(summary.finalEquityMicros()).isEqualTo(1_000_020_000);
    assertThat(summary.pnlMicros()).isEqualTo(20_000);
    assertThat(report.steps()).extracting(BacktestReport.Step::seq, BacktestReport.Step::position)
        .containsExactly(tuple(2L, 0L), tuple(4L, 0L), tuple(5L, 20_000_000L), tuple(7L, -30_000_000L), tuple(9L, 0L));
  }

  @Test
  void withLatencyTheQuotesMissTheFirstPrints() {
    BacktestReport report = new MarketMakingBacktest(BacktestSettings.of(Fixtures.BTC_USD, Fixtures.usd(1000))
        .withLatencyMicros(2_500_000)).run(new QuoteOnce(), tape().iterator());

    // Arriving at 3.5 s, after the prints at 2 and 3 s, the bid queues behind the 2.0 BTC the book
    // still shows at 99.99; the delta at 4 s empties that level and the trade through it at 12 s
    // fills the whole bid. The ask, also resting from 3.5 s, is swept at 5 s as before.
    assertThat(report.fills()).extracting(BacktestReport.FillRecord::seq, BacktestReport.FillRecord::side,
            BacktestReport.FillRecord::quantity)
        .containsExactly(tuple(7L, Side.SELL, 50_000_000L), tuple(9L, Side.BUY, 50_000_000L));
  }
}
