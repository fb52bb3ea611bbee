package org.virtd.units.model;

import java.util.Optional;

/**
 * The four section headers a libvirt unit template may use, in the order they appear in every
 * generated unit (spec/systemd-units.md §2: any other header aborts the build).
 */
public enum SectionName {
    UNIT("Unit"),
    SERVICE("Service"),
    SOCKET("Socket"),
    INSTALL("Install");

    private final String header;

    SectionName(String header) {
        this.header = header;
    }

    /** The name between the brackets, e.g. {@code Service}. */
    public String header() {
        return header;
    }

    /** The section for a header name, or empty when the name is not one of the four. */
    public static Optional<SectionName> fromHeader(String header) {
        for (SectionName s : values()) {
            if (s.header.equals(header)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
