#!/usr/bin/env bash
# Forwarding cost (issue 11): getLibVersion and listAllDomains, 1 and 8 clients, through
# virtproxyd's libvirt-sock and straight to virtqemud's socket, in the same run; the ratio line
# is proxied/direct (targets: p50 at most 1.1x, 8-client calls/s at least 0.9x).
#   tests/bench/proxy-load.sh [SECONDS]      (default 5 s per measurement)
. "$(dirname "$0")/bench-env.sh"
seconds=${1:-5}
cp=$(bench_classpath)
start_ours
VIRTD_PREFIX="$work/ours" "$repo/bin/virtproxyd" >"$work/proxy.log" 2>&1 &
proxy_pid=$!
trap 'kill "$proxy_pid" 2>/dev/null; cleanup' EXIT
for _ in $(seq 1 300); do
    [ -S "$work/ours/run/libvirt/libvirt-sock" ] && break
    sleep 0.05
done
java -cp "$cp" org.virtd.it.bench.RpcLoad "$seconds" "proxied=$work/ours/run/libvirt/libvirt-sock" \
    "direct=$OURS_SOCK"
java -cp "$cp" org.virtd.it.bench.IdleClients 500 qemu:///system "$work/ours/run/libvirt/libvirt-sock" \
    "virtproxyd=$proxy_pid" "virtqemud=$ours_pid"
