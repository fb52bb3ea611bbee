package org.virtd.qemu.process;

import org.virtd.core.driver.AtomicFile;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The status files of running domains in {@code <run>/qemu/} (qemu-driver.md §1, §7):
 * {@code NAME.xml} (0600) holding {@code <domstatus state= reason= pid= id= emulator=>} with a
 * {@code <monitor path= type='unix'/>} and the live domain XML verbatim, plus {@code NAME.pid}.
 * Every write goes to a temp file in the same directory and is renamed over the old one, so a
 * crash leaves either the old or the new file, never half of one.
 */
public final class DomainStatusFile {
    private static final Logger LOG = LoggerFactory.getLogger(DomainStatusFile.class);
    private static final String HEADER = "<!--\nWARNING: THIS IS AN AUTO-GENERATED FILE. CHANGES TO IT ARE LIKELY TO BE\n"
            + "OVERWRITTEN AND LOST. This is the run-time state of a domain kept by virtqemud.\n-->\n";
    private static final String END = "</domstatus>";

    private final Path dir;

    /** @param dir the driver's run-state dir, {@code <run>/libvirt/qemu} */
    public DomainStatusFile(Path dir) {
        this.dir = dir;
    }

    public Path pathOf(String name) {
        return dir.resolve(name + ".xml");
    }

    public Path pidPathOf(String name) {
        return dir.resolve(name + ".pid");
    }

    public void write(DomainStatus s) throws IOException {
        write(s, "");
    }

    /** The same with {@code sections}, lines of run-time state that others keep, after the monitor. */
    public void write(DomainStatus s, String sections) throws IOException {
        Files.createDirectories(dir);
        String xml = HEADER + "<domstatus state='" + attr(s.state()) + "' reason='" + attr(s.reason())
                + "' pid='" + s.pid() + "' id='" + s.id() + "' emulator='" + attr(s.emulator().toString()) + "'>\n"
                + "  <monitor path='" + attr(s.monitorPath().toString()) + "' type='unix'/>\n"
                + sections
                + stripDeclaration(s.domainXml()) + "\n" + END + "\n";
        atomicWrite(pathOf(s.name()), xml);
        atomicWrite(pidPathOf(s.name()), Long.toString(s.pid()));
    }

    private void atomicWrite(Path target, String text) throws IOException {
        AtomicFile.write(target, text, "rw-------");
    }

    /** Reads one status file; malformed content is an IOException naming the file. */
    public DomainStatus read(Path file) throws IOException {
        String text = Files.readString(file);
        String name = file.getFileName().toString().replaceAll("\\.xml$", "");
        try {
            Element root = parse(text).getDocumentElement();
            Element monitor = (Element) root.getElementsByTagName("monitor").item(0);
            if (!root.getTagName().equals("domstatus") || monitor == null) {
                throw new IOException("not a status file: " + file);
            }
            int domainAt = domainStart(text, text.indexOf("<monitor"));
            int end = text.lastIndexOf(END);
            if (domainAt < 0 || end < domainAt) {
                throw new IOException("status file without a domain definition: " + file);
            }
            return new DomainStatus(name, Integer.parseInt(root.getAttribute("id")),
                    Long.parseLong(root.getAttribute("pid")), Path.of(root.getAttribute("emulator")),
                    Path.of(monitor.getAttribute("path")), root.getAttribute("state"), root.getAttribute("reason"),
                    text.substring(domainAt, end).stripTrailing());
        } catch (SAXException | ParserConfigurationException | RuntimeException e) {
            throw new IOException("malformed status file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Where the live {@code <domain>} starts after {@code from}: not a {@code <domainbackup>} kept before it. */
    private static int domainStart(String text, int from) {
        int at = text.indexOf("<domain", from);
        while (at >= 0 && at + 7 < text.length() && !Character.isWhitespace(text.charAt(at + 7))
                && text.charAt(at + 7) != '>' && text.charAt(at + 7) != '/') {
            at = text.indexOf("<domain", at + 1);
        }
        return at;
    }

    /** Every readable status file; unreadable ones are logged and skipped. */
    public List<DomainStatus> readAll() {
        List<DomainStatus> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.xml")) {
            for (Path f : files) {
                try {
                    out.add(read(f));
                } catch (IOException e) {
                    LOG.warn("skipping status file: {}", e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot list {}: {}", dir, e.getMessage());
        }
        return out;
    }

    /** Removes NAME.xml and NAME.pid (domain stopped). */
    public void delete(String name) throws IOException {
        Files.deleteIfExists(pathOf(name));
        Files.deleteIfExists(pidPathOf(name));
    }

    private static org.w3c.dom.Document parse(String text)
            throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setExpandEntityReferences(false);
        var builder = f.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new InputSource(new StringReader(text)));
    }

    private static String stripDeclaration(String xml) {
        String s = xml.strip();
        if (s.startsWith("<?xml")) {
            s = s.substring(s.indexOf("?>") + 2).strip();
        }
        return s;
    }

    private static String attr(String v) {
        return v.replace("&", "&amp;").replace("<", "&lt;").replace("'", "&apos;").replace("\"", "&quot;");
    }
}
