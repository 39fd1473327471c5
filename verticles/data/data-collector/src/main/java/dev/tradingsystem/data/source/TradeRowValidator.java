package dev.tradingsystem.data.source;

import dev.tradingsystem.data.source.RowOutcome.AcceptedTrade;
import dev.tradingsystem.data.source.RowOutcome.RejectedRow;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The boundary between raw CSV text and the trading system: turns one row into a fixed-point
 * trade or a rejection with a reason. Checks run in a fixed order (field count, symbol, time,
 * price, size, side, duplicate id, ordering, price jump) so that one row always gets the same reason.
 *
 * <p>Decisions worth knowing:
 * <ul>
 *   <li>Prices and sizes are parsed exactly; a value with more significant decimals than the
 *       instrument's scale is rejected ({@code excess_precision}) instead of rounded, because
 *       rounding would silently change volume and P&amp;L. Trailing zeros are fine
 *       ({@code 800.010000000000} at scale 2 is 80001).</li>
 *   <li>Event time may be unix seconds, milliseconds, microseconds or nanoseconds, told apart by
 *       magnitude (below 1e11 seconds, below 1e14 millis, below 1e17 micros, else nanos), with
 *       optional fractions; ISO-8601 instants are accepted too. Fractions of a microsecond are
 *       truncated.</li>
 *   <li>Equal timestamps are in order (venues stamp several trades in one second); only a step
 *       back is {@code out_of_order}.</li>
 *   <li>Symbols are compared after dropping separators and case, so {@code BTCUSD},
 *       {@code btc-usd} and {@code BTC/USD} are the same instrument.</li>
 *   <li>Only accepted rows move the ordering and price-jump references: a bad row cannot
 *       poison the checks of the rows after it.</li>
 * </ul>
 * Stateful and not thread-safe: one per replay, used from one thread at a time.
 */
public final class TradeRowValidator {

  private static final BigDecimal SECONDS_LIMIT = new BigDecimal("1e11");
  private static final BigDecimal MILLIS_LIMIT = new BigDecimal("1e14");
  private static final BigDecimal MICROS_LIMIT = new BigDecimal("1e17");

  private final TradeColumns columns;
  private final Instrument instrument;
  private final String normalizedSymbol;
  private final double maxPriceJump;
  private final RecentIds ids = new RecentIds(RecentIds.DEFAULT_WINDOW);
  private long lastTimeUs = Long.MIN_VALUE;
  private long lastPrice;

  /**
   * @param maxPriceJump largest accepted relative move from the last accepted price (0.5 = 50 %)
   */
  public TradeRowValidator(TradeColumns columns, Instrument instrument, double maxPriceJump) {
    this.columns = columns;
    this.instrument = instrument;
    this.normalizedSymbol = normalizeSymbol(instrument.getSymbol());
    this.maxPriceJump = maxPriceJump;
  }

  /** Validates one data row; {@code line} is its physical line number, used for ids and dead letters. */
  public RowOutcome check(long line, String raw) {
    String[] fields = raw.split(",", -1);
    if (fields.length != columns.fieldCount()) {
      return new RejectedRow(line, RejectReason.FIELD_COUNT,
          fields.length + " fields, header has " + columns.fieldCount(), raw);
    }
    try {
      if (columns.symbol() >= 0) {
        String symbol = TradeColumns.unquote(fields[columns.symbol()]);
        if (!normalizeSymbol(symbol).equals(normalizedSymbol)) {
          throw new Refusal(RejectReason.UNKNOWN_SYMBOL, "symbol '" + symbol + "', replaying " + instrument.getSymbol());
        }
      }
      long timeUs = parseTimeMicros(TradeColumns.unquote(fields[columns.time()]));
      long price = parseUnits(TradeColumns.unquote(fields[columns.price()]), instrument.getPriceScale(),
          "price", RejectReason.NON_POSITIVE_PRICE);
      long size = parseUnits(TradeColumns.unquote(fields[columns.size()]), instrument.getSizeScale(),
          "size", RejectReason.NON_POSITIVE_SIZE);
      Side aggressor = columns.side() >= 0 ? parseSide(TradeColumns.unquote(fields[columns.side()])) : Side.SIDE_UNSPECIFIED;
      String sourceId = columns.id() >= 0 ? TradeColumns.unquote(fields[columns.id()]) : "";
      if (!sourceId.isEmpty() && ids.contains(sourceId)) {
        throw new Refusal(RejectReason.DUPLICATE, "trade id " + sourceId + " already accepted");
      }
      if (timeUs < lastTimeUs) {
        throw new Refusal(RejectReason.OUT_OF_ORDER, "time " + timeUs + " us before last accepted " + lastTimeUs + " us");
      }
      if (lastPrice > 0 && Math.abs(price - lastPrice) > maxPriceJump * lastPrice) {
        throw new Refusal(RejectReason.ABSURD_PRICE, "price " + price + " units vs last accepted " + lastPrice);
      }
      String tradeId = sourceId;
      if (tradeId.isEmpty()) {
        tradeId = instrument.getVenue() + "-" + line;
      } else {
        ids.add(tradeId);
      }
      lastTimeUs = timeUs;
      lastPrice = price;
      return new AcceptedTrade(line, timeUs, price, size, aggressor, tradeId);
    } catch (Refusal refusal) {
      return new RejectedRow(line, refusal.reason, refusal.getMessage(), raw);
    }
  }

