package dev.tradingsystem.frameworks.freqtrade.strategy;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The classic indicator strategy, no agents involved: buy an oversold dip below the lower
 * Bollinger band, sell the bounce.
 * <ul>
 *   <li>{@code populate_indicators}: {@code bb_percent} = (close - lower) / (upper - lower), 0 at the
 *       lower band, 1 at the upper;</li>
 *   <li>entry long: RSI warm and below {@code rsiEntry}, {@code bb_percent} at or below {@code bbEntry};</li>
 *   <li>exit: RSI above {@code rsiExit}, or (with {@code exitAtMiddle}) price back at the middle band.</li>
 * </ul>
 * Defaults: ROI {@code {"0": 0.015, "40": 0.0075, "90": 0}}, stoploss -2.5 %, trailing 0.5 % once
 * the trade is 1 % up, and only then.
 */
public final class BollingerRsiStrategy implements Strategy {

  public static final String NAME = "bollinger-rsi";
  public static final String BB_PERCENT = "bb_percent";
  public static final ParameterSpace PARAMETERS = ParameterSpace.of(
      ParameterSpace.decimal("rsiEntry", 1, 50, 30),
      ParameterSpace.decimal("rsiExit", 50, 99, 70),
      ParameterSpace.decimal("bbEntry", -1, 0.5, 0),
      ParameterSpace.bool("exitAtMiddle", true));
  public static final StrategyDefaults DEFAULTS = StrategyDefaults.of(
          RoiTable.parse(Map.of("0", "0.015", "40", "0.0075", "90", "0")), new BigDecimal("-0.025"))
      .withTrailing(TrailingStop.positive(new BigDecimal("0.005"), new BigDecimal("0.01"), true));

  private final double rsiEntry;
  private final double rsiExit;
  private final double bbEntry;
  private final boolean exitAtMiddle;

  public BollingerRsiStrategy(Parameters parameters) {
    this.rsiEntry = parameters.decimal("rsiEntry");
    this.rsiExit = parameters.decimal("rsiExit");
    this.bbEntry = parameters.decimal("bbEntry");
    this.exitAtMiddle = parameters.bool("exitAtMiddle");
  }

  @Override
  public StrategyDefaults defaults() {
    return DEFAULTS;
  }

  @Override
  public StrategyInput populateIndicators(StrategyInput input) {
    double upper = input.column("bollinger_upper");
    double lower = input.column("bollinger_lower");
    double width = upper - lower;
    return input.with(BB_PERCENT, lower > 0 && width > 0 ? (input.column("close") - lower) / width : Double.NaN);
  }

  @Override
  public EntrySignal populateEntry(StrategyInput input) {
    double rsi = input.column("rsi");
    // 0 is also what a feed without an RSI sends (the protobuf default): such a row cannot be
    // told from a one-sided sell-off, so it does not trade.
    if (rsi > 0 && rsi < rsiEntry && input.column(BB_PERCENT) <= bbEntry) {
      return EntrySignal.enter(TradeSide.LONG, "bb_rsi_oversold");
    }
    return EntrySignal.NONE;
  }

  @Override
  public ExitSignal populateExit(StrategyInput input, OpenTrade trade) {
    if (input.column("rsi") > rsiExit) {
      return ExitSignal.exit("rsi_overbought");
    }
    if (exitAtMiddle && input.column(BB_PERCENT) >= 0.5) {
      return ExitSignal.exit("bb_middle");
    }
    return ExitSignal.HOLD;
  }
}
