package org.virtd.qemu.stats;

import org.virtd.qemu.lifecycle.DomainResources;
import org.virtd.qemu.qmp.JsonNumber;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.JsonValue;
import org.virtd.qemu.qmp.QmpClient;
import org.virtd.qemu.qmp.QmpException;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.types.MemoryStat;

import java.util.ArrayList;
import java.util.List;

/**
 * virDomainMemoryStats of a running domain: the balloon's current size ({@code query-balloon}),
 * the statistics the guest's balloon driver last reported ({@code guest-stats} of the balloon
 * device; those it never sent are -1 and left out), and the QEMU process's RSS. Tags and order
 * are libvirt's ({@code VIR_DOMAIN_MEMORY_STAT_*}).
 */
public final class BalloonStats {
    public static final int ACTUAL = 6;
    public static final int RSS = 7;
    public static final int LAST_UPDATE = 9;

    /** guest-stats member, tag, divisor to KiB (1 for counts), in libvirt's order. */
    private record Guest(String member, int tag, long divisor) {
    }

    private static final List<Guest> GUEST = List.of(
            new Guest("stat-swap-in", 0, 1024), new Guest("stat-swap-out", 1, 1024),
            new Guest("stat-major-faults", 2, 1), new Guest("stat-minor-faults", 3, 1),
            new Guest("stat-free-memory", 4, 1024), new Guest("stat-total-memory", 5, 1024),
            new Guest("stat-available-memory", 8, 1024), new Guest("last-update", LAST_UPDATE, 1),
            new Guest("stat-disk-caches", 10, 1024), new Guest("stat-htlb-pgalloc", 11, 1),
            new Guest("stat-htlb-pgfail", 12, 1));

    private BalloonStats() {
    }

    /** The balloon's statistics (without RSS); empty when the domain has no balloon. */
    public static List<MemoryStat> balloon(QmpClient monitor, boolean hasBalloon) throws VirtException {
        List<MemoryStat> out = new ArrayList<>();
        if (!hasBalloon) {
            return out;
        }
        JsonObject b = (JsonObject) monitor.execute("query-balloon", null);
        out.add(new MemoryStat(ACTUAL, b.number("actual", 0) / 1024));
        JsonObject guest;
        try {
            guest = (JsonObject) monitor.execute("qom-get",
                    JsonObject.of("path", DomainResources.BALLOON_QOM_PATH, "property", "guest-stats"));
        } catch (QmpException e) {
            return out;
        }
        JsonObject stats = guest.object("stats");
        for (Guest g : GUEST) {
            JsonValue v = "last-update".equals(g.member()) ? guest.get(g.member())
                    : stats == null ? null : stats.get(g.member());
            long value = v instanceof JsonNumber n ? collected(n) : -1;
            if (value >= 0) {
                out.add(new MemoryStat(g.tag(), value / g.divisor()));
            }
        }
        return out;
    }

    /** A statistic's value; -1 for one the guest never reported (QEMU sends 2^64-1 for it). */
    private static long collected(JsonNumber n) {
        try {
            return Long.parseLong(n.literal());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

}
