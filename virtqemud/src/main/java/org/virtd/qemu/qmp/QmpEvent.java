package org.virtd.qemu.qmp;

/**
 * An asynchronous QMP event such as {@code SHUTDOWN}, {@code STOP}, {@code RESUME},
 * {@code RESET} (qemu-driver.md §6): its name, its {@code data} member (empty when absent) and
 * QEMU's timestamp in microseconds since the epoch.
 */
public record QmpEvent(String name, JsonObject data, long timestampMicros) {

    static QmpEvent from(JsonObject message) {
        JsonObject ts = message.object("timestamp");
        long micros = ts.number("seconds", 0) * 1_000_000L + ts.number("microseconds", 0);
        return new QmpEvent(message.string("event", ""), message.object("data"), micros);
    }
}
