package org.virtd.rpc.message;

/**
 * Size limits of libvirt's RPC (virnetprotocol.x and remote_protocol.x as of 9.x,
 * wire-protocol.md §1 and §11).
 */
public final class Limits {
    private Limits() {
    }

    /** The length word that opens every packet; it counts itself. */
    public static final int LEN_SIZE = 4;
    /** Header + payload, length word excluded. */
    public static final int MESSAGE_MAX = 16_777_216;
    public static final int HEADER_SIZE = 24;
    public static final int PAYLOAD_MAX = MESSAGE_MAX - HEADER_SIZE;
    /** Smallest legal packet: length word + header, no payload. */
    public static final int PACKET_MIN = LEN_SIZE + HEADER_SIZE;
    /** Stream data libvirtd puts in one STREAM packet. */
    public static final int STREAM_CHUNK_MAX = 262_144;
    public static final int NUM_FDS_MAX = 32;

    public static final int STRING_MAX = 4_194_304;
    public static final int DOMAIN_LIST_MAX = 16_384;
    public static final int DOMAIN_SNAPSHOT_LIST_MAX = 16_384;
    public static final int DOMAIN_CHECKPOINT_LIST_MAX = 16_384;
    public static final int AUTH_TYPE_LIST_MAX = 20;
    public static final int CONNECT_IDENTITY_PARAMS_MAX = 20;
    /** REMOTE_DOMAIN_BLOCK_COPY_PARAMETERS_MAX. */
    public static final int DOMAIN_BLOCK_COPY_PARAMETERS_MAX = 16;
    /** REMOTE_DOMAIN_SAVE_PARAMS_MAX and REMOTE_DOMAIN_RESTORE_PARAMS_MAX. */
    public static final int DOMAIN_SAVE_PARAMS_MAX = 64;
    public static final int DOMAIN_SCHEDULER_PARAMETERS_MAX = 16;
    public static final int DOMAIN_MEMORY_PARAMETERS_MAX = 16;
    public static final int DOMAIN_BLKIO_PARAMETERS_MAX = 16;
    public static final int DOMAIN_NUMA_PARAMETERS_MAX = 16;
    public static final int NODE_CPU_STATS_MAX = 16;
    public static final int NODE_MEMORY_STATS_MAX = 16;
    public static final int NODE_MEMORY_PARAMETERS_MAX = 64;
    public static final int NODE_MAX_CELLS = 1024;
    public static final int DOMAIN_MEMORY_STATS_MAX = 1024;
    public static final int VCPUINFO_MAX = 16_384;
    public static final int CPUMAP_MAX = 2048;
    public static final int CPUMAPS_MAX = 8_388_608;
    public static final int DOMAIN_JOB_STATS_MAX = 64;
    public static final int CONNECT_GET_ALL_DOMAIN_STATS_MAX = 262_144;
    public static final int DOMAIN_INTERFACE_MAX = 2048;
    public static final int IP_ADDR_MAX = 2048;
    public static final int DOMAIN_MESSAGES_MAX = 2048;
    public static final int DOMAIN_EVENT_TUNABLE_MAX = 2048;
    public static final int DOMAIN_GUEST_INFO_MAX = 2048;
    public static final int DOMAIN_GUEST_VCPU_PARAMS_MAX = 64;
    public static final int DOMAIN_FSFREEZE_MOUNTPOINTS_MAX = 256;
    public static final int DOMAIN_FSINFO_MAX = 256;
    public static final int DOMAIN_FSINFO_DISKS_MAX = 256;
    public static final int SECURITY_MODEL_MAX = 257;
    public static final int SECURITY_DOI_MAX = 257;
    public static final int SECURITY_LABEL_MAX = 4097;
    public static final int SECURITY_LABEL_LIST_MAX = 64;
    public static final int AUTH_SASL_DATA_MAX = 65_536;
    public static final int MIGRATE_COOKIE_MAX = 4_194_304;
    public static final int DOMAIN_BLOCK_PEEK_BUFFER_MAX = 4_194_304;
    public static final int DOMAIN_MEMORY_PEEK_BUFFER_MAX = 4_194_304;
    public static final int DOMAIN_BLOCK_STATS_PARAMETERS_MAX = 16;
    public static final int DOMAIN_BLOCK_IO_TUNE_PARAMETERS_MAX = 32;
    public static final int DOMAIN_INTERFACE_PARAMETERS_MAX = 16;
    public static final int DOMAIN_GET_CPU_STATS_MAX = 2048;
    public static final int DOMAIN_SEND_KEY_MAX = 16;
    public static final int CPU_MODELS_MAX = 8192;
    /** REMOTE_CPU_BASELINE_MAX: CPUs one baseline call may combine. */
    public static final int CPU_BASELINE_MAX = 256;
    public static final int ADMIN_SERVER_LIST_MAX = 16_384;
    public static final int ADMIN_CLIENT_LIST_MAX = 16_384;
    public static final int ADMIN_SERVER_THREADPOOL_PARAMETERS_MAX = 32;
    public static final int ADMIN_CLIENT_INFO_PARAMETERS_MAX = 64;
    public static final int ADMIN_SERVER_CLIENT_LIMITS_MAX = 32;
}
