# Drives `virsh console NAME --force` in a pty: waits for the banner, types a command the tiny
# guest answers (echo MARK-$((6*7)) -> MARK-42), leaves with Ctrl-], prints what it saw.
import os, pty, sys, time, select
uri, name = sys.argv[1], sys.argv[2]
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
            if not d: break
            buf += d
            if pat in buf: return True
    return pat in buf
ok1 = expect(b"Escape character", 10)
time.sleep(1.2)
os.write(fd, b"\r")
time.sleep(0.3)
os.write(fd, b"echo MARK-$((6*7))\r")
ok2 = expect(b"MARK-42", 10)
os.write(fd, b"\x1d")
end = time.time() + 10
st = None
while time.time() < end:
    p, s = os.waitpid(pid, os.WNOHANG)
    if p: st = s; break
    try:
        r, _, _ = select.select([fd], [], [], 0.2)
        if r: buf += os.read(fd, 4096)
    except OSError: pass
print(repr(buf[-400:]))
print("connected", ok1, "mark", ok2, "exit", st)
