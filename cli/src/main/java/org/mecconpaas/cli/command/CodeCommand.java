package org.mecconpaas.cli.command;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mecconpaas.cli.CliException;
import org.mecconpaas.cli.client.DownloadedFile;
import org.mecconpaas.cli.output.ByteSize;
import org.mecconpaas.cli.output.Fields;
import org.mecconpaas.cli.output.ProgressBar;
import org.mecconpaas.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Code versions of a service: archives uploaded one after the other, of which exactly one is active
 * and deployed when the service runs.
 */
@Command(name = "code", description = "Upload, list, enable and download code versions.")
public final class CodeCommand extends CommandGroup {

  @Command(name = "upload", description = "Upload a code archive as a new version.")
  int upload(
      @Parameters(paramLabel = "APP") String app,
      @Parameters(paramLabel = "SVC") String svc,
      @Parameters(paramLabel = "FILE", description = "The archive (zip, tar.gz, ...).") Path file) {
    Path archive = environment().resolve(file);
    if (!Files.isRegularFile(archive) || !Files.isReadable(archive)) {
      throw new CliException("no readable file " + archive);
    }
    ProgressBar progress = new ProgressBar(err(), environment().stderrIsTerminal(), "uploaded");
    output()
        .show(
            master().uploadCode(app, svc, archive, progress),
            answer -> {
              JsonObject version = answer.asObject();
              String number = Fields.text(version, "version");
              out().println("Uploaded " + archive.getFileName() + " as version " + number + ".");
              if (!version.getBoolean("active", false)) {
                out().printf("Make it active with: mec code enable %s %s %s%n", app, svc, number);
              }
            });
    return 0;
  }

  @Command(name = "list", description = "List the code versions of a service.")
  int list(@Parameters(paramLabel = "APP") String app, @Parameters(paramLabel = "SVC") String svc) {
    output()
        .show(
            master().listCode(app, svc),
            answer -> {
              Table table =
                  new Table(
                      "VERSION", "ACTIVE", "FILE", "FORMAT", "SIZE", "SHA256", "BY", "UPLOADED");
              for (JsonValue item : answer.asArray()) {
                JsonObject version = item.asJsonObject();
                table.row(
                    Fields.text(version, "version"),
                    version.getBoolean("active", false) ? "*" : "",
                    Fields.text(version, "fileName"),
                    Fields.text(version, "format"),
                    Fields.bytes(version, "size"),
                    Fields.shortHash(version, "sha256"),
                    Fields.text(version, "uploadedBy"),
                    Fields.text(version, "uploadedAt"));
              }
              table.print(out());
            });
    return 0;
  }

  @Command(name = "enable", description = "Make a version the active one.")
  int enable(
      @Parameters(paramLabel = "APP") String app,
      @Parameters(paramLabel = "SVC") String svc,
      @Parameters(paramLabel = "VERSION") String version) {
    output()
        .show(
            master().enableCode(app, svc, version),
            answer ->
                out().println("Version " + version + " of " + app + "/" + svc + " is now active."));
    return 0;
  }

  @Command(name = "download", description = "Download the archive of a version.")
  int download(
      @Parameters(paramLabel = "APP") String app,
      @Parameters(paramLabel = "SVC") String svc,
      @Parameters(paramLabel = "VERSION") String version,
      @Option(
              names = {"-o", "--output"},
              paramLabel = "FILE",
              description =
                  "Where to write it (a directory takes the master's file name); overwrites."
                      + " Default: the master's file name, in the current directory.")
          Path output) {
    ProgressBar progress = new ProgressBar(err(), environment().stderrIsTerminal(), "downloaded");
    DownloadedFile saved =
        master()
            .downloadCode(
                app,
                svc,
                version,
                suggested ->
                    downloadDestination(output, suggested, app + "-" + svc + "-v" + version),
                progress);
    output().note("Saved " + saved.path() + " (" + ByteSize.format(saved.bytes()) + ").");
    return 0;
  }

  @Command(name = "delete", description = "Delete a version that is not active.")
  int delete(
      @Parameters(paramLabel = "APP") String app,
      @Parameters(paramLabel = "SVC") String svc,
      @Parameters(paramLabel = "VERSION") String version) {
    master().deleteCode(app, svc, version);
    output().note("Deleted version " + version + " of " + app + "/" + svc + ".");
    return 0;
  }
}
