/**
 * Services of an application: their catalog type, the spec the developer wants (instances per role,
 * placement policy, active code version, with a generation number bumped on each change), the
 * ConPaaS state machine, and the uploaded code versions.
 */
package org.mecconpaas.manager.domain.model.service;
