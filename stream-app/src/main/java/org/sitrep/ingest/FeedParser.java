package org.sitrep.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an RSS 2.0 (also RSS 0.9x/1.0) or Atom 1.0 document into a {@link Feed} of raw item fields, with the JDK's
 * StAX parser hardened against hostile XML:
 *
 * <ul>
 *   <li>no DTD at all: DTD support is off, external entities and external DTD access are off, and a document that
 *       declares a {@code DOCTYPE} is refused outright, so neither external entities (XXE) nor entity expansion
 *       ("billion laughs") can happen;</li>
 *   <li>any entity reference other than the five predefined ones is refused;</li>
 *   <li>the document may not exceed {@code maxBytes} (counted after decompression), nor nest deeper than 64 elements.</li>
 * </ul>
 *
 * Refusals and malformed XML throw {@link FeedException} with a message that says why.
 */
public final class FeedParser {
    /** Default cap on one feed document: 20 MB. */
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;
    static final int MAX_DEPTH = 64;
    static final int MAX_FIELD_CHARS = 2_000_000;
    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    public enum Kind { RSS, ATOM }

    /** One feed item with its fields as found (text, HTML or dates still unparsed); any may be null. */
    public record Item(int number, String link, String guid, String title, String summary, String content,
                       String published, String updated, String language) {
    }

    /** The feed's own title, link and language, and its items in document order. */
    public record Feed(Kind kind, String title, String link, String language, List<Item> items) {
    }

    /** A feed that cannot be read or is refused; the message says why. */
    public static final class FeedException extends IOException {
        public FeedException(String message) {
            super(message);
        }

        public FeedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final XMLInputFactory factory;
    private final long maxBytes;

    public FeedParser() {
        this(DEFAULT_MAX_BYTES);
    }

    public FeedParser(long maxBytes) {
        this.maxBytes = maxBytes;
        this.factory = hardenedFactory();
    }

    static XMLInputFactory hardenedFactory() {
        // The JDK's own implementation, whatever else is on the class path.
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        return f;
    }

    /** Parses and closes {@code input}; {@code source} names it in error messages. */
    public Feed parse(InputStream input, String source) throws FeedException {
        CappedInputStream capped = new CappedInputStream(input, maxBytes);
        try (InputStream in = capped) {
            XMLStreamReader r = factory.createXMLStreamReader(in);
            try {
                return read(r, source);
            } finally {
                r.close();
            }
        } catch (FeedException e) {
            throw e;
        } catch (XMLStreamException | IOException e) {
            if (capped.exceeded()) {
                throw new FeedException(source + ": feed refused: larger than the limit of " + maxBytes + " bytes", e);
            }
            if (e instanceof IOException) {
                throw new FeedException(source + ": cannot read feed: " + e.getMessage(), e);
            }
            throw new FeedException(source + ": not well-formed XML: " + oneLine(e.getMessage()), e);
        }
    }

    private Feed read(XMLStreamReader r, String source) throws XMLStreamException, FeedException {
        Kind kind = null;
        String title = null;
        String link = null;
        String language = null;
        List<Item> items = new ArrayList<>();
        int depth = 0;
        while (r.hasNext()) {
            int event = r.next();
            check(event, r, source);
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            depth++;
            if (depth > MAX_DEPTH) {
                throw new FeedException(source + ": feed refused: elements nested deeper than " + MAX_DEPTH);
            }
            String name = r.getLocalName();
            if (kind == null) {
                kind = switch (name) {
                    case "rss", "RDF" -> Kind.RSS;
                    case "feed" -> Kind.ATOM;
                    default -> throw new FeedException(source + ": not an RSS or Atom feed (root element <" + name + ">)");
                };
                language = attribute(r, XML_NS, "lang");
                continue;
            }
            boolean itemStart = kind == Kind.RSS ? name.equals("item") : name.equals("entry");
            if (itemStart) {
                items.add(readItem(r, kind, items.size() + 1, language, source));
                depth--;
                continue;
            }
            switch (name) {
                case "title" -> {
                    String t = readText(r, source);
                    depth--;
                    if (title == null) {
                        title = t;
                    }
                }
                case "language" -> {
                    String t = readText(r, source);
                    depth--;
                    if (language == null || language.isBlank()) {
                        language = t;
                    }
                }
                case "link" -> {
                    String t = linkOf(r, kind, source);
                    depth--;
                    if (link == null || link.isBlank()) {
                        link = t;
                    }
                }
                default -> {
                    // channel, image, other feed-level elements: descend
                }
            }
        }
        if (kind == null) {
            throw new FeedException(source + ": empty document");
        }
        return new Feed(kind, blankToNull(title), blankToNull(link), blankToNull(language), items);
    }

