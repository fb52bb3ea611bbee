package org.virtd.it.diff;

/**
 * One action of a scenario: a virsh command, a shell command, a python snippet, a wait, or a
 * restart of the daemon (SIGKILL, then started again on the same state).
 * {@code compared} is false for steps written with a leading {@code ~} (and for set-up and
 * tear-down, which only prepare the daemon).
 */
record Step(Kind kind, String text, boolean compared, int line) {

    enum Kind { VIRSH, SHELL, PYTHON, WAIT_CONSOLE, SLEEP, RESTART }

    /** How the step reads in a report. */
    String label() {
        return switch (kind) {
            case VIRSH -> "virsh " + text;
            case SHELL -> "sh: " + text;
            case PYTHON -> "py: " + text.replace("\n", "\n  | ");
            case WAIT_CONSOLE -> "wait: console " + text;
            case SLEEP -> "sleep: " + text;
            case RESTART -> "restart:";
        };
    }
}
