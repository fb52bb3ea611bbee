package org.virtd.rpc.remote;

/**
 * The flag bits of libvirt's domain API (libvirt-domain.h) that more than one place reads:
 * the read-only rules of {@link RemoteProgram} and the drivers that honour the flags. One
 * nested class per libvirt enum, named after it, so a bit is defined once and read as
 * {@code DomainFlags.Xml.SECURE}.
 */
public final class DomainFlags {
    private DomainFlags() {
    }

    /** {@code virDomainModificationImpact}: which definition a change touches; neither bit means CURRENT. */
    public static final class ModificationImpact {
        private ModificationImpact() {
        }

        public static final int CURRENT = 0;
        public static final int LIVE = 1;
        public static final int CONFIG = 2;
    }

    /** {@code virDomainXMLFlags}: what virDomainGetXMLDesc prints. */
    public static final class Xml {
        private Xml() {
        }

        /** Includes passwords; refused on read-only connections. */
        public static final int SECURE = 1;
        public static final int INACTIVE = 2;
        public static final int UPDATE_CPU = 4;
        /** Refused on read-only connections, as SECURE. */
        public static final int MIGRATABLE = 8;
    }

    /** {@code virDomainVcpuFlags}: the ModificationImpact bits, then these. */
    public static final class Vcpu {
        private Vcpu() {
        }

        public static final int MAXIMUM = 4;
        /** Asks the guest agent; refused on read-only connections. */
        public static final int GUEST = 8;
        public static final int HOTPLUGGABLE = 16;
    }

    /** {@code virDomainMemoryModFlags}: the ModificationImpact bits, then this. */
    public static final class Memory {
        private Memory() {
        }

        public static final int MAXIMUM = 4;
    }

    /** {@code virDomainUndefineFlagsValues}. */
    public static final class Undefine {
        private Undefine() {
        }

        public static final int MANAGED_SAVE = 1;
        public static final int SNAPSHOTS_METADATA = 2;
        public static final int NVRAM = 4;
        public static final int KEEP_NVRAM = 8;
        public static final int CHECKPOINTS_METADATA = 16;
        public static final int TPM = 32;
        public static final int KEEP_TPM = 64;
        /** Every bit libvirt 9.0 defines. */
        public static final int ALL = 0x7f;
    }

    /** {@code virDomainInterfaceAddressesSource}: where the addresses come from. */
    public static final class InterfaceAddressesSource {
        private InterfaceAddressesSource() {
        }

        public static final int LEASE = 0;
        /** Asks the guest agent; refused on read-only connections. */
        public static final int AGENT = 1;
        public static final int ARP = 2;
    }

    /**
     * The SECURE bit of {@code virDomainSnapshotXMLFlags}, {@code virDomainSaveImageXMLFlags}
     * and {@code virDomainCheckpointXMLFlags}: each is 1, and each is refused on read-only
     * connections.
     */
    public static final class SecureXml {
        private SecureXml() {
        }

        public static final int SNAPSHOT = 1;
        public static final int SAVE_IMAGE = 1;
        public static final int CHECKPOINT = 1;
    }
}
