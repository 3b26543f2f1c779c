package org.mecconpaas.agent.state;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/** {@code <state-dir>/credential.properties}, created with mode 0600. */
public final class CredentialStore {
  public static final String FILE_NAME = "credential.properties";
  private final Path file;

  public CredentialStore(Path stateDir) {
    this.file = stateDir.resolve(FILE_NAME);
  }

  public Path file() {
    return file;
  }

  public Optional<Credential> load() throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    }
    String node = properties.getProperty("node");
    String credential = properties.getProperty("credential");
    if (node == null || credential == null) {
      throw new IOException(file + " lacks 'node' or 'credential'; delete it to enroll again");
    }
    return Optional.of(new Credential(node, credential, properties.getProperty("master")));
  }

  public void save(Credential credential) throws IOException {
    Properties properties = new Properties();
    properties.setProperty("node", credential.node());
    properties.setProperty("credential", credential.credential());
    if (credential.master() != null) {
      properties.setProperty("master", credential.master());
    }
    StringWriter text = new StringWriter();
    properties.store(text, "MEC-ConPaaS node credential: keep secret");
    AtomicFiles.writeSecret(file, text.toString().getBytes(StandardCharsets.ISO_8859_1));
  }

  /** The enrolled node's name, or empty before enrollment; used to name cgroups. */
  public Optional<String> nodeName() {
    try {
      return load().map(Credential::node);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
