#!/usr/bin/env bash
# Start benchmark (issue 5): median time from DOMAIN_CREATE (virsh start) to state RUNNING of one
# tiny TCG guest, and COUNT guests started at once (time until all RUNNING, daemon RSS then),
# virtqemud side by side with a private libvirtd 9.0 (shared/anchor) on the same domain XML.
# Builds the test guest into $VIRTD_GUEST_DIR (default /tmp/virtd-guest) when absent. Every
# domain is destroyed and undefined at the end; any QEMU left behind is killed by pid.
#   tests/bench/start-load.sh [RUNS] [COUNT]      (default 7 runs, 20 guests)
. "$(dirname "$0")/bench-env.sh"
runs=${1:-7}
count=${2:-20}
guest=${VIRTD_GUEST_DIR:-/tmp/virtd-guest}
"$shared/guest/build-guest.sh" "$guest" >&2
prefix="vbench$(basename "$work" | tr -dc 'A-Za-z0-9')"

# Our QEMUs outlive virtqemud by design, and a failed run may leave libvirtd's too: kill by pid
# every qemu-system process whose command line carries this run's unique domain-name prefix.
kill_leftovers() {
    local pids
    pids=$(pgrep -f "qemu-system.*guest=$prefix" || true)
    [ -z "$pids" ] && return 0
    echo "killing leftover QEMU: $pids" >&2
    # shellcheck disable=SC2086
    kill $pids 2>/dev/null || true
    for _ in $(seq 1 50); do
        # shellcheck disable=SC2086
        kill -0 $pids 2>/dev/null || return 0
        sleep 0.1
    done
    # shellcheck disable=SC2086
    kill -KILL $pids 2>/dev/null || true
}
trap 'kill_leftovers; cleanup' EXIT

cp=$(bench_classpath)
mkdir -p "$work/console"
start_ours
start_anchor
targets=("ours=$OURS_SOCK=$ours_pid")
[ -n "$ANCHOR_SOCK" ] && targets+=("libvirtd=$ANCHOR_SOCK=$(cat "$anchor_state/libvirtd.pid")")
timeout 1200 java -cp "$cp" org.virtd.it.bench.StartLoad "$runs" "$count" "$shared/guest/tiny-domain.xml" \
    "$guest" "$work/console" "$prefix" "${targets[@]}"
