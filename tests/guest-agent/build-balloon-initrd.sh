#!/bin/bash
# Builds GUEST_DIR/initrd-balloon.img: the tiny guest's initrd (shared/guest) with a second cpio
# archive appended that adds the virtio PCI and virtio_balloon drivers, loaded at sysinit, so the
# guest answers balloon requests (QEMU then reports BALLOON_CHANGE). The later /etc/inittab of
# the appended archive wins. Usage: build-balloon-initrd.sh GUEST_DIR
set -euo pipefail
G=$(cd "$1" && pwd)
OUT=$G/initrd-balloon.img
STAMP=$(cat "$0" "$G/initrd.img" | sha256sum | cut -c1-16)
if [ -s "$OUT" ] && [ "$(cat "$G/BALLOON-STAMP" 2>/dev/null)" = "$STAMP" ]; then
    exit 0
fi
HERE=$(cd "$(dirname "$0")" && pwd)
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
    '*/drivers/virtio/virtio_ring.ko' '*/drivers/virtio/virtio_pci*.ko' '*/drivers/virtio/virtio_balloon.ko'
mkdir -p root/lib/modules root/etc root/bin
find deb -name '*.ko' -exec cp {} root/lib/modules/ \;
cat > root/bin/balloon-modules <<'SH'
#!/bin/sh
for m in virtio_ring virtio virtio_pci_legacy_dev virtio_pci_modern_dev virtio_pci virtio_balloon; do
    insmod /lib/modules/$m.ko 2>/dev/null
done
SH
chmod 755 root/bin/balloon-modules
cat > root/etc/inittab <<'TAB'
::sysinit:/bin/balloon-modules
::respawn:/bin/cttyhack /bin/sh -l
::ctrlaltdel:/bin/reboot -f
TAB
/usr/bin/python3 "$HERE/newc.py" root | gzip -9n > overlay.gz
cat "$G/initrd.img" overlay.gz > "$OUT.tmp"
mv "$OUT.tmp" "$OUT"
echo "$STAMP" > "$G/BALLOON-STAMP"
