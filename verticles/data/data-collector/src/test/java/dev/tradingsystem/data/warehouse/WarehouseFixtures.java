package dev.tradingsystem.data.warehouse;

import dev.tradingsystem.data.DataCollectorConfig;
import dev.tradingsystem.proto.AgentSignal;
import dev.tradingsystem.proto.Candle;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.Execution;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Liquidity;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Quantile;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.shared.money.FixedPoint;
import dev.tradingsystem.shared.money.Instruments;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Messages shaped as the pipeline publishes them, built from the first rows of the bundled real
 * Bitstamp BTC/USD trades: trades with the collector's Meta, a tick FeatureVector per trade, the
 * first minute's candle, an agent signal and a fill.
 */
final class WarehouseFixtures {

  static final Instrument BTC_USD = Instruments.BITSTAMP_BTC_USD;

  private WarehouseFixtures() {
  }

  /** The first {@code count} real trades, numbered md-1, md-2, ... as the collector numbers them. */
  static List<Trade> trades(int count) {
    List<Trade> trades = new ArrayList<>();
    try (InputStream in = WarehouseFixtures.class.getClassLoader().getResourceAsStream(DataCollectorConfig.BUNDLED_TRADES);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.readLine();
      String line;
      while (trades.size() < count && (line = reader.readLine()) != null) {
        String[] cells = line.split(",");
        long seq = trades.size() + 1;
        trades.add(Trade.newBuilder()
            .setMeta(meta(seq, Long.parseLong(cells[0].trim()) * 1_000_000L))
            .setInstrument(BTC_USD)
            .setPrice(FixedPoint.parseUnits(cells[1].trim(), BTC_USD.getPriceScale()))
            .setSize(FixedPoint.parseUnits(cells[2].trim(), BTC_USD.getSizeScale()))
            .setTradeId("bitstamp-" + seq)
            .build());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return trades;
  }

  /** A tick vector for the trade; RSI is NaN until warm, as the feature engine leaves it. */
  static FeatureVector features(Trade trade, int timeframeSec) {
    double price = FixedPoint.toDouble(trade.getPrice(), BTC_USD.getPriceScale());
    return FeatureVector.newBuilder()
        .setMeta(trade.getMeta())
        .setInstrument(BTC_USD)
        .setTimeframeSec(timeframeSec)
        .setPrice(price)
        .setEmaFast(price * 0.999)
        .setEmaSlow(price * 0.998)
        .setRsi(trade.getMeta().getSeq() < 3 ? Double.NaN : 61.25)
        .setVolatility(0.0012)
        .setTradesSeen(trade.getMeta().getSeq())
        .setLastSize(trade.getSize())
        .build();
  }

  /** The candle of the trades' first interval: OHLC and volume aggregated from the real trades. */
  static Candle candle(List<Trade> trades, int intervalSec) {
    Trade first = trades.get(0);
    long open = first.getPrice();
    long high = open;
    long low = open;
    long close = open;
    long volume = 0;
    int count = 0;
    long start = first.getMeta().getEventTimeUs();
    Trade last = first;
    for (Trade t : trades) {
      if (t.getMeta().getEventTimeUs() >= start + intervalSec * 1_000_000L) {
        break;
      }
      high = Math.max(high, t.getPrice());
      low = Math.min(low, t.getPrice());
      close = t.getPrice();
      volume += t.getSize();
      count++;
      last = t;
    }
    return Candle.newBuilder().setMeta(last.getMeta()).setInstrument(BTC_USD).setIntervalSec(intervalSec)
        .setOpenTimeUs(start).setOpen(open).setHigh(high).setLow(low).setClose(close).setVolume(volume)
        .setTradeCount(count).build();
  }

  static AgentSignal signal(String agent, Trade trade) {
    return AgentSignal.newBuilder()
        .setMeta(Meta.newBuilder(trade.getMeta()).setId(agent + "-" + trade.getMeta().getSeq()))
        .setAgent(agent).setModelId(agent + "-builtin").setSymbol(BTC_USD.getSymbol())
        .setDirection(Direction.LONG).setStrength(0.4).setConfidence(0.7).setHorizonSec(60)
        .addQuantiles(Quantile.newBuilder().setLevel(0.1).setValue(-0.002))
        .addQuantiles(Quantile.newBuilder().setLevel(0.9).setValue(0.003))
        .setRationale("ema fast above slow")
        .build();
  }

  static Execution fill(Trade trade) {
    return Execution.newBuilder()
        .setMeta(trade.getMeta())
        .setExecutionId("x-o-freqtrade-hft.momentum-1-1")
        .setOrderId("o-freqtrade-hft.momentum-1")
        .setStrategyId("freqtrade-hft.momentum")
        .setInstrument(BTC_USD)
        .setSide(Side.BUY)
        .setPrice(trade.getPrice())
        .setQuantity(1_000_000L)
        .setFeeMicros(2_512)
        .setLiquidity(Liquidity.TAKER)
        .build();
  }

  static Meta meta(long seq, long eventTimeUs) {
    return Meta.newBuilder().setId("md-" + seq).setSeq(seq).setEventTimeUs(eventTimeUs).setTraceId("t-" + seq)
        .setIngestTimeUs(1_790_000_000_000_000L + seq).build();
  }
}
