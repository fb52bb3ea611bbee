/** virtvboxd end to end: the built daemon, real virsh, and the VBoxManage stand-in of ../shared/vbox. */
package org.virtd.it.vbox;
