package dev.tradingsystem.data.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tradingsystem.data.source.TradeRowValidator.Refusal;
import dev.tradingsystem.proto.Candle;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Meta;
import java.io.IOException;
import java.util.List;

/**
 * Freqtrade's candle files ({@code user_data/data/<exchange>/BTC_USDT-1m.json}): one JSON array
 * of {@code [ts_ms, open, high, low, close, volume]}, streamed so that large files need no memory.
 * The interval is the file name's timeframe, else the step between the first two candles. A
 * candle's event time is its close ({@code open + interval - 1 ms}, as in Binance klines).
 * Malformed JSON ends the file: the rest cannot be found reliably, so it is rejected once.
 */
final class FreqtradeJsonSource implements MarketDataSource {

  private final String location;
  private final Instrument instrument;
  private final CandleGuard guard;
  private final JsonParser parser;
  private final int intervalSec;
  private final long totalHint;
  private long record;
  private boolean ended;

  /** @param namedIntervalSec the interval the file name states, or 0 to infer it */
  FreqtradeJsonSource(String location, Instrument instrument, double maxPriceJump, int namedIntervalSec) throws IOException {
    this.location = location;
    this.instrument = instrument;
    this.guard = new CandleGuard(maxPriceJump);
    long[] firstTimes = new long[2];
    this.totalHint = scan(location, firstTimes);
    long stepMs = firstTimes[1] - firstTimes[0];
    this.intervalSec = namedIntervalSec > 0 ? namedIntervalSec : (int) Math.max(1, stepMs / 1000);
    this.parser = JsonValues.FACTORY.createParser(DataFiles.open(location));
    if (parser.nextToken() != JsonToken.START_ARRAY) {
      parser.close();
      throw new IOException(location + " is not a Freqtrade candle file: expected [[ts, o, h, l, c, v], ...]");
    }
  }

  /** Counts candles and notes the first two timestamps (a full streaming pass). */
  private static long scan(String location, long[] firstTimes) throws IOException {
    long count = 0;
    try (JsonParser scan = JsonValues.FACTORY.createParser(DataFiles.open(location))) {
      if (scan.nextToken() != JsonToken.START_ARRAY) {
        return 0;
      }
      JsonToken token;
      while ((token = scan.nextToken()) != null && token != JsonToken.END_ARRAY) {
        Object value = JsonValues.read(scan, token);
        if (count < 2 && value instanceof List<?> row && !row.isEmpty() && row.get(0) instanceof String ts) {
          try {
            firstTimes[(int) count] = Long.parseLong(ts);
          } catch (NumberFormatException e) {
            firstTimes[(int) count] = 0;
          }
        }
        count++;
      }
    } catch (IOException e) {
      // a broken file is reported record by record when it is replayed
    }
    return count;
  }

  @Override
  public boolean pull(MarketDataSink sink, int maxRecords) throws IOException {
    int delivered = 0;
    while (!ended && delivered < maxRecords) {
      Object value;
      try {
        JsonToken token = parser.nextToken();
        if (token == null || token == JsonToken.END_ARRAY) {
          ended = true;
          break;
        }
        value = JsonValues.read(parser, token);
      } catch (IOException e) {
        ended = true;
        sink.onRejected(METRIC_SOURCE, RejectReason.UNPARSEABLE.code(),
            "record " + (record + 1) + ": malformed JSON, rest of file skipped | " + e.getMessage());
        break;
      }
      record++;
      delivered++;
      try {
        sink.onCandle(candle(value));
      } catch (Refusal refusal) {
        sink.onRejected(METRIC_SOURCE, refusal.reason().code(), "record " + record + ": " + value + " | " + refusal.getMessage());
      }
    }
    return !ended;
  }

  private Candle candle(Object value) throws Refusal {
    if (!(value instanceof List<?> row) || row.size() < 6 || !row.stream().allMatch(String.class::isInstance)) {
      throw new Refusal(RejectReason.FIELD_COUNT, "expected [ts, open, high, low, close, volume]");
    }
    long openUs = Fields.time((String) row.get(0));
    int scale = instrument.getPriceScale();
    long open = Fields.price((String) row.get(1), scale);
    long high = Fields.price((String) row.get(2), scale);
    long low = Fields.price((String) row.get(3), scale);
    long close = Fields.price((String) row.get(4), scale);
    long volume = Fields.sizeOrZero((String) row.get(5), instrument.getSizeScale());
    guard.admit(openUs, open, high, low, close);
    return Candle.newBuilder()
        .setMeta(Meta.newBuilder().setEventTimeUs(openUs + intervalSec * 1_000_000L - 1_000))
        .setInstrument(instrument)
        .setIntervalSec(intervalSec)
        .setOpenTimeUs(openUs)
        .setOpen(open)
        .setHigh(high)
        .setLow(low)
        .setClose(close)
        .setVolume(volume)
        .build();
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public ReplayFormat format() {
    return ReplayFormat.FREQTRADE_JSON;
  }

  @Override
  public Instrument instrument() {
    return instrument;
  }

  @Override
  public long totalHint() {
    return totalHint;
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
