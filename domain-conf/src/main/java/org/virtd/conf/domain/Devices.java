package org.virtd.conf.domain;

import java.util.List;

/**
 * The {@code <devices>} of a domain, one list per device class. dumpxml prints them in libvirt's
 * order (emulator, disk, controller, interface, serial, console, channel, input, graphics, sound,
 * audio, video, redirdev, hub, memballoon, rng), not in the order of the components here.
 */
public record Devices(String emulator, List<DiskDef> disks, List<ControllerDef> controllers,
                      List<InterfaceDef> interfaces, List<CharDevDef> serials, List<CharDevDef> consoles,
                      List<InputDef> inputs, List<GraphicsDef> graphics, List<AudioDef> audios,
                      List<VideoDef> videos, MemballoonDef memballoon, List<ChannelDef> channels,
                      List<SoundDef> sounds, List<RedirdevDef> redirdevs, List<RngDef> rngs, List<PanicDef> panics,
                      List<HubDef> hubs) {

    /** Without panic devices. */
    public Devices(String emulator, List<DiskDef> disks, List<ControllerDef> controllers,
                   List<InterfaceDef> interfaces, List<CharDevDef> serials, List<CharDevDef> consoles,
                   List<InputDef> inputs, List<GraphicsDef> graphics, List<AudioDef> audios,
                   List<VideoDef> videos, MemballoonDef memballoon, List<ChannelDef> channels,
                   List<SoundDef> sounds, List<RedirdevDef> redirdevs, List<RngDef> rngs) {
        this(emulator, disks, controllers, interfaces, serials, consoles, inputs, graphics, audios, videos,
                memballoon, channels, sounds, redirdevs, rngs, List.of(), List.of());
    }

    /** {@code <hub type='usb'>}: a USB hub of 8 ports, one a guest's USB devices may plug into. */
    public record HubDef(String type, DeviceAddress address, String alias) {
        public HubDef withAddress(DeviceAddress a) {
            return new HubDef(type, a, alias);
        }

        public HubDef withAlias(String name) {
            return new HubDef(type, address, name);
        }
    }

    /** The same devices with other USB hubs. */
    public Devices withHubs(List<HubDef> newHubs) {
        return new Devices(emulator, disks, controllers, interfaces, serials, consoles, inputs, graphics, audios,
                videos, memballoon, channels, sounds, redirdevs, rngs, panics, newHubs);
    }

    /** {@code <panic model=>}: the device a guest reports its kernel panics through. */
    public record PanicDef(String model) {
    }

    /** The same devices with {@code from}'s panic devices (a copy rebuilt field by field keeps them). */
    public Devices withPanics(List<PanicDef> from) {
        return new Devices(emulator, disks, controllers, interfaces, serials, consoles, inputs, graphics, audios,
                videos, memballoon, channels, sounds, redirdevs, rngs, from, hubs);
    }

    public Devices {
        panics = panics == null ? List.of() : List.copyOf(panics);
        hubs = hubs == null ? List.of() : List.copyOf(hubs);
        disks = List.copyOf(disks);
        controllers = List.copyOf(controllers);
        interfaces = List.copyOf(interfaces);
        serials = List.copyOf(serials);
        consoles = List.copyOf(consoles);
        inputs = List.copyOf(inputs);
        graphics = List.copyOf(graphics);
        audios = List.copyOf(audios);
        videos = List.copyOf(videos);
        channels = List.copyOf(channels);
        sounds = List.copyOf(sounds);
        redirdevs = List.copyOf(redirdevs);
        rngs = List.copyOf(rngs);
    }

    public Devices withMemballoon(MemballoonDef balloon) {
        return new Devices(emulator, disks, controllers, interfaces, serials, consoles, inputs, graphics, audios,
                videos, balloon, channels, sounds, redirdevs, rngs, panics, hubs);
    }

    /** The same devices with other disks. */
    public Devices withDisks(List<DiskDef> newDisks) {
        return new Devices(emulator, newDisks, controllers, interfaces, serials, consoles, inputs, graphics, audios,
                videos, memballoon, channels, sounds, redirdevs, rngs, panics, hubs);
    }

    /** The same devices with other NICs (the host taps a start connected them to, say). */
    public Devices withInterfaces(List<InterfaceDef> newInterfaces) {
        return new Devices(emulator, disks, controllers, newInterfaces, serials, consoles, inputs, graphics, audios,
                videos, memballoon, channels, sounds, redirdevs, rngs, panics, hubs);
    }

    public static Devices empty() {
        return new Devices(null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), null, List.of(), List.of(), List.of(), List.of());
    }

    /** The same devices with other serial ports and consoles. */
    public Devices withCharDevices(List<CharDevDef> newSerials, List<CharDevDef> newConsoles) {
        return new Devices(emulator, disks, controllers, interfaces, newSerials, newConsoles, inputs, graphics, audios,
                videos, memballoon, channels, sounds, redirdevs, rngs, panics, hubs);
    }

    /** The same devices with other controllers, inputs and audio backends. */
    public Devices withControllersInputsAudios(List<ControllerDef> newControllers, List<InputDef> newInputs,
                                               List<AudioDef> newAudios) {
        return new Devices(emulator, disks, newControllers, interfaces, serials, consoles, newInputs, graphics,
                newAudios, videos, memballoon, channels, sounds, redirdevs, rngs, panics, hubs);
    }

    /**
     * {@code <disk type= device=>}; driver/source/target/readonly/alias/address children. Every
     * device's {@code alias} is its {@code <alias name=>}: one the driver gave it while running,
     * or a user's {@code ua-} one; null for none. {@code sourceIndex} is the running guest's
     * number for its source ({@code <source index=>}), 0 in definitions; {@code backing} the
     * images below the source ({@code <backingStore>}); {@code mirror} a block job's second
     * image ({@code <mirror>}, null for none); {@code iotune} its throttling ({@code <iotune>}).
     */
    public record DiskDef(String type, String device, String driverName, String driverType, String source,
                          String targetDev, String targetBus, boolean readonly, DeviceAddress address, String alias,
                          int sourceIndex, String driverCache, BackingChain backing, DiskMirror mirror,
                          DiskIoTune iotune, DiskDriverOptions driverOptions) {
        public DiskDef {
            backing = backing == null ? BackingChain.UNKNOWN : backing;
            iotune = iotune == null ? DiskIoTune.NONE : iotune;
            driverOptions = driverOptions == null ? DiskDriverOptions.NONE : driverOptions;
        }

        public DiskDef(String type, String device, String driverName, String driverType, String source,
                       String targetDev, String targetBus, boolean readonly, DeviceAddress address, String alias,
                       int sourceIndex, String driverCache, BackingChain backing, DiskMirror mirror,
                       DiskIoTune iotune) {
            this(type, device, driverName, driverType, source, targetDev, targetBus, readonly, address, alias,
                    sourceIndex, driverCache, backing, mirror, iotune, DiskDriverOptions.NONE);
        }

        /** The same disk with other discard / zero detection settings. */
        public DiskDef withDriverOptions(DiskDriverOptions options) {
            return new DiskDef(type, device, driverName, driverType, source, targetDev, targetBus, readonly, address,
                    alias, sourceIndex, driverCache, backing, mirror, iotune, options);
        }

        public DiskDef(String type, String device, String driverName, String driverType, String source,
                       String targetDev, String targetBus, boolean readonly, DeviceAddress address, String alias,
                       int sourceIndex, String driverCache, BackingChain backing, DiskMirror mirror) {
            this(type, device, driverName, driverType, source, targetDev, targetBus, readonly, address, alias,
                    sourceIndex, driverCache, backing, mirror, DiskIoTune.NONE);
        }

        public DiskDef(String type, String device, String driverName, String driverType, String source,
                       String targetDev, String targetBus, boolean readonly, DeviceAddress address, String alias,
                       int sourceIndex, String driverCache, BackingChain backing) {
            this(type, device, driverName, driverType, source, targetDev, targetBus, readonly, address, alias,
                    sourceIndex, driverCache, backing, null, DiskIoTune.NONE);
        }

        public DiskDef(String type, String device, String driverName, String driverType, String source,
                       String targetDev, String targetBus, boolean readonly, DeviceAddress address, String alias,
                       int sourceIndex, String driverCache, DiskIoTune iotune) {
            this(type, device, driverName, driverType, source, targetDev, targetBus, readonly, address, alias,
                    sourceIndex, driverCache, BackingChain.UNKNOWN, null, iotune);
        }

        public DiskDef(String type, String device, String driverName, String driverType, String source,
                       String targetDev, String targetBus, boolean readonly, DeviceAddress address, String alias,
                       int sourceIndex, String driverCache) {
            this(type, device, driverName, driverType, source, targetDev, targetBus, readonly, address, alias,
                    sourceIndex, driverCache, BackingChain.UNKNOWN, null, DiskIoTune.NONE);
        }

        public DiskDef(String type, String device, String driverName, String driverType, String source,
                       String targetDev, String targetBus, boolean readonly, DeviceAddress address) {
            this(type, device, driverName, driverType, source, targetDev, targetBus, readonly, address, null, 0, null);
        }

        public DiskDef(String type, String device, String driverName, String driverType, String source,
                       String targetDev, String targetBus, boolean readonly, DeviceAddress address, String alias) {
            this(type, device, driverName, driverType, source, targetDev, targetBus, readonly, address, alias, 0, null);
        }

        /** The same disk throttled by {@code tune}. */
        public DiskDef withIoTune(DiskIoTune tune) {
            return new DiskDef(type, device, driverName, driverType, source, targetDev, targetBus, readonly, address,
                    alias, sourceIndex, driverCache, backing, mirror, tune, driverOptions);
        }

        public DiskDef withBusAndAddress(String driverNameValue, String driverTypeValue, String bus, boolean ro,
                                         DeviceAddress addr) {
            return new DiskDef(type, device, driverNameValue, driverTypeValue, source, targetDev, bus, ro, addr, alias,
                    sourceIndex, driverCache, backing, mirror, iotune, driverOptions);
        }

        public DiskDef withAlias(String name) {
            return new DiskDef(type, device, driverName, driverType, source, targetDev, targetBus, readonly, address,
                    name, sourceIndex, driverCache, backing, mirror, iotune, driverOptions);
        }

        public DiskDef withSourceIndex(int index) {
            return new DiskDef(type, device, driverName, driverType, source, targetDev, targetBus, readonly, address,
                    alias, index, driverCache, backing, mirror, iotune, driverOptions);
        }

        /** The same disk over other backing images. */
        public DiskDef withBacking(BackingChain chain) {
            return new DiskDef(type, device, driverName, driverType, source, targetDev, targetBus, readonly, address,
                    alias, sourceIndex, driverCache, chain, mirror, iotune, driverOptions);
        }

        /** The same disk with a block job's second image ({@code <mirror>}), null for none. */
        public DiskDef withMirror(DiskMirror m) {
            return new DiskDef(type, device, driverName, driverType, source, targetDev, targetBus, readonly, address,
                    alias, sourceIndex, driverCache, backing, m, iotune, driverOptions);
        }

        /**
         * The same disk with another top image ({@code format}, {@code path}, number {@code index}),
         * as a pivot or commit leaves it; the source's type follows the new one.
         */
        public DiskDef withSource(String sourceType, String format, String path, int index, BackingChain chain) {
            return new DiskDef(sourceType, device, driverName, format, path, targetDev, targetBus, readonly, address,
                    alias, index, driverCache, chain, mirror, iotune, driverOptions);
        }

        /** The highest number of its source, backing and mirror images, 0 in a definition. */
        public int highestIndex() {
            return Math.max(Math.max(sourceIndex, backing.highestIndex()), mirror == null ? 0 : mirror.index());
        }
    }

    /**
     * {@code <controller type= index= model=>}; index -1 = not given. modelName, chassis and port
     * are the {@code <model name=>} and {@code <target chassis= port=>} of PCIe ports; ports the
     * {@code ports=} of a USB controller (null = not given).
     */
    public record ControllerDef(String type, int index, String model, String modelName, String targetChassis,
                                String targetPort, String masterStartport, DeviceAddress address, String alias,
                                Integer ports) {
        public ControllerDef(String type, int index, String model, String modelName, String targetChassis,
                             String targetPort, String masterStartport, DeviceAddress address) {
            this(type, index, model, modelName, targetChassis, targetPort, masterStartport, address, null, null);
        }

        public ControllerDef with(int newIndex, String newModel, DeviceAddress newAddress) {
            return new ControllerDef(type, newIndex, newModel, modelName, targetChassis, targetPort, masterStartport,
                    newAddress, alias, ports);
        }

        public ControllerDef withAlias(String name) {
            return new ControllerDef(type, index, model, modelName, targetChassis, targetPort, masterStartport, address,
                    name, ports);
        }

        /** A PCIe port with its {@code <model name=>} and {@code <target chassis= port=>} filled. */
        public ControllerDef withPortTarget(String newModelName, String chassis, String port) {
            return new ControllerDef(type, index, model, newModelName, chassis, port, masterStartport, address,
                    alias, ports);
        }

        /** A USB 1 companion of an EHCI controller ({@code <master startport='N'/>}). */
        public boolean isCompanion() {
            return masterStartport != null;
        }
    }

    /** The {@code <source>} of a NIC type that is neither a tap nor user-mode networking. */
    public sealed interface NicSource permits VhostUserSource, SocketSource, DirectSource {
    }

    /**
     * The socket of a {@code vhostuser} NIC, {@code <source type='unix' path= mode=>}: QEMU connects
     * to it ({@code client}) or listens on it ({@code server}); in client mode {@code <reconnect
     * enabled=>} (null: not given) says whether QEMU reconnects after {@code reconnectTimeout} s.
     */
    public record VhostUserSource(String path, String mode, String reconnect, int reconnectTimeout)
            implements NicSource {
        public boolean server() {
            return "server".equals(mode);
        }
    }

    /**
     * The tunnel of a {@code server}, {@code client}, {@code mcast} or {@code udp} NIC: {@code
     * <source address= port=>} (no address: a server listens on all), and for udp the {@code
     * <local address= port=>} it sends from (null address when not udp).
     */
    public record SocketSource(String address, int port, String localAddress, int localPort)
            implements NicSource {
    }

    /** A {@code direct} NIC's host device and macvtap mode, {@code <source dev= mode=>}. */
    public record DirectSource(String dev, String mode) implements NicSource {
    }

    /**
     * {@code <interface type='user|ethernet|bridge|network|vhostuser...'>} with mac, source, model and
     * address; {@code <target dev= managed=>} (the host tap), {@code <link state=>} and {@code <mtu
     * size=>} (0 = not given); {@code portId}: the network port a running {@code network} NIC holds;
     * {@code source}: the source of the other types (vhostuser, socket tunnels, direct).
     */
    public record InterfaceDef(String type, String mac, String sourceNetwork, String sourceBridge, String model,
                               DeviceAddress address, String alias, String targetDev, String targetManaged,
                               String linkState, int mtu, NetBandwidth bandwidth, String portId,
                               NicSource source) {
        public InterfaceDef(String type, String mac, String sourceNetwork, String sourceBridge, String model,
                            DeviceAddress address, String alias, String targetDev, String targetManaged,
                            String linkState, int mtu, NetBandwidth bandwidth, String portId) {
            this(type, mac, sourceNetwork, sourceBridge, model, address, alias, targetDev, targetManaged, linkState,
                    mtu, bandwidth, portId, null);
        }

        public InterfaceDef(String type, String mac, String sourceNetwork, String sourceBridge, String model,
                            DeviceAddress address, String alias, String targetDev, String targetManaged,
                            String linkState, int mtu, NetBandwidth bandwidth) {
            this(type, mac, sourceNetwork, sourceBridge, model, address, alias, targetDev, targetManaged, linkState,
                    mtu, bandwidth, null);
        }

        public InterfaceDef(String type, String mac, String sourceNetwork, String sourceBridge, String model,
                            DeviceAddress address, String alias, String targetDev, String targetManaged,
                            String linkState, int mtu) {
            this(type, mac, sourceNetwork, sourceBridge, model, address, alias, targetDev, targetManaged, linkState,
                    mtu, null);
        }

        /** The same NIC with rate limits {@code b} (null: no {@code <bandwidth>}). */
        public InterfaceDef withBandwidth(NetBandwidth b) {
            return new InterfaceDef(type, mac, sourceNetwork, sourceBridge, model, address, alias, targetDev,
                    targetManaged, linkState, mtu, b, portId, source);
        }

        public InterfaceDef(String type, String mac, String sourceNetwork, String sourceBridge, String model,
                            DeviceAddress address) {
            this(type, mac, sourceNetwork, sourceBridge, model, address, null, null, null, null, 0);
        }

        public InterfaceDef with(String newMac, String newModel, DeviceAddress newAddress) {
            return new InterfaceDef(type, newMac, sourceNetwork, sourceBridge, newModel, newAddress, alias, targetDev,
                    targetManaged, linkState, mtu, bandwidth, portId, source);
        }

        public InterfaceDef withAlias(String name) {
            return new InterfaceDef(type, mac, sourceNetwork, sourceBridge, model, address, name, targetDev,
                    targetManaged, linkState, mtu, bandwidth, portId, source);
        }

        /** The same NIC on host device {@code dev} (null: none, as for a definition). */
        public InterfaceDef withTargetDev(String dev) {
            return new InterfaceDef(type, mac, sourceNetwork, sourceBridge, model, address, alias, dev,
                    targetManaged, linkState, mtu, bandwidth, portId, source);
        }

        /** The same NIC with its link {@code state} ("up", "down", null: not given). */
        public InterfaceDef withLinkState(String state) {
            return new InterfaceDef(type, mac, sourceNetwork, sourceBridge, model, address, alias, targetDev,
                    targetManaged, state, mtu, bandwidth, portId, source);
        }

        /**
         * A {@code network} NIC plugged into its network's port {@code id} on {@code bridge} (what
         * the network daemon answered; live XML only), or unplugged again with nulls.
         */
        public InterfaceDef withPort(String id, String bridge) {
            return new InterfaceDef(type, mac, sourceNetwork, bridge, model, address, alias, targetDev,
                    targetManaged, linkState, mtu, bandwidth, id, source);
        }

        /** A vhostuser NIC's socket; null for other types. */
        public VhostUserSource vhostUser() {
            return source instanceof VhostUserSource v ? v : null;
        }

        /** A socket tunnel's ends; null for other types. */
        public SocketSource socket() {
            return source instanceof SocketSource t ? t : null;
        }

        /** {@code <target managed='no'>}: a tap that exists before the guest and outlives it. */
        public boolean unmanagedTap() {
            return "no".equals(targetManaged);
        }
    }

    /**
     * A serial port or console: {@code type} (pty, file, null...), optional {@code <source path>},
     * {@code <log file= append=>} and {@code <target type= port=>} with {@code <model name=>}.
     * targetPort -1 = not given.
     */
    public record CharDevDef(String type, String sourcePath, String logFile, String logAppend, String targetType,
                             int targetPort, String targetModel, String alias) {
        public CharDevDef(String type, String sourcePath, String logFile, String logAppend, String targetType,
                          int targetPort, String targetModel) {
            this(type, sourcePath, logFile, logAppend, targetType, targetPort, targetModel, null);
        }

        public CharDevDef withTarget(String newType, int newPort, String newModel) {
            return new CharDevDef(type, sourcePath, logFile, logAppend, newType, newPort, newModel, alias);
        }

        public CharDevDef withSourcePath(String path) {
            return new CharDevDef(type, path, logFile, logAppend, targetType, targetPort, targetModel, alias);
        }

        public CharDevDef withAlias(String name) {
            return new CharDevDef(type, sourcePath, logFile, logAppend, targetType, targetPort, targetModel, name);
        }
    }

    /** {@code <input type= bus=>}. */
    public record InputDef(String type, String bus, DeviceAddress address, String alias) {
        public InputDef(String type, String bus, DeviceAddress address) {
            this(type, bus, address, null);
        }

        public InputDef withAlias(String name) {
            return new InputDef(type, bus, address, name);
        }
    }

    /** {@code <graphics type='vnc' port= autoport= listen= passwd= keymap=>}. */
    /** {@code <graphics>}; {@code imageCompression} is SPICE's {@code <image compression=>}, null when not given. */
    /**
     * {@code <graphics>}; {@code socket} is the UNIX socket path of a display listening on one
     * ({@code <listen type='socket'>}), null for one on an address.
     */
    public record GraphicsDef(String type, int port, String autoport, String listen, String passwd,
                              String keymap, String imageCompression, String socket) {
        public GraphicsDef(String type, int port, String autoport, String listen, String passwd, String keymap,
                           String imageCompression) {
            this(type, port, autoport, listen, passwd, keymap, imageCompression, null);
        }

        public GraphicsDef(String type, int port, String autoport, String listen, String passwd, String keymap) {
            this(type, port, autoport, listen, passwd, keymap, null, null);
        }

        /** The same display where QEMU really listens. */
        public GraphicsDef at(int newPort, String newListen) {
            return new GraphicsDef(type, newPort, autoport, newListen, passwd, keymap, imageCompression, null);
        }

        /** The same display on a UNIX socket (no port, no address). */
        public GraphicsDef onSocket(String path) {
            return new GraphicsDef(type, -1, null, null, passwd, keymap, imageCompression, path);
        }
    }

    /** {@code <audio id= type=/>}. */
    public record AudioDef(int id, String type) {
    }

    /** {@code <video><model type= vram= heads= primary=/></video>}; null numbers are not printed. */
    public record VideoDef(String model, Integer ram, Integer vram, Integer vgamem, Integer heads, boolean primary,
                           DeviceAddress address, String alias) {
        public VideoDef(String model, Integer ram, Integer vram, Integer vgamem, Integer heads, boolean primary,
                        DeviceAddress address) {
            this(model, ram, vram, vgamem, heads, primary, address, null);
        }

        public VideoDef withAddress(DeviceAddress newAddress) {
            return new VideoDef(model, ram, vram, vgamem, heads, primary, newAddress, alias);
        }

        public VideoDef withAlias(String name) {
            return new VideoDef(model, ram, vram, vgamem, heads, primary, address, name);
        }
    }

    /** {@code <memballoon model=>} with {@code <stats period=>} (seconds; 0 = not polled, not printed). */
    public record MemballoonDef(String model, DeviceAddress address, int period, String alias) {
        public MemballoonDef(String model, DeviceAddress address) {
            this(model, address, 0, null);
        }

        public MemballoonDef(String model, DeviceAddress address, int period) {
            this(model, address, period, null);
        }

        public MemballoonDef withPeriod(int seconds) {
            return new MemballoonDef(model, address, seconds, alias);
        }

        public MemballoonDef withAddress(DeviceAddress newAddress) {
            return new MemballoonDef(model, newAddress, period, alias);
        }

        public MemballoonDef withAlias(String name) {
            return new MemballoonDef(model, address, period, name);
        }
    }

    /**
     * {@code <channel type=>}: a unix socket ({@code <source mode= path=>}, path null until the
     * driver picks one), spicevmc, pty...; {@code <target type='virtio' name=>} or
     * {@code <target type='guestfwd' address= port=>}; {@code state} is the live
     * connected/disconnected state of a virtio port, null in the inactive form.
     */
    public record ChannelDef(String type, String sourceMode, String sourcePath, String targetType,
                             String targetName, String state, DeviceAddress address, String alias) {
        public ChannelDef(String type, String sourceMode, String sourcePath, String targetType, String targetName,
                          String state, DeviceAddress address) {
            this(type, sourceMode, sourcePath, targetType, targetName, state, address, null);
        }

        public ChannelDef withAddress(DeviceAddress newAddress) {
            return new ChannelDef(type, sourceMode, sourcePath, targetType, targetName, state, newAddress, alias);
        }

        public ChannelDef withLive(String newSourcePath, String newState) {
            return new ChannelDef(type, sourceMode, newSourcePath, targetType, targetName, newState, address, alias);
        }

        public ChannelDef withAlias(String name) {
            return new ChannelDef(type, sourceMode, sourcePath, targetType, targetName, state, address, name);
        }
    }

    /** {@code <sound model=>}. */
    public record SoundDef(String model, DeviceAddress address, String alias) {
        public SoundDef(String model, DeviceAddress address) {
            this(model, address, null);
        }

        public SoundDef withAlias(String name) {
            return new SoundDef(model, address, name);
        }
    }

    /** {@code <redirdev bus='usb' type='spicevmc|tcp...'>}. */
    public record RedirdevDef(String bus, String type, DeviceAddress address, String alias) {
        public RedirdevDef(String bus, String type, DeviceAddress address) {
            this(bus, type, address, null);
        }

        public RedirdevDef withAlias(String name) {
            return new RedirdevDef(bus, type, address, name);
        }
    }

    /** {@code <rng model='virtio'><backend model='random'>/dev/urandom</backend></rng>}. */
    public record RngDef(String model, String backendModel, String backendSource, DeviceAddress address,
                         String alias) {
        public RngDef(String model, String backendModel, String backendSource, DeviceAddress address) {
            this(model, backendModel, backendSource, address, null);
        }

        public RngDef withAddress(DeviceAddress newAddress) {
            return new RngDef(model, backendModel, backendSource, newAddress, alias);
        }

        public RngDef withAlias(String name) {
            return new RngDef(model, backendModel, backendSource, address, name);
        }
    }
}
