package org.virtd.qemu.lifecycle;

import org.virtd.conf.domain.Devices;
import org.virtd.conf.domain.DomainDef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The running definition derived from the one a domain was started with (qemu-driver.md §2,
 * live XML): pty serials and consoles get the {@code /dev/pts/N} QEMU allocated as their source
 * path, and memory is rounded up to a whole MiB as QEMU sees it.
 */
final class LiveDefinition {

    private LiveDefinition() {
    }

    /** @param ptys chardev label ({@code charserial0}) → pty path, from {@code query-chardev} */
    static DomainDef of(DomainDef def, Map<String, String> ptys) {
        DomainDef out = def;
        long mib = (def.memoryKiB() + 1023) / 1024 * 1024;
        long current = def.currentMemoryKiB() == 0 ? def.memoryKiB() : def.currentMemoryKiB();
        if (mib != def.memoryKiB()) {
            out = out.withMemory(mib, current == def.memoryKiB() ? mib : current);
        }
        Devices d = def.devices();
        if (d == null) {
            return out;
        }
        List<Devices.CharDevDef> serials = new ArrayList<>();
        for (Devices.CharDevDef s : d.serials()) {
            serials.add(withPty(s, ptys.get("charserial" + Math.max(s.targetPort(), 0))));
        }
        List<Devices.CharDevDef> consoles = new ArrayList<>();
        for (Devices.CharDevDef c : d.consoles()) {
            consoles.add(withPty(c, ptys.get("charserial" + Math.max(c.targetPort(), 0))));
        }
        return out.withDevices(d.withCharDevices(serials, consoles));
    }

    private static Devices.CharDevDef withPty(Devices.CharDevDef c, String pty) {
        if (pty == null || (c.type() != null && !"pty".equals(c.type()))) {
            return c;
        }
        return new Devices.CharDevDef(c.type(), pty, c.logFile(), c.logAppend(), c.targetType(), c.targetPort(),
                c.targetModel());
    }

    /** The pty of the serial port a console or serial device name ({@code serial0}, {@code console0}) means. */
    static String ptyOf(DomainDef live, String devName) {
        Devices d = live.devices();
        if (d == null) {
            return null;
        }
        if (devName == null) {
            if (!d.consoles().isEmpty()) {
                return d.consoles().get(0).sourcePath();
            }
            return d.serials().isEmpty() ? null : d.serials().get(0).sourcePath();
        }
        for (int i = 0; i < d.serials().size(); i++) {
            if (devName.equals("serial" + i)) {
                return d.serials().get(i).sourcePath();
            }
        }
        for (int i = 0; i < d.consoles().size(); i++) {
            if (devName.equals("console" + i)) {
                return d.consoles().get(i).sourcePath();
            }
        }
        return null;
    }
}
