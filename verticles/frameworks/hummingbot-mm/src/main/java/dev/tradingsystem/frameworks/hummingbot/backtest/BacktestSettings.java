package dev.tradingsystem.frameworks.hummingbot.backtest;

import dev.tradingsystem.proto.Instrument;
import java.util.List;

/**
 * How a market-making backtest runs.
 *
 * @param instrument           the instrument of the capture, with its scales, tick and lot
 * @param initialCashMicros    quote currency the strategy starts with (its allocation), micros
 * @param makerFeeBps          fee on every fill (all fills are maker fills), bps; negative is a rebate
 * @param latencyMicros        event time between a decision and its orders or cancels reaching the book
 * @param markoutHorizonsMicros horizons after a fill at which the mid is read for the mark-out
 * @param pauseAfterErrors     strategy errors within {@code errorWindow} calls that pause it (as live)
 * @param errorWindow          calls the error count looks back on
 */
public record BacktestSettings(Instrument instrument, long initialCashMicros, double makerFeeBps, long latencyMicros,
    List<Long> markoutHorizonsMicros, int pauseAfterErrors, int errorWindow) {

  /** Mark-outs after one and ten seconds: the usual adverse-selection read for a fast maker. */
  public static final List<Long> DEFAULT_MARKOUTS = List.of(1_000_000L, 10_000_000L);

  public BacktestSettings {
    markoutHorizonsMicros = List.copyOf(markoutHorizonsMicros);
    if (instrument == null || initialCashMicros < 0 || latencyMicros < 0 || pauseAfterErrors < 1
        || errorWindow < pauseAfterErrors || markoutHorizonsMicros.stream().anyMatch(h -> h <= 0)) {
      throw new IllegalArgumentException("invalid backtest settings");
    }
  }

  /** No fee, no latency, 1 s and 10 s mark-outs, live's pause rule. */
  public static BacktestSettings of(Instrument instrument, long initialCashMicros) {
    return new BacktestSettings(instrument, initialCashMicros, 0, 0, DEFAULT_MARKOUTS, 5, 50);
  }

  public BacktestSettings withMakerFeeBps(double bps) {
    return new BacktestSettings(instrument, initialCashMicros, bps, latencyMicros, markoutHorizonsMicros,
        pauseAfterErrors, errorWindow);
  }

  public BacktestSettings withLatencyMicros(long micros) {
    return new BacktestSettings(instrument, initialCashMicros, makerFeeBps, micros, markoutHorizonsMicros,
        pauseAfterErrors, errorWindow);
  }
}
