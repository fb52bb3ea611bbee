package org.virtd.conf.domain;

import java.util.List;

/**
 * The {@code <devices>} of a domain, one list per device class, in the order dumpxml prints
 * them (qemu-driver.md §2: emulator, disk, controller, interface, serial, console, input,
 * graphics, audio, video, memballoon).
 */
public record Devices(String emulator, List<DiskDef> disks, List<ControllerDef> controllers,
                      List<InterfaceDef> interfaces, List<CharDevDef> serials, List<CharDevDef> consoles,
                      List<InputDef> inputs, List<GraphicsDef> graphics, List<AudioDef> audios,
                      List<VideoDef> videos, MemballoonDef memballoon) {

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
    }

    public Devices withMemballoon(MemballoonDef balloon) {
        return new Devices(emulator, disks, controllers, interfaces, serials, consoles, inputs, graphics, audios,
                videos, balloon);
    }

    public static Devices empty() {
        return new Devices(null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), null);
    }

    /** {@code <disk type= device=>}; driver/source/target/readonly/address children. */
    public record DiskDef(String type, String device, String driverName, String driverType, String source,
                          String targetDev, String targetBus, boolean readonly, DeviceAddress address) {
        public DiskDef withBusAndAddress(String driverNameValue, String driverTypeValue, String bus, boolean ro,
                                         DeviceAddress addr) {
            return new DiskDef(type, device, driverNameValue, driverTypeValue, source, targetDev, bus, ro, addr);
        }
    }

    /**
     * {@code <controller type= index= model=>}; index -1 = not given. modelName, chassis and port
     * are the {@code <model name=>} and {@code <target chassis= port=>} of PCIe ports.
     */
    public record ControllerDef(String type, int index, String model, String modelName, String targetChassis,
                                String targetPort, String masterStartport, DeviceAddress address) {
        public ControllerDef with(int newIndex, String newModel, DeviceAddress newAddress) {
            return new ControllerDef(type, newIndex, newModel, modelName, targetChassis, targetPort, masterStartport,
                    newAddress);
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

    /** {@code <memballoon model=>} with {@code <stats period=>} (seconds; 0 = not polled, not printed). */
    public record MemballoonDef(String model, DeviceAddress address, int period) {
        public MemballoonDef(String model, DeviceAddress address) {
            this(model, address, 0);
        }

        public MemballoonDef withPeriod(int seconds) {
            return new MemballoonDef(model, address, seconds);
        }
    }
}
