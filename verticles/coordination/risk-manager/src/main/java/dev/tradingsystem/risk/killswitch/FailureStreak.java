package dev.tradingsystem.risk.killswitch;

/** Portfolio or exchange calls failing in a row; one success ends the streak. */
public final class FailureStreak {

  private final int max;
  private int streak;

  public FailureStreak(int max) {
    this.max = max;
  }

  /** One more failure; true when the streak reached the maximum (the streak then starts over). */
  public boolean failure() {
    streak++;
    if (streak >= max) {
      streak = 0;
      return true;
    }
    return false;
  }

  public void success() {
    streak = 0;
  }

  public int max() {
    return max;
  }
}
