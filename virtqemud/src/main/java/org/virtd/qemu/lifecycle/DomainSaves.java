package org.virtd.qemu.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.domain.DomainXmlFormatter;
import org.virtd.conf.state.DomainStates;
import org.virtd.core.driver.Checks;
import org.virtd.qemu.config.ImageFormat;
import org.virtd.qemu.config.QemuConf;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.domain.DomainRegistry;
import org.virtd.qemu.domain.MigratableDef;
import org.virtd.qemu.saveimage.SaveImage;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Saving a running guest's state to a file and starting it again from one (libvirt's
 * qemuDomainSaveInternal, qemuDomainRestoreFlags, managed save and the start that resumes from
 * it). A save pauses the guest, writes the image header and XML marked partial, lets QEMU append
 * its migration stream, marks the image complete and stops the domain as saved; any failure
 * removes the half-written file and lets the guest run on as before.
 */
public final class DomainSaves {
    public static final int BYPASS_CACHE = 1;
    public static final int RUNNING = 2;
    public static final int PAUSED = 4;
    public static final int RESET_NVRAM = 8;
    private static final Logger LOG = LoggerFactory.getLogger(DomainSaves.class);
    /** What QEMU may use for the stream: no throttle, as libvirt sets for a save. */
    private static final long UNLIMITED_BANDWIDTH = 1L << 50;

    private final DomainLifecycle lifecycle;
    private final DomainControl control;
    private final DomainXmlFormatter.Runtime runtime;
    private final SavedDefinitions definitions;
    private final Supplier<QemuConf> conf;

    DomainSaves(DomainLifecycle lifecycle, DomainControl control, DomainXmlFormatter.Runtime runtime,
            SavedDefinitions definitions, Supplier<QemuConf> conf) {
        this.lifecycle = lifecycle;
        this.conf = conf;
        this.control = control;
        this.runtime = runtime;
        this.definitions = definitions;
    }

    /** libvirt's {@code <state dir>/qemu/save/NAME.save}. */
    public Path managedSavePath(DomainObject dom) {
        return lifecycle.dirs().lib().resolve("save").resolve(dom.name() + ".save");
    }

    /** Start-up: notes which domains have a managed save image waiting. */
    void loadManagedSaves(DomainRegistry registry) {
        for (DomainObject dom : registry.all()) {
            dom.setManagedSave(Files.exists(managedSavePath(dom)));
        }
    }

    /** virDomainSave(Flags): {@code replacement} (may be null) is the XML to store instead of the live one. */
    public void save(DomainObject dom, Path file, DomainDef replacement, int flags) throws VirtException {
        Checks.flags(flags, BYPASS_CACHE | RUNNING | PAUSED, "qemuDomainSaveFlags", ErrorDomain.QEMU);
        ImageFormat format = Compressors.forSave(conf.get().saveImageFormat());
        dom.lock().lock();
        try {
            saveLocked(dom, file, replacement, flags, format);
        } finally {
            dom.lock().unlock();
        }
    }

