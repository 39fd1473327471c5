package dev.tradingsystem.portfolio.order;

import dev.tradingsystem.portfolio.exchange.OrderTicket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * SHA-256 over the canonical line of every accepted order, taken in (placement seq, intent id)
 * order. Two replays of the same data give the same digest however the calls of one tick
 * interleaved, so a run report can show in one string whether two runs traded the same.
 *
 * <p>Lines of a tick are held back until the next trade seals it (no order can be placed at a
 * seq below the last trade's), then folded into the running digest: memory stays bounded by
 * one tick's orders however long the replay.
 */
public final class OrdersDigest {

  private record Key(long seq, String intentId) implements Comparable<Key> {
    @Override
    public int compareTo(Key other) {
      int bySeq = Long.compare(seq, other.seq);
      return bySeq != 0 ? bySeq : intentId.compareTo(other.intentId);
    }
  }

  private final MessageDigest sealed = sha256();
  private final TreeMap<Key, String> pending = new TreeMap<>();
  private long sealedBelow = Long.MIN_VALUE;
  private long count;

  /** The canonical line of an order: {@code seq|intent_id|strategy|side|type|price|quantity}. */
  public static String line(OrderTicket ticket) {
    return ticket.placedSeq() + "|" + ticket.intentId() + "|" + ticket.strategyId() + "|" + ticket.side()
        + "|" + ticket.type() + "|" + ticket.price() + "|" + ticket.quantity() + "\n";
  }

  /**
   * Adds an accepted order.
   *
   * @throws IllegalArgumentException when its seq is below an already sealed one: the caller
   *     broke the rule that orders are placed at or after the last trade's seq
   */
  public void record(OrderTicket ticket) {
    if (ticket.placedSeq() < sealedBelow) {
      throw new IllegalArgumentException("order seq " + ticket.placedSeq() + " is below the sealed seq " + sealedBelow);
    }
    pending.put(new Key(ticket.placedSeq(), ticket.intentId()), line(ticket));
    count++;
  }

  /** Folds every order placed below {@code seq} into the digest: no more can arrive for them. */
  public void seal(long seq) {
    Iterator<Map.Entry<Key, String>> it = pending.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Key, String> entry = it.next();
      if (entry.getKey().seq() >= seq) {
        break;
      }
      sealed.update(entry.getValue().getBytes(StandardCharsets.UTF_8));
      it.remove();
    }
    sealedBelow = Math.max(sealedBelow, seq);
  }

  /** Hex digest of every order recorded so far. */
  public String hex() {
    MessageDigest digest = copy(sealed);
    pending.values().forEach(line -> digest.update(line.getBytes(StandardCharsets.UTF_8)));
    return HexFormat.of().formatHex(digest.digest());
  }

  public long count() {
    return count;
  }

  private static MessageDigest copy(MessageDigest digest) {
    try {
      return (MessageDigest) digest.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 provider cannot be cloned", e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
