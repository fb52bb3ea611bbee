package org.virtd.it.diff;

import java.util.List;

/** A unified-style line diff of two short texts (longest common subsequence), for reports. */
final class LineDiff {
    private static final int CONTEXT = 2;

    private LineDiff() {
    }

    static String of(String left, String right, String leftName, String rightName) {
        List<String> a = List.of(left.split("\n", -1));
        List<String> b = List.of(right.split("\n", -1));
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        StringBuilder out = new StringBuilder("    --- " + leftName + "\n    +++ " + rightName + "\n");
        int i = 0;
        int j = 0;
        int lastPrinted = -1;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                i++;
                j++;
                continue;
            }
            for (int k = Math.max(lastPrinted + 1, i - CONTEXT); k < i; k++) {
                out.append("      ").append(a.get(k)).append('\n');
            }
            while (i < a.size() && (j >= b.size() || lcs[i + 1][j] >= lcs[i][j + 1]) && !(j < b.size() && a.get(i).equals(b.get(j)))) {
                out.append("    - ").append(a.get(i++)).append('\n');
            }
            while (j < b.size() && (i >= a.size() || lcs[i][j + 1] > lcs[i + 1][j]) && !(i < a.size() && a.get(i).equals(b.get(j)))) {
                out.append("    + ").append(b.get(j++)).append('\n');
            }
            lastPrinted = i - 1;
            int k = 0;
            while (k < CONTEXT && i + k < a.size() && j + k < b.size() && a.get(i + k).equals(b.get(j + k))) {
                out.append("      ").append(a.get(i + k)).append('\n');
                k++;
            }
            i += k;
            j += k;
            lastPrinted = i - 1;
        }
        return out.toString();
    }
}
