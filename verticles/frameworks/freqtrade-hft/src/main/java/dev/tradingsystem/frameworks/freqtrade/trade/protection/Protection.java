package dev.tradingsystem.frameworks.freqtrade.trade.protection;

import dev.tradingsystem.frameworks.freqtrade.strategy.TradeSide;
import dev.tradingsystem.frameworks.freqtrade.trade.ClosedTrade;
import java.util.List;
import java.util.Optional;

/**
 * A Freqtrade protection ({@code IProtection}): evaluated on the event clock each time one of the
 * strategy's trades closes, it may lock one pair ({@link #stopPerPair}) or every pair
 * ({@link #globalStop}) against new entries. Exits are never locked.
 */
public interface Protection {

  /** Freqtrade's method name ({@code StoplossGuard}). */
  String name();

  /** Whether it can lock all pairs. */
  boolean hasGlobalStop();

  /** Whether it can lock one pair. */
  boolean hasLocalStop();

  /** Lock every pair? {@code history} holds the strategy's closed trades, oldest first. */
  Optional<LockRequest> globalStop(long nowMicros, TradeSide side, List<ClosedTrade> history);

  /** Lock {@code pair}? */
  Optional<LockRequest> stopPerPair(String pair, long nowMicros, TradeSide side, List<ClosedTrade> history);

  /** How far back it looks, in minutes (so the ledger keeps enough history). */
  long lookbackMinutes();
}
