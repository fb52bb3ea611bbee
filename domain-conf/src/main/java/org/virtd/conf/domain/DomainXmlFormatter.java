package org.virtd.conf.domain;

import org.virtd.conf.domain.DomainDef.CpuDef;
import org.virtd.conf.domain.DomainDef.Feature;
import org.virtd.conf.domain.DomainDef.OsDef;
import org.virtd.conf.domain.DomainDef.Timer;

/**
 * {@link DomainDef} to the XML {@code virsh dumpxml} prints (virDomainDefFormat): fixed element
 * order (qemu-driver.md §2), memory in KiB, two-space indentation, trailing newline.
 */
public final class DomainXmlFormatter {

    /**
     * How to print: {@code id} is the running domain's id ({@code <domain id=>}) or -1 for the
     * inactive form; {@code secure} includes secrets such as the VNC password
     * (VIR_DOMAIN_XML_SECURE).
     */
    public record Options(int id, boolean secure, Runtime runtime) {
        public static final Options INACTIVE = new Options(-1, false);
        public static final Options PERSISTENT = new Options(-1, true);

        public Options(int id, boolean secure) {
            this(id, secure, null);
        }
    }

    /**
     * What a running guest has beyond its definition, printed in its live XML: the resource
     * partition its process was placed in ({@code <resource><partition>}) and the DAC label it
     * runs with ({@code <seclabel model='dac'>}, {@code +uid:+gid}); null where not applicable.
     */
    public record Runtime(String partition, String dacLabel) {
    }

    private DomainXmlFormatter() {
    }

    private static void cputune(XmlWriter w, CpuTune tune) {
        if (tune.isEmpty()) {
            return;
        }
        w.open("cputune");
        w.textElement("shares", tune.shares());
        tune.bandwidth().forEach(w::textElement);
        tune.vcpupins().forEach((vcpu, cpus) ->
                w.open("vcpupin").attr("vcpu", vcpu).attr("cpuset", CpuSet.format(cpus)).end("vcpupin"));
        if (tune.emulatorpin() != null) {
            w.open("emulatorpin").attr("cpuset", CpuSet.format(tune.emulatorpin())).end("emulatorpin");
        }
        w.end("cputune");
    }

    public static String format(DomainDef def, Options options) {
        XmlWriter w = new XmlWriter();
        w.open("domain").attr("type", def.type()).attr("id", options.id() >= 0 ? options.id() : null);
        w.textElement("name", def.name());
        w.textElement("uuid", def.uuid());
        w.textElement("title", def.title());
        w.textElement("description", def.description());
        if (def.metadata() != null) {
            w.rawLine(def.metadata().format(w.depth()));
        }
        w.open("memory").attr("unit", "KiB").textAndEnd("memory", def.memoryKiB());
        w.open("currentMemory").attr("unit", "KiB").textAndEnd("currentMemory",
                def.currentMemoryKiB() == 0 ? def.memoryKiB() : def.currentMemoryKiB());
        ResourceTuneXml.format(w, def.tuning());
        var v = def.vcpus();
        w.open("vcpu").attr("placement", v.placement()).attr("current", v.current() > 0 ? v.current() : null)
                .textAndEnd("vcpu", v.max());
        if (!v.slots().isEmpty()) {
            w.open("vcpus");
            for (DomainDef.VcpuSlot slot : v.slots()) {
                w.open("vcpu").attr("id", slot.id()).attr("enabled", slot.enabled() ? "yes" : "no")
                        .attr("hotpluggable", slot.hotpluggable() ? "yes" : "no")
                        .attr("order", slot.order() > 0 ? slot.order() : null).end("vcpu");
            }
            w.end("vcpus");
        }
        cputune(w, def.cputune());
        Numatune numa = def.tuning().numa();
        // a definition made in code with automatic vCPU placement has numad place its memory too
        NumatuneXml.format(w, numa.isEmpty() && "auto".equals(v.placement()) ? Numatune.AUTO : numa);
        if (options.runtime() != null && options.runtime().partition() != null) {
            w.open("resource").textElement("partition", options.runtime().partition());
            w.end("resource");
        }
        SysinfoXml.format(w, def.sysinfo());
        os(w, def.os());
        if (!def.features().isEmpty()) {
            w.open("features");
            for (Feature f : def.features()) {
                w.open(f.name()).attr("state", f.state()).end(f.name());
            }
            w.end("features");
        }
        cpu(w, def.cpu());
        if (def.clock() != null) {
            w.open("clock").attr("offset", def.clock().offset());
            for (Timer t : def.clock().timers()) {
                w.open("timer").attr("name", t.name()).attr("present", t.present())
                        .attr("tickpolicy", t.tickpolicy()).attr("track", t.track()).end("timer");
            }
            w.end("clock");
        }
        var lc = def.lifecycle();
        w.textElement("on_poweroff", lc.onPoweroff());
        w.textElement("on_reboot", lc.onReboot());
        w.textElement("on_crash", lc.onCrash());
        if (lc.suspendToMem() != null || lc.suspendToDisk() != null) {
            w.open("pm");
            if (lc.suspendToMem() != null) {
                w.open("suspend-to-mem").attr("enabled", lc.suspendToMem()).end("suspend-to-mem");
            }
            if (lc.suspendToDisk() != null) {
                w.open("suspend-to-disk").attr("enabled", lc.suspendToDisk()).end("suspend-to-disk");
            }
            w.end("pm");
        }
        DeviceXmlFormatter.format(w, def.devices(), options);
        String runtimeLabel = options.runtime() == null ? null : options.runtime().dacLabel();
        if (def.seclabel() != null) {
            SecLabelXml.format(w, def.seclabel(), runtimeLabel);
        } else if (runtimeLabel != null) {
            // no label asked for: the run's DAC label, chosen by the driver
            SecLabelXml.format(w, new SecLabel(SecLabel.DYNAMIC, "dac", true, null), runtimeLabel);
        }
        w.end("domain");
        return w.toString();
    }

    private static void os(XmlWriter w, OsDef os) {
        w.open("os").attr("firmware", os.firmware() == null ? null : os.firmware().firmware());
        w.open("type").attr("arch", os.arch()).attr("machine", os.machine()).textAndEnd("type", os.type());
        OsFirmwareXml.format(w, os.firmware());
        w.textElement("kernel", os.kernel());
        w.textElement("initrd", os.initrd());
        w.textElement("cmdline", os.cmdline());
        for (String dev : os.bootDevices()) {
            w.open("boot").attr("dev", dev).end("boot");
        }
        if (os.bootMenu() != null) {
            w.open("bootmenu").attr("enable", os.bootMenu()).end("bootmenu");
        }
        if (os.smbiosMode() != null) {
            w.open("smbios").attr("mode", os.smbiosMode()).end("smbios");
        }
        w.end("os");
    }

    private static void cpu(XmlWriter w, CpuDef cpu) {
        if (cpu == null) {
            return;
        }
        w.open("cpu").attr("mode", cpu.mode()).attr("match", cpu.match()).attr("check", cpu.check())
                .attr("migratable", cpu.migratable());
        if (cpu.model() != null) {
            w.open("model").attr("fallback", cpu.fallback()).textAndEnd("model", cpu.model());
        }
        if (cpu.topology() != null) {
            var t = cpu.topology();
            w.open("topology").attr("sockets", t.sockets()).attr("dies", t.dies() > 0 ? t.dies() : null)
                    .attr("cores", t.cores()).attr("threads", t.threads()).end("topology");
        }
        cpu.features().forEach(f -> w.open("feature").attr("policy", f.policy()).attr("name", f.name()).end("feature"));
        w.end("cpu");
    }
}
