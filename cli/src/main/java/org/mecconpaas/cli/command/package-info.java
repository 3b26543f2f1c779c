/**
 * One class per {@code mec} subcommand ({@code app}, {@code service}, {@code code}, ...), with the
 * verbs as picocli command methods. Commands stay thin: they turn options into a {@link
 * org.mecconpaas.cli.client.MasterClient} call and pick the columns a person wants to see; HTTP,
 * JSON pass-through and error reporting live elsewhere so every command behaves the same.
 */
package org.mecconpaas.cli.command;
