package org.virtd.qemu.hostnet;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TapNamesTest {
    @Test
    void numbersOnlyGrowAndSkipNamesInUse() {
        Set<String> host = new HashSet<>(Set.of("vnet1"));
        TapNames names = new TapNames(host::contains);
        assertEquals("vnet0", names.next());
        assertEquals("vnet2", names.next(), "vnet1 is taken on the host");
        assertEquals("vnet3", names.next(), "a freed vnet0 is not handed out again at once");
    }

    @Test
    void namesOfRunningGuestsAreReserved() {
        TapNames names = new TapNames(n -> false);
        names.reserve("vnet7");
        names.reserve("mytap");
        names.reserve("vnet2");
        assertEquals("vnet8", names.next());
    }
}
