#!/bin/bash
# Builds GUEST_DIR/initrd-blk.img: the tiny guest's initrd (shared/guest) followed by a second cpio
# archive with the virtio PCI and virtio-blk drivers, loaded at sysinit, so disks plugged into the
# running guest show up under /sys/block. The kernel unpacks the archives in order; the later
# /etc/inittab replaces busybox's default one. Usage: build-blk-initrd.sh GUEST_DIR
set -euo pipefail
G=$(cd "$1" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$G/initrd-blk.img
STAMP=$(cat "$0" "$G/initrd.img" | sha256sum | cut -c1-16)
if [ -s "$OUT" ] && [ "$(cat "$G/BLK-STAMP" 2>/dev/null)" = "$STAMP" ]; then
    exit 0
fi
KVER=$(sed -n 's/^kernel: *[^ ]* [^ ]* (\(.*\))$/\1/p' "$G/BUILD-INFO")
[ -n "$KVER" ] || { echo "no kernel version in $G/BUILD-INFO" >&2; exit 1; }
PKG=linux-image-$KVER
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
cd "$T"
DEB=$(ls "$G"/"$PKG"_*.deb 2>/dev/null | head -n1 || true)
if [ -z "$DEB" ]; then
    apt-get -q -o APT::Sandbox::User=root download "$PKG" >/dev/null ||
        { apt-get update -q >/dev/null && apt-get -q -o APT::Sandbox::User=root download "$PKG" >/dev/null; }
    DEB=$(ls "$T"/"$PKG"_*.deb)
fi
mkdir deb overlay
dpkg-deb --fsys-tarfile "$DEB" | tar -x -C deb --wildcards '*/drivers/virtio/virtio.ko' \
    '*/drivers/virtio/virtio_ring.ko' '*/drivers/virtio/virtio_pci*.ko' '*/drivers/block/virtio_blk.ko'
mkdir -p overlay/lib/modules overlay/etc
find deb -name '*.ko' -exec cp {} overlay/lib/modules/ \;
# virtio_ring before virtio, the PCI transport before the block driver
cat > overlay/etc/inittab <<'TAB'
::sysinit:/bin/sh -c 'for m in virtio_ring virtio virtio_pci_legacy_dev virtio_pci_modern_dev virtio_pci virtio_blk; do insmod /lib/modules/$m.ko 2>/dev/null; done'
::respawn:/bin/cttyhack /bin/sh -l
::ctrlaltdel:/bin/reboot -f
TAB
/usr/bin/python3 "$HERE/../guest-agent/newc.py" overlay | gzip -9n > overlay.gz
cat "$G/initrd.img" overlay.gz > "$OUT.tmp"
mv "$OUT.tmp" "$OUT"
echo "$STAMP" > "$G/BLK-STAMP"
