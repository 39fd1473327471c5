package dev.tradingsystem.agents.fingpt;

/** Layouts of a news file ({@code agents.fingpt.news.format}). */
public enum NewsFileFormat {
  /**
   * Ours: {@code timestamp,headline[,source[,symbols]]}, an optional header line starting with
   * {@code timestamp}; RFC 4180 quoting (one item per line); symbols separated by {@code ;} or
   * spaces; timestamps as {@link NewsTime} reads them.
   */
  CSV,
  /**
   * {@code dykstranet/cryptonews} {@code news.csv}: no header, {@code date,url,title}, a date
   * without time of day, titles with unquoted commas (fields 3 onward are the title).
   */
  DYKSTRANET,
  /** {@link #DYKSTRANET} when the first line is {@code date,http...}, otherwise {@link #CSV}. */
  AUTO
}
