/**
 * The agent's JSON: jackson-jr maps in and out, read through {@link
 * org.mecconpaas.agent.json.JsonMap} so that a missing or mistyped field gives a message that names
 * the field instead of a {@code ClassCastException}. Maps rather than bound beans keep the agent
 * tolerant of fields a newer master adds.
 */
package org.mecconpaas.agent.json;
