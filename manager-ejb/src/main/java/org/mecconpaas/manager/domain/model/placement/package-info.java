/**
 * Placement: which node each instance of a service should run on. {@link
 * org.mecconpaas.manager.domain.model.placement.PlacementPlanner} is a pure function from the
 * desired role counts, the current instances and the nodes' free capacity to a plan; the reconcile
 * loop applies the plan through a cloud driver.
 */
package org.mecconpaas.manager.domain.model.placement;
