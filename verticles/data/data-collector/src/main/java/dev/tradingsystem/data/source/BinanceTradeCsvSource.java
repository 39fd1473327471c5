package dev.tradingsystem.data.source;

import dev.tradingsystem.data.source.TradeRowValidator.Refusal;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.Trade;
import java.io.IOException;

/**
 * Binance public-data trades and aggTrades CSV files, with or without header:
 * <pre>
 * trades:    id,price,qty,quote_qty,time,is_buyer_maker[,is_best_match]
 * aggTrades: agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker[,is_best_match]
 * </pre>
 * {@code time} is milliseconds, or microseconds in spot files since 2025 (told apart by magnitude).
 * {@code is_buyer_maker=true} means the buyer rested on the book, so the aggressor SOLD.
 */
final class BinanceTradeCsvSource extends CsvRecordSource {

  /** Where each field sits in one of the two layouts. */
  enum Layout {
    TRADES(ReplayFormat.BINANCE_TRADES, 4, 5, 6, 7),
    AGG_TRADES(ReplayFormat.BINANCE_AGGTRADES, 5, 6, 7, 8);

    final ReplayFormat format;
    final int time;
    final int buyerMaker;
    final int minFields;
    final int maxFields;

    Layout(ReplayFormat format, int time, int buyerMaker, int minFields, int maxFields) {
      this.format = format;
      this.time = time;
      this.buyerMaker = buyerMaker;
      this.minFields = minFields;
      this.maxFields = maxFields;
    }
  }

  private final Layout layout;
  private final Instrument instrument;
  private final TradeGuard guard;

  BinanceTradeCsvSource(String location, Layout layout, Instrument instrument, double maxPriceJump) throws IOException {
    super(location, layout.format, instrument, layout.minFields, layout.maxFields);
    this.layout = layout;
    this.instrument = instrument;
    this.guard = new TradeGuard(maxPriceJump);
  }

  @Override
  void parse(String[] fields, MarketDataSink sink) throws Refusal {
    String id = String.valueOf(Fields.integer(fields[0], "id"));
    long price = Fields.price(fields[1], instrument.getPriceScale());
    long size = Fields.size(fields[2], instrument.getSizeScale());
    long timeUs = Fields.time(fields[layout.time]);
    Side aggressor = Fields.bool(fields[layout.buyerMaker], "is_buyer_maker") ? Side.SELL : Side.BUY;
    guard.admit(timeUs, price, id);
    sink.onTrade(Trade.newBuilder()
        .setMeta(Meta.newBuilder().setEventTimeUs(timeUs))
        .setInstrument(instrument)
        .setPrice(price)
        .setSize(size)
        .setAggressor(aggressor)
        .setTradeId(id)
        .build());
  }
}
