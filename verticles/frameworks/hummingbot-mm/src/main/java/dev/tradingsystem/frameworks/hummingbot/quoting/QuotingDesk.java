package dev.tradingsystem.frameworks.hummingbot.quoting;

import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.RiskAlert;
import dev.tradingsystem.proto.StrategyCommand;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.shared.ServiceNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several quoting strategies on several symbols in one service (Hummingbot runs one strategy per
 * bot). Each consensus goes to every strategy that trades its symbol, in configured order; each
 * strategy sees only its own inventory and quotes.
 *
 * <p>Faults are contained per strategy: an exception in one strategy's observation or decision is
 * counted against it ({@link StrategyHealth}) and its tick yields no intents, while the others
 * trade on. A strategy that fails {@code pauseAfterErrors} times within its window is paused: it
 * is no longer called, and its working quotes are cancelled (each once) as its symbols tick, so
 * no orphaned quote rests unattended. Risk alerts are held here ({@link AlertGuard}) and applied
 * to every strategy of the symbol. Not thread-safe: one owner (the verticle's context).
 */
public final class QuotingDesk {

  /** Told about faults, for logs and metrics outside the domain code. */
  public interface FaultListener {

    /** {@code strategyId} threw; {@code paused} when this error paused it. */
    void onError(String strategyId, RuntimeException error, boolean paused);
  }

  private static final Logger LOG = LoggerFactory.getLogger(QuotingDesk.class);

  private final Map<String, Seat> seats = new LinkedHashMap<>();
  private final AlertGuard alerts;
  private final RiskCuts riskCuts = new RiskCuts();
  private final FaultListener listener;
  private long lastEventTimeUs;

  private static final class Seat {
    final QuotingStrategy strategy;
    final StrategyHealth health;
    final Set<String> withdrawn = new HashSet<>();
    long intents;

    Seat(QuotingStrategy strategy, StrategyHealth health) {
      this.strategy = strategy;
      this.health = health;
    }
  }

  /**
   * @param strategies       run in this order; ids must be unique
   * @param pauseAfterErrors errors within {@code errorWindow} calls that pause a strategy
   * @param errorWindow      calls looked back on
   */
  public QuotingDesk(List<QuotingStrategy> strategies, int pauseAfterErrors, int errorWindow, AlertGuard alerts,
      FaultListener listener) {
    if (strategies.isEmpty()) {
      throw new IllegalArgumentException("a desk needs at least one strategy");
    }
    for (QuotingStrategy strategy : strategies) {
      if (seats.put(strategy.id(), new Seat(strategy, new StrategyHealth(pauseAfterErrors, errorWindow))) != null) {
        throw new IllegalArgumentException("strategy id " + strategy.id() + " is configured twice");
      }
    }
    this.alerts = alerts;
    this.listener = listener;
  }

  /**
   * Obeys an operator's {@link StrategyCommand} for one of this desk's strategies; commands for
   * other frameworks' strategies are not ours and are ignored.
   *
   * @return null when obeyed or not ours, else the reason to reject it
   *         ({@code unknown-strategy}, {@code invalid-strategy-action})
   */
  public String command(StrategyCommand command) {
    if (!command.getStrategyId().startsWith(ServiceNames.HUMMINGBOT + ".")) {
      return null;
    }
    Seat seat = seats.get(command.getStrategyId());
    if (seat == null) {
      return "unknown-strategy";
    }
    switch (command.getAction()) {
      case PAUSE -> seat.health.pause("operator " + command.getOperatorId() + ": " + command.getReason());
      case RESUME -> seat.health.resume();
      default -> {
        return "invalid-strategy-action";
      }
    }
    LOG.info("{} {} by operator {} ({})", seat.strategy.id(), command.getAction(), command.getOperatorId(),
        command.getReason());
    return null;
  }

  /** The strategy ids, in run order. */
  public List<String> strategyIds() {
    return List.copyOf(seats.keySet());
  }

  /** Feeds a valid consensus's features to the strategies of its symbol (also on skipped ticks). */
  public void observe(Consensus consensus) {
    lastEventTimeUs = Math.max(lastEventTimeUs, consensus.getMeta().getEventTimeUs());
    String symbol = consensus.getFeatures().getInstrument().getSymbol();
    // Estimators run on event time: features without their own header take the consensus's.
    FeatureVector features = consensus.getFeatures().getMeta().getEventTimeUs() > 0 ? consensus.getFeatures()
        : consensus.getFeatures().toBuilder().setMeta(consensus.getMeta()).build();
    for (Seat seat : seats.values()) {
      if (seat.health.paused() || !trades(seat, symbol)) {
        continue;
      }
      try {
        seat.strategy.observe(features);
        seat.health.succeeded();
      } catch (RuntimeException e) {
        fault(seat, e, consensus);
      }
    }
  }

  /** A risk alert, held from the latest event time seen; true when it changed a stance. */
  public boolean onAlert(RiskAlert alert) {
    return alerts.onAlert(alert, lastEventTimeUs > 0 ? lastEventTimeUs : AlertGuard.BEFORE_ANY_EVENT);
  }

  /** Every strategy's intents for this tick, strategy by strategy in run order. */
  public List<OrderIntent> decide(Consensus consensus, PortfolioState portfolio, TradingState tradingState) {
    lastEventTimeUs = Math.max(lastEventTimeUs, consensus.getMeta().getEventTimeUs());
    String symbol = consensus.getFeatures().getInstrument().getSymbol();
    MarketStance stance = alerts.stance(symbol, consensus.getMeta().getEventTimeUs());
    List<OrderIntent> all = new ArrayList<>();
    for (Seat seat : seats.values()) {
      if (!trades(seat, symbol)) {
        continue;
      }
      StrategyBook book = StrategyBook.of(portfolio, seat.strategy.id(), symbol);
      List<OrderIntent> intents = seat.health.paused()
          ? withdraw(seat, consensus, book)
          : decide(seat, new QuotingContext(consensus, book, tradingState, stance, riskCuts));
      seat.intents += intents.size();
      all.addAll(intents);
    }
    return all;
  }

  private List<OrderIntent> decide(Seat seat, QuotingContext context) {
    try {
      List<OrderIntent> intents = List.copyOf(seat.strategy.onTick(context));
      seat.health.succeeded();
      return intents;
    } catch (RuntimeException e) {
      fault(seat, e, context.consensus());
      return seat.health.paused() ? withdraw(seat, context.consensus(), context.book()) : List.of();
    }
  }

  /** A paused strategy's quotes on this symbol, each cancelled once through the strategy's own ids. */
  private List<OrderIntent> withdraw(Seat seat, Consensus consensus, StrategyBook book) {
    List<OrderIntent> cancels = new ArrayList<>();
    try {
      QuoteIntents ids = seat.strategy.intents();
      long reference = MarketView.of(consensus).lastPrice();
      for (Order order : book.working()) {
        if (seat.withdrawn.add(order.getOrderId())) {
          cancels.add(ids.cancel(consensus.getMeta(), order, reference, "cancel: strategy paused"));
        }
      }
    } catch (RuntimeException e) {
      LOG.error("{} is paused and its quotes could not be withdrawn: {}", seat.strategy.id(), e.toString());
    }
    return cancels;
  }

  private void fault(Seat seat, RuntimeException e, Consensus consensus) {
    boolean paused = seat.health.failed(e);
    LOG.error("{} failed on seq {}: {}", seat.strategy.id(), consensus.getMeta().getSeq(), e.toString(), e);
    if (paused) {
      LOG.error("{} paused: {}", seat.strategy.id(), seat.health.snapshot().pauseReason());
    }
    listener.onError(seat.strategy.id(), e, paused);
  }

  private static boolean trades(Seat seat, String symbol) {
    try {
      return seat.strategy.trades(symbol);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Quotes cut or skipped by the consensus's size haircut, every strategy together. */
  public RiskCuts riskCuts() {
    return riskCuts;
  }

  /** Errors of every strategy so far. */
  public long errors() {
    return seats.values().stream().mapToLong(seat -> seat.health.errors()).sum();
  }

  /** Per strategy, in run order: its health, intents issued and status. */
  public Map<String, StrategyReport> report() {
    Map<String, StrategyReport> report = new LinkedHashMap<>();
    seats.forEach((id, seat) -> {
      Map<String, Object> status;
      try {
        status = seat.strategy.status();
      } catch (RuntimeException e) {
        status = Map.of("statusError", e.toString());
      }
      report.put(id, new StrategyReport(seat.health.snapshot(), seat.intents, status));
    });
    return report;
  }

  /**
   * One strategy on the stats page.
   *
   * @param health  calls, errors, pause
   * @param intents intents it issued (including the desk's cancels after a pause)
   * @param status  what the strategy reports about itself
   */
  public record StrategyReport(StrategyHealth.Snapshot health, long intents, Map<String, Object> status) {
  }
}
