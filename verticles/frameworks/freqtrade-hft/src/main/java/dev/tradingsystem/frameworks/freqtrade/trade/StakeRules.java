package dev.tradingsystem.frameworks.freqtrade.trade;

import dev.tradingsystem.proto.Instrument;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Freqtrade's stake amount rules over a dry-run {@link Account}: how much a new trade may commit
 * ({@code get_trade_stake_amount}) and the clamping of any requested stake to the pair's minimum,
 * the maximum and the available balance ({@code validate_stake_amount}).
 */
public final class StakeRules {

  /**
   * @param stakeAmount             {@code stake_amount}: quote currency per trade; null is {@code "unlimited"}
   * @param maxOpenTrades           {@code max_open_trades}: -1 unlimited
   * @param tradableBalanceRatio    {@code tradable_balance_ratio}: share of the balance the bot may use
   * @param dryRunWallet            {@code dry_run_wallet}: the starting balance
   * @param minStake                smallest stake per order (the exchange's minimum cost); the
   *                                instrument's minimum size at the current price raises it
   * @param maxStake                largest stake per trade; null for none
   * @param amendLastStakeAmount    {@code amend_last_stake_amount}: use what is left when it is less than the stake
   * @param lastStakeAmountMinRatio {@code last_stake_amount_min_ratio}: but only if it is at least this share of it
   */
  public record Settings(BigDecimal stakeAmount, int maxOpenTrades, BigDecimal tradableBalanceRatio,
      BigDecimal dryRunWallet, BigDecimal minStake, BigDecimal maxStake, boolean amendLastStakeAmount,
      BigDecimal lastStakeAmountMinRatio) {

    public Settings {
      if (stakeAmount == null && maxOpenTrades < 0) {
        throw new IllegalArgumentException("max_open_trades and stake_amount cannot both be unlimited");
      }
    }

    /** A fixed stake, {@code maxOpenTrades} slots, everything else at Freqtrade's defaults. */
    public static Settings fixed(BigDecimal stakeAmount, int maxOpenTrades, BigDecimal wallet) {
      return new Settings(stakeAmount, maxOpenTrades, new BigDecimal("0.99"), wallet, BigDecimal.ZERO, null, false,
          new BigDecimal("0.5"));
    }
  }

  /** Freqtrade lets a stake below the minimum be raised to it by at most 30 %. */
  private static final BigDecimal MIN_STAKE_TOLERANCE = new BigDecimal("1.3");
  private static final MathContext MC = MathContext.DECIMAL64;

  private final Settings settings;

  public StakeRules(Settings settings) {
    this.settings = settings;
  }

  public Settings settings() {
    return settings;
  }

  /** Whether another trade may open: fewer open trades than {@code max_open_trades}. */
  public boolean hasFreeSlot(Account account) {
    return settings.maxOpenTrades() < 0 || account.openTrades() < settings.maxOpenTrades();
  }

  /** {@code get_available_stake_amount}: (in trades + free) × ratio - in trades, at most what is free. */
  public BigDecimal available(Account account) {
    BigDecimal total = account.inTrades().add(account.free()).multiply(settings.tradableBalanceRatio(), MC);
    return total.subtract(account.inTrades()).min(account.free()).max(BigDecimal.ZERO);
  }

  /**
   * {@code get_trade_stake_amount}: the fixed stake, or for "unlimited" (available + in trades) /
   * max_open_trades capped by what is available (with equal stakes, the available balance split
   * over the free slots); 0 when the balance cannot fund it.
   */
  public BigDecimal tradeStake(Account account) {
    BigDecimal available = available(account);
    BigDecimal stake = settings.stakeAmount();
    if (stake == null) {
      if (settings.maxOpenTrades() == 0) {
        return BigDecimal.ZERO;
      }
      stake = available.add(account.inTrades())
          .divide(BigDecimal.valueOf(settings.maxOpenTrades()), 6, RoundingMode.DOWN).min(available);
    }
    if (settings.amendLastStakeAmount()) {
      stake = available.compareTo(stake.multiply(settings.lastStakeAmountMinRatio(), MC)) > 0
          ? stake.min(available) : BigDecimal.ZERO;
    }
    return available.compareTo(stake) < 0 ? BigDecimal.ZERO : stake.max(BigDecimal.ZERO);
  }

  /** The smallest stake the pair takes at {@code price}: the configured minimum or the minimum size's cost. */
  public BigDecimal minStake(BigDecimal price, Instrument instrument) {
    BigDecimal minSize = BigDecimal.valueOf(Math.max(0, instrument.getMinSize()), instrument.getSizeScale());
    return settings.minStake().max(minSize.multiply(price, MC));
  }

  /** The largest stake per trade; a very large number when none is configured. */
  public BigDecimal maxStake() {
    return settings.maxStake() == null ? BigDecimal.valueOf(Long.MAX_VALUE, 6) : settings.maxStake();
  }

  /**
   * {@code validate_stake_amount}: 0 for nothing to do; a stake under the minimum is raised to it
   * unless that means more than 30 % more; a stake over the maximum (or, in a trade, over the
   * maximum less what the trade holds, or over the available balance) is cut to it.
   *
   * @param inTrade quote currency the trade already holds (position adjustment), or null for a new trade
   */
  public BigDecimal validate(BigDecimal stake, BigDecimal minStake, BigDecimal maxStake, BigDecimal inTrade,
      Account account) {
    if (stake == null || stake.signum() <= 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal maxAllowed = maxStake.min(available(account));
    if (inTrade != null) {
      maxAllowed = maxAllowed.min(maxStake.subtract(inTrade));
    }
    if (minStake.compareTo(maxAllowed) > 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal result = stake;
    if (result.compareTo(minStake) < 0) {
      if (result.multiply(MIN_STAKE_TOLERANCE).compareTo(minStake) < 0) {
        return BigDecimal.ZERO;
      }
      result = minStake;
    }
    return result.min(maxAllowed);
  }
}
