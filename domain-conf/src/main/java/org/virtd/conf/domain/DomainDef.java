package org.virtd.conf.domain;

import java.util.List;
import java.util.UUID;

/**
 * One domain's configuration (libvirt's virDomainDef) for the XML subset of qemu-driver.md §2.
 * Produced by {@link DomainXmlParser} as written by the user and completed by a driver's
 * defaults (machine, emulator, implicit devices); printed by {@link DomainXmlFormatter}.
 *
 * @param type             virt type, e.g. {@code kvm}, {@code qemu} or {@code vbox}
 * @param uuid             null only before defaults are applied
 * @param memoryKiB        maximum memory, KiB
 * @param currentMemoryKiB current balloon target, KiB (0 before defaults: take memory)
 * @param metadata         the {@code <metadata>} element, null when there is none
 * @param cputune          {@code <cputune>}: shares and pinning; never null ({@link CpuTune#NONE})
 * @param sysinfo          {@code <sysinfo type='smbios'>}, null when absent
 * @param tuning           {@code <memtune>} and {@code <blkiotune>}; never null ({@link ResourceTune#NONE})
 */
public record DomainDef(String type, String name, UUID uuid, String title, String description,
                        long memoryKiB, long currentMemoryKiB, Vcpus vcpus, OsDef os, List<Feature> features,
                        CpuDef cpu, ClockDef clock, Lifecycle lifecycle, Devices devices, DomainMetadata metadata,
                        CpuTune cputune, Sysinfo sysinfo, ResourceTune tuning, SecLabel seclabel) {

    public DomainDef {
        features = List.copyOf(features);
        cputune = cputune == null ? CpuTune.NONE : cputune;
        tuning = tuning == null ? ResourceTune.NONE : tuning;
    }

    /** Without {@code <seclabel>}. */
    public DomainDef(String type, String name, UUID uuid, String title, String description,
                     long memoryKiB, long currentMemoryKiB, Vcpus vcpus, OsDef os, List<Feature> features,
                     CpuDef cpu, ClockDef clock, Lifecycle lifecycle, Devices devices, DomainMetadata metadata,
                     CpuTune cputune, Sysinfo sysinfo, ResourceTune tuning) {
        this(type, name, uuid, title, description, memoryKiB, currentMemoryKiB, vcpus, os, features, cpu, clock,
                lifecycle, devices, metadata, cputune, sysinfo, tuning, null);
    }

    /** Without {@code <memtune>} and {@code <blkiotune>}. */
    public DomainDef(String type, String name, UUID uuid, String title, String description,
                     long memoryKiB, long currentMemoryKiB, Vcpus vcpus, OsDef os, List<Feature> features,
                     CpuDef cpu, ClockDef clock, Lifecycle lifecycle, Devices devices, DomainMetadata metadata,
                     CpuTune cputune, Sysinfo sysinfo) {
        this(type, name, uuid, title, description, memoryKiB, currentMemoryKiB, vcpus, os, features, cpu, clock,
                lifecycle, devices, metadata, cputune, sysinfo, ResourceTune.NONE);
    }

    /** A definition without {@code <metadata>} and without pinning. */
    public DomainDef(String type, String name, UUID uuid, String title, String description,
                     long memoryKiB, long currentMemoryKiB, Vcpus vcpus, OsDef os, List<Feature> features,
                     CpuDef cpu, ClockDef clock, Lifecycle lifecycle, Devices devices) {
        this(type, name, uuid, title, description, memoryKiB, currentMemoryKiB, vcpus, os, features, cpu, clock,
                lifecycle, devices, null, CpuTune.NONE, null);
    }

    /** A definition without pinning. */
    public DomainDef(String type, String name, UUID uuid, String title, String description,
                     long memoryKiB, long currentMemoryKiB, Vcpus vcpus, OsDef os, List<Feature> features,
                     CpuDef cpu, ClockDef clock, Lifecycle lifecycle, Devices devices, DomainMetadata metadata) {
        this(type, name, uuid, title, description, memoryKiB, currentMemoryKiB, vcpus, os, features, cpu, clock,
                lifecycle, devices, metadata, CpuTune.NONE, null);
    }

    /**
     * {@code <sysinfo type='smbios'>}: the {@code <bios>} and {@code <system>} entries in the order
     * libvirt prints them.
     */
    public record Sysinfo(List<Entry> bios, List<Entry> system) {
        public Sysinfo {
            bios = List.copyOf(bios);
            system = List.copyOf(system);
        }

        /** {@code <entry name=>value</entry>}. */
        public record Entry(String name, String value) {
        }
    }

    /**
     * {@code <vcpu placement= current=>max</vcpu>}; current 0 = same as max. {@code slots} is the
     * per-vCPU {@code <vcpus>} list, empty unless the XML had one or a vCPU was hot-plugged.
     */
    public record Vcpus(int max, int current, String placement, List<VcpuSlot> slots) {
        public Vcpus {
            slots = slots == null ? List.of() : List.copyOf(slots);
        }

        public Vcpus(int max, int current, String placement) {
            this(max, current, placement, List.of());
        }

        public int effectiveCurrent() {
            return current == 0 ? max : current;
        }

        public Vcpus withSlots(int newCurrent, List<VcpuSlot> newSlots) {
            return new Vcpus(max, newCurrent == max ? 0 : newCurrent, placement, newSlots);
        }
    }

    /** One {@code <vcpus><vcpu id= enabled= hotpluggable= order=/>}; order 0 = none. */
    public record VcpuSlot(int id, boolean enabled, boolean hotpluggable, int order) {
    }

    /** {@code <os>}: type with arch/machine, direct kernel boot, boot order and boot menu. */
    public record OsDef(String type, String arch, String machine, String kernel, String initrd, String cmdline,
                        List<String> bootDevices, String bootMenu, String smbiosMode, OsFirmware firmware) {
        public OsDef {
            bootDevices = List.copyOf(bootDevices);
            firmware = firmware == null || firmware.isEmpty() ? null : firmware;
        }

        /** Without firmware, loader or nvram. */
        public OsDef(String type, String arch, String machine, String kernel, String initrd, String cmdline,
                     List<String> bootDevices, String bootMenu, String smbiosMode) {
            this(type, arch, machine, kernel, initrd, cmdline, bootDevices, bootMenu, smbiosMode, null);
        }

        public OsDef withFirmware(OsFirmware fw) {
            return new OsDef(type, arch, machine, kernel, initrd, cmdline, bootDevices, bootMenu, smbiosMode, fw);
        }

        /** Without {@code <smbios mode=>}. */
        public OsDef(String type, String arch, String machine, String kernel, String initrd, String cmdline,
                     List<String> bootDevices, String bootMenu) {
            this(type, arch, machine, kernel, initrd, cmdline, bootDevices, bootMenu, null);
        }
    }

    /** One {@code <features>} child; {@code state} is null for the plain ones ({@code <acpi/>}). */
    public record Feature(String name, String state) {
    }

    /** {@code <cpu>}; attributes that are null are not printed; topology null when not given. */
    public record CpuDef(String mode, String match, String check, String migratable, String model,
                         String fallback, Topology topology, List<CpuFeature> features) {
        public CpuDef {
            features = features == null ? List.of() : List.copyOf(features);
        }

        public CpuDef(String mode, String match, String check, String migratable, String model, String fallback) {
            this(mode, match, check, migratable, model, fallback, null, List.of());
        }

        public CpuDef(String mode, String match, String check, String migratable, String model, String fallback,
                      Topology topology) {
            this(mode, match, check, migratable, model, fallback, topology, List.of());
        }

        /** As checked against the CPU the guest really got: {@code check='full'} with these features. */
        public CpuDef checked(String newFallback, List<CpuFeature> newFeatures) {
            return new CpuDef(mode, match, "full", migratable, model, newFallback, topology, newFeatures);
        }
    }

    /** {@code <feature policy= name=/>} of a {@code <cpu>}. */
    public record CpuFeature(String policy, String name) {
    }

    /** {@code <topology sockets= dies= cores= threads=/>}. */
    public record Topology(int sockets, int dies, int cores, int threads) {
    }

    /** {@code <clock offset=>} with its {@code <timer>} children. */
    public record ClockDef(String offset, List<Timer> timers) {
        public ClockDef {
            timers = List.copyOf(timers);
        }
    }

    /** {@code <timer name= present= tickpolicy= track=/>}. */
    public record Timer(String name, String present, String tickpolicy, String track) {
    }

    /**
     * {@code on_poweroff}, {@code on_reboot}, {@code on_crash} (null = not given) and the guest's
     * power-management states {@code <pm><suspend-to-mem enabled=/><suspend-to-disk enabled=/>}
     * (null = not given: the hypervisor's default).
     */
    public record Lifecycle(String onPoweroff, String onReboot, String onCrash, String suspendToMem,
                            String suspendToDisk) {
        public Lifecycle(String onPoweroff, String onReboot, String onCrash) {
            this(onPoweroff, onReboot, onCrash, null, null);
        }

        public Lifecycle withActions(String poweroff, String reboot, String crash) {
            return new Lifecycle(poweroff, reboot, crash, suspendToMem, suspendToDisk);
        }
    }

    public DomainDef withCpu(CpuDef newCpu) {
        return new DomainDef(type, name, uuid, title, description, memoryKiB, currentMemoryKiB, vcpus, os,
                features, newCpu, clock, lifecycle, devices, metadata, cputune, sysinfo, tuning, seclabel);
    }

    public DomainDef withSysinfo(Sysinfo newSysinfo) {
        return new DomainDef(type, name, uuid, title, description, memoryKiB, currentMemoryKiB, vcpus, os,
                features, cpu, clock, lifecycle, devices, metadata, cputune, newSysinfo, tuning, seclabel);
    }

    public DomainDef withName(String newName) {
        return new DomainDef(type, newName, uuid, title, description, memoryKiB, currentMemoryKiB, vcpus, os,
                features, cpu, clock, lifecycle, devices, metadata, cputune, sysinfo, tuning, seclabel);
    }

    public DomainDef withUuid(UUID newUuid) {
        return new DomainDef(type, name, newUuid, title, description, memoryKiB, currentMemoryKiB, vcpus, os,
                features, cpu, clock, lifecycle, devices, metadata, cputune, sysinfo, tuning, seclabel);
    }

    public DomainDef withMemory(long maxKiB, long currentKiB) {
        return new DomainDef(type, name, uuid, title, description, maxKiB, currentKiB, vcpus, os, features, cpu,
                clock, lifecycle, devices, metadata, cputune, sysinfo, tuning, seclabel);
    }

    public DomainDef withVcpus(Vcpus newVcpus) {
        return new DomainDef(type, name, uuid, title, description, memoryKiB, currentMemoryKiB, newVcpus, os,
                features, cpu, clock, lifecycle, devices, metadata, cputune, sysinfo, tuning, seclabel);
    }

    public DomainDef withDevices(Devices newDevices) {
        return new DomainDef(type, name, uuid, title, description, memoryKiB, currentMemoryKiB, vcpus, os,
                features, cpu, clock, lifecycle, newDevices, metadata, cputune, sysinfo, tuning, seclabel);
    }

    /** With {@code <title>}, {@code <description>} and {@code <metadata>} replaced (null = absent). */
    public DomainDef withMetadata(String newTitle, String newDescription, DomainMetadata newMetadata) {
        return new DomainDef(type, name, uuid, newTitle, newDescription, memoryKiB, currentMemoryKiB, vcpus, os,
                features, cpu, clock, lifecycle, devices, newMetadata, cputune, sysinfo, tuning, seclabel);
    }

    public DomainDef withOs(OsDef newOs) {
        return new DomainDef(type, name, uuid, title, description, memoryKiB, currentMemoryKiB, vcpus, newOs,
                features, cpu, clock, lifecycle, devices, metadata, cputune, sysinfo, tuning, seclabel);
    }

    /** With feature {@code f} set (replacing one of the same name), in libvirt's feature order. */
    public DomainDef withFeature(Feature f) {
        List<Feature> out = new java.util.ArrayList<>(features == null ? List.of() : features);
        out.removeIf(o -> o.name().equals(f.name()));
        out.add(f);
        out.sort(java.util.Comparator.comparingInt(o -> FeatureOrder.rank(o.name())));
        return new DomainDef(type, name, uuid, title, description, memoryKiB, currentMemoryKiB, vcpus, os,
                out, cpu, clock, lifecycle, devices, metadata, cputune, sysinfo, tuning, seclabel);
    }

    public DomainDef withCpuTune(CpuTune newCputune) {
        return new DomainDef(type, name, uuid, title, description, memoryKiB, currentMemoryKiB, vcpus, os,
                features, cpu, clock, lifecycle, devices, metadata, newCputune, sysinfo, tuning, seclabel);
    }

    public DomainDef withTuning(ResourceTune newTuning) {
        return new DomainDef(type, name, uuid, title, description, memoryKiB, currentMemoryKiB, vcpus, os,
                features, cpu, clock, lifecycle, devices, metadata, cputune, sysinfo, newTuning, seclabel);
    }

    public DomainDef withSecLabel(SecLabel newSeclabel) {
        return new DomainDef(type, name, uuid, title, description, memoryKiB, currentMemoryKiB, vcpus, os,
                features, cpu, clock, lifecycle, devices, metadata, cputune, sysinfo, tuning, newSeclabel);
    }

    /** Whether {@code <features>} lists {@code feature}, e.g. {@code acpi}. */
    public boolean hasFeature(String feature) {
        return features.stream().anyMatch(f -> f.name().equals(feature));
    }
}
