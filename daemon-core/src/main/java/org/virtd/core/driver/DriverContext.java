package org.virtd.core.driver;

import java.nio.file.Path;

/**
 * What the core gives a driver at start: where events go, the daemon's base directories
 * (already relocated under {@code VIRTD_PREFIX} when set) and the idle-timeout inhibitor.
 *
 * @param configDir  {@code /etc/libvirt} or {@code $XDG_CONFIG_HOME/libvirt}
 * @param runDir     {@code /run/libvirt} or {@code $XDG_RUNTIME_DIR/libvirt}
 * @param stateDir   {@code /var/lib/libvirt} or {@code $XDG_CONFIG_HOME/libvirt} (session)
 * @param logDir     {@code /var/log/libvirt} or {@code $XDG_CACHE_HOME/libvirt} (session)
 * @param cacheDir   {@code /var/cache/libvirt} or {@code $XDG_CACHE_HOME/libvirt}
 * @param privileged true for a system (root) daemon: URIs are {@code :///system}
 */
public record DriverContext(EventSink events, Path configDir, Path runDir, Path stateDir, Path logDir,
                            Path cacheDir, boolean privileged, Inhibitor inhibitor) {

    /**
     * Keeps the daemon's idle timeout from firing while something (a running guest) needs it;
     * every acquire is matched by one release.
     */
    public interface Inhibitor {
        void acquire();

        void release();

        Inhibitor NONE = new Inhibitor() {
            @Override
            public void acquire() {
            }

            @Override
            public void release() {
            }
        };
    }
}
