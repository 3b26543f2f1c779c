package org.mecconpaas.manager.application;

/**
 * Which events to list.
 *
 * @param ownerId only this owner's trail; null for every event (operators)
 * @param application only events of this application name, or null
 * @param service only events of this service name, or null
 */
public record EventFilter(Long ownerId, String application, String service, int page, int size) {}
