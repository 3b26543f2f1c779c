package org.mecconpaas.manager;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.mecconpaas.manager.application.ApplicationOperations;
import org.mecconpaas.manager.application.AuditTrail;
import org.mecconpaas.manager.application.Caller;
import org.mecconpaas.manager.application.CodeVersions;
import org.mecconpaas.manager.application.NodeRegistry;
import org.mecconpaas.manager.application.PlatformStatistics;
import org.mecconpaas.manager.application.ServiceOperations;
import org.mecconpaas.manager.application.ServiceReconciler;
import org.mecconpaas.manager.application.TokenAuthentication;
import org.mecconpaas.manager.application.UserAccounts;
import org.mecconpaas.manager.domain.model.user.Role;
import org.mecconpaas.manager.domain.model.user.User;
import org.mecconpaas.manager.infrastructure.persistence.ApplicationRepository;
import org.mecconpaas.manager.infrastructure.persistence.CodeVersionRepository;
import org.mecconpaas.manager.infrastructure.persistence.EventRepository;
import org.mecconpaas.manager.infrastructure.persistence.InstanceRepository;
import org.mecconpaas.manager.infrastructure.persistence.NodeRepository;
import org.mecconpaas.manager.infrastructure.persistence.SchemaMigrator;
import org.mecconpaas.manager.infrastructure.persistence.ServiceRepository;
import org.mecconpaas.manager.infrastructure.persistence.StatisticsRepository;
import org.mecconpaas.manager.infrastructure.persistence.TokenRepository;
import org.mecconpaas.manager.infrastructure.persistence.TransactionHooks;
import org.mecconpaas.manager.infrastructure.persistence.UserRepository;
import org.mecconpaas.manager.infrastructure.security.PasswordHasher;
import org.mecconpaas.manager.infrastructure.storage.CodeStore;

/**
 * A master without a container: a fresh in-memory H2 database brought up by the real Flyway
 * migrations, a resource-local EclipseLink unit on it, and the real use cases wired by hand with a
 * controllable clock and a code store in a temporary directory.
 *
 * <p>The use cases rely on the container for transactions; here {@link #inTransaction} and {@link
 * #run} play that part. Between transactions the persistence context and the shared cache are
 * cleared, so every transaction reads what is really in the database.
 */
public final class TestingMaster implements AutoCloseable {
  /** Upload limit of {@link #codeVersions}; tests wanting a small one build their own. */
  public static final long DEFAULT_MAX_UPLOAD = 1024 * 1024;

  public static final String ADMIN_PASSWORD = "admin-password-for-tests";
  public static final String DEVELOPER_PASSWORD = "developer-password-for-tests";

  private static final AtomicInteger DATABASES = new AtomicInteger();

  /** Kept so the level stays set: Flyway reports every migration of every test database. */
  private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

  static {
    FLYWAY_LOG.setLevel(Level.WARNING);
  }

  public final MutableClock clock = new MutableClock();
  public final Path dataDir;
  public final JdbcDataSource dataSource;
  public final EntityManagerFactory emf;
  public final EntityManager em;

  public final UserRepository users;
  public final TokenRepository tokens;
  public final ApplicationRepository applications;
  public final ServiceRepository services;
  public final CodeVersionRepository versions;
  public final InstanceRepository instances;
  public final NodeRepository nodes;
  public final EventRepository events;
  public final StatisticsRepository statistics;

  public final PasswordHasher hasher = new PasswordHasher(1000);
  public final TransactionHooks hooks = TransactionHooks.immediate();
  public final CodeStore codeStore;
  public final RecordingCloudDriver driver = new RecordingCloudDriver();

  public final AuditTrail audit;
  public final UserAccounts accounts;
  public final TokenAuthentication authentication;
  public final ApplicationOperations applicationOperations;
  public final ServiceReconciler reconciler;
  public final ServiceOperations serviceOperations;
  public final CodeVersions codeVersions;
  public final NodeRegistry nodeRegistry;
  public final PlatformStatistics platformStatistics;