    private Item readItem(XMLStreamReader r, Kind kind, int number, String feedLanguage, String source)
        throws XMLStreamException, FeedException {
        String language = attribute(r, XML_NS, "lang");
        String link = null;
        String alternate = null;
        String guid = null;
        String title = null;
        String summary = null;
        String content = null;
        String published = null;
        String updated = null;
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int event = r.next();
            check(event, r, source);
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = r.getLocalName();
            String ns = r.getNamespaceURI();
            boolean dc = ns != null && ns.startsWith("http://purl.org/dc/");
            switch (name) {
                case "link" -> {
                    if (kind == Kind.ATOM) {
                        String rel = r.getAttributeValue(null, "rel");
                        String href = r.getAttributeValue(null, "href");
                        skip(r, source);
                        // rel=enclosure, replies, self... are not the article
                        if ((rel == null || rel.equals("alternate")) && alternate == null) {
                            alternate = href;
                        }
                    } else {
                        link = firstNonBlank(link, readText(r, source));
                    }
                }
                case "guid", "id" -> guid = firstNonBlank(guid, readText(r, source));
                case "title" -> title = firstNonBlank(title, readText(r, source));
                case "description", "summary" -> summary = firstNonBlank(summary, readText(r, source));
                case "encoded", "content" -> content = firstNonBlank(content, readText(r, source));
                case "pubDate", "published", "issued" -> published = firstNonBlank(published, readText(r, source));
                case "date" -> {
                    String t = readText(r, source);
                    if (dc) {
                        published = firstNonBlank(published, t);
                    }
                }
                case "updated", "modified" -> updated = firstNonBlank(updated, readText(r, source));
                case "language" -> language = firstNonBlank(language, readText(r, source));
                default -> skip(r, source);
            }
        }
        return new Item(number, blankToNull(kind == Kind.ATOM ? alternate : link), blankToNull(guid),
            blankToNull(title), blankToNull(summary), blankToNull(content), blankToNull(published),
            blankToNull(updated), blankToNull(language != null ? language : feedLanguage));
    }

    private String linkOf(XMLStreamReader r, Kind kind, String source) throws XMLStreamException, FeedException {
        if (kind == Kind.ATOM || r.getAttributeValue(null, "href") != null) {
            String rel = r.getAttributeValue(null, "rel");
            String href = r.getAttributeValue(null, "href");
            skip(r, source);
            return rel == null || rel.equals("alternate") ? href : null;
        }
        return readText(r, source);
    }

    /**
     * The text of the current element and its descendants, positioned on its end tag afterwards. Nested markup (Atom
     * {@code type="xhtml"} content) is kept as bare tags so that paragraphs survive the HTML-to-text step.
     */
    private String readText(XMLStreamReader r, String source) throws XMLStreamException, FeedException {
        StringBuilder sb = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            check(event, r, source);
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    if (depth > MAX_DEPTH) {
                        throw new FeedException(source + ": feed refused: elements nested deeper than " + MAX_DEPTH);
                    }
                    sb.append('<').append(r.getLocalName()).append('>');
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    if (depth > 0) {
                        sb.append("</").append(r.getLocalName()).append('>');
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    sb.append(r.getText());
                default -> {
                    // comments, processing instructions
                }
            }
            if (sb.length() > MAX_FIELD_CHARS) {
                throw new FeedException(source + ": feed refused: a field is longer than " + MAX_FIELD_CHARS + " characters");
            }
        }
        return sb.toString().strip();
    }

    private void skip(XMLStreamReader r, String source) throws XMLStreamException, FeedException {
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            check(event, r, source);
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** Refuses DTDs and entity references: the only ways into entity expansion and external entities. */
    private static void check(int event, XMLStreamReader r, String source) throws FeedException {
        if (event == XMLStreamConstants.DTD) {
            throw new FeedException(source + ": feed refused: it declares a DOCTYPE; DTDs are not accepted "
                + "(they carry entity definitions: external entities, entity expansion)");
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new FeedException(source + ": feed refused: entity reference &" + r.getLocalName()
                + "; (only the predefined XML entities are accepted)");
        }
    }

    private static String attribute(XMLStreamReader r, String ns, String local) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (local.equals(r.getAttributeLocalName(i)) && ns.equals(r.getAttributeNamespace(i))) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    private static String firstNonBlank(String current, String next) {
        return current != null && !current.isBlank() ? current : next;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() > 300 ? t.substring(0, 300) + "..." : t;
    }
}
