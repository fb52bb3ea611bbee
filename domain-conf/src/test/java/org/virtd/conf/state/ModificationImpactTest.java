package org.virtd.conf.state;

import org.junit.jupiter.api.Test;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.VirtException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.virtd.conf.state.ModificationImpact.AFFECT_CONFIG;
import static org.virtd.conf.state.ModificationImpact.AFFECT_LIVE;

/** virDomainObjUpdateModificationImpact: CURRENT resolved by state, impossible targets refused. */
class ModificationImpactTest {

    @Test
    void currentMeansLiveWhenRunningAndConfigOtherwise() throws VirtException {
        assertEquals(new ModificationImpact(true, false), ModificationImpact.of(FakeDomain.running(true), 0));
        assertEquals(new ModificationImpact(false, true), ModificationImpact.of(FakeDomain.shutoff(), 0));
    }

    @Test
    void explicitBitsAreKept() throws VirtException {
        assertEquals(new ModificationImpact(true, true),
                ModificationImpact.of(FakeDomain.running(true), AFFECT_LIVE | AFFECT_CONFIG));
    }

    @Test
    void liveOnInactiveAndConfigOnTransientAreInvalid() {
        VirtException live = assertThrows(VirtException.class,
                () -> ModificationImpact.of(FakeDomain.shutoff(), AFFECT_LIVE));
        assertEquals(ErrorCode.OPERATION_INVALID, live.code());
        assertEquals("domain is not running", live.error().detail());
        VirtException config = assertThrows(VirtException.class,
                () -> ModificationImpact.of(FakeDomain.running(false), AFFECT_CONFIG));
        assertEquals("transient domains do not have any persistent config", config.error().detail());
    }
}
