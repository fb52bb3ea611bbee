#!/bin/bash
# Builds GUEST_DIR/initrd-KIND.img: the tiny guest's initrd (shared/guest) followed by a second
# cpio archive with the kernel modules (and programs) a kind of test needs, loaded at sysinit.
# The kernel unpacks concatenated archives in order, so the later /etc/inittab replaces busybox's.
# Kinds:
#   agent    virtio-serial and a scripted QEMU guest agent (tiny-agent.sh) on its channel
#   balloon  the virtio balloon driver, so the guest answers balloon requests (BALLOON_CHANGE)
#   blk      the virtio-blk driver, so hot-plugged disks show up under /sys/block
#   panic    the pvpanic drivers, so a kernel panic (echo c > /proc/sysrq-trigger) tells QEMU
# Built once per guest and kind (a stamp of this script, its inputs and the base initrd).
# Usage: build-initrd.sh GUEST_DIR KIND
set -euo pipefail
G=$(cd "$1" && pwd)
KIND=$2
HERE=$(cd "$(dirname "$0")" && pwd)
case "$KIND" in
    agent) DRIVER='*/drivers/char/virtio_console.ko'; MODULE=virtio_console ;;
    balloon) DRIVER='*/drivers/virtio/virtio_balloon.ko'; MODULE=virtio_balloon ;;
    blk) DRIVER='*/drivers/block/virtio_blk.ko'; MODULE=virtio_blk ;;
    panic) DRIVER='*/drivers/misc/pvpanic/pvpanic*.ko'; MODULE='pvpanic pvpanic-mmio' ;;
    *) echo "unknown initrd kind '$KIND' (agent, balloon, blk or panic)" >&2; exit 2 ;;
esac
OUT=$G/initrd-$KIND.img
STAMPFILE=$G/${KIND^^}-STAMP
STAMP=$(cat "$0" "$HERE/tiny-agent.sh" "$G/initrd.img" | sha256sum | cut -c1-16)
if [ -s "$OUT" ] && [ "$(cat "$STAMPFILE" 2>/dev/null)" = "$STAMP" ]; then
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
    '*/drivers/virtio/virtio_ring.ko' '*/drivers/virtio/virtio_pci*.ko' "$DRIVER"
mkdir -p root/lib/modules root/etc root/bin
find deb -name '*.ko' -exec cp {} root/lib/modules/ \;
# the ring before virtio, the PCI transport before the device driver
cat > root/bin/load-modules <<SH
#!/bin/sh
for m in virtio_ring virtio virtio_pci_legacy_dev virtio_pci_modern_dev virtio_pci $MODULE; do
    insmod /lib/modules/\$m.ko 2>/dev/null
done
SH
chmod 755 root/bin/load-modules
{
    echo '::sysinit:/bin/load-modules'
    echo '::respawn:/bin/cttyhack /bin/sh -l'
    if [ "$KIND" = agent ]; then
        cp "$HERE/tiny-agent.sh" root/bin/tiny-agent
        chmod 755 root/bin/tiny-agent
        echo '::respawn:/bin/tiny-agent'
    fi
    echo '::ctrlaltdel:/bin/reboot -f'
} > root/etc/inittab
/usr/bin/python3 "$HERE/newc.py" root | gzip -9n > overlay.gz
cat "$G/initrd.img" overlay.gz > "$OUT.tmp"
mv "$OUT.tmp" "$OUT"
echo "$STAMP" > "$STAMPFILE"
