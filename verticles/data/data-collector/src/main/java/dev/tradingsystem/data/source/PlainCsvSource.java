package dev.tradingsystem.data.source;

import dev.tradingsystem.data.source.RowOutcome.AcceptedTrade;
import dev.tradingsystem.data.source.RowOutcome.RejectedRow;
import dev.tradingsystem.proto.Instrument;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Trade;
import java.io.IOException;

/**
 * A trade CSV with a header (the bundled Bitstamp file and any vendor export naming time, price
 * and size columns), read through {@link ReplayReader} and delivered as {@code Trade}s.
 */
final class PlainCsvSource implements MarketDataSource {

  private final ReplayReader reader;
  private final ReplayFormat format;
  private final Instrument instrument;

  PlainCsvSource(String location, ReplayFormat format, Instrument instrument, double maxPriceJump) throws IOException {
    this.reader = ReplayReader.open(location, instrument, maxPriceJump);
    this.format = format;
    this.instrument = instrument;
  }

  @Override
  public boolean pull(MarketDataSink sink, int maxRecords) throws IOException {
    ReplayBatch batch = reader.read(maxRecords);
    for (RowOutcome row : batch.rows()) {
      if (row instanceof AcceptedTrade trade) {
        sink.onTrade(Trade.newBuilder()
            .setMeta(Meta.newBuilder().setEventTimeUs(trade.eventTimeUs()))
            .setInstrument(instrument)
            .setPrice(trade.price())
            .setSize(trade.size())
            .setAggressor(trade.aggressor())
            .setTradeId(trade.tradeId())
            .build());
      } else if (row instanceof RejectedRow rejected) {
        sink.onRejected(METRIC_SOURCE, rejected.reason().code(),
            "line " + rejected.line() + ": " + rejected.raw() + " | " + rejected.detail());
      }
    }
    return !batch.endOfData();
  }

  @Override
  public String location() {
    return reader.location();
  }

  @Override
  public ReplayFormat format() {
    return format;
  }

  @Override
  public Instrument instrument() {
    return instrument;
  }

  @Override
  public long totalHint() {
    return reader.totalRows();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
