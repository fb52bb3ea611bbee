# shellcheck shell=bash
# Shared body of the daemon launchers (bin/virtqemud, bin/virtproxyd, bin/virtvboxd).
# The caller sets: here (its directory), daemon, module, main. Finds the jars either in a
# distribution (bin/../lib/*.jar) or in a built source tree (<module>/target), picks JVM flags
# for a small, quickly starting daemon (overridable with VIRTD_JAVA_OPTS) and execs java, so the
# daemon's pid is this script's pid.

top=$(cd "$here/.." && pwd)
if compgen -G "$top/lib/*.jar" >/dev/null; then
    classpath="$top/lib/*"
else
    jar=$(compgen -G "$top/$module/target/$module-*.jar" | grep -v -e '-tests\.jar$' -e '-sources\.jar$' | head -n1)
    if [ -z "$jar" ] || [ ! -d "$top/$module/target/lib" ]; then
        echo "$0: cannot find the $daemon jars (run: mvn -B -DskipTests package)" >&2
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

cds_flags() {
    local dir key archive tmp pid
    dir=$(cds_dir)
    mkdir -p "$dir" 2>/dev/null || return 0
    key=$( { readlink -f "$(command -v "$java")"; stat -c '%n %s %Y' ${classpath//:/ } 2>/dev/null; } | md5sum | cut -c1-12)
    archive="$dir/$daemon-$key.jsa"
    if [ ! -f "$archive" ]; then
        # adopt an archive a previous, finished run dumped under its pid
        for tmp in "$archive".*; do
            [ -f "$tmp" ] || continue
            pid=${tmp##*.}
            kill -0 "$pid" 2>/dev/null || { mv -f "$tmp" "$archive" 2>/dev/null; break; }
        done
    fi
    if [ -f "$archive" ]; then
        echo "-XX:SharedArchiveFile=$archive"
    elif training_run "$@" && [ -w "$dir" ]; then
        echo "-XX:ArchiveClassesAtExit=$archive.$$"
    fi
}

if [ -n "${VIRTD_JAVA_OPTS+set}" ]; then
    # shellcheck disable=SC2206
    opts=($VIRTD_JAVA_OPTS)
else
    opts=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -Xms8m -Xmx96m
          -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=24m -XX:-UsePerfData
          -Xshare:auto -Xlog:disable -Xlog:all=error:stderr
          # Netty: no JFR event registration (tens of ms on the first connection) and no
          # leak-detection sampling on the hot path; tests run in-process keep both.
          -Dio.netty.jfr.enabled=false -Dio.netty.leakDetection.level=disabled)
    cds=$(cds_flags "$@")
    [ -n "$cds" ] && opts+=("$cds")
fi

exec "$java" "${opts[@]}" -Dvirtd.argv0="$0" -cp "$classpath" "$main" "$@"
