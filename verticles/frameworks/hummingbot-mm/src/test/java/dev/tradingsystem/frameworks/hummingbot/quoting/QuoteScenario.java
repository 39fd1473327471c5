package dev.tradingsystem.frameworks.hummingbot.quoting;

import dev.tradingsystem.frameworks.hummingbot.Fixtures;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.IntentKind;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.shared.money.FixedPoint;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plays a strategy tick by tick against a stand-in venue that accepts every order and cancel at
 * once, so a table can read like a trader's log: each tick's time, mid, an optional fill of the
 * best resting bid or ask, and the intents rendered as {@code +bid 990.00 0.1} (new quote) and
 * {@code -ask 1010.00} (cancel), in the order sent. BTC/USD at Bitstamp scales, no fees.
 */
public final class QuoteScenario {

  private final QuotingStrategy strategy;
  private final Map<String, Order> working = new LinkedHashMap<>();
  private boolean cancelsLand = true;
  private long position;
  private final long capitalMicros;
  private long quoteMicros;
  private long seq;
  private TradingState state = TradingState.ACTIVE;
  private MarketStance stance = MarketStance.NORMAL;
  private double haircut;
  private final RiskCuts riskCuts = new RiskCuts();

  public QuoteScenario(QuotingStrategy strategy, long capitalMicros) {
    this.strategy = strategy;
    this.capitalMicros = capitalMicros;
    this.quoteMicros = capitalMicros;
  }

  /** Starts with inventory bought at {@code price} (cost paid out of the capital). */
  public QuoteScenario holding(double btc, double price) {
    long size = Math.round(btc * Fixtures.ONE_BTC);
    position += size;
    quoteMicros -= FixedPoint.notionalMicros(Math.round(price * 100), size, Fixtures.BTC_USD);
    return this;
  }

  public QuoteScenario state(TradingState tradingState) {
    this.state = tradingState;
    return this;
  }

  public QuoteScenario stance(MarketStance marketStance) {
    this.stance = marketStance;
    return this;
  }

  /** The coordinator's size haircut on the following ticks' consensus. */
  public QuoteScenario haircut(double sizeHaircut) {
    this.haircut = sizeHaircut;
    return this;
  }

  /** Quotes the haircut cut or skipped so far. */
  public RiskCuts riskCuts() {
    return riskCuts;
  }

  /** Cancels are sent but do not land (a venue with cancel latency): the orders stay working. */
  public QuoteScenario cancelsInFlight() {
    this.cancelsLand = false;
    return this;
  }

  /** One tick at {@code seconds} after T0; {@code fill} ("bid", "ask" or blank) fills that side's best order first. */
  public String tick(double seconds, double mid, String fill) {
    if ("bid".equals(fill) || "ask".equals(fill)) {
      fillBest(fill.equals("bid") ? Side.BUY : Side.SELL);
    }
    seq++;
    Consensus consensus = Fixtures.at(seq, Math.round(seconds * 1_000_000), mid).toBuilder()
        .setSizeHaircut(haircut).build();
    List<OrderIntent> intents = strategy.onTick(new QuotingContext(consensus,
        new StrategyBook(position, List.copyOf(working.values()), capitalMicros, quoteMicros), state, stance,
        riskCuts));
    List<String> rendered = new ArrayList<>();
    for (OrderIntent intent : intents) {
      if (intent.getKind() == IntentKind.CANCEL_ORDER) {
        Order cancelled = cancelsLand ? working.remove(intent.getCancelOrderId()) : working.get(intent.getCancelOrderId());
        rendered.add("-" + side(intent.getSide()) + " " + price(cancelled == null ? intent.getPrice() : cancelled.getPrice()));
      } else {
        working.put(QuoteIntents.orderIdOf(intent), Order.newBuilder().setOrderId(QuoteIntents.orderIdOf(intent))
            .setIntentId(intent.getIntentId()).setStrategyId(intent.getStrategyId()).setInstrument(intent.getInstrument())
            .setSide(intent.getSide()).setPrice(intent.getPrice()).setQuantity(intent.getQuantity())
            .setTimeInForce(intent.getTimeInForce()).setType(intent.getType()).setStatus(OrderStatus.ACCEPTED).build());
        rendered.add("+" + side(intent.getSide()) + " " + price(intent.getPrice()) + " " + size(intent.getQuantity())
            + (intent.getReduceOnly() ? " reduce-only" : ""));
      }
    }
    return String.join("; ", rendered);
  }

  /**
   * Plays a table, one tick per row: {@code time s | mid | fill | intents}; the first line is the
   * header. Each row's intents must read exactly as given (blank: none).
   */
  public void play(String table) {
    List<String> rows = table.lines().filter(line -> !line.isBlank()).skip(1).toList();
    for (String row : rows) {
      String[] cells = (row + " ").split("\\|", -1);
      double time = Double.parseDouble(cells[0].trim());
      double mid = Double.parseDouble(cells[1].trim());
      String fill = cells[2].trim();
      String expected = cells.length > 3 ? cells[3].trim() : "";
      org.assertj.core.api.Assertions.assertThat(tick(time, mid, fill))
          .as("intents at t=%s s, mid %s%s", cells[0].trim(), cells[1].trim(), fill.isEmpty() ? "" : ", " + fill + " filled")
          .isEqualTo(expected);
    }
  }

  /** Resting orders, rendered like new quotes. */
  public String resting() {
    return working.values().stream().map(o -> side(o.getSide()) + " " + price(o.getPrice()) + " " + size(o.getQuantity()))
        .collect(Collectors.joining("; "));
  }

  private void fillBest(Side side) {
    Order best = working.values().stream().filter(o -> o.getSide() == side)
        .max((a, b) -> side == Side.BUY ? Long.compare(a.getPrice(), b.getPrice()) : Long.compare(b.getPrice(), a.getPrice()))
        .orElseThrow(() -> new AssertionError("no resting " + side + " to fill"));
    working.remove(best.getOrderId());
    long notional = FixedPoint.notionalMicros(best.getPrice(), best.getQuantity(), Fixtures.BTC_USD);
    position += side == Side.BUY ? best.getQuantity() : -best.getQuantity();
    quoteMicros += side == Side.BUY ? -notional : notional;
  }

  private static String side(Side side) {
    return side == Side.BUY ? "bid" : "ask";
  }

  private static String price(long cents) {
    return BigDecimal.valueOf(cents, 2).toPlainString();
  }

  private static String size(long satoshis) {
    return BigDecimal.valueOf(satoshis, 8).stripTrailingZeros().toPlainString();
  }
}