  private TestingMaster(Path dataDir) {
    this.dataDir = dataDir;
    String name = "mec-test-" + DATABASES.incrementAndGet() + "-" + System.nanoTime();
    String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
    dataSource = new JdbcDataSource();
    dataSource.setURL(url);
    dataSource.setUser("sa");
    dataSource.setPassword("");
    SchemaMigrator.migrate(dataSource);
    emf =
        Persistence.createEntityManagerFactory(
            "mec-test",
            Map.of(
                // EclipseLink 4 reads only the jakarta.* names; javax.persistence.jdbc.url is
                // silently ignored and the unit then has no URL at all
                "jakarta.persistence.jdbc.url", url,
                // one EclipseLink session per database, never a cached one of another test
                "eclipselink.session-name", name));
    em = emf.createEntityManager();

    users = new UserRepository(em);
    tokens = new TokenRepository(em);
    applications = new ApplicationRepository(em);
    services = new ServiceRepository(em);
    versions = new CodeVersionRepository(em);
    instances = new InstanceRepository(em);
    nodes = new NodeRepository(em);
    events = new EventRepository(em);
    statistics = new StatisticsRepository(em);
    codeStore = new CodeStore(dataDir, hooks);

    audit = new AuditTrail(events, clock);
    accounts = new UserAccounts(users, applications, hasher, audit, clock);
    authentication =
        new TokenAuthentication(users, tokens, hasher, audit, clock, Duration.ofDays(30));
    applicationOperations =
        new ApplicationOperations(applications, services, users, codeStore, audit, clock);
    reconciler = new ServiceReconciler(em, instances, nodes, driver, audit, clock);
    serviceOperations =
        new ServiceOperations(
            applicationOperations, services, instances, reconciler, codeStore, audit, clock);
    codeVersions = codeVersionsWithLimit(DEFAULT_MAX_UPLOAD);
    nodeRegistry = new NodeRegistry(nodes, audit, clock);
    platformStatistics = new PlatformStatistics(statistics);
  }

  /** A master on a fresh database, keeping code under {@code dataDir}. */
  public static TestingMaster start(Path dataDir) {
    return new TestingMaster(dataDir);
  }

  /** The code-version use case with another upload limit, on the same database and store. */
  public CodeVersions codeVersionsWithLimit(long maxUploadBytes) {
    return new CodeVersions(
        serviceOperations, services, versions, codeStore, audit, clock, maxUploadBytes);
  }

  /** Runs work in one transaction: commits on return, rolls back and rethrows on exception. */
  public <T> T inTransaction(Supplier<T> work) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      T result = work.get();
      tx.commit();
      return result;
    } catch (RuntimeException | Error e) {
      if (tx.isActive()) {
        tx.rollback();
      }
      throw e;
    } finally {
      em.clear();
      emf.getCache().evictAll();
    }
  }

  public void run(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }

  /** Creates the first admin with {@link #ADMIN_PASSWORD}. */
  public Caller admin() {
    return inTransaction(
        () -> {
          User admin =
              accounts
                  .bootstrapAdmin(Optional.of(ADMIN_PASSWORD))
                  .orElseThrow(() -> new IllegalStateException("admin exists already"))
                  .user();
          return Caller.of(admin);
        });
  }

  /** Creates a developer with {@link #DEVELOPER_PASSWORD}, on behalf of {@code admin}. */
  public Caller developer(Caller admin, String username) {
    return inTransaction(
        () ->
            Caller.of(
                accounts
                    .create(admin, username, Role.DEVELOPER, Optional.of(DEVELOPER_PASSWORD))
                    .user()));
  }

  /** Rows of a table, counted by SQL rather than through JPA. */
  public long countRows(String table) {
    return inTransaction(
        () ->
            ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + table).getSingleResult())
                .longValue());
  }

  /** Every regular file under the data directory. */
  public List<Path> filesUnderDataDir() {
    if (!Files.exists(dataDir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dataDir)) {
      return walk.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    } finally {
      emf.close();
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      } catch (SQLException e) {
        throw new IllegalStateException("could not shut the test database down", e);
      }
    }
  }
}
