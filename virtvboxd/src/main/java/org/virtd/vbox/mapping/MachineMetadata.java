package org.virtd.vbox.mapping;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.conf.domain.DomainMetadata;
import org.virtd.conf.domain.MetadataNode;
import org.virtd.rpc.error.VirtException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a vbox domain keeps what VirtualBox has no setting for (issue 12, beyond libvirt's vbox
 * driver, which has no metadata): the title in extradata {@code libvirt/title}, each metadata
 * element in {@code libvirt/metadata/<namespace URI>} as its prefix, a space and the element
 * without its namespace and indentation (what virDomainGetMetadata answers, compacted). The description is VirtualBox's own
 * machine description.
 */
public final class MachineMetadata {
    private static final Logger LOG = LoggerFactory.getLogger(MachineMetadata.class);
    public static final String TITLE_KEY = "libvirt/title";
    public static final String ELEMENT_PREFIX = "libvirt/metadata/";

    private MachineMetadata() {
    }

    public static String title(Map<String, String> extra) {
        String t = extra.get(TITLE_KEY);
        return t == null || t.isEmpty() ? null : t;
    }

    /** The metadata elements stored in {@code extra}, null when there are none. */
    public static DomainMetadata elements(Map<String, String> extra) {
        DomainMetadata md = DomainMetadata.EMPTY;
        for (Map.Entry<String, String> e : extra.entrySet()) {
            if (!e.getKey().startsWith(ELEMENT_PREFIX) || e.getValue().isEmpty()) {
                continue;
            }
            String uri = e.getKey().substring(ELEMENT_PREFIX.length());
            int space = e.getValue().indexOf(' ');
            if (space <= 0) {
                continue;
            }
            try {
                md = md.with(DomainMetadata.adopt(e.getValue().substring(space + 1),
                        e.getValue().substring(0, space), uri));
            } catch (VirtException ex) {
                LOG.warn("ignoring unreadable metadata element {} in extradata: {}", uri, ex.getMessage());
            }
        }
        return md.elements().isEmpty() ? null : md;
    }

    /** The extradata value that stores {@code element} of namespace {@code uri}. */
    public static String stored(DomainMetadata md, String uri) {
        MetadataNode.Element e = md.find(uri);
        // without the indentation extract() prints, so the element reads back without blank text
        return e == null ? null : e.prefix() + " " + md.extract(uri).replaceAll(">\\s+<", "><").strip();
    }

    /** {@code setextradata} steps that store the title and every element of {@code md} for machine {@code id}. */
    public static List<List<String>> steps(String id, String title, DomainMetadata md) {
        List<List<String>> out = new ArrayList<>();
        if (title != null && !title.isEmpty()) {
            out.add(List.of("setextradata", id, TITLE_KEY, title));
        }
        if (md != null) {
            for (MetadataNode.Element e : md.elements()) {
                out.add(List.of("setextradata", id, ELEMENT_PREFIX + e.uri(), stored(md, e.uri())));
            }
        }
        return out;
    }
}
