package org.virtd.qemu.lifecycle;

import org.virtd.conf.domain.Devices;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.qmp.JsonArray;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.JsonValue;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * What a client does to a running guest's screen and keyboard without a graphics client:
 * screenshots (QMP {@code screendump} as PNG), keystrokes ({@code send-key} with qnum codes)
 * and a non-maskable interrupt ({@code inject-nmi}).
 */
public final class GuestInput {
    public static final String SCREENSHOT_MIME = "image/png";

    private final DomainControl control;

    GuestInput(DomainControl control) {
        this.control = control;
    }

    /** The PNG of {@code screen} of the running guest's display. */
    public byte[] screenshot(DomainObject dom, int screen) throws VirtException {
        dom.lock().lock();
        try {
            RunningDomain rd = control.active(dom, ErrorDomain.DOMAIN);
            List<Devices.VideoDef> videos = rd.live().devices() == null ? List.of() : rd.live().devices().videos();
            if (videos.isEmpty()) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                        "no screens to take screenshot from");
            }
            int heads = videos.stream().mapToInt(v -> v.heads() == null ? 1 : v.heads()).sum();
            if (Integer.toUnsignedLong(screen) >= heads) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "no such screen ID");
            }
            Path file = rd.domainDir().resolve("screendump.png");
            try {
                JsonObject args = JsonObject.of("filename", file.toString(), "format", "png");
                if (screen > 0) {
                    args = args.with("head", screen);
                }
                DomainControl.monitor(rd).execute("screendump", args);
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                        "unable to read screenshot: " + e.getMessage(), e);
            } finally {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // the domain dir goes when the guest stops
                }
            }
        } finally {
            dom.lock().unlock();
        }
    }

    public void sendKey(DomainObject dom, int codeset, int holdtime, List<Integer> keycodes) throws VirtException {
        List<JsonValue> keys = new ArrayList<>();
        for (int code : keycodes) {
            OptionalInt q = KeyCodes.toQnum(codeset, code);
            if (q.isEmpty()) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, "cannot translate keycode "
                        + Integer.toUnsignedString(code) + " of " + KeyCodes.name(codeset) + " codeset to qnum keycode");
            }
            keys.add(JsonObject.of("type", "number", "data", q.getAsInt()));
        }
        dom.lock().lock();
        try {
            RunningDomain rd = control.active(dom, ErrorDomain.DOMAIN);
            JsonObject args = JsonObject.of("keys", new JsonArray(keys));
            if (holdtime != 0) {
                args = args.with("hold-time", Integer.toUnsignedLong(holdtime));
            }
            DomainControl.monitor(rd).execute("send-key", args);
        } finally {
            dom.lock().unlock();
        }
    }

    public void injectNmi(DomainObject dom) throws VirtException {
        dom.lock().lock();
        try {
            RunningDomain rd = control.active(dom, ErrorDomain.DOMAIN);
            DomainControl.monitor(rd).execute("inject-nmi", null);
        } finally {
            dom.lock().unlock();
        }
    }
}
