package org.virtd.qemu.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The page sizes the host offers, as capabilities list them: the base page, then each huge page size the kernel has. */
final class HugePageSizes {
    private static final Path HUGEPAGES = Path.of("/sys/kernel/mm/hugepages");
    private static final long BASE_KIB = 4;

    private HugePageSizes() {
    }

    static List<Long> kib() {
        List<Long> out = new ArrayList<>();
        out.add(BASE_KIB);
        try (Stream<Path> dirs = Files.list(HUGEPAGES)) {
            dirs.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("hugepages-\\d+kB"))
                    .map(n -> Long.parseLong(n.substring("hugepages-".length(), n.length() - 2)))
                    .sorted()
                    .forEach(out::add);
        } catch (IOException e) {
            // no huge pages: the base page only
        }
        return out;
    }
}
