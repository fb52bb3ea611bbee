#!/usr/bin/env bash
# Load benchmark of domain definitions (issue 4): with 1,000 defined domains, listAllDomains()
# calls/s and define+undefine pairs/s at 4 clients, virtqemud side by side with a private
# libvirtd 9.0 (shared/anchor), and the ratio.
#   tests/bench/define-load.sh [SECONDS]      (default 5 s per measurement)
. "$(dirname "$0")/bench-env.sh"
seconds=${1:-5}
cp=$(bench_classpath)
start_both
java -cp "$cp" org.virtd.it.bench.DefineLoad "$seconds" "${TARGETS[@]}"
