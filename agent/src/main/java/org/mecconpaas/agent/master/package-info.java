/**
 * The client side of {@code /agent/v1}: enrollment, heartbeats and bundle downloads over the JDK's
 * HTTP client. A 401 is its own exception because it means "stop" (bad join token, revoked
 * credential), while every other failure means "keep going and retry".
 */
package org.mecconpaas.agent.master;
