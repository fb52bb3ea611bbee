# shellcheck shell=bash
# Shared body of the daemon launchers (bin/virtqemud, bin/virtproxyd, bin/virtvboxd).
# The caller sets: here (its directory), daemon, module, main, and may name its class path in
# launch_classpath (the tests' test daemon does). Otherwise finds the jars either in a
# distribution (bin/../lib/*.jar) or in a built source tree (<module>/target), picks JVM flags
# for a small, quickly starting daemon (overridable with VIRTD_JAVA_OPTS; VIRTD_EXTRA_OPTS adds
# to them, e.g. -XX:NativeMemoryTracking=summary to measure) and execs java, so the daemon's pid
# is this script's pid.

# Every external command run here costs a fork and an exec (3-5 ms each on a small VM) before
# the daemon's first reply, so the usual start is bash builtins only: the first start that finds
# a finished class-data archive records the JVM options it computed (the launch record, below),
# and later starts reuse them while the java binary and the jars are unchanged.
launcher=${BASH_SOURCE[0]}
top=${here%/bin}
[ "$top" = "$here" ] && top=$here/..
# The name the daemon was run by: an installed wrapper passes its own (see install.sh), so
# --version, --help and messages never show this launcher's internal path.
argv0=${VIRTD_ARGV0:-$0}
unset VIRTD_ARGV0
shopt -s nullglob
if [ -n "${launch_classpath:-}" ]; then
    classpath=$launch_classpath
else
    jars=("$top"/lib/*.jar)
    if [ ${#jars[@]} -gt 0 ]; then
        classpath="$top/lib/*"
    else
        jar=
        for f in "$top/$module/target/$module"-*.jar; do
            case $f in *-tests.jar|*-sources.jar) ;; *) jar=$f; break ;; esac
        done
        if [ -z "$jar" ] || [ ! -d "$top/$module/target/lib" ]; then
            echo "$argv0: cannot find the $daemon jars (run: mvn -B -DskipTests package)" >&2
            exit 1
        fi
        classpath="$jar:$top/$module/target/lib/*"
    fi
fi
shopt -u nullglob

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    java="$JAVA_HOME/bin/java"
else
    java=java
fi

# Where the class-data-sharing archive lives, beside the daemon's other caches: sets $cache.
cds_dir() {
    if [ -n "${VIRTD_PREFIX:-}" ]; then
        cache="$VIRTD_PREFIX/var/cache/libvirt/cds"
    elif [ "$EUID" = 0 ]; then
        cache="/var/cache/libvirt/cds"
    else
        cache="${XDG_CACHE_HOME:-$HOME/.cache}/libvirt/cds"
    fi
}

# The launch record, $cache/$daemon.launch: its first line names the java command and the class
# path it was made for, the other lines are JVM options. It is written only once the archive and
# the native libraries exist, and it is stale when the java binary or any jar is newer than it,
# or the archive is gone. A JDK updated in place with an older file time is caught by the daemon
# itself: when the archive named by -Dvirtd.cds.archive is not mapped, it deletes the archive
# and the record (ClassArchiveCheck), and the next start goes the long way again.
record_opts() {
    local rec="$cache/$daemon.launch" ident line f entry javapath
    local -a saved entries files
    [ -f "$rec" ] || return 1
    ident="$java|$classpath"
    { IFS= read -r line && [ "$line" = "$ident" ] && mapfile -t saved; } <"$rec" || return 1
    [ ${#saved[@]} -gt 0 ] || return 1
    javapath=$java
    if [ "${java#*/}" = "$java" ]; then
        hash "$java" 2>/dev/null || return 1
        javapath=${BASH_CMDS[$java]}
    fi
    [ "$javapath" -nt "$rec" ] || [ "$launcher" -nt "$rec" ] && return 1
    shopt -s nullglob
    IFS=: read -ra entries <<<"$classpath"
    for entry in "${entries[@]}"; do
        case $entry in
            */\*) files=("${entry%\*}"*.jar) ;;
            *) files=("$entry") ;;
        esac
        for f in "${files[@]}"; do
            if [ "$f" -nt "$rec" ]; then shopt -u nullglob; return 1; fi
        done
    done
    shopt -u nullglob
    for line in "${saved[@]}"; do
        case $line in
            -XX:SharedArchiveFile=*) [ -f "${line#*=}" ] || return 1 ;;
        esac
    done
    opts+=("${saved[@]}")
}

