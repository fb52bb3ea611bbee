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
guest_bench vbench
cp=$(bench_classpath)
start_ours
start_anchor
targets=("ours=$OURS_SOCK=$ours_pid")
[ -n "$ANCHOR_SOCK" ] && targets+=("libvirtd=$ANCHOR_SOCK=$(cat "$anchor_state/libvirtd.pid")")
timeout 1200 java -cp "$cp" org.virtd.it.bench.StartLoad "$runs" "$count" "$shared/guest/tiny-domain.xml" \
    "$guest" "$work/console" "$prefix" "${targets[@]}"
