package org.virtd.it.diff;

/** What one compared step printed on one daemon, already normalised. */
record Outcome(String step, String result) {

    String render() {
        return "$ " + step + "\n" + result;
    }
}
