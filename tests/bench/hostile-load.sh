#!/usr/bin/env bash
# Fair service under hostile clients (issue 9): HOSTILE clients each pipeline CALLS
# getCapabilities calls and never read a reply, while 4 normal clients loop on getLibVersion and
# listAllDomains. Prints, for virtqemud and a private libvirtd 9.0 side by side: the normal
# clients' calls/s alone and under attack, their errors and p99, and the daemon's RSS growth;
# then whether either daemon logged an OutOfMemoryError.
#   tests/bench/hostile-load.sh [SECONDS] [HOSTILE] [CALLS]     (default 20 50 10000)
. "$(dirname "$0")/bench-env.sh"
seconds=${1:-20}
hostile=${2:-50}
calls=${3:-10000}
cp=$(bench_classpath)
start_both
targets=("ours=$OURS_SOCK@$ours_pid")
[ -n "$ANCHOR_SOCK" ] && targets+=("libvirtd=$ANCHOR_SOCK@$ANCHOR_PID")
java -cp "$cp" org.virtd.it.bench.HostileLoad "$seconds" "$hostile" "$calls" "${targets[@]}"
oom=$( (grep -rl OutOfMemoryError "$work/ours.log" "$work/ours/log" 2>/dev/null || true) | wc -l)
echo "OutOfMemoryError in virtqemud's logs: $([ "$oom" -eq 0 ] && echo none || echo "YES ($oom files)")"
