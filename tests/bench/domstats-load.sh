#!/usr/bin/env bash
# getAllDomainStats benchmark (issue 10): COUNT running tiny TCG guests (with a balloon), then
# CALLS back-to-back CONNECT_GET_ALL_DOMAIN_STATS calls (all domains, all groups) from one
# client; calls/s and p50/p90 latency of virtqemud side by side with a private libvirtd 9.0
# (shared/anchor), one daemon's guests at a time, with the ratio (target: 2x). Builds the test
# guest into $VIRTD_GUEST_DIR (default /tmp/virtd-guest) when absent; every domain is destroyed
# and undefined at the end, and any QEMU left behind is killed by pid.
#   tests/bench/domstats-load.sh [CALLS] [COUNT]      (default 200 calls, 20 guests)
. "$(dirname "$0")/bench-env.sh"
calls=${1:-200}
count=${2:-20}
guest_bench sbench
cp=$(bench_classpath)
start_both
timeout 1200 java -cp "$cp" org.virtd.it.bench.DomStatsLoad "$calls" "$count" "$shared/guest/tiny-domain.xml" \
    "$guest" "$work/console" "$prefix" "${TARGETS[@]}"
