package dev.tradingsystem.frameworks.hummingbot.quoting;

import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TradingState;
import dev.tradingsystem.shared.ServiceNames;
import dev.tradingsystem.shared.money.FixedPoint;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hummingbot's Avellaneda–Stoikov market maker ({@code hummingbot-mm.as-mm}): one bid and one ask
 * of a fixed size around the reservation price, per tick:
 * <ul>
 *   <li>inventory is measured against a target share of the strategy's capital and skews both
 *       quotes away from growing it further;</li>
 *   <li>a side whose fill would take the inventory beyond {@code maxInventory} is not quoted (and
 *       its resting quote is cancelled);</li>
 *   <li>a resting quote is replaced (cancel, then new quote) only when it is due for refresh and the
 *       wanted price moved beyond the tolerance;</li>
 *   <li>when the risk gate is not ACTIVE (HALTED or REDUCING) nothing is quoted and every resting
 *       quote is cancelled.</li>
 * </ul>
 * Not thread-safe: one owner.
 */
public final class AvellanedaStoikovMaker implements QuotingStrategy {

  public static final String NAME = "as-mm";
  public static final String ID = ServiceNames.HUMMINGBOT + "." + NAME;

  /**
   * @param orderAmount        size of each quote, base units
   * @param maxInventory       largest |inventory| a fill may leave, base units
   * @param targetBaseFraction share of the strategy's capital to hold in base currency (0 = flat)
   */
  public record Settings(double orderAmount, double maxInventory, double targetBaseFraction) {
  }

  private final QuotePricer pricer;
  private final RefreshPolicy refresh;
  private final Settings settings;
  private final QuoteIntents intents = new QuoteIntents(ID);
  private final Map<Side, Long> quotedAtSeq = new EnumMap<>(Side.class);

  public AvellanedaStoikovMaker(QuotePricer pricer, RefreshPolicy refresh, Settings settings) {
    this.pricer = pricer;
    this.refresh = refresh;
    this.settings = settings;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<OrderIntent> onTick(QuotingContext context) {
    Consensus consensus = context.consensus();
    FeatureVector features = consensus.getFeatures();
    Instrument instrument = features.getInstrument();
    StrategyBook book = context.book();
    long lastPrice = FixedPoint.toUnits(features.getPrice(), instrument.getPriceScale());
    long amount = FixedPoint.roundToLot(FixedPoint.toUnits(settings.orderAmount(), instrument.getSizeScale()), instrument);
    long maxInventory = FixedPoint.toUnits(settings.maxInventory(), instrument.getSizeScale());
    long bid = 0;
    long ask = 0;
    String why;
    if (context.tradingState() != TradingState.ACTIVE) {
      why = "trading " + context.tradingState().name().toLowerCase(Locale.ROOT);
    } else if (amount < Math.max(1, instrument.getMinSize())) {
      why = "order amount below minimum size";
    } else {
      QuotePricer.Plan plan = pricer.price(consensus, inventory(book, features, instrument));
      bid = book.position() + amount <= maxInventory ? plan.bid() : 0;
      ask = book.position() - amount >= -maxInventory ? plan.ask() : 0;
      why = "inventory limit";
    }
    Meta cause = consensus.getMeta();
    List<OrderIntent> result = new ArrayList<>();
    side(result, cause, instrument, Side.BUY, bid, amount, book.workingOn(Side.BUY), lastPrice, why);
    side(result, cause, instrument, Side.SELL, ask, amount, book.workingOn(Side.SELL), lastPrice, why);
    return result;
  }

  /** q: base units held minus the target holding (a share of capital at the mid). */
  private double inventory(StrategyBook book, FeatureVector features, Instrument instrument) {
    double held = FixedPoint.toDouble(book.position(), instrument.getSizeScale());
    double target = settings.targetBaseFraction() * FixedPoint.microsToDouble(book.capitalMicros())
        / QuotePricer.mid(features);
    return held - target;
  }

  /** Brings one side to {@code desired} (0 = no quote on this side). */
  private void side(List<OrderIntent> out, Meta cause, Instrument instrument, Side side, long desired, long amount,
      List<Order> working, long lastPrice, String offReason) {
    String label = side == Side.BUY ? "bid" : "ask";
    if (desired <= 0) {
      for (Order order : working) {
        out.add(intents.cancel(cause, order, lastPrice, "cancel " + label + ": " + offReason));
      }
      return;
    }
    long seq = cause.getSeq();
    if (working.size() == 1) {
      Order resting = working.get(0);
      if (!refresh.due(seq, quotedAtSeq.get(side)) || !refresh.moved(resting.getPrice(), desired)) {
        return;
      }
      out.add(intents.cancel(cause, resting, lastPrice, "refresh " + label));
    } else {
      // None resting, or several (a cancel that did not land): start the side over with one quote.
      for (Order order : working) {
        out.add(intents.cancel(cause, order, lastPrice, "refresh " + label));
      }
    }
    out.add(intents.quote(cause, instrument, side, desired, amount, lastPrice, "quote " + label));
    quotedAtSeq.put(side, seq);
  }
}
