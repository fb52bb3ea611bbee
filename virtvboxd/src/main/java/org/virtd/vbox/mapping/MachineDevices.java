package org.virtd.vbox.mapping;

import org.virtd.vbox.manage.KeyValues;
import org.virtd.vbox.mapping.VBoxDevices.Graphics;
import org.virtd.vbox.mapping.VBoxDevices.Port;
import org.virtd.vbox.mapping.VBoxDevices.Share;
import org.virtd.vbox.mapping.VBoxDevices.Video;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@link VBoxDevices} libvirt's dumpxml derives from a machine (vbox-driver.md §4):
 * {@code FRONTEND/Type} sdl or gui gives an sdl or desktop display with {@code FRONTEND/Display},
 * no type a desktop on the daemon's own display, vrdp none; an enabled VRDE server adds rdp.
 * Serial and parallel ports are numbered by their standard I/O base and IRQ.
 */
public final class MachineDevices {
    public static final String FRONTEND_TYPE = "FRONTEND/Type";
    public static final String FRONTEND_DISPLAY = "FRONTEND/Display";
    static final int MAX_UARTS = 4;
    static final int MAX_LPTS = 2;

    private MachineDevices() {
    }

    /**
     * @param extra           the machine's extradata
     * @param audioController VirtualBox's controller name (AC97, SB16, HDA) when audio is on, else ignored
     * @param daemonDisplay   the daemon's {@code $DISPLAY}, may be null
     */
    public static VBoxDevices of(KeyValues kv, Map<String, String> extra, String audioController,
                                 String daemonDisplay) {
        return new VBoxDevices(graphics(kv, extra, daemonDisplay), video(kv), sound(kv, audioController),
                serials(kv), parallels(kv), shares(kv));
    }

    /** Whether the machine's audio adapter is enabled ({@code audio} names a driver, not none). */
    public static boolean audioEnabled(KeyValues kv) {
        String audio = kv.get("audio");
        return audio != null && !audio.equals("none");
    }

    private static List<Graphics> graphics(KeyValues kv, Map<String, String> extra, String daemonDisplay) {
        List<Graphics> out = new ArrayList<>();
        String type = extra.get(FRONTEND_TYPE);
        String display = emptyToNull(extra.get(FRONTEND_DISPLAY));
        if ("sdl".equals(type)) {
            out.add(Graphics.frontend("sdl", display));
        } else if ("gui".equals(type)) {
            out.add(Graphics.frontend("desktop", display));
        } else if (!"vrdp".equals(type)) {
            out.add(Graphics.frontend("desktop", emptyToNull(daemonDisplay)));
        }
        if (kv.isOn("vrde")) {
            String ports = kv.get("vrdeports", "");
            int port = 0;
            boolean autoport = false;
            try {
                port = Integer.parseInt(ports.strip());
            } catch (NumberFormatException e) {
                autoport = ports.isBlank();
            }
            out.add(new Graphics("rdp", null, port, autoport, emptyToNull(kv.get("vrdeaddress")),
                    kv.isOn("vrdemulticon"), kv.isOn("vrdereusecon")));
        }
        return out;
    }

    private static Video video(KeyValues kv) {
        return new Video((int) kv.number("vram", 8) * 1024, (int) kv.number("monitorcount", 1),
                kv.isOn("accelerate3d"), kv.isOn("accelerate2dvideo"));
    }

    /** libvirt names SB16 and AC97; any other controller (HDA) comes out as its first model, sb16. */
    private static String sound(KeyValues kv, String controller) {
        if (!audioEnabled(kv)) {
            return null;
        }
        String c = controller == null ? "AC97" : controller.toUpperCase(Locale.ROOT);
        return c.equals("AC97") ? "ac97" : "sb16";
    }

    private static List<Port> serials(KeyValues kv) {
        List<Port> out = new ArrayList<>();
        for (int i = 1; i <= MAX_UARTS; i++) {
            int[] io = ioBase(kv.get("uart" + i));
            if (io == null) {
                continue;
            }
            String mode = kv.get("uartmode" + i, "disconnected");
            int comma = mode.indexOf(',');
            String kind = comma < 0 ? mode : mode.substring(0, comma);
            String path = comma < 0 ? null : mode.substring(comma + 1);
            String type = switch (kind) {
                case "server", "client" -> "pipe";
                case "file" -> "file";
                case "disconnected", "tcpserver", "tcpclient" -> "null";
                default -> {
                    path = mode;
                    yield "dev";
                }
            };
            int port = io[0] == 0x3f8 && io[1] == 4 ? 0 : io[0] == 0x2f8 && io[1] == 3 ? 1 : 0;
            out.add(new Port(type, path, port));
        }
        return out;
    }

    private static List<Port> parallels(KeyValues kv) {
        List<Port> out = new ArrayList<>();
        for (int i = 1; i <= MAX_LPTS; i++) {
            int[] io = ioBase(kv.get("lpt" + i));
            if (io == null) {
                continue;
            }
            int port = io[0] == 0x378 && io[1] == 7 ? 0 : io[0] == 0x278 && io[1] == 5 ? 1 : 0;
            out.add(new Port("file", kv.get("lptmode" + i, ""), port));
        }
        return out;
    }

    /** {@code "0x03f8,4"} as {io base, irq}; null for {@code off} or anything unreadable. */
    static int[] ioBase(String value) {
        if (value == null || value.equals("off")) {
            return null;
        }
        String[] parts = value.split(",");
        if (parts.length != 2) {
            return null;
        }
        try {
            return new int[]{Integer.decode(parts[0].strip()), Integer.parseInt(parts[1].strip())};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<Share> shares(KeyValues kv) {
        List<Share> out = new ArrayList<>();
        for (int i = 1; kv.has("SharedFolderNameMachineMapping" + i); i++) {
            // machine-readable output carries no writable flag; VirtualBox's default is writable
            out.add(new Share(kv.get("SharedFolderPathMachineMapping" + i, ""),
                    kv.get("SharedFolderNameMachineMapping" + i), false));
        }
        return out;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
