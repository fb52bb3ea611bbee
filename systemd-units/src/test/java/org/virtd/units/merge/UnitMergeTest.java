package org.virtd.units.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtd.units.model.UnitBuildException;
import org.virtd.units.model.UnitFile;
import org.virtd.units.model.UnitFileParser;

class UnitMergeTest {

    private final UnitFileParser parser = new UnitFileParser();
    private final UnitMerge merge = new UnitMerge();

    private UnitFile unit(String origin, String text) throws UnitBuildException {
        return parser.parse(origin, text);
    }

    @Test
    void baseLinesComeFirstThenEachExtraInOrderPerSection() throws Exception {
        UnitFile base = unit("base", "[Unit]\nA=1\n[Service]\nS=1\n[Install]\nI=1\n");
        UnitFile one = unit("one", "[Install]\nI=2\n[Unit]\nA=2\n");
        UnitFile two = unit("two", "[Unit]\nA=3\n[Service]\nS=3\n");
        assertEquals("[Unit]\nA=1\nA=2\nA=3\n\n[Service]\nS=1\nS=3\n\n[Install]\nI=1\nI=2\n",
                merge.merge(base, List.of(one, two)).render());
    }

    @Test
    void noOverridingAndNoDeduplication() throws Exception {
        UnitFile base = unit("base", "[Service]\nLimitNOFILE=8192\nAfter=x\n");
        UnitFile extra = unit("extra", "[Service]\nLimitNOFILE=1024:524288\nAfter=x\n");
        assertEquals("[Service]\nLimitNOFILE=8192\nAfter=x\nLimitNOFILE=1024:524288\nAfter=x\n",
                merge.merge(base, List.of(extra)).render());
    }

    @Test
    void extraMayNotAddASectionTheBaseLacks() throws Exception {
        UnitFile base = unit("virtd.socket.in", "[Unit]\nA=1\n[Socket]\nListenStream=1\n");
        UnitFile extra = unit("bad.extra.in", "[Service]\nKillMode=process\n");
        UnitBuildException e = assertThrows(UnitBuildException.class, () -> merge.merge(base, List.of(extra)));
        assertTrue(e.getMessage().contains("bad.extra.in: section [Service] is not present in base virtd.socket.in"),
                e.getMessage());
    }

    @Test
    void emptySectionInExtraCountsAsThatSection() throws Exception {
        UnitFile base = unit("base", "[Unit]\nA=1\n");
        UnitFile extra = unit("extra", "[Install]\n");
        assertThrows(UnitBuildException.class, () -> merge.merge(base, List.of(extra)));
    }

    @Test
    void noExtrasGivesTheBase() throws Exception {
        UnitFile base = unit("base", "[Unit]\nA=1\n\n[Socket]\nB=2\n");
        assertEquals(base.render(), merge.merge(base, List.of()).render());
        assertEquals("base", merge.merge(base, List.of()).origin());
    }
}
