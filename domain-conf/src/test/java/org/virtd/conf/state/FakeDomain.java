package org.virtd.conf.state;

/** A domain object for the filter and impact tests. */
record FakeDomain(int state, boolean isActive, boolean isPersistent, boolean isAutostart) implements DomainObj {

    static FakeDomain running(boolean persistent) {
        return new FakeDomain(DomainStates.RUNNING, true, persistent, false);
    }

    static FakeDomain shutoff() {
        return new FakeDomain(DomainStates.SHUTOFF, false, true, false);
    }
}
