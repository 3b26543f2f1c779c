package org.mecconpaas.portal.interfaces.agent;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.mecconpaas.portal.interfaces.rest.JsonbSettings;
import org.mecconpaas.portal.interfaces.rest.problem.DomainExceptionMapper;
import org.mecconpaas.portal.interfaces.rest.problem.MalformedRequestMapper;
import org.mecconpaas.portal.interfaces.rest.problem.UnexpectedErrorMapper;
import org.mecconpaas.portal.interfaces.rest.problem.WebApplicationExceptionMapper;

/** The agent protocol's root, kept apart from the user API. */
@ApplicationPath("agent/v1")
public class AgentApi extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        AgentResource.class,
        JsonbSettings.class,
        DomainExceptionMapper.class,
        MalformedRequestMapper.class,
        WebApplicationExceptionMapper.class,
        UnexpectedErrorMapper.class);
  }
}
