package org.virtd.core.transport;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code tls_priority} (a gnutls priority string such as {@code NORMAL:-VERS-TLS1.2}) mapped onto
 * what the JDK's TLS lets a server choose: the protocol versions. The base keyword (NORMAL,
 * SECURE128, PERFORMANCE, ...) selects the JDK's own default suites and groups; version items
 * ({@code +VERS-TLS1.3}, {@code -VERS-TLS1.2}, {@code -VERS-ALL}, {@code +VERS-TLS-ALL}) are
 * honoured; every other item (ciphers, MACs, groups, {@code %COMPAT}, ...) is reported as ignored.
 * Versions the JDK has disabled (TLS 1.0/1.1 by {@code jdk.tls.disabledAlgorithms}) stay off.
 */
public record TlsPriority(List<String> protocols, List<String> ignored) {
    static final String DEFAULT = "NORMAL";
    private static final List<String> JDK_VERSIONS = List.of("TLSv1.3", "TLSv1.2");
    private static final Set<String> BASES = Set.of("NORMAL", "PERFORMANCE", "SECURE", "SECURE128", "SECURE192",
            "SECURE256", "PFS", "LEGACY", "SUITEB128", "SUITEB192", "@SYSTEM", "SYSTEM");

    /** @throws TlsException with libvirt's text when no version the JDK speaks is left */
    public static TlsPriority parse(String priority) throws TlsException {
        String text = priority == null || priority.isBlank() ? DEFAULT : priority.trim();
        Set<String> versions = new LinkedHashSet<>();
        List<String> ignored = new ArrayList<>();
        String[] items = text.split(":");
        String base = items[0];
        if (BASES.contains(base) || base.startsWith("@")) {
            versions.addAll(JDK_VERSIONS);
        } else if (!base.equals("NONE")) {
            throw new TlsException("Failed to set TLS session priority to " + text
                    + ": The request is invalid.");
        }
        for (int i = 1; i < items.length; i++) {
            String item = items[i];
            if (item.isEmpty()) {
                continue;
            }
            char op = item.charAt(0);
            String name = op == '+' || op == '-' || op == '!' ? item.substring(1) : item;
            List<String> named = versionsNamed(name);
            if (named == null) {
                ignored.add(item);
            } else if (op == '-' || op == '!') {
                named.forEach(versions::remove);
            } else {
                versions.addAll(named.stream().filter(JDK_VERSIONS::contains).toList());
                if (named.stream().anyMatch(v -> !JDK_VERSIONS.contains(v))) {
                    ignored.add(item);
                }
            }
        }
        if (versions.isEmpty()) {
            throw new TlsException("Failed to set TLS session priority to " + text
                    + ": No supported TLS protocol version is enabled");
        }
        List<String> ordered = JDK_VERSIONS.stream().filter(versions::contains).toList();
        return new TlsPriority(ordered, List.copyOf(ignored));
    }

    private static List<String> versionsNamed(String name) {
        return switch (name) {
            case "VERS-TLS1.3" -> List.of("TLSv1.3");
            case "VERS-TLS1.2" -> List.of("TLSv1.2");
            case "VERS-TLS1.1" -> List.of("TLSv1.1");
            case "VERS-TLS1.0" -> List.of("TLSv1");
            case "VERS-ALL", "VERS-TLS-ALL" -> List.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1");
            default -> null;
        };
    }
}
