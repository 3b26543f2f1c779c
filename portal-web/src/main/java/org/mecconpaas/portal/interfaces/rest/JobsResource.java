package org.mecconpaas.portal.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.mecconpaas.manager.application.FlinkJobs;
import org.mecconpaas.manager.application.FlinkJobs.Job;
import org.mecconpaas.manager.application.FlinkJobs.JobDetail;
import org.mecconpaas.manager.application.FlinkJobs.Submission;
import org.mecconpaas.portal.interfaces.security.CurrentCaller;

/** Jobs of a Flink service: submit a code version (a job jar), list, inspect, cancel. */
@Path("applications/{app}/services/{svc}/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {
  /** {@code codeVersion} defaults to the active one; {@code args} go to the job's main(). */
  public record SubmitRequest(Integer codeVersion, List<String> args, Integer parallelism) {}

  @Inject private FlinkJobs jobs;
  @Inject private CurrentCaller caller;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response submit(
      @PathParam("app") String app, @PathParam("svc") String svc, SubmitRequest body) {
    SubmitRequest request = body == null ? new SubmitRequest(null, List.of(), null) : body;
    Job job =
        jobs.submit(
            caller.get(),
            app,
            svc,
            new Submission(request.codeVersion(), request.args(), request.parallelism()));
    return Response.status(Response.Status.CREATED).entity(job).build();
  }

  @GET
  public List<Job> list(@PathParam("app") String app, @PathParam("svc") String svc) {
    return jobs.list(caller.get(), app, svc);
  }

  @GET
  @Path("{job}")
  public JobDetail get(
      @PathParam("app") String app, @PathParam("svc") String svc, @PathParam("job") String job) {
    return jobs.detail(caller.get(), app, svc, job);
  }

  @POST
  @Path("{job}/cancel")
  public Response cancel(
      @PathParam("app") String app, @PathParam("svc") String svc, @PathParam("job") String job) {
    jobs.cancel(caller.get(), app, svc, job);
    return Response.accepted().build();
  }
}
