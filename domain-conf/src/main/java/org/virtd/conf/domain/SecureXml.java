package org.virtd.conf.domain;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;

/**
 * The JDK's DOM parser locked down for untrusted domain XML: no external entities or DTDs, no
 * network, no XInclude, entity expansion bounded by secure processing, and documents over
 * {@link #MAX_CHARS} refused. Malformed input becomes libvirt's XML_DETAIL (35) error shaped
 * like libxml2's report ({@code (domain_definition):LINE: message}, the line, a {@code ---^}
 * marker), qemu-driver.md §3.
 */
final class SecureXml {

    /** Larger than any sane domain XML, and than the 4 MiB remote string limit. */
    static final int MAX_CHARS = 4 * 1024 * 1024;

    private static final DocumentBuilderFactory FACTORY = newFactory();
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(SecureXml::newBuilder);

    private SecureXml() {
    }

    /** Parses {@code xml}; {@code docName} is what error messages call it. */
    static Document parse(String xml, String docName) throws VirtException {
        if (xml.length() > MAX_CHARS) {
            throw new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.DOMAIN,
                    docName + ":1: document too large (" + xml.length() + " characters, limit " + MAX_CHARS + ")");
        }
        if (xml.isBlank()) {
            throw new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.DOMAIN,
                    docName + ":1: Document is empty\n(null)\n^");
        }
        DocumentBuilder builder = BUILDER.get();
        builder.reset();
        builder.setErrorHandler(THROWING);
        builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
        try {
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            throw new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.DOMAIN, describe(e, xml, docName), e);
        } catch (SAXException | IOException e) {
            throw new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.DOMAIN, docName + ":1: " + e.getMessage(), e);
        }
    }

    private static String describe(SAXParseException e, String xml, String docName) {
        int line = Math.max(1, e.getLineNumber());
        String[] lines = xml.split("\n", -1);
        String text = line <= lines.length ? lines[line - 1] : "";
        String wording = libxmlWording(e.getMessage(), xml);
        int column = e.getColumnNumber();
        if (wording.startsWith("Extra content")) {
            column--; // libxml2 points at the '<' that starts the extra markup, Xerces just after it
        } else if (wording.startsWith("Start tag expected")) {
            column = 1;
        }
        column = Math.max(1, Math.min(column, text.length() + 1));
        return docName + ":" + line + ": " + wording + "\n" + text + "\n" + "-".repeat(column - 1) + "^";
    }

    /** libxml2's wording for the failures clients meet most; Xerces' own text otherwise. */
    private static String libxmlWording(String message, String xml) {
        String m = message == null ? "" : message;
        if (m.contains("must start and end within the same entity")) {
            return "Premature end of data in tag " + rootName(xml) + " line 1";
        }
        if (m.contains("following the root element must be well-formed") || m.contains("trailing section")) {
            return "Extra content at the end of the document";
        }
        if (m.contains("Content is not allowed in prolog")) {
            return "Start tag expected, '<' not found";
        }
        if (m.contains("Premature end of file")) {
            return "Document is empty";
        }
        return m;
    }

    private static String rootName(String xml) {
        int lt = xml.indexOf('<');
        while (lt >= 0 && lt + 1 < xml.length() && (xml.charAt(lt + 1) == '?' || xml.charAt(lt + 1) == '!')) {
            lt = xml.indexOf('<', lt + 1);
        }
        if (lt < 0) {
            return "";
        }
        int end = lt + 1;
        while (end < xml.length() && !Character.isWhitespace(xml.charAt(end)) && "/>".indexOf(xml.charAt(end)) < 0) {
            end++;
        }
        return xml.substring(lt + 1, end);
    }

    private static final ErrorHandler THROWING = new ErrorHandler() {
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
    };

    private static DocumentBuilderFactory newFactory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new IllegalStateException("the JDK XML parser cannot be hardened", e);
        }
        f.setXIncludeAware(false);
        f.setNamespaceAware(false);
        f.setValidating(false);
        f.setExpandEntityReferences(true);
        f.setCoalescing(true);
        return f;
    }

    private static DocumentBuilder newBuilder() {
        try {
            synchronized (FACTORY) {
                return FACTORY.newDocumentBuilder();
            }
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
