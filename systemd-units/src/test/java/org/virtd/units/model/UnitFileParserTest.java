package org.virtd.units.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnitFileParserTest {

    private final UnitFileParser parser = new UnitFileParser();

    @Test
    void keepsRepeatedKeysInOrderAndDropsBlankAndCommentLines() throws Exception {
        UnitFile unit = parser.parse("t.in", "# comment\n\n[Unit]\nAfter=a\n; other comment\nAfter=b\n\n[Install]\nAlso=x\n");
        assertEquals(List.of("a", "b"), unit.values(SectionName.UNIT, "After"));
        assertEquals(List.of("x"), unit.values(SectionName.INSTALL, "Also"));
        assertEquals("[Unit]\nAfter=a\nAfter=b\n\n[Install]\nAlso=x\n", unit.render());
    }

    @Test
    void valueKeepsQuotesAndEqualsSigns() throws Exception {
        UnitFile unit = parser.parse("t.in", "[Service]\nEnvironment=X_ARGS=\"--timeout 120\"\n");
        assertEquals(List.of("X_ARGS=\"--timeout 120\""), unit.values(SectionName.SERVICE, "Environment"));
    }

    @Test
    void rendersSectionsInFixedOrderWhateverTheFileOrder() throws Exception {
        UnitFile unit = parser.parse("t.in", "[Install]\nWantedBy=a\n[Unit]\nDescription=d\n");
        assertEquals("[Unit]\nDescription=d\n\n[Install]\nWantedBy=a\n", unit.render());
    }

    @Test
    void unknownSectionIsAnErrorNamingFileAndLine() {
        UnitBuildException e = assertThrows(UnitBuildException.class,
                () -> parser.parse("x.extra.in", "[Unit]\nAfter=a\n[Timer]\nOnBootSec=1\n"));
        assertTrue(e.getMessage().startsWith("x.extra.in:3: unknown section [Timer]"), e.getMessage());
    }

    @Test
    void directiveBeforeFirstHeaderIsAnError() {
        UnitBuildException e = assertThrows(UnitBuildException.class,
                () -> parser.parse("x.in", "After=a\n[Unit]\n"));
        assertTrue(e.getMessage().startsWith("x.in:1: text before the first section header"), e.getMessage());
    }

    @Test
    void lineWithoutEqualsIsAnError() {
        UnitBuildException e = assertThrows(UnitBuildException.class, () -> parser.parse("x.in", "[Unit]\nAfter\n"));
        assertTrue(e.getMessage().startsWith("x.in:2: expected Key=value"), e.getMessage());
    }

    @Test
    void malformedHeaderAndContinuationAreErrors() {
        assertThrows(UnitBuildException.class, () -> parser.parse("x.in", "[Unit\n"));
        assertThrows(UnitBuildException.class, () -> parser.parse("x.in", "[Unit]\nExecStart=a \\\n b\n"));
        assertThrows(UnitBuildException.class, () -> parser.parse("x.in", "[Unit]\nBad Key=a\n"));
    }
}
