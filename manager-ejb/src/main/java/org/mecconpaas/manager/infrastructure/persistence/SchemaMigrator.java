package org.mecconpaas.manager.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Defines the master's data source from configuration and brings its schema up to date before
 * anything else touches the database. Driver class and URL are configuration, so moving from the
 * embedded H2 to PostgreSQL changes no code.
 */
@Singleton
@Startup
@DataSourceDefinition(
    name = "java:app/jdbc/mec",
    className = "${MPCONFIG=mec.db.driver-class}",
    url = "${MPCONFIG=mec.db.url}",
    minPoolSize = 1,
    maxPoolSize = 16)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigrator {
  @Resource(lookup = "java:app/jdbc/mec")
  private DataSource dataSource;

  @PostConstruct
  void migrate() {
    migrate(dataSource);
  }

  /** Applies pending migrations from {@code db/migration}; shared with tests and tools. */
  public static MigrateResult migrate(DataSource target) {
    return Flyway.configure(SchemaMigrator.class.getClassLoader())
        .dataSource(target)
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }
}
