package org.virtd.it.diff;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs every scenario file on libvirtd and then on ours, compares each scenario's normalised
 * results and reports {@code N scenarios, M identical, K allowed differences, F failed}.
 * A file runs whole on one daemon before the other, so guests it starts never overlap. With a
 * proxied target (our daemon again, reached through virtproxyd) each file also runs a third time
 * and must give exactly what our daemon gave directly: the allow list does not apply there.
 */
final class DifferentialSuite {
    /** How many lines of each difference the failure message carries. */
    private static final int EXCERPT_LINES = 12;

    private final Path diffDir;
    private final Pattern only;
    private final PrintStream out;
    private final StepRunner runner;
    private final Placeholders placeholders;

    DifferentialSuite(Path diffDir, Path guestDir, Pattern only, PrintStream out) {
        this.diffDir = diffDir;
        this.only = only;
        this.out = out;
        this.placeholders = new Placeholders(diffDir.resolve("xml"), guestDir);
        this.runner = new StepRunner(diffDir, placeholders);
    }

    /** The tally; {@link Report#failed} lists what differs without a reason, and stale reasons. */
    record Report(int scenarios, int identical, int allowed, int pending, List<String> failed) {
        String summary() {
            return scenarios + " scenarios, " + identical + " identical, " + allowed + " allowed differences ("
                    + pending + " of them pending work), " + failed.size() + " failed";
        }
    }

    Report run(Daemons daemons) throws IOException, InterruptedException {
        List<ScenarioFile> files = new ArrayList<>();
        try (var list = Files.list(diffDir.resolve("scenarios"))) {
            for (Path p : list.filter(p -> p.toString().endsWith(".scn")).sorted().toList()) {
                files.add(ScenarioFile.parse(p));
            }
        }
        AllowList allow = AllowList.read(diffDir.resolve("allowed.tsv"));
        StringBuilder handWritten = new StringBuilder(placeholders.templates());
        files.forEach(f -> handWritten.append(f.text()));
        Normaliser normaliser = new Normaliser(handWritten.toString());

        int total = 0;
        int identical = 0;
        int allowed = 0;
        int pending = 0;
        List<String> failed = new ArrayList<>();
        List<String> known = new ArrayList<>();
        for (ScenarioFile file : files) {
            file.scenarios().forEach(s -> known.add(s.key()));
            List<Scenario> selected = file.scenarios().stream().filter(s -> only.matcher(s.key()).find()).toList();
            if (selected.isEmpty()) {
                continue;
            }
            long t0 = System.nanoTime();
            Daemons.Trio trio = daemons.in(file.qemuConf());
            Target oracle = trio.oracle();
            Target ours = trio.ours();
            Target proxied = trio.proxied();
            Map<String, String> left = runFile(file, oracle, normaliser);
            Map<String, String> right = runFile(file, ours, normaliser);
            Map<String, String> third = proxied == null ? null : runFile(file, proxied, normaliser);
            for (Scenario s : selected) {
                total++;
                String a = left.get(s.name());
                String b = right.get(s.name());
                String reason = allow.reason(s);
                if (Boolean.getBoolean("diff.show")) {
                    out.println("RESULT    " + s.key() + "\n" + b);
                }
                if (third != null && !b.equals(third.get(s.name()))) {
                    String diff = LineDiff.of(b, third.get(s.name()), ours.name(), proxied.name());
                    failed.add(s.key() + " through " + proxied.name() + "\n" + excerpt(diff));
                    out.println("PROXY     " + s.key() + "\n" + diff);
                }
                if (a.equals(b)) {
                    if (reason != null) {
                        failed.add(s.key() + " is identical now: remove it from allowed.tsv");
                        out.println("STALE     " + s.key() + " (allowed: " + reason + ")");
                    } else {
                        identical++;
                    }
                } else if (reason != null) {
                    allowed++;
                    pending += AllowList.pending(reason) ? 1 : 0;
                    out.println("ALLOWED   " + s.key() + ": " + reason);
                    if (Boolean.getBoolean("diff.verbose")) {
                        out.println(LineDiff.of(a, b, oracle.name(), ours.name()));
                    }
                } else {
                    String diff = LineDiff.of(a, b, oracle.name(), ours.name());
                    failed.add(s.key() + "\n" + excerpt(diff));
                    out.println("DIFFERS   " + s.key() + "\n" + diff);
                }
            }
            out.printf("file %s: %d scenarios in %.1f s%n", file.name(), selected.size(), (System.nanoTime() - t0) / 1e9);
        }
        if (only.pattern().isEmpty()) {
            allow.reasons().keySet().stream().filter(k -> !known.contains(k))
                    .forEach(k -> failed.add("allowed.tsv names " + k + ", which no scenario file has"));
        }
        Report report = new Report(total, identical, allowed, pending, List.copyOf(failed));
        out.println(report.summary());
        return report;
    }

    /**
     * The head of a difference, indented, for the failure message: CI keeps only the message's
     * end of a long log, and a flaky difference must be readable from it alone.
     */
    private static String excerpt(String diff) {
        List<String> lines = List.of(diff.split("\n"));
        int shown = Math.min(lines.size(), EXCERPT_LINES);
        StringBuilder b = new StringBuilder();
        for (String line : lines.subList(0, shown)) {
            b.append("      ").append(line).append('\n');
        }
        if (shown < lines.size()) {
            b.append("      (").append(lines.size() - shown).append(" more lines in the log)\n");
        }
        return b.toString().stripTrailing();
    }

    /** One file on one daemon: set-up, each scenario's normalised result, tear-down. */
    private Map<String, String> runFile(ScenarioFile file, Target target, Normaliser normaliser)
            throws IOException, InterruptedException {
        Path work = target.work(file);
        Files.createDirectories(work);
        Map<String, String> results = new LinkedHashMap<>();
        try {
            for (Step step : file.setup()) {
                runner.run(step, target, work);
            }
            for (Scenario s : file.scenarios()) {
                results.put(s.name(), normaliser.apply(runScenario(s, target, work), target, work.toString()));
            }
        } finally {
            for (Step step : file.teardown()) {
                runner.run(step, target, work);
            }
        }
        return results;
    }

    private String runScenario(Scenario s, Target target, Path work) throws IOException, InterruptedException {
        StringBuilder r = new StringBuilder();
        EventTap tap = s.events() ? EventTap.open(diffDir, target) : null;
        try {
            for (Step step : s.steps()) {
                String result = runner.run(step, target, work);
                if (step.compared()) {
                    r.append(new Outcome(step.label(), result).render());
                } else if (!result.isEmpty() && step.kind() == Step.Kind.WAIT_CONSOLE) {
                    r.append(result);
                }
            }
            if (tap != null) {
                r.append("events:\n");
                tap.settle().forEach(e -> r.append("  ").append(e).append('\n'));
            }
        } finally {
            if (tap != null) {
                tap.close();
            }
        }
        return r.toString();
    }
}
