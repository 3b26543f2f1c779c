package org.mecconpaas.cli.command;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.mecconpaas.cli.CliException;
import org.mecconpaas.cli.client.JsonDocument;
import org.mecconpaas.cli.client.MasterClient;
import org.mecconpaas.cli.client.Requests.NewToken;
import org.mecconpaas.cli.client.UnexpectedAnswerException;
import org.mecconpaas.cli.config.CliConfig;
import org.mecconpaas.cli.config.ConfigStore;
import org.mecconpaas.cli.output.Fields;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Trades a password for an API token once, so that no later command needs the password. Only the
 * token is saved, never the password.
 */
@Command(name = "login", description = "Log in to a master and save its URL and a new API token.")
public final class LoginCommand extends MecCommand implements Callable<Integer> {

  private static final String API_SUFFIX = "/api/v1";

  @Option(
      names = "--url",
      paramLabel = "URL",
      description = "The master, e.g. https://master.example:8080 (default: the last one used).")
  String url;

  @Option(
      names = {"-u", "--username"},
      required = true,
      paramLabel = "NAME")
  String username;

  @Option(
      names = "--password-stdin",
      description = "Read the password from the first line of standard input instead of asking.")
  boolean passwordFromStdin;

  @Option(
      names = "--token-name",
      paramLabel = "NAME",
      description = "Name for the token on the master (a DNS label), to tell logins apart.")
  String tokenName;

  @Option(
      names = "--expires-in-days",
      paramLabel = "DAYS",
      description = "Token lifetime (master's default: 30, at most 365).")
  Integer expiresInDays;

  @Override
  public Integer call() {
    ConfigStore store = mec.configStore();
    String masterUrl = masterUrl(store.load());
    char[] password = password(masterUrl);
    JsonDocument answer;
    try (MasterClient anonymous = new MasterClient(URI.create(masterUrl), null)) {
      answer =
          anonymous.createToken(
              new NewToken(username, new String(password), tokenName, expiresInDays));
    } finally {
      Arrays.fill(password, '\0');
    }
    JsonObject token = answer.asObject();
    String secret = Fields.text(token, "token");
    if (secret == null) {
      throw new UnexpectedAnswerException("the master's answer to the login has no token");
    }
    store.save(new CliConfig(masterUrl, username, secret, Fields.text(token, "id")));
    if (output().json()) {
      // The token's place is the 0600 config file, not stdout, where it ends up in logs.
      output().printJson(Json.createObjectBuilder(token).remove("token").build().toString());
    } else {
      String expires = Fields.text(token, "expiresAt");
      output()
          .note(
              "Logged in to "
                  + masterUrl
                  + " as "
                  + username
                  + (expires == null ? "." : "; the token expires " + expires + "."));
    }
    return 0;
  }

  /** The URL as given, without a trailing slash or /api/v1 (the client adds that itself). */
  private String masterUrl(CliConfig saved) {
    String given = url != null ? url.strip() : saved.url();
    if (given == null) {
      throw new ParameterException(
          spec.commandLine(), "Missing required option: '--url=URL' (no earlier login to reuse)");
    }
    while (given.endsWith("/")) {
      given = given.substring(0, given.length() - 1);
    }
    if (given.endsWith(API_SUFFIX)) {
      given = given.substring(0, given.length() - API_SUFFIX.length());
    }
    URI uri;
    try {
      uri = URI.create(given);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "Invalid --url: " + e.getMessage());
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getHost() == null) {
      throw new ParameterException(
          spec.commandLine(), "Invalid --url '" + given + "': expected http(s)://HOST[:PORT]");
    }
    return given;
  }

  private char[] password(String masterUrl) {
    if (passwordFromStdin) {
      return firstLineOfStdin();
    }
    char[] typed =
        environment()
            .passwordPrompt()
            .readPassword("Password for " + username + " at " + masterUrl + ": ");
    if (typed == null) {
      throw new CliException(
          "no terminal to ask for the password; pipe it in and add --password-stdin");
    }
    return typed;
  }

  private char[] firstLineOfStdin() {
    // Not closed: it is the process's stdin.
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(environment().stdin(), StandardCharsets.UTF_8));
    String line;
    try {
      line = reader.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the password from stdin: " + e.getMessage(), e);
    }
    if (line == null || line.isEmpty()) {
      throw new CliException("--password-stdin: standard input has no password");
    }
    return line.toCharArray();
  }
}
