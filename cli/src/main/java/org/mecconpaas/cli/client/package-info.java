/**
 * The master's REST API as seen from the command line: {@link
 * org.mecconpaas.cli.client.MasterClient} is the one class that speaks HTTP (Jersey client), so
 * commands never touch URLs, headers or status codes. Answers come back as {@link
 * org.mecconpaas.cli.client.JsonDocument}s that keep the server's exact text, because {@code
 * --json} must print it unchanged; failures become {@link org.mecconpaas.cli.client.ApiException}
 * (the server's problem details) or {@link org.mecconpaas.cli.client.MasterUnreachableException}.
 */
package org.mecconpaas.cli.client;
