/**
 * The {@code mec} command line of MEC-ConPaaS. {@link org.mecconpaas.cli.Mec} is the picocli root
 * command and entry point; it owns the per-run state every subcommand shares (the {@link
 * org.mecconpaas.cli.Environment}, the {@code --json} switch, one API client) and {@link
 * org.mecconpaas.cli.ErrorReporter} turns failures into one-line messages and the exit codes
 * scripts rely on. The subpackages hold the commands, the REST client, the saved login and the
 * output formats.
 */
package org.mecconpaas.cli;
