package org.virtd.qemu.machined;

/**
 * systemd unit names as libvirt spells them: a partition's slice ({@code /machine} →
 * {@code machine.slice}) and a machine's scope ({@code qemu-1-vm} →
 * {@code machine-qemu\x2d1\x2dvm.scope}), with '-' and characters outside a unit name's set
 * escaped as {@code \xNN} and '/' turned into '-'.
 */
public final class ScopeNames {
    private static final String PLAIN = ":_.";

    private ScopeNames() {
    }

    public static String scope(String machineName) {
        return "machine-" + escape(machineName) + ".scope";
    }

    public static String slice(String partition) {
        return escape(partition.startsWith("/") ? partition.substring(1) : partition) + ".slice";
    }

    /** The machine name a scope of {@link #scope} was made from; null for another unit name. */
    public static String machineOf(String scopeUnit) {
        if (!scopeUnit.startsWith("machine-") || !scopeUnit.endsWith(".scope")) {
            return null;
        }
        String s = scopeUnit.substring("machine-".length(), scopeUnit.length() - ".scope".length());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            if (s.startsWith("\\x", i) && i + 4 <= s.length()) {
                out.write(Integer.parseInt(s.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                out.write(s.charAt(i) == '-' ? '/' : s.charAt(i));
            }
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    static String escape(String name) {
        StringBuilder sb = new StringBuilder();
        byte[] bytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean alnum = (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
            if (b == '/') {
                sb.append('-');
            } else if ((alnum || PLAIN.indexOf(b) >= 0) && !(i == 0 && b == '.')) {
                sb.append((char) b);
            } else {
                sb.append(String.format("\\x%02x", b));
            }
        }
        return sb.toString();
    }
}
