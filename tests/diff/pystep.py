# Runs one py: step of the differential suite: the code comes on stdin, `conn` is open on $URI.
# A libvirtError that escapes the code is printed with its code and domain, the way the suite
# compares errors; anything else (a bug in the scenario) goes to stderr with a traceback.
import os
import sys
import libvirt

libvirt.registerErrorHandler(lambda ctx, err: None, None)
code = sys.stdin.read()
try:
    conn = libvirt.open(os.environ['URI'])
    exec(compile(code, '<step>', 'exec'), {'libvirt': libvirt, 'conn': conn, 'os': os, 'sys': sys})
except libvirt.libvirtError as e:
    print('libvirtError code=%d domain=%d: %s' % (e.get_error_code(), e.get_error_domain(),
                                                   e.get_error_message()))
sys.stdout.flush()
