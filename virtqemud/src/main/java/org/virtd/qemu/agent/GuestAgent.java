package org.virtd.qemu.agent;

import org.virtd.qemu.qmp.JsonArray;
import org.virtd.qemu.qmp.JsonBoolean;
import org.virtd.qemu.qmp.JsonNumber;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.JsonString;
import org.virtd.qemu.qmp.JsonValue;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent commands behind libvirt's guest calls, with their answers read into plain records.
 * Every command waits the connection's response timeout except {@link #shutdown}, which gives
 * the guest a minute and also completes on QEMU's SHUTDOWN or RESET event.
 */
public final class GuestAgent {
    /** The OS facts of guest-get-osinfo in the order libvirt reports them, agent key to libvirt name. */
    private static final String[][] OS_KEYS = {
        {"id", "id"}, {"name", "name"}, {"pretty-name", "pretty-name"}, {"version", "version"},
        {"version-id", "version-id"}, {"machine", "machine"}, {"variant", "variant"},
        {"variant-id", "variant-id"}, {"kernel-release", "kernel-release"}, {"kernel-version", "kernel-version"},
    };

    public record Address(int type, String addr, int prefix) {
    }

    public record Iface(String name, String hwaddr, List<Address> addrs) {
    }

    public record FsDisk(String serial, String device) {
    }

    public record FsInfo(String name, String mountpoint, String type, Long totalBytes, Long usedBytes,
            List<FsDisk> disks) {
    }

    public record User(String name, String domain, long loginMillis) {
    }

    public record Zone(String name, int offset) {
    }

    public record Disk(String name, boolean partition, List<String> dependencies, String guestAlias) {
    }

    public record Vcpu(int id, boolean online, boolean canOffline) {
    }

    private final AgentClient client;

    public GuestAgent(AgentClient client) {
        this.client = client;
    }

    public AgentClient client() {
        return client;
    }

    private JsonValue call(String name, JsonObject args) throws VirtException {
        return client.command(command(name, args), client.responseTimeout()).get("return");
    }

    /** The answer, or null when the agent does not offer the command. */
    private JsonValue optional(String name) throws VirtException {
        JsonObject reply = client.commandIfSupported(command(name, null), client.responseTimeout());
        return reply == null ? null : reply.get("return");
    }

    private static JsonObject command(String name, JsonObject args) {
        return args == null ? JsonObject.of("execute", name) : JsonObject.of("execute", name, "arguments", args);
    }

    /** guest-get-time: seconds and nanoseconds since the epoch. */
    public long[] time() throws VirtException {
        if (!(call("guest-get-time", null) instanceof JsonNumber n)) {
            throw malformed();
        }
        long ns = n.longValue();
        return new long[] {ns / 1_000_000_000L, ns % 1_000_000_000L};
    }

