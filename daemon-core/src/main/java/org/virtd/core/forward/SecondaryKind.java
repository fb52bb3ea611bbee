package org.virtd.core.forward;

import org.virtd.rpc.program.Procedure;
import org.virtd.rpc.program.ProcedureKind;
import org.virtd.rpc.program.Program;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The object kinds a hypervisor daemon leaves to other modular daemons (libvirt's secondary
 * drivers), with the daemon that serves each, and which REMOTE procedures belong to which kind.
 */
public enum SecondaryKind {
    NETWORK("network", "NETWORK"),
    STORAGE("storage", "STORAGE_POOL", "STORAGE_VOL"),
    SECRET("secret", "SECRET"),
    NODEDEV("nodedev", "NODE_DEVICE"),
    NWFILTER("nwfilter", "NWFILTER"),
    INTERFACE("interface", "INTERFACE");

    /** Node device calls a hypervisor driver serves itself (it detaches the device from the host). */
    private static final Set<String> HYPERVISOR_NODE_DEVICE_CALLS = Set.of(
            "NODE_DEVICE_DETTACH", "NODE_DEVICE_DETACH_FLAGS", "NODE_DEVICE_RE_ATTACH", "NODE_DEVICE_RESET");

    private final String driver;
    private final String[] objectWords;

    SecondaryKind(String driver, String... objectWords) {
        this.driver = driver;
        this.objectWords = objectWords;
    }

    /** The URI a secondary connection opens, e.g. {@code network:///system}; null where libvirt has none (nwfilter per user). */
    public String uri(boolean privileged) {
        if (this == NWFILTER && !privileged) {
            return null;
        }
        return driver + (privileged ? ":///system" : ":///session");
    }

    /** The serving daemon's socket in the run directory (the read-only one for a read-only client of a system daemon). */
    public Path socket(Path runDir, boolean readOnly, boolean privileged) {
        return runDir.resolve("virt" + driver + "d-sock" + (readOnly && privileged ? "-ro" : ""));
    }

    /** The kind of a call of {@code program} by its procedure number; calls of no kind are absent. */
    public static Map<Integer, SecondaryKind> byProcedure(Program program) {
        Map<Integer, SecondaryKind> kinds = new HashMap<>();
        for (Procedure<?, ?> p : program.procedures()) {
            SecondaryKind k = p.kind() == ProcedureKind.CALL ? of(p.name()) : null;
            if (k != null) {
                kinds.put(p.number(), k);
            }
        }
        return Map.copyOf(kinds);
    }

    /**
     * The kind a REMOTE procedure name belongs to: calls on an object of the kind
     * ({@code NETWORK_GET_XML_DESC}) and the connection-wide calls naming it
     * ({@code CONNECT_LIST_ALL_NETWORKS}, {@code CONNECT_NETWORK_EVENT_REGISTER_ANY}).
     */
    static SecondaryKind of(String name) {
        if (HYPERVISOR_NODE_DEVICE_CALLS.contains(name)) {
            return null;
        }
        if (name.equals("NODE_NUM_OF_DEVICES") || name.equals("NODE_LIST_DEVICES")
                || name.equals("CONNECT_LIST_ALL_NODE_DEVICES")) {
            return NODEDEV;
        }
        String object = name.startsWith("CONNECT_") ? name.substring("CONNECT_".length()) : name;
        boolean connectWide = object != name;
        for (SecondaryKind k : values()) {
            for (String word : k.objectWords) {
                if (connectWide ? mentions(object, word) : object.startsWith(word + "_")) {
                    return k;
                }
            }
        }
        return null;
    }

    /** Whether an underscore-separated name has {@code word} (or its plural) as whole words. */
    private static boolean mentions(String name, String word) {
        String padded = "_" + name + "_";
        return padded.contains("_" + word + "_") || padded.contains("_" + word + "S_");
    }
}
