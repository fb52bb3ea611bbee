package org.virtd.it.diff;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Masks what legitimately differs between two daemons running the same scenario, and nothing
 * else. Each rule says why it exists; a new rule needs a reason of the same kind (the value is
 * generated, or belongs to the process or the clock), never "ours prints it differently".
 */
final class Normaliser {
    private static final Pattern UUID = Pattern.compile(
            "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");

    private static final Pattern MAC = Pattern.compile("\\b(?:[0-9a-f]{2}:){5}[0-9a-f]{2}\\b");

    /** {@code pattern → replacement}, applied in order after the paths. */
    private static final Map<Pattern, String> RULES = new LinkedHashMap<>();

    static {
        // pty numbers come from the kernel, in whatever order guests started on this host
        rule("/dev/pts/\\d+", "/dev/pts/N");
        // dates and times of day
        rule("\\d{4}-\\d\\d-\\d\\d[ T]\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?([+-]\\d\\d:?\\d\\d|Z)?", "{time}");
        // snapshot and job creation times in seconds since the epoch
        rule("(<creationTime>)\\d+(</creationTime>)", "$1{time}$2");
        // CPU time the guest happened to use
        rule("(CPU time:\\s+)\\S+", "$1{cputime}");
        // process ids of QEMU and of the daemons
        rule("(\\bpid[=: ]+'?)\\d+", "$1{pid}");
        // domain ids count every start since the daemon began, and earlier files start guests
        rule("(<domain [^>]*\\bid=')\\d+'", "$1{id}'");
        rule("(?m)^(Id:\\s+)\\d+$", "$1{id}");
        rule("(?m)^[ \\t]*\\d+[ \\t]+(\\S+)[ \\t]+(running|paused|idle|in shutdown|shut off|crashed|pmsuspended)[ \\t]*$",
                " {id} $1 $2");
        rule("(/domain-)\\d+(-)", "$1{id}$2");
        // QMP command ids count every command the daemon sent to that QEMU so far
        rule("(\"id\":\"libvirt-)\\d+\"", "$1{n}\"");
        // VNC/SPICE ports are the first free ones on this host, which other tests may hold
        rule("((?:port|tlsPort|websocket)=')59\\d\\d'", "$1{port}'");
        rule("(?m)^((?:vnc|spice)://[^:\\s]+:|127\\.0\\.0\\.1:|localhost:|\\[::1\\]:)\\d+$", "$1{port}");
    }

    private static void rule(String regex, String replacement) {
        RULES.put(Pattern.compile(regex), replacement);
    }

    /** UUIDs and MAC addresses written by hand in scenarios and templates: those come back unchanged. */
    private final Set<String> known;

    Normaliser(String handWritten) {
        this.known = java.util.stream.Stream.of(UUID, MAC)
                .flatMap(p -> p.matcher(handWritten.toLowerCase(Locale.ROOT)).results().map(r -> r.group()))
                .collect(Collectors.toSet());
    }

    /**
     * Normalises one scenario's output on one target: its work directory and path prefix first,
     * then the rules, then generated UUIDs and MAC addresses (a daemon or a client made them up),
     * numbered in order of appearance so that "the same one twice" survives the mask.
     */
    String apply(String text, Target target, String work) {
        // where each daemon's socket is: the client's business, not the daemon's
        String s = text.replace(target.uri(), "{uri}").replace(work, "{work}");
        if (!target.pathPrefix().isEmpty()) {
            // only where a path starts with the prefix, never inside another path
            s = s.replaceAll("(?<![\\w/.-])" + Pattern.quote(target.pathPrefix()) + "(?=/)", "");
        }
        for (Map.Entry<Pattern, String> r : RULES.entrySet()) {
            s = r.getKey().matcher(s).replaceAll(r.getValue());
        }
        s = maskGenerated(s, UUID, "uuid");
        return maskGenerated(s, MAC, "mac");
    }

    private String maskGenerated(String s, Pattern pattern, String noun) {
        Map<String, String> generated = new LinkedHashMap<>();
        Matcher m = pattern.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = m.group().toLowerCase(Locale.ROOT);
            String replacement = known.contains(v) ? m.group()
                    : generated.computeIfAbsent(v, k -> "{" + noun + (generated.size() + 1) + "}");
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
