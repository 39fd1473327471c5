package dev.tradingsystem.data.source;

import dev.tradingsystem.data.source.TradeRowValidator.Refusal;
import dev.tradingsystem.proto.Candle;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Meta;
import java.io.IOException;

/**
 * Binance public-data klines, with or without header:
 * {@code open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore}.
 * The interval comes from the file name ({@code BTCUSDT-1m-2024-08-09.csv}) or, failing that,
 * from {@code close_time - open_time + 1 ms}. A candle's event time is its close time: that is
 * when its values were known, so features never see a bar before it closed.
 */
final class BinanceKlinesCsvSource extends CsvRecordSource {

  private final Instrument instrument;
  private final CandleGuard guard;
  private final int namedIntervalSec;

  /** @param namedIntervalSec the interval the file name states, or 0 */
  BinanceKlinesCsvSource(String location, Instrument instrument, double maxPriceJump, int namedIntervalSec) throws IOException {
    super(location, ReplayFormat.BINANCE_KLINES, instrument, 12, 12);
    this.instrument = instrument;
    this.guard = new CandleGuard(maxPriceJump);
    this.namedIntervalSec = namedIntervalSec;
  }

  @Override
  void parse(String[] fields, MarketDataSink sink) throws Refusal {
    long openUs = Fields.time(fields[0]);
    int scale = instrument.getPriceScale();
    long open = Fields.price(fields[1], scale);
    long high = Fields.price(fields[2], scale);
    long low = Fields.price(fields[3], scale);
    long close = Fields.price(fields[4], scale);
    long volume = Fields.sizeOrZero(fields[5], instrument.getSizeScale());
    long closeUs = Fields.time(fields[6]);
    long count = Fields.integer(fields[8], "count");
    if (closeUs < openUs) {
      throw new Refusal(RejectReason.INVALID_TIMESTAMP, "close_time before open_time");
    }
    int intervalSec = namedIntervalSec > 0 ? namedIntervalSec : (int) Math.max(1, (closeUs - openUs + 1_000) / 1_000_000);
    guard.admit(openUs, open, high, low, close);
    sink.onCandle(Candle.newBuilder()
        .setMeta(Meta.newBuilder().setEventTimeUs(closeUs))
        .setInstrument(instrument)
        .setIntervalSec(intervalSec)
        .setOpenTimeUs(openUs)
        .setOpen(open)
        .setHigh(high)
        .setLow(low)
        .setClose(close)
        .setVolume(volume)
        .setTradeCount((int) Math.min(Integer.MAX_VALUE, Math.max(0, count)))
        .build());
  }
}
