package org.virtd.vbox.mapping;

import java.util.List;

/**
 * The devices of a vbox domain that the neutral domain model does not carry (vbox-driver.md §4,
 * §5): displays (sdl/desktop frontends from extradata, rdp from the VRDE server), the one video
 * adapter with its acceleration flags, the one sound card, serial and parallel ports and shared
 * folders. Read from a machine for dumpxml and from a domain XML for define.
 *
 * @param sound the sound model ({@code sb16}/{@code ac97}), null without a sound card
 * @param video null when the XML has no vbox video (define keeps VirtualBox's defaults)
 */
public record VBoxDevices(List<Graphics> graphics, Video video, String sound, List<Port> serials,
                          List<Port> parallels, List<Share> shares) {

    public VBoxDevices {
        graphics = List.copyOf(graphics);
        serials = List.copyOf(serials);
        parallels = List.copyOf(parallels);
        shares = List.copyOf(shares);
    }

    /**
     * {@code <graphics>}: sdl/desktop with an X display, or rdp with its port (0 with autoport),
     * listen address and connection sharing flags.
     */
    public record Graphics(String type, String display, int port, boolean autoport, String listen,
                           boolean multiUser, boolean replaceUser) {
        public static Graphics frontend(String type, String display) {
            return new Graphics(type, display, 0, false, null, false, false);
        }
    }

    /** {@code <video><model type='vbox' vram= heads=><acceleration accel3d= accel2d=/>}; vram in KiB. */
    public record Video(Integer vramKiB, Integer heads, Boolean accel3d, Boolean accel2d) {
    }

    /** A serial or parallel port: chardev type (pipe, dev, file, null), host path, target port 0/1. */
    public record Port(String type, String path, int port) {
    }

    /** A shared folder, {@code <filesystem type='mount'>}: host directory, share name, read-only. */
    public record Share(String hostPath, String name, boolean readonly) {
    }
}
