#!/usr/bin/env bash
# Footprint benchmark (issue 17), every daemon side by side with libvirtd 9.0 in the same run:
# first: startup.sh's first-reply medians under socket activation (virtqemud, virtproxyd,
# virtvboxd, libvirtd); then, for each daemon started as a service, RSS and thread count idle
# after start, after one call, after a define/undefine churn of $CHURN domains, after 100
# clients connected and left, and with 1,000 client connections open (Footprint.java).
#   tests/bench/footprint.sh [RUNS]     (default 15 first-reply runs; 0 skips them)
# Each daemon is started twice before it is measured, as on a host where it ran before (class-data
# archive and QEMU capabilities cached). Env: CHURN (default 1000 domains), VBOX_CHURN (default
# 100: each define and undefine runs the Python VBoxManage stand-in several times, ~3 s a pair
# on a loaded host), SETTLE seconds before each reading (default 12: longer than the
# config-sync thread's 5 s linger).
here=$(cd "$(dirname "$0")" && pwd)
runs=${1:-15}
if [ "$runs" -gt 0 ]; then
    "$here/startup.sh" "$runs" virtqemud virtproxyd virtvboxd
fi
. "$here/bench-env.sh"
churn=${CHURN:-1000}
vbox_churn=${VBOX_CHURN:-100}
settle=${SETTLE:-12}
cp=$(bench_classpath)
# footprint NAME PID SOCKET URI TYPE CHURN SETTLE: NAME's readings into $work/NAME.fp, its threads' names
# per reading into $work/NAME.threads
footprint() {
    local t=$1
    shift
    java -cp "$cp" org.virtd.it.bench.Footprint "$@" >"$work/$t.fp" 2>"$work/$t.threads"
}

# As on a host where the daemon ran before: two starts with a call each, so that the launcher's
# class-data archive exists (awaited, bounded) and the QEMU capabilities are cached.
#   warm DAEMON PREFIX SOCKET_NAME URI   (in the environment the daemon will run in)
warm() {
    local d=$1 p=$2 pid
    for _ in 1 2; do
        VIRTD_PREFIX="$p" "$repo/bin/$d" >>"$p.warm.log" 2>&1 &
        pid=$!
        java -cp "$cp" org.virtd.it.bench.FirstReply "$p/run/libvirt/$3" "$4" >/dev/null
        sleep 2 # the delayed QEMU probe
        if [ "$d" = virtqemud ]; then
            # until the probe has cached every emulator's capabilities (bounded): a cache file
            # and, for 1.5 s, no QEMU child left. A loaded host takes longer than 2 s, and a
            # daemon measured while it probes again holds ~10 MB and 2 threads more.
            local quiet=0
            for _ in $(seq 1 1200); do
                if compgen -G "$p/var/cache/libvirt/qemu/capabilities/*.json" >/dev/null \
                        && ! pgrep -P "$pid" >/dev/null; then
                    quiet=$((quiet + 1))
                    [ "$quiet" -ge 15 ] && break
                else
                    quiet=0
                fi
                sleep 0.1
            done
        fi
        kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
    done
    await_archive "$p" "$d"
}

extra_pids=()
trap 'for p in "${extra_pids[@]}"; do kill "$p" 2>/dev/null; done; cleanup' EXIT

read -r -a targets <<<"${DAEMONS:-virtqemud virtproxyd virtvboxd}"
wants() { [[ " ${targets[*]} " == *" $1 "* ]]; }

# virtqemud, then virtproxyd in front of it (its churn goes through to virtqemud)
if wants virtqemud || wants virtproxyd; then
    mkdir -p "$work/ours"
    warm virtqemud "$work/ours" virtqemud-sock qemu:///system
    start_ours
fi
if wants virtqemud; then
    footprint virtqemud "$ours_pid" "$OURS_SOCK" qemu:///system qemu "$churn" "$settle"
fi
if wants virtproxyd; then
    warm virtproxyd "$work/ours" libvirt-sock qemu:///system
    VIRTD_PREFIX="$work/ours" "$repo/bin/virtproxyd" >"$work/proxy.log" 2>&1 &
    extra_pids+=($!)
    await_socket "$work/ours/run/libvirt/libvirt-sock"
    footprint virtproxyd "${extra_pids[-1]}" "$work/ours/run/libvirt/libvirt-sock" qemu:///system qemu \
        "$churn" "$settle"
fi

# virtvboxd over the VBoxManage stand-in
if wants virtvboxd; then
    vbox_env "$work/vbox"
    warm virtvboxd "$work/vbox" virtvboxd-sock vbox:///system
    VIRTD_PREFIX="$work/vbox" "$repo/bin/virtvboxd" >"$work/vbox.log" 2>&1 &
    extra_pids+=($!)
    await_socket "$work/vbox/run/libvirt/virtvboxd-sock"
    footprint virtvboxd "${extra_pids[-1]}" "$work/vbox/run/libvirt/virtvboxd-sock" vbox:///system vbox \
        "$vbox_churn" "$settle"
fi
if [ -x /usr/sbin/libvirtd ] && [ -x "$shared/anchor/anchor-up.sh" ]; then
    anchor_state="$work/anchor"
    # no check call: the idle reading is of a daemon nobody has talked to yet
    eval "$(ANCHOR_CHECK=0 "$shared/anchor/anchor-up.sh" "$anchor_state" | grep -E '^(SOCK|PID)=')"
    footprint libvirtd "$PID" "$SOCK" qemu:///system qemu "$churn" "$settle"
    targets+=(libvirtd)
fi

echo
echo "RSS MB / threads (churn: $churn domains, virtvboxd $vbox_churn; settle ${settle}s)"
printf '%-12s' state
for t in "${targets[@]}"; do printf '%16s' "$t"; done
echo
for state in idle one-call churn clients open-1000; do
    printf '%-12s' "$state"
    for t in "${targets[@]}"; do
        printf '%16s' "$(awk -v s="$state" '$1 == s {printf "%.1f / %d", $2, $3}' "$work/$t.fp")"
    done
    echo
done
echo
echo "threads of each reading:"
for t in "${targets[@]}"; do
    sed "s/^/$t /" "$work/$t.threads"
done
