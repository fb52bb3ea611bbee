package org.virtd.qemu.lifecycle;

import org.junit.jupiter.api.Test;
import org.virtd.qemu.config.ImageFormat;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The exec: URIs QEMU runs for save images and dumps, with libvirt's compressor arguments. */
class StreamCommandTest {

    @Test
    void rawAppendsAndReadsFromTheOffset() {
        assertEquals("cat >> '/x/a b.save'", StreamCommand.appendTo(Path.of("/x/a b.save"), ImageFormat.RAW));
        assertEquals("tail -c +65628 '/x/a.save'", StreamCommand.readFrom(Path.of("/x/a.save"), 65627,
                ImageFormat.RAW));
    }

    @Test
    void compressorsAsLibvirtRunsThem() {
        assertEquals("'xz' '-c' '-3' >> '/a'", StreamCommand.appendTo(Path.of("/a"), ImageFormat.XZ));
        assertEquals("tail -c +11 '/a' | 'lzop' '-dc' '--ignore-warn'",
                StreamCommand.readFrom(Path.of("/a"), 10, ImageFormat.LZOP));
        assertEquals("tail -c +1 '/a' | 'gzip' '-dc'", StreamCommand.readFrom(Path.of("/a"), 0, ImageFormat.GZIP));
    }

    @Test
    void quotesSurviveTheShell() {
        assertEquals("'it'\\''s'", StreamCommand.quote("it's"));
    }
}
