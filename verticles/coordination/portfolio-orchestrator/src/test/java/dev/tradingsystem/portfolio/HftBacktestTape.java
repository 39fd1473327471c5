package dev.tradingsystem.portfolio;

import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookLevel;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Quote;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.shared.money.FixedPoint;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A minimal reader of hftbacktest's raw Binance spot captures ({@code <local_ns> <json>} per
 * line) into the messages the data-collector publishes: trades, the REST snapshot and depth
 * diffs, numbered with one seq like the collector's {@code md-<seq>}. Diffs seen before the
 * snapshot follow it (the exchange's sequencer skips what the snapshot already holds, as the
 * collector's book does). Quotes (bookTicker) are kept for the test's own view of the touch and
 * are not numbered: the portfolio does not consume them. Prices and sizes at scale 8, as the
 * collector infers from the data.
 */
final class HftBacktestTape {

  static final Instrument BTC_USDT = Instrument.newBuilder().setSymbol("BTC/USDT").setVenue("binance")
      .setPriceScale(8).setSizeScale(8).setTickSize(1).setLotSize(1).setMinSize(1).build();

  private HftBacktestTape() {
  }

  /** Every event in file order: Trade, BookSnapshot, BookDelta (numbered) and Quote (not numbered). */
  static List<Object> read(Path file) throws IOException {
    List<Object> events = new ArrayList<>();
    List<JsonObject> beforeSnapshot = new ArrayList<>();
    boolean snapshotSeen = false;
    long seq = 0;
    long lastExchangeUs = 0;
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        JsonObject message = new JsonObject(line.substring(line.indexOf(' ') + 1));
        if (message.containsKey("lastUpdateId")) {
          events.add(snapshot(message, meta(++seq, lastExchangeUs)));
          for (JsonObject diff : beforeSnapshot) {
            events.add(delta(diff, meta(++seq, diff.getLong("E") * 1_000)));
          }
          snapshotSeen = true;
          continue;
        }
        String stream = message.getString("stream");
        JsonObject data = message.getJsonObject("data");
        if (stream.contains("@depth")) {
          lastExchangeUs = Math.max(lastExchangeUs, data.getLong("E") * 1_000);
          if (snapshotSeen) {
            events.add(delta(data, meta(++seq, data.getLong("E") * 1_000)));
          } else {
            beforeSnapshot.add(data);
          }
        } else if (stream.endsWith("@trade")) {
          long timeUs = data.getLong("T") * 1_000;
          lastExchangeUs = Math.max(lastExchangeUs, timeUs);
          events.add(Trade.newBuilder().setMeta(meta(++seq, timeUs)).setInstrument(BTC_USDT)
              .setPrice(units(data.getString("p"))).setSize(units(data.getString("q")))
              .setAggressor(data.getBoolean("m") ? Side.SELL : Side.BUY)
              .setTradeId(String.valueOf(data.getLong("t"))).build());
        } else if (stream.endsWith("@bookTicker")) {
          events.add(Quote.newBuilder().setInstrument(BTC_USDT)
              .setBidPrice(units(data.getString("b"))).setBidSize(units(data.getString("B")))
              .setAskPrice(units(data.getString("a"))).setAskSize(units(data.getString("A"))).build());
        }
      }
    }
    return events;
  }

  private static BookSnapshot snapshot(JsonObject message, Meta meta) {
    return BookSnapshot.newBuilder().setMeta(meta).setInstrument(BTC_USDT)
        .addAllBids(levels(message.getJsonArray("bids"))).addAllAsks(levels(message.getJsonArray("asks")))
        .setLastUpdateId(message.getLong("lastUpdateId")).build();
  }

  private static BookDelta delta(JsonObject data, Meta meta) {
    return BookDelta.newBuilder().setMeta(meta).setInstrument(BTC_USDT)
        .addAllBids(levels(data.getJsonArray("b"))).addAllAsks(levels(data.getJsonArray("a")))
        .setFirstUpdateId(data.getLong("U")).setLastUpdateId(data.getLong("u")).build();
  }

  private static List<BookLevel> levels(JsonArray rows) {
    List<BookLevel> levels = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      JsonArray row = rows.getJsonArray(i);
      levels.add(BookLevel.newBuilder().setPrice(units(row.getString(0))).setSize(units(row.getString(1))).build());
    }
    return levels;
  }

  private static long units(String decimal) {
    return FixedPoint.parseUnits(decimal, 8);
  }

  private static Meta meta(long seq, long eventTimeUs) {
    return Meta.newBuilder().setId("md-" + seq).setSeq(seq).setTraceId("t-" + seq).setEventTimeUs(eventTimeUs).build();
  }
}
