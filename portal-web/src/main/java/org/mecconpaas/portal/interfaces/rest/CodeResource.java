package org.mecconpaas.portal.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.mecconpaas.manager.application.CodeVersions;
import org.mecconpaas.manager.application.CodeVersions.Download;
import org.mecconpaas.manager.application.ConflictRetry;
import org.mecconpaas.manager.domain.model.RuleViolation;
import org.mecconpaas.manager.domain.model.service.CodeVersion;
import org.mecconpaas.portal.interfaces.security.CurrentCaller;

/** Code versions of a service: multipart upload, list, download, enable, delete. */
@Path("applications/{app}/services/{svc}/code")
@Produces(MediaType.APPLICATION_JSON)
public class CodeResource {
  /** A code version; {@code refusedReason}: why an instance refused it and it was rolled back. */
  public record CodeVersionView(
      int version,
      String fileName,
      String format,
      long size,
      String sha256,
      boolean active,
      String uploadedBy,
      Instant uploadedAt,
      String refusedReason) {
    static CodeVersionView of(CodeVersion c) {
      Integer active = c.service().activeCodeVersion();
      return new CodeVersionView(
          c.version(),
          c.fileName(),
          c.format(),
          c.sizeBytes(),
          c.sha256(),
          active != null && active == c.version(),
          c.uploadedBy(),
          c.uploadedAt(),
          c.refusedReason());
    }
  }

  @Inject private CodeVersions code;
  @Inject private CurrentCaller caller;

  @GET
  public List<CodeVersionView> list(@PathParam("app") String app, @PathParam("svc") String svc) {
    return code.list(caller.get(), app, svc).stream().map(CodeVersionView::of).toList();
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response upload(
      @PathParam("app") String app,
      @PathParam("svc") String svc,
      @FormParam("file") EntityPart file) {
    if (file == null) {
      throw new RuleViolation("file", "the upload needs a multipart part named 'file'");
    }
    try (InputStream data = file.getContent()) {
      CodeVersion version =
          code.upload(caller.get(), app, svc, file.getFileName().orElse(null), data);
      return Response.created(
              URI.create("applications/" + app + "/services/" + svc + "/code/" + version.version()))
          .entity(CodeVersionView.of(version))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("upload interrupted", e);
    }
  }

  @GET
  @Path("{version}")
  @Produces(MediaType.APPLICATION_OCTET_STREAM)
  public Response download(
      @PathParam("app") String app,
      @PathParam("svc") String svc,
      @PathParam("version") int version) {
    Download download = code.download(caller.get(), app, svc, version);
    return Response.ok(download.file().toFile(), MediaType.APPLICATION_OCTET_STREAM)
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + download.version().fileName().replace("\"", "") + "\"")
        .header("Digest", "sha-256=" + download.version().sha256())
        .build();
  }

  @POST
  @Path("{version}/enable")
  public CodeVersionView enable(
      @PathParam("app") String app,
      @PathParam("svc") String svc,
      @PathParam("version") int version) {
    return CodeVersionView.of(
        ConflictRetry.retry(() -> code.enable(caller.get(), app, svc, version)));
  }

  @DELETE
  @Path("{version}")
  public Response delete(
      @PathParam("app") String app,
      @PathParam("svc") String svc,
      @PathParam("version") int version) {
    code.delete(caller.get(), app, svc, version);
    return Response.noContent().build();
  }
}
