package org.virtd.qemu.domain;

import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.domain.Devices;
import org.virtd.conf.domain.Devices.ControllerDef;
import org.virtd.conf.domain.Devices.InputDef;

import java.util.ArrayList;
import java.util.List;

/**
 * The definition {@code VIR_DOMAIN_XML_MIGRATABLE} prints (libvirt's migratable formatting,
 * procedures.md §1d XML flags): what older libvirt versions added on their own is left out so
 * they accept the XML — a sole default USB controller (index 0, piix3-uhci or no model), a sole
 * {@code pci-root} controller, the implicit PS/2 keyboard, and a sole {@code <audio type='none'>}
 * (the backend QEMU gets when a guest has no sound, which older versions never wrote).
 */
public final class MigratableDef {

    private MigratableDef() {
    }

    public static DomainDef of(DomainDef def) {
        Devices d = def.devices();
        List<ControllerDef> controllers = new ArrayList<>(d.controllers());
        removeSole(controllers, "usb", c -> c.index() <= 0 && (c.model() == null || c.model().equals("piix3-uhci")));
        removeSole(controllers, "pci", c -> c.index() <= 0 && "pci-root".equals(c.model()));
        List<InputDef> inputs = d.inputs().stream()
                .filter(i -> !("keyboard".equals(i.type()) && ("ps2".equals(i.bus()) || "xen".equals(i.bus()))))
                .toList();
        List<Devices.AudioDef> audios = d.audios().size() == 1 && "none".equals(d.audios().get(0).type())
                ? List.of() : d.audios();
        return def.withDevices(d.withControllersInputsAudios(controllers, inputs, audios));
    }

    private static void removeSole(List<ControllerDef> controllers, String type,
                                   java.util.function.Predicate<ControllerDef> isDefault) {
        List<ControllerDef> ofType = controllers.stream().filter(c -> type.equals(c.type())).toList();
        if (ofType.size() == 1 && isDefault.test(ofType.get(0))) {
            controllers.remove(ofType.get(0));
        }
    }
}
