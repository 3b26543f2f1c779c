/**
 * JPA repositories (EclipseLink on H2 by default) and the Flyway migrations that own the schema.
 * JPQL stays here; the application layer sees typed finders.
 */
package org.mecconpaas.manager.infrastructure.persistence;
