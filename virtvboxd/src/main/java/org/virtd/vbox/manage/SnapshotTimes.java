package org.virtd.vbox.manage;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What the listing does not tell about a snapshot, read from the machine's settings file
 * ({@code <Snapshot uuid name timeStamp [stateFile]>}): when it was taken and whether it holds
 * a saved execution state (an online snapshot). An unreadable file yields no facts.
 */
public final class SnapshotTimes {
    /** The taking time in seconds since the epoch, and whether the machine was running. */
    public record Facts(long creationTime, boolean online) {
    }

    private SnapshotTimes() {
    }

    public static Map<UUID, Facts> read(String settingsFile) {
        Map<UUID, Facts> out = new HashMap<>();
        if (settingsFile == null || settingsFile.isEmpty()) {
            return out;
        }
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc;
            try (var in = Files.newInputStream(Path.of(settingsFile))) {
                doc = f.newDocumentBuilder().parse(in);
            }
            NodeList list = doc.getElementsByTagName("Snapshot");
            for (int i = 0; i < list.getLength(); i++) {
                Element e = (Element) list.item(i);
                UUID uuid = UUID.fromString(e.getAttribute("uuid").replace("{", "").replace("}", ""));
                long time = 0;
                try {
                    time = Instant.parse(e.getAttribute("timeStamp")).getEpochSecond();
                } catch (RuntimeException bad) {
                    // left 0: VirtualBox always writes one, a damaged file may not
                }
                out.put(uuid, new Facts(time, !e.getAttribute("stateFile").isEmpty()));
            }
        } catch (Exception e) {
            // the facts are decoration; the snapshot itself still comes from VBoxManage
            return Map.of();
        }
        return out;
    }
}
