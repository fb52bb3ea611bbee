# Types one shell command on the tiny guest's console through `virsh console NAME --force` and
# waits for EXPECT in what comes back: console_cmd.py URI NAME COMMAND EXPECT. Prints
# "seen True|False" and the tail of the output; leaves with Ctrl-].
import os, pty, sys, time, select
uri, name, command, want = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4].encode()
pid, fd = pty.fork()
if pid == 0:
    os.execvp("virsh", ["virsh", "-c", uri, "console", name, "--force"])
buf = b""
def expect(pat, t):
    global buf
    end = time.time() + t
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.2)
        if r:
            try:
                d = os.read(fd, 4096)
            except OSError:
                break
            if not d:
                break
            buf += d
            if pat in buf:
                return True
    return pat in buf
expect(b"Escape character", 10)
time.sleep(1.2)
os.write(fd, b"\r")
time.sleep(0.3)
os.write(fd, command.encode() + b"\r")
seen = expect(want, 10)
os.write(fd, b"\x1d")
end = time.time() + 10
while time.time() < end:
    p, s = os.waitpid(pid, os.WNOHANG)
    if p:
        break
    try:
        r, _, _ = select.select([fd], [], [], 0.2)
        if r:
            buf += os.read(fd, 4096)
    except OSError:
        pass
print("seen", seen)
print(repr(buf[-300:]))
