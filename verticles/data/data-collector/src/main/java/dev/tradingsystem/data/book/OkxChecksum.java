package dev.tradingsystem.data.book;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * OKX's order-book checksum: CRC32 of the top 25 levels as {@code bidPx:bidSz:askPx:askSz:...}
 * (bid and ask interleaved level by level; when one side runs out, the other's levels follow
 * alone), taken as a signed 32-bit integer. OKX hashes the strings it sent; we hold fixed point,
 * so numbers are rendered as plain decimals without trailing zeros, which is how OKX prints them.
 */
public final class OkxChecksum implements BookChecksum {

  /** Levels per side that OKX includes. */
  public static final int LEVELS = 25;

  private final int priceScale;
  private final int sizeScale;

  public OkxChecksum(int priceScale, int sizeScale) {
    this.priceScale = priceScale;
    this.sizeScale = sizeScale;
  }

  @Override
  public long compute(BookView book) {
    return checksumOf(text(book));
  }

  /** The string that is hashed, exposed so a mismatch can be explained. */
  public String text(BookView book) {
    StringBuilder sb = new StringBuilder(1024);
    for (int level = 0; level < LEVELS; level++) {
      if (level < book.bidDepth()) {
        append(sb, book.bidPrice(level), priceScale).append(':');
        append(sb, book.bidSize(level), sizeScale).append(':');
      }
      if (level < book.askDepth()) {
        append(sb, book.askPrice(level), priceScale).append(':');
        append(sb, book.askSize(level), sizeScale).append(':');
      }
    }
    if (sb.length() > 0) {
      sb.setLength(sb.length() - 1);
    }
    return sb.toString();
  }

  /** CRC32 of the UTF-8 bytes as a signed 32-bit value, as OKX publishes it. */
  public static long checksumOf(String text) {
    CRC32 crc = new CRC32();
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    return (int) crc.getValue();
  }

  private static StringBuilder append(StringBuilder sb, long units, int scale) {
    return sb.append(BigDecimal.valueOf(units, scale).stripTrailingZeros().toPlainString());
  }
}
