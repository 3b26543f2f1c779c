package org.mecconpaas.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mecconpaas.cli.client.MasterClient;
import org.mecconpaas.cli.command.AppCommand;
import org.mecconpaas.cli.command.CatalogCommand;
import org.mecconpaas.cli.command.ClientCommand;
import org.mecconpaas.cli.command.CodeCommand;
import org.mecconpaas.cli.command.EventsCommand;
import org.mecconpaas.cli.command.ExperimentCommand;
import org.mecconpaas.cli.command.JobCommand;
import org.mecconpaas.cli.command.LoginCommand;
import org.mecconpaas.cli.command.LogoutCommand;
import org.mecconpaas.cli.command.NodeCommand;
import org.mecconpaas.cli.command.ServiceCommand;
import org.mecconpaas.cli.command.TokenCommand;
import org.mecconpaas.cli.command.UserCommand;
import org.mecconpaas.cli.config.CliConfig;
import org.mecconpaas.cli.config.ConfigStore;
import org.mecconpaas.cli.output.Output;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.RunLast;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code mec} root command: global options, shared state and the entry point. */
@Command(
    name = "mec",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = Mec.Version.class,
    description = "Deploys and runs applications on a MEC-ConPaaS edge cloud.",
    subcommands = {
      LoginCommand.class,
      LogoutCommand.class,
      AppCommand.class,
      ServiceCommand.class,
      CodeCommand.class,
      JobCommand.class,
      EventsCommand.class,
      CatalogCommand.class,
      NodeCommand.class,
      ClientCommand.class,
      ExperimentCommand.class,
      UserCommand.class,
      TokenCommand.class,
      HelpCommand.class
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  done",
      "  1  refused: by the master (4xx), or a local problem such as a missing file",
      "  2  the master is unreachable or failed (5xx); also a command-line usage error",
      "",
      "The login is saved in ~/.mec/config.properties (or $MEC_CONFIG_DIR)."
    })
public final class Mec implements Runnable {

  @Spec private CommandSpec spec;

  @Option(
      names = "--json",
      scope = ScopeType.INHERIT,
      description = "Print the master's JSON answer unchanged instead of a table, for scripts.")
  private boolean json;

  /**
   * Jersey reports optional providers it cannot load (such as jakarta.activation) as warnings on
   * stderr, which a user can do nothing about. Held here because JUL keeps loggers only weakly.
   */
  private static final Logger JERSEY_LOG = Logger.getLogger("org.glassfish");

  static {
    JERSEY_LOG.setLevel(Level.SEVERE);
  }

  private final Environment environment;
  private MasterClient master;

  public Mec(Environment environment) {
    this.environment = environment;
  }

  public static void main(String[] args) {
    System.exit(commandLine(Environment.system()).execute(args));
  }

  /** The configured picocli command line; tests run it with their own environment and writers. */
  public static CommandLine commandLine(Environment environment) {
    Mec mec = new Mec(environment);
    CommandLine commandLine = new CommandLine(mec);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler(new ErrorReporter());
    commandLine.setExecutionStrategy(
        parseResult -> {
          try {
            return new RunLast().execute(parseResult);
          } finally {
            mec.closeMaster();
          }
        });
    return commandLine;
  }

  /** Just {@code mec}: a subcommand is required. */
  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing required subcommand");
  }

  public Environment environment() {
    return environment;
  }

  public ConfigStore configStore() {
    return new ConfigStore(environment.configDirectory());
  }

  /** Where results go: stdout of this command line, as tables or as raw JSON. */
  public Output output() {
    return new Output(spec.commandLine().getOut(), json);
  }

  /** A client with the saved token, created once per run. */
  public MasterClient master() {
    if (master == null) {
      CliConfig config = configStore().load();
      if (!config.isLoggedIn()) {
        throw new NotLoggedInException();
      }
      master = new MasterClient(URI.create(config.url()), config.token());
    }
    return master;
  }

  private void closeMaster() {
    if (master != null) {
      master.close();
      master = null;
    }
  }

  /** The version Maven filtered into version.properties. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = Mec.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      }
      return new String[] {"mec " + properties.getProperty("version", "unknown")};
    }
  }
}
