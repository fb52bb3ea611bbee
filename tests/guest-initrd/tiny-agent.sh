#!/bin/sh
# A scripted QEMU guest agent for the tiny test guest: answers the agent's JSON protocol, one
# command a line, on the virtio-serial port named org.qemu.guest_agent.0. Fixed, plausible
# answers; the clock, hostname and power actions are the guest's real ones. 'tiny-hang' is never
# answered, for timeout tests. Its drivers are loaded at sysinit (build-initrd.sh).
dev=
i=0
while [ -z "$dev" ] && [ $i -lt 200 ]; do
    for p in /sys/class/virtio-ports/*; do
        if [ "$(cat "$p/name" 2>/dev/null)" = org.qemu.guest_agent.0 ] && [ -e "/dev/${p##*/}" ]; then
            dev=/dev/${p##*/}
        fi
    done
    [ -n "$dev" ] || usleep 50000
    i=$((i + 1))
done
if [ -z "$dev" ]; then
    # no agent channel in this guest: stay quiet (init would respawn us at once otherwise)
    exec sleep 100000
fi
echo "GUEST-AGENT-READY on $dev" >/dev/console
exec 3<>"$dev"
reply() { printf '%s\n' "$1" >&3; }
while true; do
    if ! IFS= read -r line <&3; then
        # the host side is not connected: reads end at once; poll
        usleep 100000
        continue
    fi
    cmd=$(echo "$line" | sed -n 's/.*"execute" *: *"\([^"]*\)".*/\1/p')
    case "$cmd" in
    guest-sync|guest-sync-delimited)
        id=$(echo "$line" | sed -n 's/.*"id" *: *\([0-9]*\).*/\1/p')
        [ "$cmd" = guest-sync-delimited ] && printf '\377' >&3
        reply "{\"return\": $id}" ;;
    guest-ping) reply '{"return": {}}' ;;
    guest-info) reply '{"return": {"version": "7.2.0", "supported_commands": []}}' ;;
    guest-get-time) reply "{\"return\": $(( $(date +%s) * 1000000000 ))}" ;;
    guest-set-time)
        ns=$(echo "$line" | sed -n 's/.*"time" *: *\([0-9]*\).*/\1/p')
        [ -n "$ns" ] && date -s "@$((ns / 1000000000))" >/dev/null 2>&1
        reply '{"return": {}}' ;;
    guest-get-host-name) reply "{\"return\": {\"host-name\": \"$(hostname)\"}}" ;;
    guest-network-get-interfaces)
        reply '{"return": [{"name": "lo", "ip-addresses": [{"ip-address-type": "ipv4", "ip-address": "127.0.0.1", "prefix": 8}, {"ip-address-type": "ipv6", "ip-address": "::1", "prefix": 128}], "hardware-address": "00:00:00:00:00:00"}, {"name": "eth0", "ip-addresses": [{"ip-address-type": "ipv4", "ip-address": "192.0.2.15", "prefix": 24}], "hardware-address": "52:54:00:12:34:56"}]}' ;;
    guest-fsfreeze-freeze|guest-fsfreeze-freeze-list|guest-fsfreeze-thaw) reply '{"return": 1}' ;;
    guest-fsfreeze-status) reply '{"return": "thawed"}' ;;
    guest-get-fsinfo)
        reply '{"return": [{"name": "vda1", "total-bytes": 10737418240, "mountpoint": "/", "disk": [{"serial": "tiny-disk", "bus-type": "virtio", "bus": 0, "unit": 0, "pci-controller": {"bus": 0, "slot": 5, "domain": 0, "function": 0}, "dev": "/dev/vda1", "target": 0}], "used-bytes": 1073741824, "type": "ext4"}]}' ;;
    guest-get-users) reply '{"return": [{"user": "root", "login-time": 1700000000.25}]}' ;;
    guest-get-osinfo)
        reply "{\"return\": {\"name\": \"Tiny Guest\", \"kernel-release\": \"$(uname -r)\", \"version\": \"1 (tiny)\", \"pretty-name\": \"Tiny Guest 1\", \"version-id\": \"1\", \"kernel-version\": \"$(uname -v)\", \"machine\": \"$(uname -m)\", \"id\": \"tiny\"}}" ;;
    guest-get-timezone) reply '{"return": {"zone": "UTC", "offset": 0}}' ;;
    guest-get-disks) reply '{"return": [{"name": "/dev/vda", "partition": false, "alias": "tiny", "dependencies": []}]}' ;;
    guest-set-user-password) reply '{"return": {}}' ;;
    guest-get-vcpus) reply '{"return": [{"online": true, "can-offline": false, "logical-id": 0}]}' ;;
    guest-set-vcpus) reply '{"return": 1}' ;;
    guest-shutdown)
        case "$line" in
        *reboot*) echo "GUEST-AGENT-REBOOT" >/dev/console; reboot -f ;;
        *) echo "GUEST-AGENT-POWERDOWN" >/dev/console; poweroff -f ;;
        esac ;;
    tiny-hang) ;;
    *) reply "{\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"The command $cmd has not been found\"}}" ;;
    esac
done
