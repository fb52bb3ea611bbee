package org.virtd.conf.state;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtd.conf.state.DomainListFilter.ACTIVE;
import static org.virtd.conf.state.DomainListFilter.AUTOSTART;
import static org.virtd.conf.state.DomainListFilter.HAS_SNAPSHOT;
import static org.virtd.conf.state.DomainListFilter.INACTIVE;
import static org.virtd.conf.state.DomainListFilter.NO_MANAGEDSAVE;
import static org.virtd.conf.state.DomainListFilter.OTHER;
import static org.virtd.conf.state.DomainListFilter.PAUSED;
import static org.virtd.conf.state.DomainListFilter.PERSISTENT;
import static org.virtd.conf.state.DomainListFilter.RUNNING;
import static org.virtd.conf.state.DomainListFilter.SHUTOFF;
import static org.virtd.conf.state.DomainListFilter.TRANSIENT;
import static org.virtd.conf.state.DomainListFilter.matches;

/** CONNECT_LIST_ALL_DOMAINS flags: OR within a group, AND across groups, empty group = all. */
class DomainListFilterTest {

    private final FakeDomain runningTransient = FakeDomain.running(false);
    private final FakeDomain shutoff = FakeDomain.shutoff();
    private final FakeDomain paused = new FakeDomain(DomainStates.PAUSED, true, true, true);
    private final FakeDomain crashed = new FakeDomain(DomainStates.CRASHED, true, true, false);

    @Test
    void noFlagsMatchEverything() {
        assertTrue(matches(runningTransient, 0) && matches(shutoff, 0) && matches(paused, 0));
    }

    @Test
    void bitsInOneGroupAreOred() {
        assertTrue(matches(runningTransient, ACTIVE | INACTIVE));
        assertTrue(matches(shutoff, RUNNING | SHUTOFF));
        assertFalse(matches(paused, RUNNING | SHUTOFF));
        assertTrue(matches(crashed, OTHER));
    }

    @Test
    void groupsAreAnded() {
        assertTrue(matches(runningTransient, ACTIVE | TRANSIENT | RUNNING));
        assertFalse(matches(runningTransient, ACTIVE | PERSISTENT));
        assertTrue(matches(paused, PAUSED | AUTOSTART | PERSISTENT));
        assertFalse(matches(shutoff, INACTIVE | AUTOSTART));
    }

    @Test
    void noDomainHasManagedSaveOrSnapshots() {
        assertTrue(matches(shutoff, NO_MANAGEDSAVE));
        assertFalse(matches(shutoff, HAS_SNAPSHOT));
    }
}
