package org.virtd.qemu.qmp;

import java.util.List;

/**
 * The banner QEMU sends first on a monitor connection:
 * {@code {"QMP":{"version":{"qemu":{"major":7,"minor":2,"micro":22},"package":"…"},"capabilities":["oob"]}}}.
 */
public record QmpGreeting(int major, int minor, int micro, String pkg, List<String> capabilities) {

    static QmpGreeting from(JsonObject message) {
        if (!message.has("QMP")) {
            throw new IllegalArgumentException("not a QMP greeting: " + message.toJson());
        }
        JsonObject qmp = message.object("QMP");
        JsonObject version = qmp.object("version");
        JsonObject qemu = version.object("qemu");
        List<String> caps = qmp.array("capabilities").values().stream()
                .filter(JsonString.class::isInstance).map(v -> ((JsonString) v).value()).toList();
        return new QmpGreeting((int) qemu.number("major", 0), (int) qemu.number("minor", 0),
                (int) qemu.number("micro", 0), version.string("package", ""), caps);
    }

    /** libvirt's version number: major * 1,000,000 + minor * 1,000 + micro. */
    public long versionNumber() {
        return major * 1_000_000L + minor * 1_000L + micro;
    }
}
