package dev.tradingsystem.data.live;

import dev.tradingsystem.data.ratelimit.BinanceRequestWeights;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import dev.tradingsystem.shared.money.Instruments;
import java.util.List;

/**
 * Settings of the live exchange feeds, read once from the {@code live.*} keys.
 *
 * @param venues which feeds run ({@code binance}, {@code coinbase})
 * @param stalenessMs silence after which a symbol raises STALE_MARKET_DATA. Shorter catches a dead
 *     feed sooner but alerts on quiet markets; the alert fires within one second after it.
 * @param idleTimeoutMs silence of the whole connection after which it is presumed dead and
 *     reconnected, even without a close frame (half-open TCP). Must exceed the venue's own
 *     heartbeat interval (Coinbase: 1 s; Binance sends a ping every 20 s).
 * @param reconnectBaseMs first backoff ceiling; the ceiling doubles per failed try
 * @param reconnectCapMs largest backoff ceiling: bounds how long a feed stays down after an outage
 * @param reconnectHealthyMs a connection up this long resets the backoff
 * @param restTimeoutMs timeout of one REST snapshot call
 * @param binance Binance spot settings
 * @param coinbase Coinbase Advanced Trade settings
 */
public record LiveConfig(List<String> venues, long stalenessMs, long idleTimeoutMs, long reconnectBaseMs,
    long reconnectCapMs, long reconnectHealthyMs, long restTimeoutMs, Venue binance, Venue coinbase) {

  public static final long DEFAULT_STALENESS_MS = 5_000;
  public static final long DEFAULT_IDLE_TIMEOUT_MS = 30_000;
  public static final long DEFAULT_RECONNECT_BASE_MS = 500;
  public static final long DEFAULT_RECONNECT_CAP_MS = 30_000;
  public static final long DEFAULT_RECONNECT_HEALTHY_MS = 60_000;
  public static final long DEFAULT_REST_TIMEOUT_MS = 10_000;
  public static final String DEFAULT_BINANCE_WS = "wss://stream.binance.com:9443";
  public static final String DEFAULT_BINANCE_REST = "https://api.binance.com";
  public static final String DEFAULT_COINBASE_WS = "wss://advanced-trade-ws.coinbase.com";
  /** 1000 levels cost weight 50: a deep book for features at under 1% of the minute's budget. */
  public static final int DEFAULT_DEPTH_LIMIT = 1000;

  /**
   * One venue's endpoints and instruments.
   *
   * @param name venue name in metrics and {@code Instrument.venue}
   * @param wsUrl WebSocket base URL (tests point it at loopback)
   * @param restUrl REST base URL
   * @param symbols CCXT symbols, {@code BTC/USDT}
   * @param priceScale decimals of prices (Binance BTCUSDT ticks are 0.01)
   * @param sizeScale decimals of sizes
   * @param depthLimit levels of the REST book snapshot (Binance weight grows with it)
   * @param weightPerMinute REST request-weight budget per minute shared by the process
   */
  public record Venue(String name, String wsUrl, String restUrl, List<String> symbols, int priceScale,
      int sizeScale, int depthLimit, int weightPerMinute) {

    public Instrument instrument(String symbol) {
      return Instrument.newBuilder().setSymbol(symbol).setVenue(name)
          .setPriceScale(priceScale).setSizeScale(sizeScale)
          .setTickSize(1).setLotSize(1).setMinSize(1).build();
    }
  }

  public static LiveConfig from(ConfigReader config) {
    List<String> venues = config.strings("live.venues", List.of("binance"));
    for (String venue : venues) {
      if (!venue.equals("binance") && !venue.equals("coinbase")) {
        throw new ConfigException("live.venues", "'" + venue + "' is not one of [binance, coinbase]");
      }
    }
    long base = config.integer("live.reconnect.baseMs", DEFAULT_RECONNECT_BASE_MS, 1, 600_000);
    long cap = config.integer("live.reconnect.capMs", DEFAULT_RECONNECT_CAP_MS, 1, 3_600_000);
    if (cap < base) {
      throw new ConfigException("live.reconnect.capMs", cap + " is below live.reconnect.baseMs " + base);
    }
    return new LiveConfig(venues,
        config.integer("live.stalenessMs", DEFAULT_STALENESS_MS, 100, 3_600_000),
        config.integer("live.idleTimeoutMs", DEFAULT_IDLE_TIMEOUT_MS, 100, 3_600_000),
        base, cap,
        config.integer("live.reconnect.healthyMs", DEFAULT_RECONNECT_HEALTHY_MS, 0, 86_400_000),
        config.integer("live.restTimeoutMs", DEFAULT_REST_TIMEOUT_MS, 100, 600_000),
        venue(config, "binance", DEFAULT_BINANCE_WS, DEFAULT_BINANCE_REST, "BTC/USDT"),
        venue(config, "coinbase", DEFAULT_COINBASE_WS, "https://api.coinbase.com", "BTC/USD"));
  }

  private static Venue venue(ConfigReader config, String name, String ws, String rest, String symbol) {
    String prefix = "live." + name + ".";
    List<String> symbols = config.strings(prefix + "symbols", List.of(symbol));
    for (String s : symbols) {
      if (!Instruments.isValidSymbol(s)) {
        throw new ConfigException(prefix + "symbols", "'" + s + "' is not a CCXT symbol like BTC/USDT");
      }
    }
    if (symbols.isEmpty()) {
      throw new ConfigException(prefix + "symbols", "is empty");
    }
    return new Venue(name, trimSlash(config.string(prefix + "wsUrl", ws)), trimSlash(config.string(prefix + "restUrl", rest)),
        symbols,
        config.integer(prefix + "priceScale", 2, 0, 12),
        config.integer(prefix + "sizeScale", 8, 0, 12),
        config.integer(prefix + "depthLimit", DEFAULT_DEPTH_LIMIT, 1, 5000),
        config.integer(prefix + "weightPerMinute", BinanceRequestWeights.DEFAULT_WEIGHT_PER_MINUTE, 1, 1_000_000));
  }

  private static String trimSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
