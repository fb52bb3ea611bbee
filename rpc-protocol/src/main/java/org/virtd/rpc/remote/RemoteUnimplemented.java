package org.virtd.rpc.remote;

import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.program.Program;
import org.virtd.rpc.program.StreamKind;
import org.virtd.rpc.xdr.Xdr;

/**
 * The REMOTE procedures of libvirt 9.0 that no daemon of ours serves, declared by number and
 * name so the dispatcher answers them as libvirt would: the read-only refusal first (with the
 * error domain of the public API file that raises it), then NO_SUPPORT naming the API. Events
 * of object kinds we never raise are declared as messages with an uninterpreted body.
 *
 * <p>Read-only rule: an API is refused on a read-only connection when its public entry point in
 * libvirt (src/libvirt-*.c) calls the read-only check unconditionally; conditional checks are
 * typed declarations in {@link RemoteProgram}. Priorities and stream directions follow the
 * {@code @priority}/{@code @readstream}/{@code @writestream} annotations of remote_protocol.x.
 */
final class RemoteUnimplemented {
    private RemoteUnimplemented() {
    }

    static void declare(Program.Builder p) {
        p.unimplemented(39, "NETWORK_CREATE").denyReadOnly().add();
        p.unimplemented(40, "NETWORK_CREATE_XML").denyReadOnly().add();
        p.unimplemented(41, "NETWORK_DEFINE_XML").denyReadOnly().high().add();
        p.unimplemented(42, "NETWORK_DESTROY").denyReadOnly().high().add();
        p.unimplemented(43, "NETWORK_GET_XML_DESC").high().add();
        p.unimplemented(44, "NETWORK_GET_AUTOSTART").high().add();
        p.unimplemented(45, "NETWORK_GET_BRIDGE_NAME").high().add();
        p.unimplemented(48, "NETWORK_SET_AUTOSTART").denyReadOnly().high().add();
        p.unimplemented(49, "NETWORK_UNDEFINE").denyReadOnly().high().add();
        p.unimplemented(61, "DOMAIN_MIGRATE_PREPARE").denyReadOnly().add();
        p.unimplemented(62, "DOMAIN_MIGRATE_PERFORM").denyReadOnly().add();
        p.unimplemented(63, "DOMAIN_MIGRATE_FINISH").denyReadOnly().add();
        p.unimplemented(75, "CONNECT_FIND_STORAGE_POOL_SOURCES").denyReadOnly().refusalDomain(ErrorDomain.STORAGE).add();
        p.unimplemented(76, "STORAGE_POOL_CREATE_XML").denyReadOnly().refusalDomain(ErrorDomain.STORAGE).add();
        p.unimplemented(77, "STORAGE_POOL_DEFINE_XML").denyReadOnly().refusalDomain(ErrorDomain.STORAGE).high().add();
        p.unimplemented(78, "STORAGE_POOL_CREATE").denyReadOnly().refusalDomain(ErrorDomain.STORAGE).add();
        p.unimplemented(79, "STORAGE_POOL_BUILD").denyReadOnly().refusalDomain(ErrorDomain.STORAGE).add();
        p.unimplemented(80, "STORAGE_POOL_DESTROY").denyReadOnly().refusalDomain(ErrorDomain.STORAGE).high().add();
        p.unimplemented(81, "STORAGE_POOL_DELETE").denyReadOnly().refusalDomain(ErrorDomain.STORAGE).add();
        p.unimplemented(82, "STORAGE_POOL_UNDEFINE").denyReadOnly().refusalDomain(ErrorDomain.STORAGE).high().add();
        p.unimplemented(83, "STORAGE_POOL_REFRESH").denyReadOnly().refusalDomain(ErrorDomain.STORAGE).add();
        p.unimplemented(87, "STORAGE_POOL_GET_INFO").refusalDomain(ErrorDomain.STORAGE).high().add();
        p.unimplemented(88, "STORAGE_POOL_GET_XML_DESC").refusalDomain(ErrorDomain.STORAGE).high().add();
        p.unimplemented(89, "STORAGE_POOL_GET_AUTOSTART").refusalDomain(ErrorDomain.STORAGE).high().add();
        p.unimplemented(90, "STORAGE_POOL_SET_AUTOSTART").denyReadOnly().refusalDomain(ErrorDomain.STORAGE).high().add();
        p.unimplemented(91, "STORAGE_POOL_NUM_OF_VOLUMES").refusalDomain(ErrorDomain.STORAGE).high().add();
        p.unimplemented(92, "STORAGE_POOL_LIST_VOLUMES").refusalDomain(ErrorDomain.STORAGE).high().add();
        p.unimplemented(93, "STORAGE_VOL_CREATE_XML").denyReadOnly().refusalDomain(ErrorDomain.STORAGE).add();
        p.unimplemented(94, "STORAGE_VOL_DELETE").denyReadOnly().refusalDomain(ErrorDomain.STORAGE).add();
        p.unimplemented(95, "STORAGE_VOL_LOOKUP_BY_NAME").refusalDomain(ErrorDomain.STORAGE).high().add();
        p.unimplemented(98, "STORAGE_VOL_GET_INFO").refusalDomain(ErrorDomain.STORAGE).high().add();
        p.unimplemented(99, "STORAGE_VOL_GET_XML_DESC").refusalDomain(ErrorDomain.STORAGE).high().add();
        p.unimplemented(100, "STORAGE_VOL_GET_PATH").refusalDomain(ErrorDomain.STORAGE).high().add();
        p.unimplemented(108, "DOMAIN_MIGRATE_PREPARE2").denyReadOnly().add();
        p.unimplemented(109, "DOMAIN_MIGRATE_FINISH2").denyReadOnly().add();
        p.unimplemented(114, "NODE_DEVICE_GET_XML_DESC").refusalDomain(ErrorDomain.NODEDEV).add();
        p.unimplemented(115, "NODE_DEVICE_GET_PARENT").refusalDomain(ErrorDomain.NODEDEV).high().add();
        p.unimplemented(116, "NODE_DEVICE_NUM_OF_CAPS").refusalDomain(ErrorDomain.NODEDEV).high().add();
        p.unimplemented(117, "NODE_DEVICE_LIST_CAPS").refusalDomain(ErrorDomain.NODEDEV).high().add();
        p.unimplemented(118, "NODE_DEVICE_DETTACH").denyReadOnly().refusalDomain(ErrorDomain.NODEDEV).add();
        p.unimplemented(119, "NODE_DEVICE_RE_ATTACH").denyReadOnly().refusalDomain(ErrorDomain.NODEDEV).add();
        p.unimplemented(120, "NODE_DEVICE_RESET").denyReadOnly().refusalDomain(ErrorDomain.NODEDEV).add();
        p.unimplemented(123, "NODE_DEVICE_CREATE_XML").denyReadOnly().refusalDomain(ErrorDomain.NODEDEV).add();
        p.unimplemented(124, "NODE_DEVICE_DESTROY").denyReadOnly().refusalDomain(ErrorDomain.NODEDEV).high().add();
        p.unimplemented(125, "STORAGE_VOL_CREATE_XML_FROM").denyReadOnly().refusalDomain(ErrorDomain.STORAGE).add();
        p.unimplemented(130, "INTERFACE_GET_XML_DESC").refusalDomain(ErrorDomain.INTERFACE).add();
        p.unimplemented(131, "INTERFACE_DEFINE_XML").denyReadOnly().refusalDomain(ErrorDomain.INTERFACE).high().add();
        p.unimplemented(132, "INTERFACE_UNDEFINE").denyReadOnly().refusalDomain(ErrorDomain.INTERFACE).high().add();
        p.unimplemented(133, "INTERFACE_CREATE").denyReadOnly().refusalDomain(ErrorDomain.INTERFACE).add();
        p.unimplemented(134, "INTERFACE_DESTROY").denyReadOnly().refusalDomain(ErrorDomain.INTERFACE).high().add();
        p.unimplemented(135, "CONNECT_DOMAIN_XML_FROM_NATIVE").denyReadOnly().refusalDomain(ErrorDomain.DOMAIN).add();
        p.unimplemented(142, "SECRET_DEFINE_XML").denyReadOnly().refusalDomain(ErrorDomain.SECRET).high().add();
        p.unimplemented(143, "SECRET_GET_XML_DESC").refusalDomain(ErrorDomain.SECRET).high().add();
        p.unimplemented(144, "SECRET_SET_VALUE").denyReadOnly().refusalDomain(ErrorDomain.SECRET).high().add();
        p.unimplemented(145, "SECRET_GET_VALUE").denyReadOnly().refusalDomain(ErrorDomain.SECRET).high().add();
        p.unimplemented(146, "SECRET_UNDEFINE").denyReadOnly().refusalDomain(ErrorDomain.SECRET).high().add();
        p.unimplemented(148, "DOMAIN_MIGRATE_PREPARE_TUNNEL").denyReadOnly().stream(StreamKind.WRITE).add();
        p.unimplemented(152, "NETWORK_IS_ACTIVE").high().add();
        p.unimplemented(153, "NETWORK_IS_PERSISTENT").high().add();
        p.unimplemented(154, "STORAGE_POOL_IS_ACTIVE").refusalDomain(ErrorDomain.STORAGE).high().add();
        p.unimplemented(155, "STORAGE_POOL_IS_PERSISTENT").refusalDomain(ErrorDomain.STORAGE).high().add();
        p.unimplemented(156, "INTERFACE_IS_ACTIVE").refusalDomain(ErrorDomain.INTERFACE).high().add();
        p.unimplemented(165, "STORAGE_VOL_WIPE").denyReadOnly().refusalDomain(ErrorDomain.STORAGE).add();
        p.unimplemented(177, "NWFILTER_GET_XML_DESC").refusalDomain(ErrorDomain.NWFILTER).high().add();
        p.unimplemented(180, "NWFILTER_DEFINE_XML").denyReadOnly().refusalDomain(ErrorDomain.NWFILTER).high().add();
        p.unimplemented(181, "NWFILTER_UNDEFINE").denyReadOnly().refusalDomain(ErrorDomain.NWFILTER).high().add();
        p.unimplemented(208, "STORAGE_VOL_UPLOAD").denyReadOnly().refusalDomain(ErrorDomain.STORAGE).stream(StreamKind.WRITE).add();
        p.unimplemented(209, "STORAGE_VOL_DOWNLOAD").denyReadOnly().refusalDomain(ErrorDomain.STORAGE).stream(StreamKind.READ).add();
        p.unimplemented(213, "DOMAIN_MIGRATE_BEGIN3").denyReadOnly().add();
        p.unimplemented(214, "DOMAIN_MIGRATE_PREPARE3").denyReadOnly().add();
        p.unimplemented(215, "DOMAIN_MIGRATE_PREPARE_TUNNEL3").denyReadOnly().stream(StreamKind.WRITE).add();
        p.unimplemented(216, "DOMAIN_MIGRATE_PERFORM3").denyReadOnly().add();
        p.unimplemented(217, "DOMAIN_MIGRATE_FINISH3").denyReadOnly().add();
        p.unimplemented(218, "DOMAIN_MIGRATE_CONFIRM3").denyReadOnly().add();
        p.unimplemented(220, "INTERFACE_CHANGE_BEGIN").denyReadOnly().refusalDomain(ErrorDomain.INTERFACE).add();
        p.unimplemented(221, "INTERFACE_CHANGE_COMMIT").denyReadOnly().refusalDomain(ErrorDomain.INTERFACE).add();
        p.unimplemented(222, "INTERFACE_CHANGE_ROLLBACK").denyReadOnly().refusalDomain(ErrorDomain.INTERFACE).add();
        p.unimplemented(250, "NODE_SUSPEND_FOR_DURATION").denyReadOnly().add();
        p.unimplemented(259, "STORAGE_VOL_WIPE_PATTERN").denyReadOnly().refusalDomain(ErrorDomain.STORAGE).add();
        p.unimplemented(260, "STORAGE_VOL_RESIZE").denyReadOnly().refusalDomain(ErrorDomain.STORAGE).add();
        p.unimplemented(261, "DOMAIN_PM_SUSPEND_FOR_DURATION").denyReadOnly().add();
        p.unimplemented(263, "DOMAIN_GET_DISK_ERRORS").add();
        p.unimplemented(267, "DOMAIN_PM_WAKEUP").denyReadOnly().add();
        p.unimplemented(282, "STORAGE_POOL_LIST_ALL_VOLUMES").refusalDomain(ErrorDomain.STORAGE).high().add();
        p.unimplemented(288, "NODE_SET_MEMORY_PARAMETERS").denyReadOnly().add();
        p.unimplemented(291, "NETWORK_UPDATE").denyReadOnly().high().add();
        p.unimplemented(294, "DOMAIN_FSTRIM").api("virDomainFSTrim").denyReadOnly().add();
        p.unimplemented(295, "DOMAIN_SEND_PROCESS_SIGNAL").denyReadOnly().add();
        p.unimplemented(299, "DOMAIN_MIGRATE_GET_COMPRESSION_CACHE").add();
        p.unimplemented(300, "DOMAIN_MIGRATE_SET_COMPRESSION_CACHE").denyReadOnly().add();
        p.unimplemented(301, "NODE_DEVICE_DETACH_FLAGS").denyReadOnly().refusalDomain(ErrorDomain.NODEDEV).add();
        p.unimplemented(302, "DOMAIN_MIGRATE_BEGIN3_PARAMS").denyReadOnly().add();
        p.unimplemented(303, "DOMAIN_MIGRATE_PREPARE3_PARAMS").denyReadOnly().add();
        p.unimplemented(304, "DOMAIN_MIGRATE_PREPARE_TUNNEL3_PARAMS").denyReadOnly().add();
        p.unimplemented(305, "DOMAIN_MIGRATE_PERFORM3_PARAMS").denyReadOnly().add();
        p.unimplemented(306, "DOMAIN_MIGRATE_FINISH3_PARAMS").denyReadOnly().add();
        p.unimplemented(307, "DOMAIN_MIGRATE_CONFIRM3_PARAMS").denyReadOnly().add();
        p.unimplemented(309, "DOMAIN_CREATE_XML_WITH_FILES").denyReadOnly().add();
        p.unimplemented(310, "DOMAIN_CREATE_WITH_FILES").denyReadOnly().add();
        p.message(315, "NETWORK_EVENT_LIFECYCLE", Xdr.REST).add();
        p.unimplemented(340, "NODE_GET_FREE_PAGES").high().add();
        p.unimplemented(341, "NETWORK_GET_DHCP_LEASES").api("virNetworkGetDHCPLeases").add();
        p.unimplemented(347, "NODE_ALLOC_PAGES").denyReadOnly().add();
        p.unimplemented(351, "DOMAIN_GET_IOTHREAD_INFO").add();
        p.unimplemented(352, "DOMAIN_PIN_IOTHREAD").denyReadOnly().add();
        p.unimplemented(355, "DOMAIN_ADD_IOTHREAD").denyReadOnly().add();
        p.unimplemented(356, "DOMAIN_DEL_IOTHREAD").denyReadOnly().add();
        p.unimplemented(364, "DOMAIN_MIGRATE_START_POST_COPY").denyReadOnly().add();
        p.unimplemented(365, "DOMAIN_GET_PERF_EVENTS").add();
        p.unimplemented(366, "DOMAIN_SET_PERF_EVENTS").denyReadOnly().add();
        p.message(370, "STORAGE_POOL_EVENT_LIFECYCLE", Xdr.REST).add();
        p.message(373, "STORAGE_POOL_EVENT_REFRESH", Xdr.REST).add();
        p.message(376, "NODE_DEVICE_EVENT_LIFECYCLE", Xdr.REST).add();
        p.message(377, "NODE_DEVICE_EVENT_UPDATE", Xdr.REST).add();
        p.unimplemented(378, "STORAGE_VOL_GET_INFO_FLAGS").refusalDomain(ErrorDomain.STORAGE).high().add();
        p.message(382, "SECRET_EVENT_LIFECYCLE", Xdr.REST).add();
        p.message(383, "SECRET_EVENT_VALUE_CHANGED", Xdr.REST).add();
        p.unimplemented(384, "DOMAIN_SET_VCPU").denyReadOnly().add();
        p.unimplemented(386, "DOMAIN_SET_BLOCK_THRESHOLD").denyReadOnly().add();
        p.unimplemented(390, "DOMAIN_SET_LIFECYCLE_ACTION").denyReadOnly().add();
        p.unimplemented(395, "NODE_GET_SEV_INFO").api("virNodeGetSEVInfo").denyReadOnly().add();
        p.unimplemented(396, "DOMAIN_GET_LAUNCH_SECURITY_INFO").denyReadOnly().add();
        p.unimplemented(398, "NWFILTER_BINDING_GET_XML_DESC").refusalDomain(ErrorDomain.NWFILTER).high().add();
        p.unimplemented(399, "NWFILTER_BINDING_CREATE_XML").denyReadOnly().refusalDomain(ErrorDomain.NWFILTER).high().add();
        p.unimplemented(400, "NWFILTER_BINDING_DELETE").denyReadOnly().refusalDomain(ErrorDomain.NWFILTER).high().add();
        p.unimplemented(402, "DOMAIN_SET_IOTHREAD_PARAMS").denyReadOnly().add();
        p.unimplemented(403, "CONNECT_GET_STORAGE_POOL_CAPABILITIES").refusalDomain(ErrorDomain.STORAGE).add();
        p.unimplemented(404, "NETWORK_LIST_ALL_PORTS").high().add();
        p.unimplemented(407, "NETWORK_PORT_GET_PARAMETERS").add();
        p.unimplemented(408, "NETWORK_PORT_SET_PARAMETERS").denyReadOnly().add();
        p.unimplemented(424, "DOMAIN_AUTHORIZED_SSH_KEYS_GET").api("virDomainAuthorizedSSHKeysGet").denyReadOnly().add();
        p.unimplemented(425, "DOMAIN_AUTHORIZED_SSH_KEYS_SET").api("virDomainAuthorizedSSHKeysSet").denyReadOnly().add();
        p.unimplemented(427, "DOMAIN_START_DIRTY_RATE_CALC").denyReadOnly().add();
        p.unimplemented(428, "NODE_DEVICE_DEFINE_XML").denyReadOnly().refusalDomain(ErrorDomain.NODEDEV).add();
        p.unimplemented(429, "NODE_DEVICE_UNDEFINE").denyReadOnly().refusalDomain(ErrorDomain.NODEDEV).add();
        p.unimplemented(430, "NODE_DEVICE_CREATE").denyReadOnly().refusalDomain(ErrorDomain.NODEDEV).add();
        p.unimplemented(431, "NWFILTER_DEFINE_XML_FLAGS").denyReadOnly().refusalDomain(ErrorDomain.NWFILTER).add();
        p.unimplemented(432, "NETWORK_DEFINE_XML_FLAGS").denyReadOnly().add();
        p.unimplemented(433, "NODE_DEVICE_GET_AUTOSTART").refusalDomain(ErrorDomain.NODEDEV).add();
        p.unimplemented(434, "NODE_DEVICE_SET_AUTOSTART").denyReadOnly().refusalDomain(ErrorDomain.NODEDEV).add();
        p.unimplemented(435, "NODE_DEVICE_IS_PERSISTENT").refusalDomain(ErrorDomain.NODEDEV).add();
        p.unimplemented(436, "NODE_DEVICE_IS_ACTIVE").refusalDomain(ErrorDomain.NODEDEV).add();
        p.unimplemented(437, "NETWORK_CREATE_XML_FLAGS").denyReadOnly().add();
        p.unimplemented(439, "DOMAIN_SET_LAUNCH_SECURITY_STATE").denyReadOnly().add();
        p.unimplemented(443, "DOMAIN_FD_ASSOCIATE").api("virDomainFDAssociate").denyReadOnly().add();
    }
}
