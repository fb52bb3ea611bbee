#!/usr/bin/env bash
# Load benchmark of virtvboxd (issue 12): with 100 machines in the VBoxManage stand-in,
# listAllDomains() and a dominfo-like sequence, calls/s and VBoxManage launches per call.
# VboxListLoad starts its own virtvboxd and stops it on exit.
#   tests/bench/vbox-list-load.sh [SECONDS]      (default 5 s per measurement)
. "$(dirname "$0")/bench-env.sh"
seconds=${1:-5}
cp=$(bench_classpath)
java -Dvirtd.repo="$repo" -cp "$cp" org.virtd.it.bench.VboxListLoad "$seconds"