  /** Upper case, letters and digits only: {@code btc-usd} and {@code BTC/USD} both become {@code BTCUSD}. */
  static String normalizeSymbol(String symbol) {
    StringBuilder sb = new StringBuilder(symbol.length());
    for (int i = 0; i < symbol.length(); i++) {
      char c = symbol.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        sb.append(Character.toUpperCase(c));
      }
    }
    return sb.toString();
  }

  /** Event time in microseconds; the unit is told by magnitude (see the class comment). */
  static long parseTimeMicros(String text) throws Refusal {
    if (isNonFinite(text)) {
      throw new Refusal(RejectReason.NOT_FINITE, "time '" + text + "'");
    }
    if (text.indexOf('T') > 0) {
      try {
        Instant instant = Instant.parse(text);
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
      } catch (DateTimeParseException | ArithmeticException e) {
        throw new Refusal(RejectReason.UNPARSEABLE, "time '" + text + "'");
      }
    }
    BigDecimal value = decimal(text, "time");
    if (value.signum() <= 0) {
      throw new Refusal(RejectReason.INVALID_TIMESTAMP, "time '" + text + "'");
    }
    int shift;
    if (value.compareTo(SECONDS_LIMIT) < 0) {
      shift = 6;
    } else if (value.compareTo(MILLIS_LIMIT) < 0) {
      shift = 3;
    } else if (value.compareTo(MICROS_LIMIT) < 0) {
      shift = 0;
    } else {
      shift = -3;
    }
    try {
      return value.movePointRight(shift).setScale(0, RoundingMode.DOWN).longValueExact();
    } catch (ArithmeticException e) {
      throw new Refusal(RejectReason.UNPARSEABLE, "time '" + text + "' out of range");
    }
  }

  /** Exact decimal to fixed-point units; never rounds. */
  static long parseUnits(String text, int scale, String field, RejectReason nonPositive) throws Refusal {
    if (isNonFinite(text)) {
      throw new Refusal(RejectReason.NOT_FINITE, field + " '" + text + "'");
    }
    BigDecimal value = decimal(text, field);
    if (value.signum() <= 0) {
      throw new Refusal(nonPositive, field + " '" + text + "'");
    }
    if (value.stripTrailingZeros().scale() > scale) {
      throw new Refusal(RejectReason.EXCESS_PRECISION, field + " '" + text + "' has more than " + scale + " decimals");
    }
    try {
      return value.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    } catch (ArithmeticException e) {
      throw new Refusal(RejectReason.UNPARSEABLE, field + " '" + text + "' out of range");
    }
  }

  static Side parseSide(String text) throws Refusal {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "buy", "b" -> Side.BUY;
      case "sell", "s" -> Side.SELL;
      case "" -> Side.SIDE_UNSPECIFIED;
      default -> throw new Refusal(RejectReason.UNKNOWN_SIDE, "side '" + text + "'");
    };
  }

  private static BigDecimal decimal(String text, String field) throws Refusal {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new Refusal(RejectReason.UNPARSEABLE, field + " '" + text + "'");
    }
  }

  private static boolean isNonFinite(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    if (t.startsWith("+") || t.startsWith("-")) {
      t = t.substring(1);
    }
    return t.equals("nan") || t.equals("inf") || t.equals("infinity");
  }

  /** A row refusal inside the checks; cheap because it carries no stack trace. */
  static final class Refusal extends Exception {

    private final RejectReason reason;

    Refusal(RejectReason reason, String detail) {
      super(detail, null, false, false);
      this.reason = reason;
    }

    RejectReason reason() {
      return reason;
    }
  }
}
