package org.mecconpaas.cli.config;

/**
 * The saved login. Any field may be {@code null}: the URL outlives a logout, so the next login can
 * leave out {@code --url}.
 */
public record CliConfig(String url, String username, String token, String tokenId) {

  public static final CliConfig EMPTY = new CliConfig(null, null, null, null);

  public boolean isLoggedIn() {
    return url != null && token != null;
  }

  /** The same master, without credentials. */
  public CliConfig loggedOut() {
    return new CliConfig(url, username, null, null);
  }
}
