package dev.tradingsystem.shared.money;

import dev.tradingsystem.proto.Instrument;

/** Instruments the project knows out of the box. Others come from the data source or config. */
public final class Instruments {

  /** Bitstamp BTC/USD as in the bundled 2013 trades: cents and satoshis. */
  public static final Instrument BITSTAMP_BTC_USD = Instrument.newBuilder()
      .setSymbol("BTC/USD").setVenue("bitstamp")
      .setPriceScale(2).setSizeScale(8)
      .setTickSize(1).setLotSize(1).setMinSize(1)
      .build();

  private Instruments() {
  }

  /** CCXT notation is BASE/QUOTE with upper-case letters and digits. */
  public static boolean isValidSymbol(String symbol) {
    return symbol != null && symbol.matches("[A-Z0-9]{2,12}/[A-Z0-9]{2,12}");
  }
}
