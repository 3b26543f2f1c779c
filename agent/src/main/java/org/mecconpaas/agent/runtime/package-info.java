/**
 * Container runtimes behind one interface: {@code process} (a directory and process groups, cgroup
 * limits when root) and {@code lxc} (real LXC containers cloned from a base container). The agent
 * chooses one by configuration and says clearly when the chosen one cannot work on this machine.
 */
package org.mecconpaas.agent.runtime;
