#!/bin/sh
# Installs virtd-java from this unpacked tarball.
#
#   ./install.sh [--prefix DIR] [--sysconfdir DIR] [--unitdir DIR] [--destdir DIR]
#                [--runstatedir DIR] [--initconfdir DIR] [--localstatedir DIR]
#
# Layout (PREFIX defaults to /usr):
#   PREFIX/lib/virtd-java/{bin,lib}   launchers and jars, as in the tarball
#   PREFIX/sbin/virtqemud ...         small wrappers that find the launchers relative to
#                                     themselves, so they work from any directory
#   PREFIX/sbin/libvirt-guests        link to the libvirt-guests script in lib/virtd-java/bin
#   SYSCONFDIR/libvirt/*.conf         configuration (existing files are kept)
#   INITCONFDIR/libvirt-guests        libvirt-guests' settings (an existing file is kept)
#   UNITDIR/*.service, *.socket       systemd units rendered for these paths by the
#                                     unit generator (java, from lib/)
#   PREFIX/share/man/man8/*.8         man pages
#   PREFIX/share/doc/virtd-java       LICENSE
# --destdir stages everything below DIR (for packaging or tests); paths written into units
# are the final ones, without DIR.
set -eu

usage() {
    sed -n '4,5p' "$0" | sed 's/^# \{0,1\}//'
}

die() {
    echo "install.sh: $*" >&2
    exit 1
}

prefix=/usr
sysconfdir=
unitdir=
destdir=
runstatedir=/run
initconfdir=
localstatedir=

while [ $# -gt 0 ]; do
    case "$1" in
        --prefix|--sysconfdir|--unitdir|--destdir|--runstatedir|--initconfdir|--localstatedir)
            [ $# -ge 2 ] || die "$1 needs a value"
            opt=${1#--}; val=$2; shift 2 ;;
        --prefix=*|--sysconfdir=*|--unitdir=*|--destdir=*|--runstatedir=*|--initconfdir=*|--localstatedir=*)
            opt=${1%%=*}; opt=${opt#--}; val=${1#*=}; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown option '$1'" ;;
    esac
    case "$opt" in
        destdir) ;;
        *) case "$val" in /*) ;; *) die "--$opt must be an absolute path, got '$val'" ;; esac ;;
    esac
    case "$opt" in
        prefix) prefix=$val ;;
        sysconfdir) sysconfdir=$val ;;
        unitdir) unitdir=$val ;;
        destdir) destdir=$val ;;
        runstatedir) runstatedir=$val ;;
        initconfdir) initconfdir=$val ;;
        localstatedir) localstatedir=$val ;;
    esac
done

prefix=${prefix%/}; [ -n "$prefix" ] || prefix=/
if [ -z "$sysconfdir" ]; then
    if [ "$prefix" = /usr ]; then sysconfdir=/etc; else sysconfdir=$prefix/etc; fi
fi
[ -n "$unitdir" ] || unitdir=$prefix/lib/systemd/system
[ -n "$initconfdir" ] || initconfdir=$sysconfdir/default
if [ -z "$localstatedir" ]; then
    if [ "$prefix" = /usr ]; then localstatedir=/var; else localstatedir=$prefix/var; fi
fi
if [ -n "$destdir" ]; then
    mkdir -p "$destdir"
    destdir=$(cd "$destdir" && pwd)
fi

src=$(cd "$(dirname "$0")" && pwd)
[ -d "$src/lib" ] || die "no lib/ next to install.sh in $src"
command -v java >/dev/null 2>&1 || die "java (17 or later) is needed to render the systemd units"

daemons="virtqemud virtvboxd virtproxyd"
home=$destdir$prefix/lib/virtd-java

main_class() {
    case "$1" in
        virtqemud) echo org.virtd.qemu.Main ;;
        virtvboxd) echo org.virtd.vbox.Main ;;
        virtproxyd) echo org.virtd.proxy.Main ;;
    esac
}

# 1. jars and launchers
mkdir -p "$home/lib" "$home/bin"
cp "$src"/lib/*.jar "$home/lib/"
# the launchers share one body
[ -f "$src/bin/virtd-launch.sh" ] && cp "$src/bin/virtd-launch.sh" "$home/bin/virtd-launch.sh"
for d in $daemons; do
    if [ -f "$src/bin/$d" ]; then
        cp "$src/bin/$d" "$home/bin/$d"
    else
        # the tarball has no launcher for this daemon: write a minimal one
        cat > "$home/bin/$d" <<LAUNCHER
#!/bin/sh
here=\$(dirname "\$(readlink -f "\$0")")
exec java \${VIRTD_JAVA_OPTS:-} -cp "\$here/../lib/*" $(main_class "$d") "\$@"
LAUNCHER
    fi
    chmod 0755 "$home/bin/$d"
done

# 2. sbin wrappers: resolve the launcher relative to the wrapper itself, and tell it the name
# the daemon was run by (the bare name when that is what PATH finds), for --version, --help
# and its messages. Shell builtins only: a command run here would delay the first reply of a
# socket-activated daemon by a fork and an exec.
mkdir -p "$destdir$prefix/sbin"
for d in $daemons; do
    cat > "$destdir$prefix/sbin/$d" <<WRAPPER
#!/bin/sh
# $d of virtd-java; the launcher lives in ../lib/virtd-java/bin
VIRTD_ARGV0=\$0
found=
saved_ifs=\$IFS
IFS=:
for dir in \$PATH; do
    [ -f "\$dir/$d" ] && [ -x "\$dir/$d" ] && { found=\$dir/$d; break; }
done
IFS=\$saved_ifs
[ "\$found" = "\$0" ] && VIRTD_ARGV0=$d
export VIRTD_ARGV0
self=\$0
[ -L "\$self" ] && self=\$(readlink -f "\$self")
case \$self in */*) ;; *) self=./\$self ;; esac
exec "\${self%/*}/../lib/virtd-java/bin/$d" "\$@"
WRAPPER
    chmod 0755 "$destdir$prefix/sbin/$d"
