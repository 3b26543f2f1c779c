/**
 * Local reconciliation: for each instance, compare the desired state with what was done (persisted)
 * and what is observed (container, running scripts), compute a plan of steps ({@link
 * org.mecconpaas.agent.reconcile.InstancePlanner}, pure and unit-tested), then apply it ({@link
 * org.mecconpaas.agent.reconcile.InstanceSupervisor}). Every pass looks at the whole instance, so a
 * restart, a lost heartbeat or a repeated one converge to the same result.
 */
package org.mecconpaas.agent.reconcile;
