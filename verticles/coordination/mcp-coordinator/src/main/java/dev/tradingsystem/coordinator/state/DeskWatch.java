package dev.tradingsystem.coordinator.state;

import dev.tradingsystem.proto.PortfolioState;
import dev.tradingsystem.proto.RiskAlert;
import dev.tradingsystem.proto.TradingStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * What the desk looks like from the coordinator: the latest portfolio snapshot
 * ({@code portfolio.state}), the latest trading-state change ({@code risk.status}) and the most
 * recent risk alerts ({@code risk.alerts}), for the {@code get_positions} and
 * {@code get_risk_state} tools. Snapshots older than the one kept (by seq) are ignored.
 *
 * <p>Written from the coordinator's context; readable from any thread.
 */
public final class DeskWatch {

  private final int maxAlerts;
  private final Deque<RiskAlert> alerts = new ArrayDeque<>();
  private PortfolioState portfolio;
  private TradingStatus status;
  private long alertsSeen;

  /** @param maxAlerts alerts kept, newest first; older ones are dropped */
  public DeskWatch(int maxAlerts) {
    if (maxAlerts < 1) {
      throw new IllegalArgumentException("maxAlerts must be >= 1, got " + maxAlerts);
    }
    this.maxAlerts = maxAlerts;
  }

  public synchronized void portfolio(PortfolioState state) {
    if (portfolio == null || state.getMeta().getSeq() >= portfolio.getMeta().getSeq()) {
      portfolio = state;
    }
  }

  public synchronized void status(TradingStatus change) {
    if (status == null || change.getChangedAtUs() >= status.getChangedAtUs()) {
      status = change;
    }
  }

  public synchronized void alert(RiskAlert alert) {
    alertsSeen++;
    alerts.addFirst(alert);
    while (alerts.size() > maxAlerts) {
      alerts.removeLast();
    }
  }

  public synchronized Optional<PortfolioState> portfolio() {
    return Optional.ofNullable(portfolio);
  }

  public synchronized Optional<TradingStatus> status() {
    return Optional.ofNullable(status);
  }

  /** The kept alerts, newest first. */
  public synchronized List<RiskAlert> recentAlerts() {
    return List.copyOf(new ArrayList<>(alerts));
  }

  /** Alerts received since start, kept or not. */
  public synchronized long alertsSeen() {
    return alertsSeen;
  }
}
