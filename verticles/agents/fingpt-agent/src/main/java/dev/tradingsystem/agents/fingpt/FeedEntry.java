package dev.tradingsystem.agents.fingpt;

/**
 * One RSS {@code <item>} or Atom {@code <entry>}.
 *
 * @param id          the dedupe key: RSS {@code guid}, Atom {@code id}, else the link, else the title
 * @param title       the headline, whitespace collapsed
 * @param link        the story's URL, or empty
 * @param publishedUs RSS {@code pubDate} / Atom {@code published} (else {@code updated}) in
 *                    microseconds; 0 when the entry carries no readable date
 */
public record FeedEntry(String id, String title, String link, long publishedUs) {
}