    /**
     * virDomainManagedSave (and virDomainSaveParams without a file, where {@code replacement} may
     * give the XML): a save to the domain's managed path, resumed by its next start.
     */
    public void managedSave(DomainObject dom, DomainDef replacement, int flags) throws VirtException {
        Checks.flags(flags, BYPASS_CACHE | RUNNING | PAUSED, "qemuDomainManagedSave", ErrorDomain.QEMU);
        dom.lock().lock();
        try {
            control.active(dom, ErrorDomain.DOMAIN);
            if (!dom.isPersistent()) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "cannot do managed save for transient domain");
            }
            ImageFormat format = Compressors.forSave(conf.get().saveImageFormat());
            Path file = managedSavePath(dom);
            try {
                Files.createDirectories(file.getParent());
            } catch (IOException e) {
                throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                        "cannot create directory '" + file.getParent() + "': " + e.getMessage());
            }
            saveLocked(dom, file, replacement, flags, format);
            dom.setManagedSave(true);
        } finally {
            dom.lock().unlock();
        }
    }

    private void saveLocked(DomainObject dom, Path file, DomainDef replacement, int flags, ImageFormat format)
            throws VirtException {
        RunningDomain rd = control.active(dom, ErrorDomain.DOMAIN);
        boolean wasRunning = dom.state() == DomainStates.RUNNING;
        var monitor = DomainControl.monitor(rd);
        if (wasRunning) {
            JobPause.pause(lifecycle, rd, DomainStates.PAUSED_SAVE);
        }
        boolean runAfterRestore = (flags & RUNNING) != 0 || ((flags & PAUSED) == 0 && wasRunning);
        SaveImage image = SaveImage.create(imageXml(replacement != null ? replacement : rd.startDef()), null,
                runAfterRestore, format);
        try {
            new ImageWriter(file, image, MigrationWait.limitFor(rd.live().memoryKiB())).write(monitor,
                    UNLIMITED_BANDWIDTH);
        } catch (VirtException | RuntimeException e) {
            if (wasRunning && !rd.stopped) {
                resumeAfterFailure(dom, rd);
            }
            throw e;
        }
        rd.destroying = true;
        rd.process().terminate(false);
        lifecycle.stop(rd, DomainStates.SHUTOFF_SAVED, DomainStates.STOPPED_SAVED);
    }

    private void resumeAfterFailure(DomainObject dom, RunningDomain rd) {
        try {
            JobPause.resume(lifecycle, rd, DomainStates.RUNNING_SAVE_CANCELED);
        } catch (VirtException e) {
            LOG.warn("cannot resume '{}' after a failed save: {}", dom.name(), e.getMessage());
        }
    }

    /** The XML a save image carries: the migratable form, with the runtime partition of a live guest. */
    String imageXml(DomainDef def) {
        return DomainXmlFormatter.format(MigratableDef.of(LiveDefinition.withoutPtys(def)),
                new DomainXmlFormatter.Options(-1, true, runtime));
    }

    /**
     * virDomainRestore(Flags): runs {@code def} (the image's XML or its replacement) from the
     * state in {@code file}, as a new transient domain or the inactive one of that name and uuid.
     */
    public DomainObject restore(Path file, SaveImage image, DomainDef def, int flags) throws VirtException {
        boolean run = (flags & RUNNING) != 0 || ((flags & PAUSED) == 0 && image.wasRunning());
        return DomainStarter.startNew(lifecycle, def, "restored",
                dom -> lifecycle.start(dom, def, false, incoming(file, image, run, def)));
    }

    private static Incoming incoming(Path file, SaveImage image, boolean run, DomainDef def) {
        return new Incoming(StreamCommand.readFrom(file, image.streamOffset(), image.format()), run,
                MigrationWait.limitFor(def.memoryKiB()));
    }

    /**
     * The start of a domain with a managed save image (the caller holds its lock): FORCE_BOOT
     * discards the image; otherwise the guest resumes from it and the image goes. An image found
     * corrupt is discarded with a warning and the guest boots. Returns true when it resumed.
     */
    boolean startFromManagedSave(DomainObject dom, boolean paused, boolean forceBoot) throws VirtException {
        Path file = managedSavePath(dom);
        if (!Files.exists(file)) {
            dom.setManagedSave(false);
            return false;
        }
        if (forceBoot) {
            removeManaged(dom, file, "cannot remove managed save file " + file);
            return false;
        }
        try {
            SaveImage image = SaveImage.read(file);
            DomainDef def = definitions.parse(image.xml());
            lifecycle.start(dom, def, paused, incoming(file, image, image.wasRunning(), def));
        } catch (VirtException e) {
            if (!SaveImage.isCorrupt(file)) {
                throw e;
            }
            LOG.warn("Ignoring incomplete managed state {}", file);
            removeManaged(dom, file, "cannot remove managed save file " + file);
            return false;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Failed to remove the managed state {}: {}", file, e.getMessage());
        }
        dom.setManagedSave(false);
        return true;
    }

    /** virDomainManagedSaveRemove. */
    public void managedSaveRemove(DomainObject dom, int flags) throws VirtException {
        Checks.flags(flags, 0, "qemuDomainManagedSaveRemove", ErrorDomain.QEMU);
        dom.lock().lock();
        try {
            Path file = managedSavePath(dom);
            if (Files.exists(file)) {
                removeManaged(dom, file, "Failed to remove managed save file '" + file + "'");
            }
            dom.setManagedSave(false);
        } finally {
            dom.lock().unlock();
        }
    }

    /**
     * Before an undefine (the caller holds the lock): a managed save image refuses it unless
     * {@code removeImage}, which removes the image with the definition.
     */
    public void beforeUndefine(DomainObject dom, boolean removeImage) throws VirtException {
        if (!dom.hasManagedSave()) {
            return;
        }
        if (!removeImage) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                    "Refusing to undefine while domain managed save image exists");
        }
        Path file = managedSavePath(dom);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                    "Failed to remove domain managed save image");
        }
        dom.setManagedSave(false);
    }

    private static void removeManaged(DomainObject dom, Path file, String error) throws VirtException {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU, error + ": " + e.getMessage());
        }
        dom.setManagedSave(false);
    }

    /** The managed save image of {@code dom}; OPERATION_INVALID when it has none. */
    public Path requireManagedSave(DomainObject dom) throws VirtException {
        Path file = managedSavePath(dom);
        if (!dom.hasManagedSave() || !Files.exists(file)) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                    "domain does not have managed save image");
        }
        return file;
    }

    /**
     * virDomainSaveImageDefineXML / virDomainManagedSaveDefineXML: replaces the image's XML with
     * {@code def}; RUNNING or PAUSED also change what a restore does.
     */
    public void redefine(Path file, DomainDef def, int flags) throws VirtException {
        SaveImage image = SaveImage.read(file);
        boolean run = (flags & RUNNING) != 0 || ((flags & PAUSED) == 0 && image.wasRunning());
        try {
            image.withXml(imageXml(def), run).rewrite(file);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                    "failed to write header to domain save file '" + file + "': " + e.getMessage());
        }
    }
}
