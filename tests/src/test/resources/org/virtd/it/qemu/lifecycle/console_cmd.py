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
def fresh_prompt(t):
    # A prompt printed after our Enter: the shell is reading its input now. One already on the
    # screen may be from boot, with init still writing, and a line typed then can be lost.
    global buf
    mark = len(buf)
    os.write(fd, b"\r")
    end = time.time() + t
    while time.time() < end:
        if PROMPT in buf[mark:]:
            return True
        expect(PROMPT + b"\x00", 0.3)  # reads for 0.3 s; the pattern never matches
    return PROMPT in buf[mark:]
PROMPT = b"tiny-guest# "
expect(b"Escape character", 10)
for _ in range(3):
    if fresh_prompt(5):
        break
# Typed in small pieces: the guest's UART takes 16 bytes at a time.
line = command.encode() + b"\r"
for i in range(0, len(line), 8):
    os.write(fd, line[i:i + 8])
    time.sleep(0.02)
seen = expect(want, 15)
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
