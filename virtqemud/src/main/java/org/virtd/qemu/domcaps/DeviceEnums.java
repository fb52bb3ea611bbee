package org.virtd.qemu.domcaps;

import java.util.List;

import org.virtd.qemu.caps.ProbedFacts;

/**
 * The device enums of domain capabilities for one emulator and machine: each value is offered
 * when the QEMU device, backend or command that implements it was found by the probe.
 */
final class DeviceEnums {
    private final ProbedFacts f;
    private final HostFacts host;
    private final String arch;
    private final String machine;

    DeviceEnums(ProbedFacts f, HostFacts host, String arch, String machine) {
        this.f = f;
        this.host = host;
        this.arch = arch;
        this.machine = machine;
    }

    List<Enum> disk() {
        return List.of(
                Enum.of("diskDevice").add("disk").add("cdrom").add("floppy").add("lun").build(),
                Enum.of("bus").addIf(builtinIde(), "ide").add("fdc").add("scsi").add("virtio")
                        .addIf(f.hasType("usb-storage"), "usb").addIf(isQ35() || f.hasType("ich9-ahci"), "sata").build(),
                virtioModels("model", "virtio-blk-pci-transitional"));
    }

    List<Enum> graphics() {
        return List.of(Enum.of("type").addIf(f.hasDisplay("sdl"), "sdl").addIf(f.hasCommand("query-vnc"), "vnc")
                .addIf(f.hasCommand("query-spice"), "spice").addIf(f.hasDisplay("egl-headless"), "egl-headless")
                .addIf(f.hasDisplay("dbus"), "dbus").build());
    }

    List<Enum> video() {
        return List.of(Enum.of("modelType").addIf(f.hasType("VGA"), "vga").addIf(f.hasType("cirrus-vga"), "cirrus")
                .addIf(f.hasType("vmware-svga"), "vmvga").addIf(f.hasType("qxl-vga"), "qxl")
                .addIf(f.hasType("virtio-gpu-pci") || f.hasType("virtio-gpu-device"), "virtio").add("none")
                .addIf(f.hasType("bochs-display"), "bochs").addIf(f.hasType("ramfb"), "ramfb").build());
    }

    List<Enum> hostdev() {
        boolean vfio = host.vfio() && f.hasType("vfio-pci");
        return List.of(Enum.of("mode").add("subsystem").build(),
                Enum.of("startupPolicy").add("default").add("mandatory").add("requisite").add("optional").build(),
                Enum.of("subsysType").add("usb").add("pci").addIf(f.hasType("scsi-generic"), "scsi").build(),
                Enum.of("capsType").build(),
                Enum.of("pciBackend").addIf(vfio, "default").addIf(vfio, "vfio").build());
    }

    List<Enum> rng() {
        return List.of(virtioModels("model", "virtio-rng-pci-transitional"),
                Enum.of("backendModel").addIf(f.hasType("rng-random"), "random").addIf(f.hasType("rng-egd"), "egd")
                        .addIf(f.hasType("rng-builtin"), "builtin").build());
    }

    List<Enum> filesystem() {
        return List.of(Enum.of("driverType").add("path").add("handle")
                .addIf(f.hasType("vhost-user-fs-device"), "virtiofs").build());
    }

    List<Enum> tpm() {
        List<String> types = f.tpmTypes();
        return List.of(Enum.of("model").addIf(f.hasType("tpm-tis"), "tpm-tis").addIf(f.hasType("tpm-crb"), "tpm-crb")
                        .addIf(f.hasType("tpm-spapr"), "tpm-spapr").addIf(f.hasType("tpm-tis-device"), "tpm-tis-device")
                        .build(),
                Enum.of("backendModel").addIf(types.contains("passthrough"), "passthrough")
                        .addIf(types.contains("emulator") && host.swtpm(), "emulator").build());
    }

    List<Enum> redirdev() {
        return List.of(Enum.of("bus").addIf(f.hasType("usb-redir"), "usb").build());
    }

    List<Enum> channel() {
        return List.of(Enum.of("type").add("pty").add("unix").addIf(f.hasCommand("query-spice"), "spicevmc").build());
    }

    private Enum virtioModels(String name, String transitionalType) {
        boolean transitional = f.hasType(transitionalType);
        return Enum.of(name).add("virtio").addIf(transitional, "virtio-transitional")
                .addIf(transitional, "virtio-non-transitional").build();
    }

    /** Machines with an IDE controller on board (i440FX PCs). */
    private boolean builtinIde() {
        return (arch.equals("x86_64") || arch.equals("i686"))
                && (machine.equals("pc") || machine.startsWith("pc-0.") || machine.startsWith("pc-1.")
                || machine.startsWith("pc-i440") || machine.startsWith("rhel"));
    }

    private boolean isQ35() {
        return machine.equals("q35") || machine.startsWith("pc-q35");
    }
}
