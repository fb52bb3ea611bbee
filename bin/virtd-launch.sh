# shellcheck shell=bash
# Shared body of the daemon launchers (bin/virtqemud, bin/virtproxyd, bin/virtvboxd).
# The caller sets: here (its directory), daemon, module, main, and may name its class path in
# launch_classpath (the tests' test daemon does). Otherwise finds the jars either in a
# distribution (bin/../lib/*.jar) or in a built source tree (<module>/target), picks JVM flags
# for a small, quickly starting daemon (overridable with VIRTD_JAVA_OPTS; VIRTD_EXTRA_OPTS adds
# to them, e.g. -XX:NativeMemoryTracking=summary to measure) and execs java, so the daemon's pid
# is this script's pid.

top=$(cd "$here/.." && pwd)
# The name the daemon was run by: an installed wrapper passes its own (see install.sh), so
# --version, --help and messages never show this launcher's internal path.
argv0=${VIRTD_ARGV0:-$0}
unset VIRTD_ARGV0
if [ -n "${launch_classpath:-}" ]; then
    classpath=$launch_classpath
elif compgen -G "$top/lib/*.jar" >/dev/null; then
    classpath="$top/lib/*"
else
    jar=$(compgen -G "$top/$module/target/$module-*.jar" | grep -v -e '-tests\.jar$' -e '-sources\.jar$' | head -n1)
    if [ -z "$jar" ] || [ ! -d "$top/$module/target/lib" ]; then
        echo "$argv0: cannot find the $daemon jars (run: mvn -B -DskipTests package)" >&2
        exit 1
    fi
    classpath="$jar:$top/$module/target/lib/*"
fi

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    java="$JAVA_HOME/bin/java"
else
    java=java
fi

# Where the class-data-sharing archive lives: beside the daemon's other caches.
cds_dir() {
    if [ -n "${VIRTD_PREFIX:-}" ]; then
        echo "$VIRTD_PREFIX/var/cache/libvirt/cds"
    elif [ "$(id -u)" = 0 ]; then
        echo "/var/cache/libvirt/cds"
    else
        echo "${XDG_CACHE_HOME:-$HOME/.cache}/libvirt/cds"
    fi
}

# True when this run is a real daemon start worth training the CDS archive on (not -V, -h, -d).
training_run() {
    local a
    for a in "$@"; do
        case "$a" in
            --version|--help|--daemon) return 1 ;;
            --*) ;;
            -*[Vhd]*) return 1 ;;
        esac
    done
    return 0
}

# The JDK's version from its release file (e.g. 17.0.21.1); empty when there is none. Bash
# only: every command run here delays the daemon's first reply.
java_version() {
    local line
    [ -n "$java_real" ] && [ -r "${java_real%/bin/*}/release" ] || return 0
    while IFS= read -r line; do
        case $line in
            JAVA_VERSION=*) line=${line#JAVA_VERSION=\"}; echo "${line%\"}"; return 0 ;;
        esac
    done <"${java_real%/bin/*}/release"
}

