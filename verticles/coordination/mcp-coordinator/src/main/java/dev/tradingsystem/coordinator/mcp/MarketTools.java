package dev.tradingsystem.coordinator.mcp;

import dev.tradingsystem.coordinator.state.MarketWatch;
import dev.tradingsystem.mcp.InputSchema;
import dev.tradingsystem.mcp.McpTool;
import dev.tradingsystem.mcp.SchemaProperty;
import dev.tradingsystem.mcp.ToolCall;
import dev.tradingsystem.mcp.ToolRejection;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.shared.money.FixedPoint;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Market context from the latest features the coordinator saw: {@code get_market_snapshot} and
 * {@code get_features}.
 */
final class MarketTools {

  static final String TICK = "tick";
  private static final Pattern TIMEFRAME = Pattern.compile("(\\d{1,7})([smhd]?)");

  private final MarketWatch market;
  private final SymbolGuard symbols;

  MarketTools(MarketWatch market, SymbolGuard symbols) {
    this.market = market;
    this.symbols = symbols;
  }

  List<McpTool> tools() {
    return List.of(snapshot(), features());
  }

  private McpTool snapshot() {
    return McpTool.readOnly("get_market_snapshot")
        .title("Market snapshot")
        .description("Latest market picture of a symbol from the newest features the coordinator saw: last trade "
            + "price, mid, spread (bps), best bid and ask (when a book or quote stream exists), microprice, VWAP, "
            + "last trade size, and the event's time, seq and trace id. Event time is exchange time (replay time "
            + "during a backtest).")
        .input(InputSchema.object().required("symbol", SymbolGuard.property()))
        .handleJson(call -> Future.succeededFuture(snapshot(symbols.known(call.string("symbol")))))
        .build();
  }

  private McpTool features() {
    return McpTool.readOnly("get_features")
        .title("Feature vector")
        .description("The latest FeatureVector of a symbol for one timeframe, as the agents see it: EMAs, RSI, "
            + "MACD, Bollinger bands, ATR, volatilities, returns, trade-flow and book imbalance, volume profile, "
            + "and the candle it closed if any (protobuf JSON; int64 fields are strings, prices are decimals, "
            + "sizes are integer units of the instrument's size scale). Timeframe 'tick' is the per-trade vector; "
            + "candle timeframes ('1m', '5m', '1h', or seconds such as '300') exist when the data-collector "
            + "publishes candle features for them.")
        .input(InputSchema.object()
            .required("symbol", SymbolGuard.property())
            .optional("timeframe", SchemaProperty.string("'tick' (default) or a candle length: '60s', '1m', '5m', "
                    + "'1h', '1d', or plain seconds such as '300'")
                .pattern("^(tick|[0-9]{1,7}[smhd]?)$")
                .defaultValue(TICK)))
        .handleJson(this::features)
        .build();
  }

  private Future<JsonObject> features(ToolCall call) {
    String symbol = symbols.known(call.string("symbol"));
    int timeframeSec = timeframeSeconds(call.string("timeframe", TICK));
    FeatureVector features = market.latest(symbol, timeframeSec).orElseThrow(() -> new ToolRejection(
        "unknown_timeframe", "No " + label(timeframeSec) + " features for " + symbol + " yet; available: "
            + market.timeframes(symbol).stream().map(MarketTools::label).toList()));
    return Future.succeededFuture(new JsonObject()
        .put("symbol", symbol)
        .put("timeframe", label(timeframeSec))
        .put("timeframeSec", timeframeSec)
        .put("event", TradingJson.event(features.getMeta()))
        .put("features", TradingJson.proto(features)));
  }

  private JsonObject snapshot(String symbol) {
    FeatureVector f = market.freshest(symbol).orElseThrow(() -> new ToolRejection("no_features",
        "The coordinator knows " + symbol + " only from a consensus and has no features for it"));
    int sizeScale = f.getInstrument().getSizeScale();
    boolean book = f.getBestBid() > 0 && f.getBestAsk() > 0;
    JsonObject snapshot = new JsonObject()
        .put("symbol", symbol)
        .put("venue", f.getVenue().isEmpty() ? f.getInstrument().getVenue() : f.getVenue())
        .put("timeframe", label(f.getTimeframeSec()))
        .put("price", TradingJson.finite(f.getPrice()))
        .put("mid", TradingJson.finite(f.getMid()))
        .put("spreadBps", TradingJson.finite(f.getSpreadBps()))
        .put("hasBook", book);
    if (book) {
      snapshot.put("bestBid", TradingJson.finite(f.getBestBid())).put("bestAsk", TradingJson.finite(f.getBestAsk()));
    }
    return snapshot
        .put("microprice", TradingJson.finite(f.getMicroprice()))
        .put("vwap", TradingJson.finite(f.getVwap()))
        .put("lastSize", FixedPoint.toDouble(f.getLastSize(), sizeScale))
        .put("tradesSeen", f.getTradesSeen())
        .put("event", TradingJson.event(f.getMeta()));
  }

  /**
   * Seconds of a timeframe argument: {@code tick} is 0, {@code 90} and {@code 90s} are 90,
   * {@code 5m} 300, {@code 1h} 3600, {@code 1d} 86400.
   *
   * @throws ToolRejection for a length that overflows (the schema admits only the forms above)
   */
  static int timeframeSeconds(String timeframe) {
    String text = timeframe.trim().toLowerCase(Locale.ROOT);
    if (text.equals(TICK)) {
      return MarketWatch.TICK;
    }
    Matcher m = TIMEFRAME.matcher(text);
    if (!m.matches()) {
      throw new ToolRejection("invalid_timeframe", "Timeframe '" + timeframe + "' is neither 'tick' nor a length "
          + "such as '60s', '5m', '1h', '1d' or '300'");
    }
    long unit = switch (m.group(2)) {
      case "m" -> 60;
      case "h" -> 3_600;
      case "d" -> 86_400;
      default -> 1;
    };
    long seconds = Long.parseLong(m.group(1)) * unit;
    if (seconds > Integer.MAX_VALUE) {
      throw new ToolRejection("invalid_timeframe", "Timeframe '" + timeframe + "' is longer than any candle");
    }
    return (int) seconds;
  }

  /** The shortest name of a timeframe: {@code tick}, {@code 1d}, {@code 4h}, {@code 5m} or {@code 90s}. */
  static String label(int seconds) {
    if (seconds == MarketWatch.TICK) {
      return TICK;
    }
    if (seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds % 3_600 == 0) {
      return seconds / 3_600 + "h";
    }
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }
}
