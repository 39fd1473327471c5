package dev.tradingsystem.frameworks.hummingbot.quoting;

/**
 * Quotes the coordinator's size haircut changed, for the service stats: placed smaller than the
 * strategy proposed ({@code quotesCutByRisk}) or not placed at all ({@code quotesSkippedByRisk}).
 * Counted at each decision where a proposal is due to be placed (no order left resting), also
 * when the haircut left nothing to place: a strategy kept flat by a full haircut counts its
 * withheld quotes on every such decision. A proposal that was not due (orders still resting)
 * counts nothing. Not thread-safe: one owner (the desk).
 */
public final class RiskCuts {

  private long cut;
  private long skipped;

  /** Adds what the haircut did to a proposal that was due to be placed. */
  public void placed(SizeHaircut.Result result) {
    cut += result.cut();
    skipped += result.skipped();
  }

  /** Quotes placed at a size the haircut cut. */
  public long cut() {
    return cut;
  }

  /** Quotes the haircut left unplaced. */
  public long skipped() {
    return skipped;
  }
}
