#!/bin/bash
# Builds GUEST_DIR/initrd-agent.img: the tiny guest's initrd (shared/guest) with a second cpio
# archive appended that adds the virtio-serial drivers and a scripted QEMU guest agent. The
# kernel unpacks concatenated archives in order, so the later /etc/inittab wins and busybox init
# starts the agent next to the console shell. Usage: build-agent-initrd.sh GUEST_DIR
set -euo pipefail
G=$(cd "$1" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$G/initrd-agent.img
STAMP=$(cat "$0" "$HERE/tiny-agent.sh" "$G/initrd.img" | sha256sum | cut -c1-16)
if [ -s "$OUT" ] && [ "$(cat "$G/AGENT-STAMP" 2>/dev/null)" = "$STAMP" ]; then
    exit 0
fi
KVER=$(sed -n 's/^kernel: *[^ ]* [^ ]* (\(.*\))$/\1/p' "$G/BUILD-INFO")
[ -n "$KVER" ] || { echo "no kernel version in $G/BUILD-INFO" >&2; exit 1; }
KPKG=linux-image-$KVER
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
cd "$T"
DEB=$(ls "$G"/"$KPKG"_*.deb 2>/dev/null | head -n1 || true)
if [ -z "$DEB" ]; then
    apt-get -q -o APT::Sandbox::User=root download "$KPKG" >/dev/null ||
        { apt-get update -q >/dev/null && apt-get -q -o APT::Sandbox::User=root download "$KPKG" >/dev/null; }
    DEB=$(ls "$T"/"$KPKG"_*.deb)
fi
mkdir deb root
dpkg-deb --fsys-tarfile "$DEB" | tar -x -C deb --wildcards '*/drivers/virtio/virtio.ko' \
    '*/drivers/virtio/virtio_ring.ko' '*/drivers/virtio/virtio_pci*.ko' '*/drivers/char/virtio_console.ko'
mkdir -p root/lib/modules root/etc root/bin
find deb -name '*.ko' -exec cp {} root/lib/modules/ \;
cp "$HERE/tiny-agent.sh" root/bin/tiny-agent
chmod 755 root/bin/tiny-agent
cat > root/etc/inittab <<'TAB'
::sysinit:/bin/tiny-agent modules
::respawn:/bin/cttyhack /bin/sh -l
::respawn:/bin/tiny-agent
::ctrlaltdel:/bin/reboot -f
TAB
/usr/bin/python3 "$HERE/newc.py" root | gzip -9n > overlay.gz
cat "$G/initrd.img" overlay.gz > "$OUT.tmp"
mv "$OUT.tmp" "$OUT"
echo "$STAMP" > "$G/AGENT-STAMP"
