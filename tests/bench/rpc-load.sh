#!/usr/bin/env bash
# Load benchmark of the RPC path (issue 2): getLibVersion and listAllDomains, 1 and 8 clients,
# calls/s and p50/p99 latency, virtqemud side by side with a private libvirtd 9.0.
#   tests/bench/rpc-load.sh [SECONDS]      (default 5 s per measurement)
. "$(dirname "$0")/bench-env.sh"
seconds=${1:-5}
cp=$(bench_classpath)
start_both
java -cp "$cp" org.virtd.it.bench.RpcLoad "$seconds" "${TARGETS[@]}"
