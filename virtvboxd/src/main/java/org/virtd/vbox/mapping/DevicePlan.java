package org.virtd.vbox.mapping;

import org.virtd.vbox.mapping.VBoxDevices.Graphics;
import org.virtd.vbox.mapping.VBoxDevices.Port;
import org.virtd.vbox.mapping.VBoxDevices.Share;
import org.virtd.vbox.mapping.VBoxDevices.Video;

import java.util.ArrayList;
import java.util.List;

/**
 * The VBoxManage settings for {@link VBoxDevices} at define (vbox-driver.md §5): video, sound,
 * serial and parallel ports and the VRDE server go into the one {@code modifyvm}; the frontend
 * ({@code FRONTEND/Type} vrdp when rdp is the only display, gui or sdl with
 * {@code FRONTEND/Display}) and the shared folders are steps of their own afterwards.
 */
final class DevicePlan {
    static final int MAX_UARTS = 4;
    static final int MAX_LPTS = 2;
    /** COM1..COM4 and LPT1..LPT2 as VirtualBox's "I/O base IRQ" values, by target port. */
    private static final String[] UART_IO = {"0x3F8 4", "0x2F8 3", "0x3E8 4", "0x2E8 3"};
    private static final String[] LPT_IO = {"0x378 7", "0x278 5"};

    private DevicePlan() {
    }

    static void modifyvm(VBoxDevices d, boolean audioSwitch, List<String> a) {
        Video v = d.video();
        if (v != null) {
            if (v.vramKiB() != null) {
                a.addAll(List.of("--vram", Long.toString((v.vramKiB() + 1023L) / 1024)));
            }
            if (v.heads() != null) {
                a.addAll(List.of("--monitorcount", Integer.toString(v.heads())));
            }
            if (v.accel3d() != null) {
                a.addAll(List.of("--accelerate3d", onOff(v.accel3d())));
            }
            if (v.accel2d() != null) {
                a.addAll(List.of("--accelerate2dvideo", onOff(v.accel2d())));
            }
        }
        if (d.sound() == null) {
            a.addAll(List.of("--audio", "none"));
        } else {
            a.addAll(audioSwitch ? List.of("--audio-enabled", "on") : List.of("--audio", "null"));
            a.addAll(List.of("--audiocontroller", d.sound()));
        }
        for (int i = 0; i < Math.min(d.serials().size(), MAX_UARTS); i++) {
            Port p = d.serials().get(i);
            int n = i + 1;
            a.addAll(List.of("--uart" + n, UART_IO[Math.floorMod(p.port(), MAX_UARTS)]));
            String path = p.path() == null ? "" : p.path();
            switch (p.type()) {
                case "pipe" -> a.addAll(List.of("--uartmode" + n, "server", path));
                case "file" -> a.addAll(List.of("--uartmode" + n, "file", path));
                case "dev" -> a.addAll(List.of("--uartmode" + n, path));
                default -> a.addAll(List.of("--uartmode" + n, "disconnected"));
            }
        }
        for (int i = 0; i < Math.min(d.parallels().size(), MAX_LPTS); i++) {
            Port p = d.parallels().get(i);
            a.addAll(List.of("--lpt" + (i + 1), LPT_IO[Math.floorMod(p.port(), MAX_LPTS)]));
            if (p.path() != null) {
                a.addAll(List.of("--lptmode" + (i + 1), p.path()));
            }
        }
        for (Graphics g : d.graphics()) {
            if ("rdp".equals(g.type())) {
                a.addAll(List.of("--vrde", "on"));
                if (g.port() > 0 && !g.autoport()) {
                    a.addAll(List.of("--vrdeport", Integer.toString(g.port())));
                }
                if (g.listen() != null) {
                    a.addAll(List.of("--vrdeaddress", g.listen()));
                }
                a.addAll(List.of("--vrdemulticon", onOff(g.multiUser()), "--vrdereusecon", onOff(g.replaceUser())));
                break;
            }
        }
    }

    static List<List<String>> afterwards(VBoxDevices d, String id) {
        List<List<String>> steps = new ArrayList<>();
        Graphics gui = null;
        Graphics sdl = null;
        boolean rdp = false;
        for (Graphics g : d.graphics()) {
            switch (g.type()) {
                case "desktop" -> gui = gui == null ? g : gui;
                case "sdl" -> sdl = sdl == null ? g : sdl;
                case "rdp" -> rdp = true;
                default -> {
                }
            }
        }
        Graphics frontend = sdl != null ? sdl : gui;
        if (frontend != null) {
            steps.add(List.of("setextradata", id, MachineDevices.FRONTEND_TYPE, sdl != null ? "sdl" : "gui"));
            if (frontend.display() != null) {
                steps.add(List.of("setextradata", id, MachineDevices.FRONTEND_DISPLAY, frontend.display()));
            }
        } else if (rdp) {
            steps.add(List.of("setextradata", id, MachineDevices.FRONTEND_TYPE, "vrdp"));
        }
        for (Share s : d.shares()) {
            steps.add(SharedFolders.add(id, s));
        }
        return steps;
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }
}
