package org.virtd.it.diff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed {@code .scn} file (format in {@code tests/diff/README.md}): set-up steps, scenarios in
 * order, tear-down steps, and the qemu.conf both daemons run it in ({@code qemu.conf: NAME} before
 * {@code setup:}, the file {@code conf/NAME.conf}; null for the lab one). Parse errors name the
 * file and line: a broken scenario file must fail the suite, not silently shrink it.
 */
record ScenarioFile(String name, Path path, String text, String qemuConf, List<Step> setup,
        List<Scenario> scenarios, List<Step> teardown) {

    static ScenarioFile parse(Path path) throws IOException {
        String text = Files.readString(path);
        String name = path.getFileName().toString().replaceFirst("\\.scn$", "");
        return new Parser(name, path, text).parse();
    }

    private static final class Parser {
        private final String file;
        private final Path path;
        private final String text;
        private final List<Step> setup = new ArrayList<>();
        private final List<Step> teardown = new ArrayList<>();
        private final List<Scenario> scenarios = new ArrayList<>();
        private List<Step> current;
        private String scenarioName;
        private boolean scenarioEvents;
        private boolean inTeardown;
        private String qemuConf;

        Parser(String file, Path path, String text) {
            this.file = file;
            this.path = path;
            this.text = text;
        }

        ScenarioFile parse() {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String raw = lines[i];
                String line = raw.strip();
                int no = i + 1;
                if (raw.startsWith("| ") || raw.equals("|")) {
                    continueCode(raw.length() > 2 ? raw.substring(2) : "", no);
                } else if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                } else if (line.startsWith("qemu.conf:")) {
                    if (current != null || qemuConf != null) {
                        throw error(no, "qemu.conf: comes once, before setup: and the scenarios");
                    }
                    qemuConf = line.substring(10).strip();
                    if (!qemuConf.matches("[a-z0-9-]+")) {
                        throw error(no, "a qemu.conf name is lower-case letters, digits and '-'");
                    }
                } else if (line.equals("setup:")) {
                    if (scenarioName != null || inTeardown) {
                        throw error(no, "setup: must come before the first scenario");
                    }
                    current = setup;
                } else if (line.equals("teardown:")) {
                    endScenario();
                    inTeardown = true;
                    current = teardown;
                } else if (line.startsWith("=== ")) {
                    if (inTeardown) {
                        throw error(no, "a scenario after teardown:");
                    }
                    endScenario();
                    scenarioName = line.substring(4).strip();
                    if (!scenarioName.matches("[A-Za-z0-9._-]+")) {
                        throw error(no, "scenario names are letters, digits, '.', '_' and '-'");
                    }
                    current = new ArrayList<>();
                } else if (line.equals("events: domain")) {
                    if (scenarioName == null) {
                        throw error(no, "events: belongs to a scenario");
                    }
                    scenarioEvents = true;
                } else {
                    if (current == null) {
                        throw error(no, "a step outside setup:, a scenario or teardown:");
                    }
                    current.add(step(line, no, scenarioName != null && !inTeardown));
                }
            }
            endScenario();
            return new ScenarioFile(file, path, text, qemuConf, List.copyOf(setup), List.copyOf(scenarios),
                    List.copyOf(teardown));
        }

        private void continueCode(String code, int no) {
            if (current == null || current.isEmpty() || current.get(current.size() - 1).kind() != Step.Kind.PYTHON) {
                throw error(no, "'| ' continues a py: step only");
            }
            Step last = current.remove(current.size() - 1);
            current.add(new Step(last.kind(), last.text() + "\n" + code, last.compared(), last.line()));
        }

        private void endScenario() {
            if (scenarioName != null) {
                if (current.stream().noneMatch(Step::compared) && !scenarioEvents) {
                    throw new IllegalArgumentException(path + ": scenario " + scenarioName + " compares nothing");
                }
                scenarios.add(new Scenario(file, scenarioName, scenarioEvents, List.copyOf(current)));
                scenarioName = null;
                scenarioEvents = false;
            }
        }

        private Step step(String line, int no, boolean inScenario) {
            boolean compared = inScenario;
            if (line.startsWith("~")) {
                compared = false;
                line = line.substring(1).strip();
            }
            if (line.startsWith("virsh ")) {
                return new Step(Step.Kind.VIRSH, line.substring(6).strip(), compared, no);
            }
            if (line.startsWith("sh:")) {
                return new Step(Step.Kind.SHELL, line.substring(3).strip(), compared, no);
            }
            if (line.startsWith("py:")) {
                return new Step(Step.Kind.PYTHON, line.substring(3).strip(), compared, no);
            }
            if (line.startsWith("wait: console ")) {
                return new Step(Step.Kind.WAIT_CONSOLE, line.substring(14).strip(), false, no);
            }
            if (line.startsWith("sleep:")) {
                return new Step(Step.Kind.SLEEP, line.substring(6).strip(), false, no);
            }
            if (line.equals("restart:")) {
                return new Step(Step.Kind.RESTART, "", false, no);
            }
            throw error(no, "unknown step: " + line);
        }

        private IllegalArgumentException error(int line, String what) {
            return new IllegalArgumentException(path + ":" + line + ": " + what);
        }
    }
}
