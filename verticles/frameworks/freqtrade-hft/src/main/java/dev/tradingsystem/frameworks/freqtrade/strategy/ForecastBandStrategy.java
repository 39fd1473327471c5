package dev.tradingsystem.frameworks.freqtrade.strategy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * Trades the Lag-Llama forecaster's quantile band the way a FreqAI strategy trades a predicted
 * distribution: the columns {@code &lagllama_q10}, {@code &lagllama_q50}, {@code &lagllama_q90} are
 * forecast log returns over the agent's horizon.
 * <ul>
 *   <li>entry long: median ≥ {@code minMedianReturn} and the 10 % quantile no lower than
 *       -{@code maxDownside} (the band is mostly above zero); short on the mirror image;</li>
 *   <li>exit signal: the median turned against the trade by {@code minMedianReturn} or more;</li>
 *   <li>{@code custom_stoploss}: the stop sits {@code stopBandMultiple} times the adverse tail of the
 *       band below the current rate (never closer than {@code minStopDistance}), so the stop widens
 *       and tightens with the forecast's own uncertainty; Freqtrade's rule keeps it from moving back;</li>
 *   <li>{@code adjust_trade_position} (DCA): when the trade is down {@code dcaDrop} or more and the
 *       forecast still favours it, add {@code dcaStakeFraction} of the stake in the trade.</li>
 * </ul>
 * Without a forecast (NaN columns) it neither enters nor acts. Defaults: ROI
 * {@code {"0": 0.02, "30": 0.01, "120": 0}}, stoploss -3 %, up to 2 position adjustments.
 */
public final class ForecastBandStrategy implements Strategy {

  public static final String NAME = "forecast-band";
  public static final String AGENT = "lagllama";
  public static final String Q10 = Predictions.quantileColumn(AGENT, 0.1);
  public static final String Q50 = Predictions.quantileColumn(AGENT, 0.5);
  public static final String Q90 = Predictions.quantileColumn(AGENT, 0.9);
  public static final ParameterSpace PARAMETERS = ParameterSpace.of(
      ParameterSpace.decimal("minMedianReturn", 0, 0.1, 0.0005),
      ParameterSpace.decimal("maxDownside", 0, 0.2, 0.003),
      ParameterSpace.decimal("stopBandMultiple", 0.1, 20, 1.5),
      ParameterSpace.decimal("minStopDistance", 0.0005, 0.5, 0.004),
      ParameterSpace.decimal("dcaDrop", 0.001, 0.5, 0.01),
      ParameterSpace.decimal("dcaStakeFraction", 0.05, 2, 0.5));
  public static final StrategyDefaults DEFAULTS = StrategyDefaults.of(
      RoiTable.parse(Map.of("0", "0.02", "30", "0.01", "120", "0")), new BigDecimal("-0.03"))
      .withPositionAdjustment(2);

  private final double minMedianReturn;
  private final double maxDownside;
  private final double stopBandMultiple;
  private final double minStopDistance;
  private final BigDecimal dcaDrop;
  private final BigDecimal dcaStakeFraction;

  public ForecastBandStrategy(Parameters parameters) {
    this.minMedianReturn = parameters.decimal("minMedianReturn");
    this.maxDownside = parameters.decimal("maxDownside");
    this.stopBandMultiple = parameters.decimal("stopBandMultiple");
    this.minStopDistance = parameters.decimal("minStopDistance");
    this.dcaDrop = BigDecimal.valueOf(parameters.decimal("dcaDrop"));
    this.dcaStakeFraction = BigDecimal.valueOf(parameters.decimal("dcaStakeFraction"));
  }

  @Override
  public StrategyDefaults defaults() {
    return DEFAULTS;
  }

  @Override
  public EntrySignal populateEntry(StrategyInput input) {
    if (favours(input, TradeSide.LONG)) {
      return EntrySignal.enter(TradeSide.LONG, "band_above");
    }
    if (favours(input, TradeSide.SHORT)) {
      return EntrySignal.enter(TradeSide.SHORT, "band_below");
    }
    return EntrySignal.NONE;
  }

  @Override
  public ExitSignal populateExit(StrategyInput input, OpenTrade trade) {
    double median = input.column(Q50) * trade.side().sign();
    return median <= -minMedianReturn ? ExitSignal.exit("forecast_reversed") : ExitSignal.HOLD;
  }

  @Override
  public Optional<BigDecimal> customStoploss(TradeContext context) {
    double tail = context.trade().isShort() ? context.input().column(Q90) : -context.input().column(Q10);
    if (Double.isNaN(tail)) {
      return Optional.empty();
    }
    double distance = Math.max(minStopDistance, stopBandMultiple * Math.max(0, tail));
    return Optional.of(BigDecimal.valueOf(-Math.min(distance, 0.99)));
  }

  @Override
  public Optional<BigDecimal> adjustTradePosition(TradeContext context, BigDecimal minStake, BigDecimal maxStake) {
    if (context.currentProfit().compareTo(dcaDrop.negate()) > 0 || !favours(context.input(), context.trade().side())) {
      return Optional.empty();
    }
    BigDecimal stake = context.trade().stakeAmount().multiply(dcaStakeFraction).min(maxStake)
        .setScale(6, RoundingMode.DOWN);
    return stake.compareTo(minStake) >= 0 && stake.signum() > 0 ? Optional.of(stake) : Optional.empty();
  }

  /** The band leans the trade's way: median far enough out, adverse tail small enough. */
  private boolean favours(StrategyInput input, TradeSide side) {
    double q10 = input.column(Q10);
    double q50 = input.column(Q50);
    double q90 = input.column(Q90);
    if (side == TradeSide.LONG) {
      return q50 >= minMedianReturn && q10 >= -maxDownside;
    }
    return -q50 >= minMedianReturn && q90 <= maxDownside;
  }
}
