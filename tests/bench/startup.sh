#!/usr/bin/env bash
# Start-up benchmark (issues 3, 17): under systemd-socket-activate, the median time from the
# first connection (which launches the daemon) to the first RPC reply, and the daemon's RSS after
# that call; our daemons side by side with libvirtd 9.0 in the same run.
#   tests/bench/startup.sh [RUNS [DAEMON...]]     (default 15 runs of virtqemud)
# DAEMON: virtqemud, virtproxyd (in front of a running virtqemud, which it forwards the call
# to), virtvboxd (over the VBoxManage stand-in in ../shared/vbox).
# Besides the wall-clock median, which a loaded host stretches, it reports the CPU time the daemon
# used up to its first reply (utime+stime), which load hardly changes. Env BASELINE=DIR (another
# built tree, e.g. a checkout of main) adds that tree's daemons as base-DAEMON, timed in turns
# with ours, for before/after figures from one run.
. "$(dirname "$0")/bench-env.sh"
runs=${1:-15}
shift || true
daemons=("$@")
[ ${#daemons[@]} -eq 0 ] && daemons=(virtqemud)
cp=$(bench_classpath)
probe() { java -XX:TieredStopAtLevel=1 -Xshare:auto -cp "$cp" org.virtd.it.bench.FirstReply "$@"; }
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
# CPU milliseconds the process has used (utime + stime; field 2, the name, has no spaces here)
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) * 1000 / hz}' "/proc/$1/stat" 2>/dev/null || echo 0; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# One prefix (and one anchor state) for every run, as on a host where the daemon restarts:
# caches (class-data archive, native libraries, QEMU capabilities) persist. Each daemon's first
# two runs are warm-ups and not counted: the first trains the launcher's class-data archive and stores the
# native libraries, the second makes it dump the archive in the background, which the benchmark
# awaits (bounded) before timing; a third records the launcher's options (bin/virtd-launch.sh).

# socket, URI and environment of each daemon's first call
sock_of() { case $1 in virtproxyd) echo libvirt-sock ;; *) echo "$1-sock" ;; esac; }
uri_of() { case $1 in virtvboxd) echo vbox:///system ;; *) echo qemu:///system ;; esac; }

# TARGET: DAEMON (this tree's) or base-DAEMON (the BASELINE tree's)
measure_daemon() {
    local t=$1 d=${1#base-} p="$work/$1" sock tree=$repo
    [ "$t" != "$d" ] && tree=$BASELINE
    sock="$p/run/libvirt/$(sock_of "$d")"
    rm -f "$sock"
    mkdir -p "$p/run/libvirt"
    VIRTD_PREFIX="$p" systemd-socket-activate -l "$sock" --fdname="$d.socket" \
        -E VIRTD_PREFIX -E PATH -E VBOX_USER_HOME -E HOME "$tree/bin/$d" >"$p.log" 2>&1 &
    local pid=$!
    local ms; ms=$(probe "$sock" "$(uri_of "$d")")
    echo "$ms $(rss_kb $pid) $(cpu_ms $pid)"  # socket-activate and the launcher exec: $pid is the JVM
    kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
}

measure_libvirtd() {
    local s="$work/anchor" sock
    sock="$s/sock/libvirt-sock"
    mkdir -p "$s/sock"
    rm -f "$sock" "$s/libvirtd.pid"
    ANCHOR_FOREGROUND=1 ANCHOR_EXEC_PREFIX="systemd-socket-activate -l $sock --fdname=libvirtd.socket" \
        "$shared/anchor/anchor-up.sh" "$s" >"$s.log" 2>&1 &
    local ms; ms=$(probe "$sock" "qemu:///system")
    local pid; pid=$(cat "$s/libvirtd.pid" 2>/dev/null || pgrep -n -f "libvirtd -f $s/etc")
    echo "$ms $(rss_kb "$pid") $(cpu_ms "$pid")"
    kill "$pid" 2>/dev/null || true
    sleep 0.3
}

if [ -n "${BASELINE:-}" ]; then
    for d in "${daemons[@]}"; do daemons+=("base-$d"); done
fi
for d in "${daemons[@]}"; do
    case $d in
        virtvboxd) vbox_env "$work/vbox" ;;
        base-virtproxyd)
            mkdir -p "$work/$d"
            ln -s ../virtproxyd/run "$work/$d/run" 2>/dev/null || true
            ;;
        virtproxyd)
            # the virtqemud it forwards to, started once as a service in the proxy's prefix
            mkdir -p "$work/virtproxyd"
            VIRTD_PREFIX="$work/virtproxyd" "$repo/bin/virtqemud" >"$work/proxied-qemud.log" 2>&1 &
            ours_pid=$!
            await_socket "$work/virtproxyd/run/libvirt/virtqemud-sock"
            ;;
    esac
done
targets=("${daemons[@]}")
[ -x /usr/sbin/libvirtd ] && targets+=(libvirtd)
measure() { if [ "$1" = libvirtd ]; then measure_libvirtd; else measure_daemon "$1"; fi; }
# warm-ups, not counted
for d in "${daemons[@]}"; do
    measure_daemon "$d" >/dev/null
    measure_daemon "$d" >/dev/null
    await_archive "$work/$d" "${d#base-}"
    measure_daemon "$d" >/dev/null  # the first start with the archive writes the launch record
done
[ -x /usr/sbin/libvirtd ] && measure_libvirtd >/dev/null
# the daemons take turns, so that all see the same moments of a noisy host
for t in "${targets[@]}"; do : >"$work/$t.txt"; done
for _ in $(seq 1 "$runs"); do
    for t in "${targets[@]}"; do
        measure "$t" >>"$work/$t.txt"
    done
done
echo "medians of $runs runs; load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-16s %15s %11s %15s %11s %12s\n' target "first reply ms" "vs libvirtd" "CPU ms by then" "vs libvirtd" "RSS MB then"
lib_ms=""
lib_cpu=""
if [ -s "$work/libvirtd.txt" ]; then
    lib_ms=$(cut -d' ' -f1 "$work/libvirtd.txt" | median)
    lib_cpu=$(cut -d' ' -f3 "$work/libvirtd.txt" | median)
fi
ratio() { [ -n "$2" ] && [ "$2" != 0 ] && printf '%.2fx' "$(echo "$1 / $2" | bc -l)"; }
for t in "${targets[@]}"; do
    echo "$t samples (ms RSSkB CPUms): $(tr '\n' ' ' <"$work/$t.txt")" >&2
    ms=$(cut -d' ' -f1 "$work/$t.txt" | median)
    rss=$(cut -d' ' -f2 "$work/$t.txt" | median)
    cpu=$(cut -d' ' -f3 "$work/$t.txt" | median)
    printf '%-16s %15s %11s %15s %11s %12.1f\n' "$t" "$ms" "$(ratio "$ms" "$lib_ms")" "$cpu" \
        "$(ratio "$cpu" "$lib_cpu")" "$(echo "$rss / 1024" | bc -l)"
done
