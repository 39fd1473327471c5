package dev.tradingsystem.agents.fingpt;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads RSS (2.0, and 1.0/RDF) and Atom documents with the JDK's DOM parser, hardened against
 * XML attacks as OWASP recommends: a document with a {@code DOCTYPE} is refused outright, so no
 * external entity (XXE: local files, internal URLs) or entity expansion ("billion laughs") is
 * ever resolved; external DTDs, schemas and XInclude are off as a second line. Feeds do not
 * need a DTD. Blocking and CPU-bound: call it off the event loop.
 */
public final class FeedParser {

  /** Entries read from one document at most; a longer feed is cut, newest entries first in practice. */
  public static final int MAX_ENTRIES = 1_000;

  /** Thrown for a document that is not well-formed XML, has a DOCTYPE, or is neither RSS nor Atom. */
  public static final class MalformedFeedException extends Exception {
    public MalformedFeedException(String message) {
      super(message);
    }
  }

  private FeedParser() {
  }

  /** The entries of a document, in document order; entries without a title are left out. */
  public static List<FeedEntry> parse(byte[] document) throws MalformedFeedException {
    Element root = parseXml(document).getDocumentElement();
    String kind = root.getLocalName() == null ? root.getNodeName() : root.getLocalName();
    boolean atom = "feed".equals(kind);
    if (!atom && !"rss".equals(kind) && !"RDF".equals(kind)) {
      throw new MalformedFeedException("not an RSS or Atom document: root element <" + root.getNodeName() + ">");
    }
    NodeList nodes = root.getElementsByTagNameNS("*", atom ? "entry" : "item");
    List<FeedEntry> entries = new ArrayList<>();
    for (int i = 0; i < nodes.getLength() && entries.size() < MAX_ENTRIES; i++) {
      FeedEntry entry = atom ? atomEntry((Element) nodes.item(i)) : rssItem((Element) nodes.item(i));
      if (!entry.title().isEmpty()) {
        entries.add(entry);
      }
    }
    return entries;
  }

  private static FeedEntry rssItem(Element item) {
    String title = text(item, "title");
    String link = text(item, "link");
    long published = NewsTime.parseFeedDate(text(item, "pubDate"))
        .orElse(NewsTime.parseFeedDate(text(item, "date")).orElse(0));
    return new FeedEntry(firstNonEmpty(text(item, "guid"), link, title), title, link, published);
  }

  private static FeedEntry atomEntry(Element entry) {
    String title = text(entry, "title");
    String link = atomLink(entry);
    long published = NewsTime.parseFeedDate(text(entry, "published"))
        .orElse(NewsTime.parseFeedDate(text(entry, "updated")).orElse(0));
    return new FeedEntry(firstNonEmpty(text(entry, "id"), link, title), title, link, published);
  }

  /** The entry's {@code rel="alternate"} link (the default rel), else its first link. */
  private static String atomLink(Element entry) {
    String first = "";
    for (Node n = entry.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element link && "link".equals(localName(link))) {
        String href = link.getAttribute("href").trim();
        String rel = link.getAttribute("rel");
        if (rel.isEmpty() || "alternate".equals(rel)) {
          return href;
        }
        first = first.isEmpty() ? href : first;
      }
    }
    return first;
  }

  /** Text of the first direct child with this local name, whitespace collapsed; empty if none. */
  private static String text(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element child && name.equals(localName(child))) {
        return child.getTextContent().replaceAll("\\s+", " ").trim();
      }
    }
    return "";
  }

  private static String localName(Element element) {
    return element.getLocalName() == null ? element.getNodeName() : element.getLocalName();
  }

  private static String firstNonEmpty(String... values) {
    for (String value : values) {
      if (!value.isEmpty()) {
        return value;
      }
    }
    return "";
  }

  private static Document parseXml(byte[] document) throws MalformedFeedException {
    try {
      DocumentBuilder builder = hardenedFactory().newDocumentBuilder();
      // The default handler prints to stderr; a bad feed is reported once, by the caller.
      builder.setErrorHandler(new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      });
      return builder.parse(new ByteArrayInputStream(document));
    } catch (SAXException e) {
      throw new MalformedFeedException("not well-formed XML or refused: " + e.getMessage());
    } catch (IOException e) {
      throw new MalformedFeedException("unreadable: " + e.getMessage());
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK XML parser cannot be hardened", e);
    }
  }

  private static DocumentBuilderFactory hardenedFactory() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    return factory;
  }
}