    /** guest-set-time: the given time, or with {@code fromRtc} the guest's own hardware clock. */
    public void setTime(long seconds, int nseconds, boolean fromRtc) throws VirtException {
        if (fromRtc) {
            call("guest-set-time", null);
            return;
        }
        if (seconds > Long.MAX_VALUE / 1_000_000_000L - 1) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                    "Time '" + seconds + "' is too big for guest agent");
        }
        call("guest-set-time", JsonObject.of("time", seconds * 1_000_000_000L + nseconds));
    }

    public String hostname() throws VirtException {
        JsonValue v = call("guest-get-host-name", null);
        if (!(v instanceof JsonObject o) || o.string("host-name").isEmpty()) {
            throw malformed();
        }
        return o.string("host-name").get();
    }

    /** guest-network-get-interfaces; addresses of an alias ({@code eth0:1}) join their device. */
    public List<Iface> interfaces() throws VirtException {
        return interfaces(call("guest-network-get-interfaces", null));
    }

    private static List<Iface> interfaces(JsonValue v) throws VirtException {
        if (!(v instanceof JsonArray a)) {
            throw malformed();
        }
        Map<String, Iface> byName = new LinkedHashMap<>();
        for (JsonObject o : a.objects()) {
            String name = o.string("name").orElseThrow(GuestAgent::malformed);
            int colon = name.indexOf(':');
            String device = colon > 0 ? name.substring(0, colon) : name;
            Iface iface = byName.computeIfAbsent(device,
                    d -> new Iface(d, o.string("hardware-address", null), new ArrayList<>()));
            JsonArray addrs = o.array("ip-addresses");
            if (addrs == null) {
                continue;
            }
            for (JsonObject ip : addrs.objects()) {
                String type = ip.string("ip-address-type", "");
                int t = switch (type) {
                    case "ipv4" -> 0;
                    case "ipv6" -> 1;
                    default -> -1;
                };
                if (t < 0) {
                    continue;
                }
                iface.addrs().add(new Address(t, ip.string("ip-address", ""), (int) ip.number("prefix", 0)));
            }
        }
        return new ArrayList<>(byName.values());
    }

    /** guest-fsfreeze-freeze(-list): how many file systems are frozen now. */
    public int freeze(List<String> mountpoints) throws VirtException {
        JsonValue v = mountpoints.isEmpty() ? call("guest-fsfreeze-freeze", null)
                : call("guest-fsfreeze-freeze-list", JsonObject.of("mountpoints",
                        new JsonArray(mountpoints.stream().map(m -> (JsonValue) new JsonString(m)).toList())));
        return count(v);
    }

    public int thaw() throws VirtException {
        return count(call("guest-fsfreeze-thaw", null));
    }

    private static int count(JsonValue v) throws VirtException {
        if (!(v instanceof JsonNumber n)) {
            throw malformed();
        }
        return (int) n.longValue();
    }

    /** guest-get-fsinfo, last mounted first as the agent lists them reversed to mount order. */
    public List<FsInfo> fsInfo() throws VirtException {
        return fsInfo(call("guest-get-fsinfo", null));
    }

    private static List<FsInfo> fsInfo(JsonValue v) throws VirtException {
        if (!(v instanceof JsonArray a)) {
            throw malformed();
        }
        List<FsInfo> out = new ArrayList<>();
        for (JsonObject o : a.objects()) {
            List<FsDisk> disks = new ArrayList<>();
            JsonArray d = o.array("disk");
            if (d != null) {
                for (JsonObject disk : d.objects()) {
                    disks.add(new FsDisk(disk.string("serial", null), disk.string("dev", null)));
                }
            }
            out.add(0, new FsInfo(o.string("name", ""), o.string("mountpoint", ""), o.string("type", ""),
                    o.has("total-bytes") ? o.number("total-bytes", 0) : null,
                    o.has("used-bytes") ? o.number("used-bytes", 0) : null, disks));
        }
        return out;
    }

    /** The file systems for guest info, or null when the agent lacks the command. */
    public List<FsInfo> fsInfoIfSupported() throws VirtException {
        JsonValue v = optional("guest-get-fsinfo");
        return v == null ? null : fsInfo(v);
    }

    public List<User> usersIfSupported() throws VirtException {
        JsonValue v = optional("guest-get-users");
        if (v == null) {
            return null;
        }
        if (!(v instanceof JsonArray a)) {
            throw malformed();
        }
        List<User> out = new ArrayList<>();
        for (JsonObject o : a.objects()) {
            double login = o.get("login-time") instanceof JsonNumber n ? n.doubleValue() : 0;
            out.add(new User(o.string("user", ""), o.string("domain", null), (long) (login * 1000)));
        }
        return out;
    }

    /** OS facts by libvirt's name, in libvirt's order; null when the agent lacks the command. */
    public Map<String, String> osInfoIfSupported() throws VirtException {
        JsonValue v = optional("guest-get-osinfo");
        if (v == null) {
            return null;
        }
        if (!(v instanceof JsonObject o)) {
            throw malformed();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String[] k : OS_KEYS) {
            o.string(k[0]).ifPresent(s -> out.put(k[1], s));
        }
        return out;
    }

    public Zone timezoneIfSupported() throws VirtException {
        JsonValue v = optional("guest-get-timezone");
        if (v == null) {
            return null;
        }
        if (!(v instanceof JsonObject o)) {
            throw malformed();
        }
        return new Zone(o.string("zone", null), (int) o.number("offset", 0));
    }

    public String hostnameIfSupported() throws VirtException {
        JsonValue v = optional("guest-get-host-name");
        if (v == null) {
            return null;
        }
        if (!(v instanceof JsonObject o) || o.string("host-name").isEmpty()) {
            throw malformed();
        }
        return o.string("host-name").get();
    }

    public List<Disk> disksIfSupported() throws VirtException {
        JsonValue v = optional("guest-get-disks");
        if (v == null) {
            return null;
        }
        if (!(v instanceof JsonArray a)) {
            throw malformed();
        }
        List<Disk> out = new ArrayList<>();
        for (JsonObject o : a.objects()) {
            List<String> deps = new ArrayList<>();
            JsonArray d = o.array("dependencies");
            if (d != null) {
                for (JsonValue dep : d.values()) {
                    if (dep instanceof JsonString s) {
                        deps.add(s.value());
                    }
                }
            }
            out.add(new Disk(o.string("name", ""), o.bool("partition", false), deps, o.string("alias", null)));
        }
        return out;
    }

    public List<Iface> interfacesIfSupported() throws VirtException {
        JsonValue v = optional("guest-network-get-interfaces");
        return v == null ? null : interfaces(v);
    }

    /** guest-set-user-password: the password travels base64-encoded, as the agent expects. */
    public void setUserPassword(String user, String password, boolean crypted) throws VirtException {
        String encoded = Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8));
        call("guest-set-user-password", JsonObject.of("crypted", crypted, "username", user, "password", encoded));
    }

    public List<Vcpu> vcpus() throws VirtException {
        if (!(call("guest-get-vcpus", null) instanceof JsonArray a)) {
            throw malformed();
        }
        List<Vcpu> out = new ArrayList<>();
        for (JsonObject o : a.objects()) {
            if (!o.has("logical-id") || !o.has("online")) {
                throw malformed();
            }
            out.add(new Vcpu((int) o.number("logical-id", 0), o.bool("online", false), o.bool("can-offline", false)));
        }
        return out;
    }

    /** guest-set-vcpus with the changed entries; returns how many the guest applied. */
    public int setVcpus(List<Vcpu> changes) throws VirtException {
        List<JsonValue> list = new ArrayList<>();
        for (Vcpu v : changes) {
            list.add(JsonObject.of("logical-id", (long) v.id(), "online", JsonBoolean.of(v.online())));
        }
        return count(call("guest-set-vcpus", JsonObject.of("vcpus", new JsonArray(list))));
    }

    /** guest-shutdown: {@code powerdown}, {@code reboot} or {@code halt}; done when QEMU sees it. */
    public void shutdown(String mode) throws VirtException {
        client.command(command("guest-shutdown", JsonObject.of("mode", mode)), AgentClient.SHUTDOWN_WAIT,
                "reboot".equals(mode) ? AgentClient.Await.RESET : AgentClient.Await.SHUTDOWN);
    }

    private static VirtException malformed() {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                "guest agent returned malformed or invalid return value");
    }
}