# Writes the launch record for the options computed from $1 on (atomically: a start reading it
# at the same time sees the old record or the new one).
write_record() {
    local rec="$cache/$daemon.launch" tmp
    tmp="$rec.tmp.$$"
    { echo "$java|$classpath"; printf '%s\n' "$@"; } >"$tmp" 2>/dev/null && mv -f "$tmp" "$rec" 2>/dev/null
    rm -f "$tmp" 2>/dev/null
    return 0
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

# The JDK's version from its release file (e.g. 17.0.21.1); empty when there is none.
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
        # the archives of earlier jar sets (about 25 MB each) are of no more use
        for f in "${archive%/*}/$daemon"-*; do
            case $f in "$base".*) ;; *) rm -f "$f" ;; esac
        done
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
          -Dio.netty.jfr.enabled=false -Dio.netty.leakDetection.level=disabled
          # the JDK's own selector provider, named: else looking it up scans every jar on the
          # class path for a service file (Netty's epoll opens a Selector as it loads)
          -Djava.nio.channels.spi.SelectorProvider=sun.nio.ch.EPollSelectorProvider)
    # two malloc arenas instead of eight per core: the JVM's own allocations are few and
    # Netty's buffers are its own, so more arenas only hold freed memory
    export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
    cds_dir
    if ! record_opts; then
        computed=()
        # Fewer idle threads (issue 17; docs/architecture.md, "Footprint"): no code-cache sweeper
        # thread and no JMX notification thread on JDK 17-19, where the flags exist (with C1 only,
        # compiled code is rarely discarded and 24 MB holds it all). Not
        # -XX:TrimNativeHeapInterval: it saves about 1 MB but adds a thread.
        java_real=$(readlink -f "$(command -v "$java")")
        IFS=. read -r feature _ <<<"$(java_version)"
        if [ "${feature:-0}" -ge 17 ] 2>/dev/null && [ "$feature" -le 19 ]; then
            computed+=(-XX:-MethodFlushing -XX:-UseNotificationThread)
        fi
        # JNA's library search path named here: else JNA runs `ldconfig -p` (a fork of the whole
        # JVM and a process-reaper thread) the first time it loads a library; ours load by soname
        computed+=("-Djna.platform.library.path=/usr/lib/${HOSTTYPE:-x86_64}-linux-gnu:/lib/${HOSTTYPE:-x86_64}-linux-gnu:/usr/lib:/lib")
        # only a real start makes the cache: --help, --version or -d leave the host as it was
        if { training_run "$@" && mkdir -p "$cache" 2>/dev/null; } || [ -d "$cache" ]; then
            # one key for everything cached for this java binary and these jars
            key=$( { echo "$java_real"; stat -c '%n %s %Y' ${classpath//:/ } 2>/dev/null; } \
                | md5sum | cut -c1-12)
            cds=$(cds_flags "$@")
            [ -n "$cds" ] && computed+=("$cds")
            # JNA's and Netty's native libraries: unpacked once (by the daemon, see
            # NativeLibraryCache) and loaded in place, instead of copied to /tmp at every start.
            # java.library.path then names only that directory: the JDK's own libraries come from
            # its boot path, and a library not found there (junixsocket's, for sd_notify) is
            # unpacked as before.
            native="$cache/native-$key"
            [ -w "$cache" ] && computed+=("-Dvirtd.native.cache=$native")
            [ -f "$native/libjnidispatch.so" ] && computed+=("-Djna.boot.library.path=$native")
            [ -f "$native/libnetty_transport_native_epoll_x86_64.so" ] && computed+=("-Djava.library.path=$native")
            if [ -f "$native/libjnidispatch.so" ] && [ -f "$native/libnetty_transport_native_epoll_x86_64.so" ]; then
                case $cds in
                    -XX:SharedArchiveFile=*)
                        computed+=("-Dvirtd.cds.archive=${cds#*=}" "-Dvirtd.cds.record=$cache/$daemon.launch")
                        write_record "${computed[@]}" ;;
                esac
            fi
        fi
        opts+=("${computed[@]}")
    fi
fi

# shellcheck disable=SC2086
exec "$java" "${opts[@]}" ${VIRTD_EXTRA_OPTS:-} -Dvirtd.argv0="$argv0" -cp "$classpath" "$main" "$@"
