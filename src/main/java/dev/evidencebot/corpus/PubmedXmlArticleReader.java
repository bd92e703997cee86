package dev.evidencebot.corpus;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Reads PubMed XML (".xml" with a {@code PubmedArticleSet} root, as PubMed's "Save" or efetch gives it):
 * each {@code PubmedArticle} is a primary source (see {@link PubmedCitation}). The parser refuses any
 * DOCTYPE, so no external entity or DTD is ever fetched; PubMed's own DOCTYPE line must be removed.
 * A file that is not well-formed is one problem naming its line; a broken record is reported and the
 * others still load.
 */
final class PubmedXmlArticleReader implements ArticleReader {

    static final String ROOT = "PubmedArticleSet";
    private static final String RECORD = "PubmedArticle";
    /** Markup PubMed allows inside titles and abstracts. */
    private static final Set<String> INLINE = Set.of("i", "b", "u", "sup", "sub", "mml:math");

    @Override
    public List<Article> read(SourceFile file, ProblemLog problems) {
        Handler handler = new Handler(file, problems);
        try {
            parser().parse(new InputSource(new StringReader(String.join("\n", file.lines()))), handler);
        } catch (SAXParseException e) {
            String why = e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                    ? "DOCTYPE declarations are refused (external entities are never fetched); remove the DOCTYPE line"
                    : "malformed XML: " + e.getMessage();
            problems.report(file, Math.max(e.getLineNumber(), 0), why + "; file skipped");
            return List.of();
        } catch (NotPubmed e) {
            problems.report(file, e.line, "XML root is <" + e.root + ">, expected <" + ROOT + "> (a PubMed XML export); file skipped");
            return List.of();
        } catch (SAXException | IOException e) {
            problems.report(file, 0, "cannot read XML: " + e.getMessage() + "; file skipped");
            return List.of();
        }
        return handler.articles;
    }

    /** XXE-safe: no DOCTYPE at all, no external entities or DTDs, secure processing on. */
    private static SAXParser parser() throws SAXException {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return factory.newSAXParser();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's SAX parser lacks a security feature", e);
        }
    }

    /** The root is not PubmedArticleSet: stops the parse. */
    private static final class NotPubmed extends SAXException {
        final String root;
        final int line;

        NotPubmed(String root, int line) {
            super("root " + root);
            this.root = root;
            this.line = line;
        }
    }

    /** Walks the elements, filling one citation per PubmedArticle from the elements that matter. */
    private static final class Handler extends DefaultHandler {
        private final SourceFile file;
        private final ProblemLog problems;
        private final List<Article> articles = new ArrayList<>();
        private final Deque<String> path = new ArrayDeque<>();
        private final StringBuilder text = new StringBuilder();
        private Locator locator;
        private PubmedCitation citation;
        private AbstractLabel label;
        private String abstractLabel;
        private String idType;
        private String lastName;
        private String initials;

        Handler(SourceFile file, ProblemLog problems) {
            this.file = file;
            this.problems = problems;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String name, Attributes attributes) throws SAXException {
            if (path.isEmpty() && !name.equals(ROOT)) {
                throw new NotPubmed(name, locator.getLineNumber());
            }
            path.push(name);
            switch (name) {
                case RECORD -> {
                    citation = new PubmedCitation(locator.getLineNumber());
                    label = null;
                }
                case "AbstractText" -> {
                    abstractLabel = attributes.getValue("Label");
                    if (citation != null && citation.abstractParts.isEmpty() && !notTheRecordsOwn()) {
                        citation.abstractLine = locator.getLineNumber();
                    }
                }
                case "ArticleId", "ELocationID" -> idType = name.equals("ArticleId")
                        ? attributes.getValue("IdType") : attributes.getValue("EIdType");
                case "Author" -> {
                    lastName = null;
                    initials = null;
                }
                default -> {
                }
            }
            if (!INLINE.contains(name)) {
                text.setLength(0); // inline markup inside a title or abstract keeps the text gathered so far
            }
        }

        @Override
        public void characters(char[] chars, int start, int length) {
            text.append(chars, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String name) {
            path.pop();
            String parent = path.peek();
            String value = Text.normalize(text.toString().replace('\n', ' '));
            if (citation != null && !notTheRecordsOwn()) {
                field(name, parent, value);
            }
            if (name.equals(RECORD) && citation != null) {
                Article article = citation.toArticle(file, problems);
                if (article != null) {
                    articles.add(article);
                }
                citation = null;
            }
        }

        /** One element's text into the citation, by element and parent (PMID also appears in comments and links). */
        private void field(String name, String parent, String value) {
            if (value.isEmpty()) {
                return;
            }
            switch (name) {
                case "PMID" -> {
                    if ("MedlineCitation".equals(parent)) {
                        citation.pmid = value;
                    }
                }
                case "ArticleTitle" -> citation.title = value;
                case "AbstractText" -> label = PrimarySources.addParts(citation.abstractParts, value,
                        abstractLabel == null ? label : AbstractLabel.named(abstractLabel));
                case "Title" -> {
                    if ("Journal".equals(parent)) {
                        citation.journal = value;
                    }
                }
                case "Year", "MedlineDate" -> {
                    if ("PubDate".equals(parent)) {
                        citation.year = PubmedCitation.yearOf(value);
                    }
                }
                case "LastName", "CollectiveName" -> lastName = value;
                case "Initials" -> initials = value;
                case "Author" -> {
                    if (lastName != null) {
                        citation.authors.add(initials == null ? lastName : lastName + " " + initials);
                    }
                }
                case "PublicationType" -> citation.publicationTypes.add(value);
                case "DescriptorName" -> citation.meshHeadings.add(PubmedCitation.descriptor(value));
                case "ArticleId", "ELocationID" -> {
                    if ("doi".equalsIgnoreCase(idType) && citation.doi == null) {
                        citation.doi = value;
                    }
                }
                default -> {
                }
            }
        }

        /**
         * The references a record cites carry PMIDs and DOIs of their own; an OtherAbstract is the same
         * abstract again, often in another language, and would repeat its findings.
         */
        private boolean notTheRecordsOwn() {
            return path.contains("ReferenceList") || path.contains("CommentsCorrectionsList")
                    || path.contains("OtherAbstract");
        }
    }
}
