"""Writes the tree ROOT as a cpio 'newc' archive on stdout (owner root, mtime 0, sorted), as the
kernel's initramfs unpacker reads it: no cpio tool is needed on the host."""
import os
import sys


def entry(out, ino, name, mode, data):
    head = "070701" + "".join("%08X" % v for v in (
        ino, mode, 0, 0, 1, 0, len(data), 0, 0, 0, 0, len(name) + 1, 0))
    out.write(head.encode() + name.encode() + b"\0")
    out.write(b"\0" * ((4 - (110 + len(name) + 1) % 4) % 4))
    out.write(data)
    out.write(b"\0" * ((4 - len(data) % 4) % 4))


def main(root):
    out = sys.stdout.buffer
    paths = []
    for d, dirs, files in os.walk(root):
        for n in dirs + files:
            paths.append(os.path.relpath(os.path.join(d, n), root))
    ino = 1
    for rel in sorted(paths):
        full = os.path.join(root, rel)
        st = os.lstat(full)
        if os.path.isdir(full) and not os.path.islink(full):
            entry(out, ino, rel, 0o40755, b"")
        else:
            with open(full, "rb") as f:
                entry(out, ino, rel, 0o100000 | (st.st_mode & 0o777), f.read())
        ino += 1
    entry(out, 0, "TRAILER!!!", 0, b"")


main(sys.argv[1])
