package dev.tradingsystem.data.book;

/**
 * A venue's checksum over the top of its book, recomputed locally to prove that our copy equals
 * the venue's. Implementations must not depend on anything but the levels of the view.
 */
public interface BookChecksum {

  /** The checksum of the book as the venue would compute it. */
  long compute(BookView book);
}
