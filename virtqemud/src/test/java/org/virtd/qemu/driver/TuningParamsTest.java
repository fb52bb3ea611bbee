package org.virtd.qemu.driver;

import org.junit.jupiter.api.Test;
import org.virtd.conf.domain.ResourceTune.BlkioTune;
import org.virtd.conf.domain.ResourceTune.Device;
import org.virtd.conf.domain.ResourceTune.MemTune;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.types.TypedParam;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The parameter rules of memtune and blkiotune that do not need a domain. */
class TuningParamsTest {
    @Test
    void memoryLimitsMergeAndUnlimitedClears() throws VirtException {
        MemTune m = MemoryTuneHandlers.apply(MemTune.NONE, List.of(TypedParam.ofULLong("hard_limit", 1024),
                TypedParam.ofULLong("soft_limit", 512)));
        assertEquals(new MemTune(1024L, 512L, null), m);
        m = MemoryTuneHandlers.apply(m, List.of(TypedParam.ofULLong("hard_limit", 9007199254740991L)));
        assertNull(m.hardLimitKiB());
    }

    @Test
    void hardLimitMayNotExceedSwapLimit() {
        MemTune m = new MemTune(null, null, 2048L);
        VirtException e = assertThrows(VirtException.class,
                () -> MemoryTuneHandlers.apply(m, List.of(TypedParam.ofULLong("hard_limit", 4096))));
        assertEquals(ErrorCode.INVALID_ARG, e.error().code());
        assertEquals("memory hard_limit tunable value must be lower than or equal to swap_hard_limit",
                e.error().detail());
    }

    @Test
    void deviceStringsParseAndPrint() throws VirtException {
        List<Device> d = BlkioTuneHandlers.parse("/dev/sda,100,/dev/sdb,200", Device.Field.READ_IOPS);
        BlkioTune t = BlkioTune.NONE.withDeviceValues(Device.Field.READ_IOPS, d);
        assertEquals("/dev/sda,100,/dev/sdb,200", BlkioTuneHandlers.format(t, Device.Field.READ_IOPS));
        assertEquals("", BlkioTuneHandlers.format(t, Device.Field.WEIGHT));
        assertEquals(List.of(), BlkioTuneHandlers.parse("", Device.Field.WEIGHT));
    }

    @Test
    void badDeviceStringsAreRefused() {
        VirtException odd = assertThrows(VirtException.class,
                () -> BlkioTuneHandlers.parse("/dev/sda", Device.Field.WEIGHT));
        assertEquals("unable to parse blkio device 'device_weight' '/dev/sda'", odd.error().detail());
        VirtException value = assertThrows(VirtException.class,
                () -> BlkioTuneHandlers.parse("/dev/sda,x", Device.Field.WEIGHT));
        assertEquals("invalid value 'x' for parameter 'device_weight' of device '/dev/sda'", value.error().detail());
    }
}
