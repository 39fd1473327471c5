package dev.tradingsystem.portfolio.order;

import dev.tradingsystem.portfolio.market.InstrumentCatalog;
import dev.tradingsystem.proto.ApprovedOrder;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.IntentKind;
import dev.tradingsystem.proto.OrderIntent;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.RejectCode;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.TimeInForce;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The portfolio's boundary for approved orders. First the approval: risk is never bypassed, so
 * anything without an approval naming its own intent is refused before it is even read. Then the
 * intent itself, because the risk gate may run another version, or a caller may not be the
 * risk gate at all.
 */
public final class OrderIntake {

  private final InstrumentCatalog catalog;

  public OrderIntake(InstrumentCatalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Checks a NEW_ORDER.
   *
   * @param alreadyPlaced tells whether an intent id was accepted before
   * @return empty when the order may go to the exchange
   */
  public Optional<Rejection> checkNew(ApprovedOrder approved, Predicate<String> alreadyPlaced) {
    Optional<Rejection> approval = checkApproval(approved);
    if (approval.isPresent()) {
      return approval;
    }
    OrderIntent intent = approved.getIntent();
    if (intent.getKind() != IntentKind.NEW_ORDER) {
      return reject(RejectCode.INVALID_INTENT, "placeOrder takes NEW_ORDER intents, got " + intent.getKind());
    }
    if (intent.getStrategyId().isBlank()) {
      return reject(RejectCode.INVALID_INTENT, "strategy_id is empty");
    }
    if (intent.getSide() != Side.BUY && intent.getSide() != Side.SELL) {
      return reject(RejectCode.INVALID_INTENT, "side must be BUY or SELL, got " + intent.getSide());
    }
    if (intent.getType() != OrderType.MARKET && intent.getType() != OrderType.LIMIT) {
      return reject(RejectCode.INVALID_INTENT, "type must be MARKET or LIMIT, got " + intent.getType());
    }
    Optional<Rejection> instrument = checkInstrument(intent);
    if (instrument.isPresent()) {
      return instrument;
    }
    Optional<Rejection> terms = checkTerms(intent);
    if (terms.isPresent()) {
      return terms;
    }
    if (alreadyPlaced.test(intent.getIntentId())) {
      return reject(RejectCode.DUPLICATE_INTENT, "intent " + intent.getIntentId() + " was already placed");
    }
    return Optional.empty();
  }

  /** Checks a CANCEL_ORDER: approval, kind and the order it names (whether it is working is the caller's check). */
  public Optional<Rejection> checkCancel(ApprovedOrder approved) {
    Optional<Rejection> approval = checkApproval(approved);
    if (approval.isPresent()) {
      return approval;
    }
    OrderIntent intent = approved.getIntent();
    if (intent.getKind() != IntentKind.CANCEL_ORDER) {
      return reject(RejectCode.INVALID_INTENT, "cancelOrder takes CANCEL_ORDER intents, got " + intent.getKind());
    }
    if (intent.getCancelOrderId().isBlank()) {
      return reject(RejectCode.INVALID_INTENT, "cancel_order_id is empty");
    }
    return Optional.empty();
  }

  /** An approval must be present and name exactly this intent. */
  public static Optional<Rejection> checkApproval(ApprovedOrder approved) {
    String intentId = approved.getIntent().getIntentId();
    if (!approved.hasApproval() || approved.getApproval().getIntentId().isEmpty()) {
      return reject(RejectCode.MISSING_APPROVAL, "no risk approval for intent '" + intentId + "'");
    }
    if (intentId.isEmpty() || !approved.getApproval().getIntentId().equals(intentId)) {
      return reject(RejectCode.MISSING_APPROVAL, "approval " + approved.getApproval().getApprovalId()
          + " names intent '" + approved.getApproval().getIntentId() + "', not '" + intentId + "'");
    }
    return Optional.empty();
  }

  private Optional<Rejection> checkInstrument(OrderIntent intent) {
    String symbol = intent.getInstrument().getSymbol();
    if (symbol.isBlank()) {
      return reject(RejectCode.UNKNOWN_SYMBOL, "symbol is empty");
    }
    if (!catalog.isKnown(symbol)) {
      return reject(RejectCode.UNKNOWN_SYMBOL, "the venue does not trade " + symbol);
    }
    return catalog.scaleMismatch(intent.getInstrument())
        .map(reason -> new Rejection(RejectCode.INVALID_PRECISION, reason));
  }

  private Optional<Rejection> checkTerms(OrderIntent intent) {
    Instrument instrument = catalog.instrument(intent.getInstrument().getSymbol()).orElse(intent.getInstrument());
    if (intent.getQuantity() <= 0) {
      return reject(RejectCode.INVALID_QUANTITY, "quantity must be positive, got " + intent.getQuantity());
    }
    long lot = Math.max(1, instrument.getLotSize());
    if (intent.getQuantity() % lot != 0) {
      return reject(RejectCode.INVALID_PRECISION, "quantity " + intent.getQuantity() + " is not a multiple of the lot " + lot);
    }
    if (intent.getQuantity() < instrument.getMinSize()) {
      return reject(RejectCode.BELOW_MIN_SIZE, "quantity " + intent.getQuantity() + " is below the minimum " + instrument.getMinSize());
    }
    if (intent.getType() == OrderType.LIMIT) {
      if (intent.getPrice() <= 0) {
        return reject(RejectCode.INVALID_PRICE, "limit price must be positive, got " + intent.getPrice());
      }
      long tick = Math.max(1, instrument.getTickSize());
      if (intent.getPrice() % tick != 0) {
        return reject(RejectCode.INVALID_PRECISION, "limit price " + intent.getPrice() + " is not a multiple of the tick " + tick);
      }
    } else if (intent.getTimeInForce() == TimeInForce.POST_ONLY) {
      return reject(RejectCode.INVALID_INTENT, "a market order cannot be post-only");
    }
    return Optional.empty();
  }

  private static Optional<Rejection> reject(RejectCode code, String reason) {
    return Optional.of(new Rejection(code, reason));
  }
}
