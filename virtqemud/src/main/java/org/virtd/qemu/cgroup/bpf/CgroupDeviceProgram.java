package org.virtd.qemu.cgroup.bpf;

import java.util.List;

/**
 * A {@link DeviceProgram} attached to one cgroup directory, with its map: the descriptors of the
 * directory, program and map, held until {@link #close}. The attachment itself outlives them
 * (the kernel keeps an attached program and its map for as long as the cgroup exists), so a
 * restarted daemon finds it again by {@link #find}. Attached with {@link Bpf#F_ALLOW_MULTI}: a
 * program someone else attached stays in force beside ours, and a full map is replaced by a
 * bigger one by attaching its program before detaching the old, so no moment goes unguarded.
 */
public final class CgroupDeviceProgram implements AutoCloseable {
    /** Entries a new map holds; a full one is replaced by one twice as big. */
    static final int INITIAL_CAPACITY = 64;
    private static final int MAX_QUERIED = 64;

    private final String dir;
    private final int cgroupFd;
    private int progFd;
    private int mapFd;
    private int capacity;

    private CgroupDeviceProgram(String dir, int cgroupFd, int progFd, int mapFd, int capacity) {
        this.dir = dir;
        this.cgroupFd = cgroupFd;
        this.progFd = progFd;
        this.mapFd = mapFd;
        this.capacity = capacity;
    }

    /** Whether this kernel runs device programs on the cgroup2 directory {@code dir}. */
    public static boolean supported(String dir) {
        int fd = -1;
        try {
            fd = Bpf.openDirectory(dir);
            Bpf.query(fd, Bpf.ATTACH_CGROUP_DEVICE, 0);
            return true;
        } catch (BpfException | UnsupportedOperationException | UnsatisfiedLinkError e) {
            return false;
        } finally {
            Bpf.close(fd);
        }
    }

    /** Attaches a new program with an empty map to {@code dir}: from now on every device is denied there. */
    public static CgroupDeviceProgram attach(String dir) throws BpfException {
        int cgroupFd = Bpf.openDirectory(dir);
        int mapFd = -1;
        try {
            mapFd = newMap(INITIAL_CAPACITY);
            int progFd = attachProgram(cgroupFd, mapFd);
            return new CgroupDeviceProgram(dir, cgroupFd, progFd, mapFd, INITIAL_CAPACITY);
        } catch (BpfException | RuntimeException e) {
            Bpf.close(mapFd);
            Bpf.close(cgroupFd);
            throw e;
        }
    }

    /**
     * Our program attached to {@code dir} (the newest, should a growing map have been cut short)
     * and its map; null when none is.
     */
    public static CgroupDeviceProgram find(String dir) throws BpfException {
        int cgroupFd = Bpf.openDirectory(dir);
        int progFd = -1;
        try {
            List<Integer> ids = Bpf.query(cgroupFd, Bpf.ATTACH_CGROUP_DEVICE, MAX_QUERIED);
            int newest = -1;
            Bpf.ProgInfo mine = null;
            for (int id : ids) {
                int fd = Bpf.programById(id);
                Bpf.ProgInfo info = Bpf.programInfo(fd);
                if (DeviceProgram.NAME.equals(info.name()) && info.mapIds().size() == 1 && id > newest) {
                    Bpf.close(progFd);
                    progFd = fd;
                    newest = id;
                    mine = info;
                } else {
                    Bpf.close(fd);
                }
            }
            if (mine == null) {
                Bpf.close(cgroupFd);
                return null;
            }
            int mapFd = Bpf.mapById(mine.mapIds().get(0));
            int capacity = Bpf.mapInfo(mapFd).maxEntries();
            return new CgroupDeviceProgram(dir, cgroupFd, progFd, mapFd, capacity);
        } catch (BpfException | RuntimeException e) {
            Bpf.close(progFd);
            Bpf.close(cgroupFd);
            throw e;
        }
    }

    private static int newMap(int capacity) throws BpfException {
        return Bpf.createMap(Bpf.MAP_TYPE_HASH, DeviceEntry.KEY_SIZE, DeviceEntry.VALUE_SIZE, capacity,
                DeviceProgram.NAME);
    }

    private static int attachProgram(int cgroupFd, int mapFd) throws BpfException {
        int progFd = Bpf.loadProgram(Bpf.PROG_TYPE_CGROUP_DEVICE, DeviceProgram.instructions(mapFd),
                DeviceProgram.NAME);
        try {
            Bpf.attach(cgroupFd, progFd, Bpf.ATTACH_CGROUP_DEVICE, Bpf.F_ALLOW_MULTI);
            return progFd;
        } catch (BpfException e) {
            Bpf.close(progFd);
            throw e;
        }
    }

    /** The value stored for {@code key}; 0 when there is none. */
    public int get(long key) throws BpfException {
        byte[] v = Bpf.lookup(mapFd, DeviceEntry.keyBytes(key), DeviceEntry.VALUE_SIZE);
        return v == null ? 0 : DeviceEntry.valueOf(v);
    }

    /** Stores {@code value} for {@code key}, growing the map when it is full. */
    public void put(long key, int value) throws BpfException {
        try {
            Bpf.update(mapFd, DeviceEntry.keyBytes(key), DeviceEntry.valueBytes(value));
        } catch (BpfException e) {
            if (e.errno() != Bpf.E2BIG) {
                throw e;
            }
            grow();
            Bpf.update(mapFd, DeviceEntry.keyBytes(key), DeviceEntry.valueBytes(value));
        }
    }

    /** Removes {@code key}; false when it was not there. */
    public boolean remove(long key) throws BpfException {
        return Bpf.delete(mapFd, DeviceEntry.keyBytes(key));
    }

    /** The number of entries. */
    public int size() throws BpfException {
        return Bpf.keys(mapFd, DeviceEntry.KEY_SIZE).size();
    }

    public int capacity() {
        return capacity;
    }

    /** The kernel's id of the attached program. */
    public int programId() throws BpfException {
        return Bpf.programInfo(progFd).id();
    }

    /** A map twice as big with the same entries, its program attached, then the old one detached. */
    private void grow() throws BpfException {
        int bigger = capacity * 2;
        int newMap = newMap(bigger);
        int newProg = -1;
        try {
            for (byte[] key : Bpf.keys(mapFd, DeviceEntry.KEY_SIZE)) {
                byte[] value = Bpf.lookup(mapFd, key, DeviceEntry.VALUE_SIZE);
                if (value != null) {
                    Bpf.update(newMap, key, value);
                }
            }
            newProg = attachProgram(cgroupFd, newMap);
        } catch (BpfException | RuntimeException e) {
            Bpf.close(newMap);
            throw e;
        }
        int oldProg = progFd;
        int oldMap = mapFd;
        progFd = newProg;
        mapFd = newMap;
        capacity = bigger;
        try {
            Bpf.detach(cgroupFd, oldProg, Bpf.ATTACH_CGROUP_DEVICE);
        } finally {
            Bpf.close(oldProg);
            Bpf.close(oldMap);
        }
    }

    /** Takes the program off the cgroup: its devices are no longer checked by it. */
    public void detach() throws BpfException {
        Bpf.detach(cgroupFd, progFd, Bpf.ATTACH_CGROUP_DEVICE);
    }

    public String dir() {
        return dir;
    }

    /** Closes the descriptors; an attached program stays attached. */
    @Override
    public void close() {
        Bpf.close(mapFd);
        Bpf.close(progFd);
        Bpf.close(cgroupFd);
        mapFd = -1;
        progFd = -1;
    }
}
