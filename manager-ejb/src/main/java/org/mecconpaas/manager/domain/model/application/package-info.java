/** Applications: a developer's named group of services, the unit of ownership. */
package org.mecconpaas.manager.domain.model.application;