done

# 2b. libvirt-guests: the script, told where this installation keeps its settings and state
if [ -f "$src/bin/libvirt-guests" ]; then
    sed -e "s|^initconfdir=.*|initconfdir=$initconfdir|" \
        -e "s|^localstatedir=.*|localstatedir=$localstatedir|" \
        -e "s|^runstatedir=.*|runstatedir=$runstatedir|" \
        "$src/bin/libvirt-guests" > "$home/bin/libvirt-guests"
    chmod 0755 "$home/bin/libvirt-guests"
    ln -sf ../lib/virtd-java/bin/libvirt-guests "$destdir$prefix/sbin/libvirt-guests"
    mkdir -p "$destdir$initconfdir"
    if [ -e "$destdir$initconfdir/libvirt-guests" ]; then
        echo "keeping existing $destdir$initconfdir/libvirt-guests"
    else
        cp "$src/etc/default/libvirt-guests" "$destdir$initconfdir/libvirt-guests"
        chmod 0644 "$destdir$initconfdir/libvirt-guests"
    fi
fi

# 3. configuration, never overwriting an administrator's file
mkdir -p "$destdir$sysconfdir/libvirt"
for conf in "$src"/etc/libvirt/*.conf; do
    [ -f "$conf" ] || continue
    target=$destdir$sysconfdir/libvirt/$(basename "$conf")
    if [ -e "$target" ]; then
        echo "keeping existing $target"
    else
        cp "$conf" "$target"
        chmod 0644 "$target"
    fi
done

# 4. systemd units for the chosen paths (rendered to a scratch dir, then moved in)
mkdir -p "$destdir$unitdir"
scratch=$(mktemp -d "$destdir$unitdir/.render.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
java -cp "$src/lib/*" org.virtd.units.GenerateUnits --output "$scratch" \
    --prefix "$prefix" --sbindir "$prefix/sbin" --sysconfdir "$sysconfdir" \
    --initconfdir "$initconfdir" --runstatedir "$runstatedir" \
    || die "rendering the systemd units failed"
for unit in "$scratch"/*; do
    chmod 0644 "$unit"
    mv -f "$unit" "$destdir$unitdir/"
done

# 5. man pages
if ls "$src"/share/man/man8/*.8 >/dev/null 2>&1; then
    mkdir -p "$destdir$prefix/share/man/man8"
    cp "$src"/share/man/man8/*.8 "$destdir$prefix/share/man/man8/"
fi

# 6. the licence
if [ -f "$src/LICENSE" ]; then
    mkdir -p "$destdir$prefix/share/doc/virtd-java"
    cp "$src/LICENSE" "$destdir$prefix/share/doc/virtd-java/LICENSE"
    chmod 0644 "$destdir$prefix/share/doc/virtd-java/LICENSE"
fi

echo "virtd-java installed into ${destdir}${prefix} (units in ${destdir}${unitdir})."
echo "To enable socket activation:"
echo "  systemctl daemon-reload"
for d in $daemons; do
    echo "  systemctl enable --now $d.socket"
done
echo "Optional network sockets of virtproxyd:"
echo "  systemctl enable --now virtproxyd-tcp.socket virtproxyd-tls.socket"
echo "To save or shut down the guests at host shutdown (settings: $initconfdir/libvirt-guests):"
echo "  systemctl enable --now libvirt-guests.service"
