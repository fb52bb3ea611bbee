package org.virtd.conf.domain;

import java.util.List;

/**
 * The {@code <devices>} of a domain, one list per device class. dumpxml prints them in libvirt's
 * order (emulator, disk, controller, interface, serial, console, channel, input, graphics, sound,
 * audio, video, redirdev, memballoon, rng), not in the order of the components here.
 */
public record Devices(String emulator, List<DiskDef> disks, List<ControllerDef> controllers,
                      List<InterfaceDef> interfaces, List<CharDevDef> serials, List<CharDevDef> consoles,
                      List<InputDef> inputs, List<GraphicsDef> graphics, List<AudioDef> audios,
                      List<VideoDef> videos, MemballoonDef memballoon, List<ChannelDef> channels,
                      List<SoundDef> sounds, List<RedirdevDef> redirdevs, List<RngDef> rngs) {

    public Devices {
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

    public static Devices empty() {
        return new Devices(null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), null, List.of(), List.of(), List.of(), List.of());
    }

    /** The same devices with other serial ports and consoles. */
    public Devices withCharDevices(List<CharDevDef> newSerials, List<CharDevDef> newConsoles) {
        return new Devices(emulator, disks, controllers, interfaces, newSerials, newConsoles, inputs, graphics, audios,
                videos, memballoon, channels, sounds, redirdevs, rngs);
    }

    /** The same devices with other controllers, inputs and audio backends. */
    public Devices withControllersInputsAudios(List<ControllerDef> newControllers, List<InputDef> newInputs,
                                               List<AudioDef> newAudios) {
        return new Devices(emulator, disks, newControllers, interfaces, serials, consoles, newInputs, graphics,
                newAudios, videos, memballoon, channels, sounds, redirdevs, rngs);
    }

    /** {@code <disk type= device=>}; driver/source/target/readonly/address children. */
    public record DiskDef(String type, String device, String driverName, String driverType, String source,
                          String targetDev, String targetBus, boolean readonly, DeviceAddress address,
                          String driverCache) {
        /** A disk without a {@code <driver cache=>}. */
        public DiskDef(String type, String device, String driverName, String driverType, String source,
                       String targetDev, String targetBus, boolean readonly, DeviceAddress address) {
            this(type, device, driverName, driverType, source, targetDev, targetBus, readonly, address, null);
        }

        public DiskDef withBusAndAddress(String driverNameValue, String driverTypeValue, String bus, boolean ro,
                                         DeviceAddress addr) {
            return new DiskDef(type, device, driverNameValue, driverTypeValue, source, targetDev, bus, ro, addr,
                    driverCache);
        }
    }

    /**
     * {@code <controller type= index= model=>}; index -1 = not given. modelName, chassis and port
     * are the {@code <model name=>} and {@code <target chassis= port=>} of PCIe ports; ports the
     * {@code ports=} of a USB controller (null = not given).
     */
    public record ControllerDef(String type, int index, String model, String modelName, String targetChassis,
                                String targetPort, String masterStartport, DeviceAddress address, Integer ports) {
        public ControllerDef(String type, int index, String model, String modelName, String targetChassis,
                             String targetPort, String masterStartport, DeviceAddress address) {
            this(type, index, model, modelName, targetChassis, targetPort, masterStartport, address, null);
        }

        public ControllerDef with(int newIndex, String newModel, DeviceAddress newAddress) {
            return new ControllerDef(type, newIndex, newModel, modelName, targetChassis, targetPort, masterStartport,
                    newAddress, ports);
        }

        /** A PCIe port with its {@code <model name=>} and {@code <target chassis= port=>} filled. */
        public ControllerDef withPortTarget(String newModelName, String chassis, String port) {
            return new ControllerDef(type, index, model, newModelName, chassis, port, masterStartport, address,
                    ports);
        }

        /** A USB 1 companion of an EHCI controller ({@code <master startport='N'/>}). */
        public boolean isCompanion() {
            return masterStartport != null;
        }
    }

    /** {@code <interface type='user|network|bridge'>} with mac, source, model and address. */
    public record InterfaceDef(String type, String mac, String sourceNetwork, String sourceBridge, String model,
                               DeviceAddress address) {
        public InterfaceDef with(String newMac, String newModel, DeviceAddress newAddress) {
            return new InterfaceDef(type, newMac, sourceNetwork, sourceBridge, newModel, newAddress);
        }
    }

    /**
     * A serial port or console: {@code type} (pty, file, null...), optional {@code <source path>},
     * {@code <log file= append=>} and {@code <target type= port=>} with {@code <model name=>}.
     * targetPort -1 = not given.
     */
    public record CharDevDef(String type, String sourcePath, String logFile, String logAppend, String targetType,
                             int targetPort, String targetModel) {
        public CharDevDef withTarget(String newType, int newPort, String newModel) {
            return new CharDevDef(type, sourcePath, logFile, logAppend, newType, newPort, newModel);
        }
    }

    /** {@code <input type= bus=>}. */
    public record InputDef(String type, String bus, DeviceAddress address) {
    }

    /** {@code <graphics type='vnc' port= autoport= listen= passwd= keymap=>}. */
    public record GraphicsDef(String type, int port, String autoport, String listen, String passwd,
                              String keymap) {
    }

    /** {@code <audio id= type=/>}. */
    public record AudioDef(int id, String type) {
    }

    /** {@code <video><model type= vram= heads= primary=/></video>}; null numbers are not printed. */
    public record VideoDef(String model, Integer ram, Integer vram, Integer vgamem, Integer heads, boolean primary,
                           DeviceAddress address) {
        public VideoDef withAddress(DeviceAddress newAddress) {
            return new VideoDef(model, ram, vram, vgamem, heads, primary, newAddress);
        }
    }

    /** {@code <memballoon model=>} with {@code <stats period=>} (null = not given). */
    public record MemballoonDef(String model, DeviceAddress address, Integer statsPeriod) {
        public MemballoonDef(String model, DeviceAddress address) {
            this(model, address, null);
        }

        public MemballoonDef withAddress(DeviceAddress newAddress) {
            return new MemballoonDef(model, newAddress, statsPeriod);
        }
    }

    /**
     * {@code <channel type=>}: a unix socket ({@code <source mode= path=>}, path null until the
     * driver picks one), spicevmc, pty...; {@code <target type='virtio' name=>} or
     * {@code <target type='guestfwd' address= port=>}; {@code state} is the live
     * connected/disconnected state of a virtio port, null in the inactive form.
     */
    public record ChannelDef(String type, String sourceMode, String sourcePath, String targetType,
                             String targetName, String state, DeviceAddress address) {
        public ChannelDef withAddress(DeviceAddress newAddress) {
            return new ChannelDef(type, sourceMode, sourcePath, targetType, targetName, state, newAddress);
        }

        public ChannelDef withLive(String newSourcePath, String newState) {
            return new ChannelDef(type, sourceMode, newSourcePath, targetType, targetName, newState, address);
        }
    }

    /** {@code <sound model=>}. */
    public record SoundDef(String model, DeviceAddress address) {
    }

    /** {@code <redirdev bus='usb' type='spicevmc|tcp...'>}. */
    public record RedirdevDef(String bus, String type, DeviceAddress address) {
    }

    /** {@code <rng model='virtio'><backend model='random'>/dev/urandom</backend></rng>}. */
    public record RngDef(String model, String backendModel, String backendSource, DeviceAddress address) {
        public RngDef withAddress(DeviceAddress newAddress) {
            return new RngDef(model, backendModel, backendSource, newAddress);
        }
    }
}
