package dev.tradingsystem.portfolio.journal;

/**
 * A journal that cannot be trusted: a record in the middle fails its checksum or does not parse.
 * A crash only ever damages the end of an append-only file, so this is disk corruption or a
 * foreign file, and recovering around it could lose a fill: the service refuses to start.
 */
public final class JournalCorruptException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public JournalCorruptException(String message) {
    super(message);
  }
}