# Class-data sharing, in three steps keyed by the jars and the java binary (daemons.md's "archive
# created at first start"): a training start records the classes it loads
# (-XX:DumpLoadedClassList, nearly free); a later start that finds a finished list dumps a
# static archive from it in the background, at low priority, under a lock, into a temporary
# file renamed into place; every start after that maps the archive. A static archive (unlike
# the dynamic -XX:ArchiveClassesAtExit kind) also holds old class files (major version < 50). Any
# failure only means no archive: the daemon starts the same, a little slower. Uses $cache and $key.
cds_flags() {
    local base archive list f pid
    base="$cache/$daemon-$key"
    archive="$base.jsa"
    list="$base.classlist"
    if [ -f "$archive" ]; then
        echo "-XX:SharedArchiveFile=$archive"
        return 0
    fi
    # a dump that failed is not retried for these jars; nor without flock(1) to serialise dumps
    [ ! -e "$base.failed" ] && command -v flock >/dev/null || return 0
    training_run "$@" && [ -w "$cache" ] || return 0
    if [ ! -f "$list" ]; then
        # adopt the list of a finished training run that served at least one call
        for f in "$list".*; do
            [ -f "$f" ] || continue
            pid=${f##*.}
            kill -0 "$pid" 2>/dev/null && continue
            if grep -qx 'org/virtd/core/server/Frame' "$f" 2>/dev/null; then
                mv -f "$f" "$list" 2>/dev/null
            else
                rm -f "$f"
            fi
        done
    fi
    if [ -f "$list" ]; then
        cds_dump "$list" "$archive" </dev/null >/dev/null 2>&1 &
    else
        echo "-XX:DumpLoadedClassList=$list.$$"
    fi
}

# Dumps the static archive from a class list; one dump at a time per archive.
cds_dump() {
    local list=$1 archive=$2 base=${2%.jsa} tmp
    tmp="$archive.tmp.$BASHPID"
    exec 9>>"$archive.lock" || return 0
    flock -n 9 || return 0
    [ -f "$archive" ] && return 0
    rm -f "$archive".tmp.*
    if nice -n 19 timeout 120 "$java" -XX:+UseSerialGC -Xshare:dump -XX:SharedClassListFile="$list" \
            -XX:SharedArchiveFile="$tmp" -cp "$classpath" && [ -s "$tmp" ]; then
        mv -f "$tmp" "$archive"
    else
        rm -f "$tmp"
        : >"$base.failed"
    fi
}

if [ -n "${VIRTD_JAVA_OPTS+set}" ]; then
    # shellcheck disable=SC2206
    opts=($VIRTD_JAVA_OPTS)
else
    # C1 only, and one compiler thread: at start-up a second one competes with the daemon's own
    # threads for a small host's cores (measured: first reply about 10 ms sooner on 2 cores).
    opts=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -Xss512k -Xms8m -Xmx96m
          -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=24m -XX:-UsePerfData
          -Xshare:auto -Xlog:disable -Xlog:all=error:stderr
          # Netty: no JFR event registration (tens of ms on the first connection) and no
          # leak-detection sampling on the hot path; tests run in-process keep both.
          -Dio.netty.jfr.enabled=false -Dio.netty.leakDetection.level=disabled)
    # Fewer idle threads (issue 17; docs/architecture.md, "Footprint"): no code-cache sweeper thread and no JMX
    # notification thread on JDK 17-19, where the flags exist (with C1 only, compiled code is
    # rarely discarded and 24 MB holds it all). Not -XX:TrimNativeHeapInterval: it saves about
    # 1 MB but adds a thread.
    java_real=$(readlink -f "$(command -v "$java")")
    IFS=. read -r feature _ <<<"$(java_version)"
    if [ "${feature:-0}" -ge 17 ] 2>/dev/null && [ "$feature" -le 19 ]; then
        opts+=(-XX:-MethodFlushing -XX:-UseNotificationThread)
    fi
    # JNA's library search path named here: else JNA runs `ldconfig -p` (a fork of the whole JVM
    # and a process-reaper thread) the first time it loads a library; ours load by soname
    opts+=("-Djna.platform.library.path=/usr/lib/${HOSTTYPE:-x86_64}-linux-gnu:/lib/${HOSTTYPE:-x86_64}-linux-gnu:/usr/lib:/lib")
    # two malloc arenas instead of eight per core: the JVM's own allocations are few and
    # Netty's buffers are its own, so more arenas only hold freed memory
    export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
    cache=$(cds_dir)
    if mkdir -p "$cache" 2>/dev/null; then
        # one key for everything cached for this java binary and these jars
        key=$( { echo "$java_real"; stat -c '%n %s %Y' ${classpath//:/ } 2>/dev/null; } \
            | md5sum | cut -c1-12)
        cds=$(cds_flags "$@")
        [ -n "$cds" ] && opts+=("$cds")
        # JNA's and Netty's native libraries: unpacked once (by the daemon, see NativeLibraryCache)
        # and loaded in place, instead of copied to /tmp at every start. java.library.path then
        # names only that directory: the JDK's own libraries come from its boot path, and a
        # library not found there (junixsocket's, for sd_notify) is unpacked as before.
        native="$cache/native-$key"
        [ -w "$cache" ] && opts+=("-Dvirtd.native.cache=$native")
        [ -f "$native/libjnidispatch.so" ] && opts+=("-Djna.boot.library.path=$native")
        [ -f "$native/libnetty_transport_native_epoll_x86_64.so" ] && opts+=("-Djava.library.path=$native")
    fi
fi

# shellcheck disable=SC2086
exec "$java" "${opts[@]}" ${VIRTD_EXTRA_OPTS:-} -Dvirtd.argv0="$argv0" -cp "$classpath" "$main" "$@"
