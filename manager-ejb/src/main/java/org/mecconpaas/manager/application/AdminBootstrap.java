package org.mecconpaas.manager.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.PrintStream;
import org.mecconpaas.manager.infrastructure.config.MasterSettings;

/**
 * On the first start of a master (no accounts yet) creates {@code admin} with a random password and
 * prints it once. Only the hash is stored, so the operator must note it now.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class AdminBootstrap {
  @Inject private UserAccounts accounts;
  @Inject private MasterSettings settings;

  @PostConstruct
  void createFirstAdmin() {
    accounts
        .bootstrapAdmin(settings.initialAdminPassword())
        .ifPresent(
            admin -> {
              PrintStream out = System.out;
              out.println("==================================================================");
              out.println(" MEC-ConPaaS: first start, administrator account created");
              out.println("   username: " + admin.user().username());
              admin
                  .generatedPassword()
                  .ifPresentOrElse(
                      password -> {
                        out.println("   password: " + password);
                        out.println(" Note it now: it is shown only once; only its hash is kept.");
                      },
                      () -> out.println("   password: as set in mec.admin.initial-password"));
              out.println("==================================================================");
            });
  }
}
