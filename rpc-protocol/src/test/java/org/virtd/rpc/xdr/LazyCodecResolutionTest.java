package org.virtd.rpc.xdr;

import org.junit.jupiter.api.Test;
import org.virtd.rpc.admin.AdminProgram;
import org.virtd.rpc.keepalive.KeepaliveProgram;
import org.virtd.rpc.lxc.LxcProgram;
import org.virtd.rpc.program.Procedure;
import org.virtd.rpc.program.Program;
import org.virtd.rpc.qemu.QemuProgram;
import org.virtd.rpc.remote.RemoteProgram;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The program tables name their types lazily ({@link Xdr#lazy(Class)}), so a type without a
 * usable {@code CODEC} would only fail when a client first calls that procedure. This forces
 * every lazy codec reachable from every procedure's args and ret (events: their bodies) of every
 * program, and from every static codec field anywhere in rpc-protocol, and names what fails.
 *
 * <p>Lazy codecs sit inside combinators (optional, array, struct fields) that keep them in
 * captured fields, so the walk follows the fields of our own codec objects reflectively.
 */
class LazyCodecResolutionTest {
    private static final List<Program> PROGRAMS = List.of(RemoteProgram.PROGRAM, QemuProgram.PROGRAM,
            LxcProgram.PROGRAM, AdminProgram.PROGRAM, KeepaliveProgram.PROGRAM);

    @Test
    void everyProcedureOfEveryProgramResolvesItsCodecs() {
        List<String> failures = new ArrayList<>();
        int lazies = 0;
        for (Program program : PROGRAMS) {
            for (Procedure<?, ?> p : program.procedures()) {
                String name = program.name() + " " + p.number() + " " + p.name();
                lazies += resolveAll(name + " args", p.args(), failures);
                lazies += resolveAll(name + " ret", p.ret(), failures);
            }
        }
        assertEquals(List.of(), failures, "procedures whose codecs cannot be built");
        assertTrue(lazies > 100, "the walk found only " + lazies + " lazy codecs: it no longer sees them");
    }

    @Test
    void everyStaticCodecInTheModuleResolves() throws Exception {
        List<String> failures = new ArrayList<>();
        List<String> classes = mainClassNames();
        assertTrue(classes.size() > 100, "found only " + classes);
        for (String name : classes) {
            Class<?> c;
            try {
                c = Class.forName(name, true, LazyCodecResolutionTest.class.getClassLoader());
            } catch (ReflectiveOperationException | LinkageError e) {
                failures.add(name + ": " + e);
                continue;
            }
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && XdrCodec.class.isAssignableFrom(f.getType())) {
                    f.setAccessible(true);
                    resolveAll(name + "." + f.getName(), f.get(null), failures);
                }
            }
        }
        assertEquals(List.of(), failures, "static codecs that cannot be built");
    }

    @Test
    void theWalkReportsALazyCodecOfATypeWithoutCodec() {
        List<String> failures = new ArrayList<>();
        XdrCodec<List<String>> broken = Xdr.array(Xdr.optional(Xdr.lazy(String.class)), 4);
        resolveAll("broken", broken, failures);
        assertEquals(1, failures.size(), failures.toString());
        assertTrue(failures.get(0).startsWith("broken: ") && failures.get(0).contains("java.lang.String"),
                failures.get(0));
    }

    /**
     * Resolves every lazy codec reachable from {@code root} (and from what they resolve to);
     * adds one line per failure to {@code failures}; returns how many resolved.
     */
    private static int resolveAll(String where, Object root, List<String> failures) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object> todo = new ArrayDeque<>();
        todo.add(root);
        int resolved = 0;
        while (!todo.isEmpty()) {
            Object o = todo.poll();
            if (!seen.add(o)) {
                continue;
            }
            if (o instanceof LazyCodec<?, ?> lazy) {
                try {
                    todo.add(lazy.codec());
                    resolved++;
                } catch (RuntimeException | LinkageError e) {
                    failures.add(where + ": " + lazy + ": " + e + (e.getCause() != null ? " (" + e.getCause() + ")" : ""));
                }
            }
            children(o, todo);
        }
        return resolved;
    }

    private static void children(Object o, Deque<Object> todo) {
        if (o instanceof Object[] array) {
            addAll(List.of(array), todo);
            return;
        }
        if (o instanceof Collection<?> items) {
            addAll(items, todo);
            return;
        }
        if (o instanceof Map<?, ?> map) {
            addAll(map.values(), todo);
            return;
        }
        for (Class<?> c = o.getClass(); c != null && ours(c); c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    Object v = f.get(o);
                    if (v != null) {
                        todo.add(v);
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new AssertionError("cannot read " + c.getName() + "." + f.getName(), e);
                }
            }
        }
    }

    private static void addAll(Collection<?> items, Deque<Object> todo) {
        for (Object item : items) {
            if (item != null) {
                todo.add(item);
            }
        }
    }

    /** Our classes, their anonymous codecs and the lambdas they capture codecs in. */
    private static boolean ours(Class<?> c) {
        return c.getName().startsWith("org.virtd.rpc.");
    }

    /** The binary names of rpc-protocol's main classes (a directory in the build, or its jar). */
    private static List<String> mainClassNames() throws IOException, URISyntaxException {
        Path where = Path.of(Program.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> entries = new ArrayList<>();
        if (Files.isDirectory(where)) {
            try (Stream<Path> files = Files.walk(where)) {
                files.filter(f -> f.toString().endsWith(".class"))
                        .forEach(f -> entries.add(where.relativize(f).toString()));
            }
        } else {
            try (JarFile jar = new JarFile(where.toFile())) {
                jar.stream().forEach(e -> entries.add(e.getName()));
            }
        }
        return entries.stream().filter(n -> n.endsWith(".class") && !n.endsWith("package-info.class")
                        && !n.endsWith("module-info.class"))
                .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                .sorted().toList();
    }
}
