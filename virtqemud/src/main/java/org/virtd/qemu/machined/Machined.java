package org.virtd.qemu.machined;

import org.virtd.core.dbus.BusAddress;
import org.virtd.core.dbus.BusConnection;
import org.virtd.core.dbus.BusError;
import org.virtd.core.dbus.Variant;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * systemd-machined on the system bus, as libvirt 9.0 talks to it: there when
 * {@code org.freedesktop.machine1} can be activated or is owned and {@code org.freedesktop.systemd1}
 * is owned (asked once per daemon); CreateMachineWithNetwork (CreateMachine when machined does
 * not know that method) with the scope properties libvirt passes; the scope unit of a leader
 * (GetMachineByPID, then the machine's Unit property); TerminateMachine, where an unknown
 * machine is no error; and systemd's SetUnitProperties for the scope's task limit (qemu.conf's
 * {@code max_threads_per_process}). Each operation uses a connection of its own.
 */
public final class Machined {
    static final String MACHINE1 = "org.freedesktop.machine1";
    static final String SYSTEMD1 = "org.freedesktop.systemd1";
    private static final String PATH = "/org/freedesktop/machine1";
    private static final String MANAGER = "org.freedesktop.machine1.Manager";
    private static final String SYSTEMD_PATH = "/org/freedesktop/systemd1";
    private static final String SYSTEMD_MANAGER = "org.freedesktop.systemd1.Manager";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final BusAddress bus;
    private volatile Boolean available;
    private volatile boolean withNetwork = true;

    public Machined(BusAddress bus) {
        this.bus = bus;
    }

    /** machined on the system bus of this process's environment. */
    public static Machined system() {
        return new Machined(BusAddress.system(System.getenv()));
    }

    /** Whether guests go through machined: decided at the first question, kept afterwards. */
    public boolean available() {
        Boolean a = available;
        if (a == null) {
            a = probe();
            available = a;
        }
        return a;
    }

    private boolean probe() {
        if (!bus.abstractName() && !java.nio.file.Files.exists(java.nio.file.Path.of(bus.path()))) {
            return false;
        }
        try (BusConnection c = BusConnection.open(bus, TIMEOUT)) {
            boolean machines = c.activatableNames().contains(MACHINE1) || c.nameHasOwner(MACHINE1);
            return machines && c.nameHasOwner(SYSTEMD1);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Registers {@code leader} as machine {@code name} in {@code slice}; machined makes its scope
     * and moves the leader there.
     */
    public void createMachine(String name, UUID uuid, long leader, List<Integer> nicIndexes, String slice)
            throws VirtException {
        List<Object> props = List.of(
                List.of("Slice", new Variant("s", slice)),
                List.of("After", new Variant("as", List.of("libvirtd.service", "virtqemud.service"))),
                List.of("Before", new Variant("as", List.of("virt-guest-shutdown.target"))));
        byte[] id = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();
        try (BusConnection c = open()) {
            if (withNetwork) {
                try {
                    c.call(MACHINE1, PATH, MANAGER, "CreateMachineWithNetwork", "sayssusaia(sv)",
                            List.of(name, id, "libvirt-qemu", "vm", leader, "", nicIndexes, props));
                    return;
                } catch (BusError e) {
                    if (!BusError.UNKNOWN_METHOD.equals(e.name())) {
                        throw e;
                    }
                    withNetwork = false;
                }
            }
            c.call(MACHINE1, PATH, MANAGER, "CreateMachine", "sayssusa(sv)",
                    List.of(name, id, "libvirt-qemu", "vm", leader, "", props));
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Limits the tasks of unit {@code scope} to {@code max} for as long as it runs (systemd's TasksMax). */
    public void limitTasks(String scope, long max) throws VirtException {
        try (BusConnection c = open()) {
            c.call(SYSTEMD1, SYSTEMD_PATH, SYSTEMD_MANAGER, "SetUnitProperties", "sba(sv)",
                    List.of(scope, true, List.of(List.of("TasksMax", new Variant("t", max)))));
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** The scope unit machined runs {@code leader}'s machine in. */
    public String unitOf(long leader) throws VirtException {
        try (BusConnection c = open()) {
            String object = (String) c.call(MACHINE1, PATH, MANAGER, "GetMachineByPID", "u", List.of(leader)).get(0);
            Variant unit = (Variant) c.call(MACHINE1, object, "org.freedesktop.DBus.Properties", "Get", "ss",
                    List.of("org.freedesktop.machine1.Machine", "Unit")).get(0);
            return (String) unit.value();
        } catch (IOException | ClassCastException e) {
            throw failure(e);
        }
    }

    /** Ends machine {@code name}; one machined does not know is already gone. */
    public void terminate(String name) throws VirtException {
        try (BusConnection c = open()) {
            c.call(MACHINE1, PATH, MANAGER, "TerminateMachine", "s", List.of(name));
        } catch (BusError e) {
            if (!"org.freedesktop.machine1.NoSuchMachine".equals(e.name())) {
                throw failure(e);
            }
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private BusConnection open() throws IOException {
        return BusConnection.open(bus, TIMEOUT);
    }

    private static VirtException failure(Exception e) {
        // libvirt passes on GLib's text of an error reply
        String msg = e instanceof BusError be ? "GDBus.Error:" + be.name() + ": " + be.getMessage() : e.getMessage();
        return new VirtException(ErrorCode.DBUS_SERVICE, ErrorDomain.DBUS, msg, e);
    }
}
