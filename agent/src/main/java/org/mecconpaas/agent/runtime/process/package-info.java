/**
 * The {@code process} runtime: a container is a directory and the process groups started in it,
 * confined by cgroup v1 cpu and memory limits when the agent runs as root and the hierarchies are
 * mounted. Used on boards without LXC and by the emulated nodes of the test bed.
 */
package org.mecconpaas.agent.runtime.process;
