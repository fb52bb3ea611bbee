package org.virtd.rpc.program;

import org.virtd.rpc.error.ErrorDomain;

/**
 * The mechanical mapping from a wire name to libvirt's public API name
 * ({@code DOMAIN_LOOKUP_BY_NAME} → {@code virDomainLookupByName}), with the few abbreviations
 * libvirt spells in upper case, and the error domain its API file reports refusals in.
 */
final class ApiNames {
    private ApiNames() {
    }

    private static final String[][] SPELLINGS = {
            {"Xml", "XML"}, {"Uuid", "UUID"}, {"Cpu", "CPU"}, {"Os", "OS"}, {"Nmi", "NMI"},
            {"Id", "ID"}, {"Uri", "URI"}, {"Sasl", "SASL"}, {"Tls", "TLS"}, {"Mac", "MAC"},
            {"Iothread", "IOThread"}, {"Nwfilter", "NWFilter"}, {"Pm", "PM"}, {"Fs", "FS"},
    };

    static String of(String wireName) {
        StringBuilder sb = new StringBuilder("vir");
        for (String word : wireName.split("_")) {
            if (word.isEmpty()) {
                continue;
            }
            String w = word.charAt(0) + word.substring(1).toLowerCase(java.util.Locale.ROOT);
            for (String[] s : SPELLINGS) {
                if (w.equals(s[0])) {
                    w = s[1];
                    break;
                }
            }
            sb.append(w);
        }
        return sb.toString();
    }

    /** libvirt raises read-only refusals from the public API file of the object kind. */
    static ErrorDomain refusalDomain(String wireName, int program) {
        if (program != 0x20008086) {
            return ErrorDomain.NONE;
        }
        if (wireName.startsWith("DOMAIN_")) {
            return ErrorDomain.DOMAIN;
        }
        if (wireName.startsWith("NETWORK_")) {
            return ErrorDomain.NETWORK;
        }
        return ErrorDomain.NONE;
    }
}
