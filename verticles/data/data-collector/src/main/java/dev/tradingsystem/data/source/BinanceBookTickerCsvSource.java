package dev.tradingsystem.data.source;

import dev.tradingsystem.data.source.TradeRowValidator.Refusal;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Quote;
import java.io.IOException;

/**
 * Binance public-data bookTicker files, with or without header:
 * {@code update_id,best_bid_price,best_bid_qty,best_ask_price,best_ask_qty,transaction_time,event_time}.
 * The event time is the transaction time (when the book changed at the matching engine).
 */
final class BinanceBookTickerCsvSource extends CsvRecordSource {

  private final Instrument instrument;
  private final QuoteGuard guard;

  BinanceBookTickerCsvSource(String location, Instrument instrument, double maxPriceJump) throws IOException {
    super(location, ReplayFormat.BINANCE_BOOKTICKER, instrument, 7, 7);
    this.instrument = instrument;
    this.guard = new QuoteGuard(maxPriceJump);
  }

  @Override
  void parse(String[] fields, MarketDataSink sink) throws Refusal {
    long updateId = Fields.integer(fields[0], "update_id");
    long bid = Fields.price(fields[1], instrument.getPriceScale());
    long bidSize = Fields.size(fields[2], instrument.getSizeScale());
    long ask = Fields.price(fields[3], instrument.getPriceScale());
    long askSize = Fields.size(fields[4], instrument.getSizeScale());
    long timeUs = Fields.time(fields[5]);
    guard.admit(updateId, bid, ask);
    sink.onQuote(Quote.newBuilder()
        .setMeta(Meta.newBuilder().setEventTimeUs(timeUs))
        .setInstrument(instrument)
        .setBidPrice(bid)
        .setBidSize(bidSize)
        .setAskPrice(ask)
        .setAskSize(askSize)
        .setUpdateId(updateId)
        .build());
  }
}
