/**
 * The VirtualBox driver as virtvboxd hosts it: URIs and open, then handlers bound by concept
 * (host, domain config, domain info, domain lifecycle) over {@link org.virtd.vbox.driver.Machines},
 * which is how every call sees VirtualBox's machine list, ids and settings.
 */
package org.virtd.vbox.driver;
