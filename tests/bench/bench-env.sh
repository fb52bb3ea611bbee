# shellcheck shell=bash
# Shared set-up of the benchmark scripts: test classpath, a private virtqemud, and (when
# /usr/sbin/libvirtd is installed) a private libvirtd via shared/anchor, both stopped on exit.
# Needs a built tree: mvn -B -DskipTests package (or install) at the repository root.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
shared=${VIRTD_SHARED:-$repo/../shared}
work=$(mktemp -d /tmp/virtd-bench.XXXXXX)
# searchable by QEMU's own account (virtqemud confines QEMU to qemu.conf's user, as libvirtd does)
chmod 0755 "$work"

bench_classpath() {
    (cd "$repo" && mvn -q -B -o -pl tests dependency:build-classpath -Dmdep.includeScope=test \
        -Dmdep.outputFile="$work/cp.txt" >/dev/null)
    echo "$repo/tests/target/test-classes:$(cat "$work/cp.txt")"
}

ours_pid=""
anchor_state=""
cleanup() {
    [ -n "$ours_pid" ] && kill "$ours_pid" 2>/dev/null && wait "$ours_pid" 2>/dev/null || true
    [ -n "$anchor_state" ] && "$shared/anchor/anchor-down.sh" "$anchor_state" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

# Waits (bounded, 15 s) for a socket file to appear.
await_socket() {
    for _ in $(seq 1 300); do
        [ -S "$1" ] && return 0
        sleep 0.05
    done
    echo "no socket $1" >&2
    return 1
}

start_ours() {
    mkdir -p "$work/ours"
    VIRTD_PREFIX="$work/ours" "$repo/bin/virtqemud" >"$work/ours.log" 2>&1 &
    ours_pid=$!
    OURS_SOCK="$work/ours/run/libvirt/virtqemud-sock"
    await_socket "$OURS_SOCK" || true
}

start_anchor() {
    ANCHOR_SOCK=""
    if [ -x /usr/sbin/libvirtd ] && [ -x "$shared/anchor/anchor-up.sh" ]; then
        anchor_state="$work/anchor"
        eval "$("$shared/anchor/anchor-up.sh" "$anchor_state" | grep -E '^(SOCK|PID)=')"
        ANCHOR_SOCK=$SOCK
        ANCHOR_PID=$PID
    else
        echo "(libvirtd not installed: measuring virtqemud alone)" >&2
    fi
}

# Starts both daemons and sets TARGETS to the NAME=SOCKET arguments the Java load tools take.
start_both() {
    start_ours
    start_anchor
    TARGETS=("ours=$OURS_SOCK")
    [ -n "$ANCHOR_SOCK" ] && TARGETS+=("libvirtd=$ANCHOR_SOCK")
    return 0
}

# Guest benchmarks: builds the tiny guest into $VIRTD_GUEST_DIR (default /tmp/virtd-guest), names
# this run's domains with a unique prefix ($prefix, starting with TAG) and kills on exit, by pid,
# any qemu-system left whose command line carries it: our QEMUs outlive virtqemud by design, and
# a failed run may leave libvirtd's too.
#   guest_bench TAG
guest_bench() {
    guest=${VIRTD_GUEST_DIR:-/tmp/virtd-guest}
    "$shared/guest/build-guest.sh" "$guest" >&2
    prefix="$1$(basename "$work" | tr -dc 'A-Za-z0-9')"
    mkdir -p "$work/console"
    trap 'kill_leftovers; cleanup' EXIT
}

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

# Waits (bounded, 240 s: the launcher dumps it at the lowest priority, which a loaded host
# starves) for DAEMON's class-data archive under PREFIX; says so on stderr when there is none,
# since the figures of a daemon without it are those of the JDK's own archive, not the ones
# measured here.
#   await_archive PREFIX DAEMON
await_archive() {
    for _ in $(seq 1 2400); do
        compgen -G "$1/var/cache/libvirt/cds/$2-*.jsa" >/dev/null && return 0
        sleep 0.1
    done
    echo "warning: no class-data archive for $2 in $1: its figures are without it" >&2
}

# The VirtualBox stand-in (../shared/vbox) as VBoxManage, run by the Python interpreter itself
# rather than through a version manager's shim, which would double each call's time; every
# open of vbox:/// runs it once.
#   vbox_env DIR    (sets PATH, VBOX_USER_HOME and HOME for the daemon)
vbox_env() {
    local py
    mkdir -p "$1/bin" "$1/home"
    [ -e "$1/bin/VBoxManage" ] || ln -s "$(cd "$shared/vbox" && pwd)/VBoxManage" "$1/bin/VBoxManage"
    py=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null || true)
    [ -n "$py" ] && [ ! -e "$1/bin/python3" ] && ln -s "$py" "$1/bin/python3"
    export PATH="$1/bin:$PATH" VBOX_USER_HOME="$1/home/.vbox" HOME="$1/home"
}
