package org.virtd.rpc.program;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The declaration tables as text (program, number, name, kind, API, read-only rule, refusal
 * domain, priority, stream, layout, pre-open/pre-auth), compared with a reviewed golden file.
 * After an intended change, rewrite it with {@code -Dvirtd.regenerate=true} and review the diff.
 */
class ProcedureTableGoldenTest {

    private static final String GOLDEN = "golden/procedures.tsv";

    static String render() {
        StringBuilder sb = new StringBuilder(
                "# program\tnumber\tname\tkind\tapi\treadonly\trefusal-domain\tpriority\tstream\tlayout\tgate\n");
        for (Program program : ProgramTablesTest.PROGRAMS) {
            for (Procedure<?, ?> p : program.procedures()) {
                sb.append(program.name()).append('\t')
                        .append(p.number()).append('\t')
                        .append(p.name()).append('\t')
                        .append(p.kind()).append('\t')
                        .append(p.api()).append('\t')
                        .append(p.readOnlyAllowed() ? "allow" : "DENY").append('\t')
                        .append(p.refusalDomain()).append('\t')
                        .append(p.priority()).append('\t')
                        .append(p.stream()).append('\t')
                        .append(p.layoutKnown() ? "typed" : "unknown").append('\t')
                        .append(p.beforeAuth() ? "before-auth" : p.beforeOpen() ? "before-open" : "-")
                        .append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void tableMatchesGolden() throws IOException {
        String actual = render();
        if (Boolean.getBoolean("virtd.regenerate")) {
            Path file = Path.of("src/test/resources", GOLDEN);
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = getClass().getResourceAsStream("/" + GOLDEN)) {
            assertNotNull(in, GOLDEN + " missing: run with -Dvirtd.regenerate=true");
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual,
                    "procedure table changed; if intended, regenerate with -Dvirtd.regenerate=true and review");
        }
    }
}
