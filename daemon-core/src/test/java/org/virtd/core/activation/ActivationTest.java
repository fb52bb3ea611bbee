package org.virtd.core.activation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class ActivationTest {

    @Test
    void noVariablesOrOtherPidMeansNoActivation() {
        assertInstanceOf(Activation.None.class, Activation.parse(Map.of(), 42));
        assertInstanceOf(Activation.None.class,
                Activation.parse(Map.of("LISTEN_PID", "41", "LISTEN_FDS", "1", "LISTEN_FDNAMES", "a"), 42));
        assertInstanceOf(Activation.None.class,
                Activation.parse(Map.of("LISTEN_PID", "42", "LISTEN_FDS", "x"), 42));
    }

    @Test
    void namesMapToFdsFromThree() {
        Activation a = Activation.parse(Map.of("LISTEN_PID", "42", "LISTEN_FDS", "3",
                "LISTEN_FDNAMES", "virtqemud.socket:virtqemud-admin.socket:virtqemud.socket"), 42);
        ActivationFds fds = assertInstanceOf(Activation.Activated.class, a).fds();
        assertEquals(List.of(3, 5), fds.named("virtqemud.socket"));
        assertEquals(List.of(4), fds.named("virtqemud-admin.socket"));
        assertEquals(List.of(new NamedFd(4, "virtqemud-admin.socket")), fds.unclaimed(List.of("virtqemud.socket")));
    }

    @Test
    void missingNamesAndCountMismatchAbandonWithLibvirtsErrors() {
        Activation.Abandoned missing = assertInstanceOf(Activation.Abandoned.class,
                Activation.parse(Map.of("LISTEN_PID", "7", "LISTEN_FDS", "2"), 7));
        assertEquals("Missing LISTEN_FDNAMES env from systemd socket activation", missing.error());
        assertEquals(List.of(3, 4), missing.fdsToClose());
        Activation.Abandoned mismatch = assertInstanceOf(Activation.Abandoned.class,
                Activation.parse(Map.of("LISTEN_PID", "7", "LISTEN_FDS", "2", "LISTEN_FDNAMES", "a"), 7));
        assertEquals("Expecting 2 FD names but got 1", mismatch.error());
    }
}
