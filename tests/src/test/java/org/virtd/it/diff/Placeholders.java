package org.virtd.it.diff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {work}}, {@code {kernel}}, {@code {initrd}}, {@code {KIND-initrd}} and
 * {@code {xml:NAME}} in steps; {@code {xml:NAME}} renders {@code tests/diff/xml/NAME.xml} (itself
 * with placeholders) into the work directory and stands for that file's path.
 * {@code {agent-initrd}} ({@code {panic-initrd}}, ...) is the tiny guest's initrd with what that
 * kind of {@code tests/guest-initrd/build-initrd.sh} adds (the scripted guest agent, the pvpanic
 * drivers), built (bounded) the first time it is used.
 */
final class Placeholders {
    private static final Pattern XML = Pattern.compile("\\{xml:([A-Za-z0-9._-]+)}");
    private static final java.util.List<String> INITRD_KINDS = java.util.List.of("agent", "panic");

    private final Path xmlDir;
    private final Path guestDir;
    private final java.util.Map<String, Path> initrds = new java.util.HashMap<>();

    Placeholders(Path xmlDir, Path guestDir) {
        this.xmlDir = xmlDir;
        this.guestDir = guestDir;
    }

    String fill(String text, Path work) {
        Matcher m = XML.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(render(m.group(1), work).toString()));
        }
        m.appendTail(out);
        return simple(out.toString(), work);
    }

    /** The text of every XML template, for the normaliser's list of UUIDs written by hand. */
    String templates() throws IOException {
        StringBuilder all = new StringBuilder();
        if (Files.isDirectory(xmlDir)) {
            try (var files = Files.list(xmlDir)) {
                for (Path p : files.sorted().toList()) {
                    all.append(Files.readString(p)).append('\n');
                }
            }
        }
        return all.toString();
    }

    private synchronized Path initrd(String kind) {
        Path built = initrds.get(kind);
        if (built != null) {
            return built;
        }
        Path script = xmlDir.getParent().getParent().resolve("guest-initrd/build-initrd.sh");
        Path out = guestDir.resolve("initrd-" + kind + ".img");
        try {
            Process p = new ProcessBuilder(script.toString(), guestDir.toString(), kind).inheritIO().start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("building the " + kind + " initrd took more than 300 s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("building the " + kind + " initrd failed: " + script);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
        initrds.put(kind, out);
        return out;
    }

    private Path render(String name, Path work) {
        Path template = xmlDir.resolve(name + ".xml");
        Path target = work.resolve(name + ".xml");
        try {
            Files.writeString(target, simple(Files.readString(template), work));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + template, e);
        }
        return target;
    }

    private String simple(String text, Path work) {
        for (String kind : INITRD_KINDS) {
            String placeholder = "{" + kind + "-initrd}";
            if (text.contains(placeholder)) {
                text = text.replace(placeholder, initrd(kind).toString());
            }
        }
        return text.replace("{work}", work.toString())
                .replace("{kernel}", guestDir.resolve("vmlinuz").toString())
                .replace("{initrd}", guestDir.resolve("initrd.img").toString());
    }
}
