/** The audit trail: who did what to which application or service, when, and how it ended. */
package org.mecconpaas.manager.domain.model.event;
