# Begins a backup and slows its job to 64 KiB/s before it gets far:
#   backup_throttled.py URI DOMAIN BACKUP_XML QEMU_PID_FILE JOB_ID
# QEMU is stopped (SIGSTOP) the moment backupBegin returns and continued once the speed request
# is queued, so the job cannot finish in between; prints the reply to block-job-set-speed.
import os, signal, sys, threading, time
import libvirt, libvirt_qemu

uri, name, xml, pidfile, job = sys.argv[1:6]
dom = libvirt.open(uri).lookupByName(name)
pid = int(open(pidfile).read().strip())
dom.backupBegin(open(xml).read(), None, 0)
out = []
cmd = '{"execute":"block-job-set-speed","arguments":{"device":"%s","speed":65536}}' % job
t = threading.Thread(target=lambda: out.append(libvirt_qemu.qemuMonitorCommand(dom, cmd, 0)), daemon=True)
os.kill(pid, signal.SIGSTOP)
try:
    t.start()
    time.sleep(0.3)
finally:
    os.kill(pid, signal.SIGCONT)
t.join(30)
print(out[0] if out else "no reply")
