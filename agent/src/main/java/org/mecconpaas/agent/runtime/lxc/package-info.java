/**
 * The {@code lxc} container runtime: privileged LXC containers (Debian's {@code lxc} package, as
 * root), each an overlay snapshot clone of the machine's base container {@code mec-base}, with a
 * veth on the node's bridge, a static address allocated from the instance name ({@link
 * org.mecconpaas.agent.runtime.lxc.LxcRuntime#address}), CFS quota and memory limit from the
 * container spec, the bundle directory bind-mounted at {@code /srv/mec/bundle} and the agent's JDK
 * bind-mounted read-only. Node-level settings come from {@code lxc.properties} in the agent's state
 * directory ({@link org.mecconpaas.agent.runtime.lxc.LxcOptions}). Host commands go through {@link
 * org.mecconpaas.agent.runtime.lxc.CommandRunner} so that command lines are unit-tested. See {@code
 * images/lxc/README.md} for the base container and how to inspect containers by hand.
 */
package org.mecconpaas.agent.runtime.lxc;
