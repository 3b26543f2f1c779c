package org.mecconpaas.catalog;

import static org.mecconpaas.catalog.RoleSpec.scalable;
import static org.mecconpaas.catalog.RoleSpec.single;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The service types of ConPaaS, as offered on the edge. Immutable. */
public final class ServiceCatalog {

  private static final Set<CodeFormat> ARCHIVES = Set.of(CodeFormat.ZIP, CodeFormat.TAR_GZ);

  private final List<ServiceType> types;

  private ServiceCatalog(List<ServiceType> types) {
    this.types = List.copyOf(types);
  }

  public List<ServiceType> types() {
    return types;
  }

  public Optional<ServiceType> find(String typeName) {
    return types.stream().filter(t -> t.name().equals(typeName)).findFirst();
  }

  /** The catalog every MEC-ConPaaS master offers. */
  public static ServiceCatalog standard() {
    return new ServiceCatalog(
        List.of(generic(), php(), java(), mysql(), storage(), taskfarm(), mapreduce(), flink()));
  }

  private static ServiceType generic() {
    return new ServiceType(
        "generic",
        "Generic",
        "Runs your own scripts (init.sh, notify.sh, run.sh, interrupt.sh, cleanup.sh) on a"
            + " master instance and any number of node instances.",
        List.of(
            single("master", "first instance; its address is MASTER_IP for every script"),
            scalable("node", "further instances running the same bundle", 0, 32, 0)),
        ARCHIVES);
  }

  private static ServiceType php() {
    return new ServiceType(
            "php",
            "PHP web hosting",
            "nginx and php-fpm behind an HAProxy load balancer.",
            List.of(
                single("proxy", "HAProxy load balancer, the service's public entry point")
                    .withResources(100, 64),
                scalable("web", "nginx serving static files", 1, 16, 1).withResources(100, 64),
                scalable("backend", "php-fpm running the PHP code", 1, 16, 1)
                    .withResources(250, 128)),
            ARCHIVES)
        .withSettings(
            SettingSpec.megabytes("memory_limit", "PHP memory limit per request", 16, 1024),
            SettingSpec.megabytes("upload_max_filesize", "largest file upload", 1, 512),
            SettingSpec.integer("max_execution_time", "seconds a script may run", 1, 3600),
            SettingSpec.choice("display_errors", "show PHP errors in pages", "Off", "On"))
        .autoscaling("backend");
  }

  private static ServiceType java() {
    return new ServiceType(
            "java",
            "Java web hosting",
            "Jetty servlet containers running your WAR behind an HAProxy load balancer.",
            List.of(
                single("proxy", "HAProxy load balancer, the service's public entry point")
                    .withResources(100, 64),
                // Jetty with a 128 MiB heap measured 156 MiB resident
                scalable("web", "Jetty running the web application", 1, 16, 1)
                    .withResources(250, 320)),
            Set.of(CodeFormat.WAR))
        .autoscaling("web");
  }

  private static ServiceType mysql() {
    return new ServiceType(
        "mysql",
        "MySQL database",
        "MariaDB with Galera multi-master replication; the bundle may hold SQL to load.",
        List.of(
            scalable("mysql", "MariaDB server, a Galera cluster member", 1, 16, 1),
            scalable("glb", "Galera load balancer in front of the members", 0, 4, 0)),
        ARCHIVES);
  }

  private static ServiceType storage() {
    return new ServiceType(
        "storage",
        "Distributed storage",
        "A distributed file system with directory, metadata and object storage roles.",
        List.of(
            single("dir", "directory service: volume and server registry"),
            single("mrc", "metadata and replica catalog"),
            scalable("osd", "object storage device holding file data", 1, 32, 1)),
        Set.of());
  }

  private static ServiceType taskfarm() {
    return new ServiceType(
        "taskfarm",
        "Task Farming",
        "Runs a bag of independent tasks on as many workers as the budget allows.",
        List.of(scalable("worker", "executes tasks from the bag", 1, 64, 1)),
        ARCHIVES);
  }

  private static ServiceType mapreduce() {
    return new ServiceType(
        "mapreduce",
        "MapReduce",
        "Hadoop HDFS and YARN running MapReduce jobs from your jar.",
        List.of(
            single("namenode", "HDFS name node"),
            scalable("datanode", "HDFS data node", 1, 32, 1),
            single("resourcemanager", "YARN resource manager"),
            scalable("nodemanager", "YARN node manager running tasks", 1, 32, 1)),
        Set.of(CodeFormat.JAR));
  }

  private static ServiceType flink() {
    return new ServiceType(
        "flink",
        "Apache Flink",
        "A Flink session cluster that runs your streaming or batch job jar.",
        List.of(
            // Flink's process sizes that worked on a 1 GiB board: JobManager 512m, TaskManager
            // 768m (docs/role-runners.md, roles/flink/README.md), so a board holds one Flink JVM
            // and each gets the board's CPU: a TaskManager's slots run the job (half a core made
            // jobs 24-68 % slower), and the JobManager builds, schedules and finishes every job
            // in bursts (a quarter core added 0.2-0.4 s to each job, 15 % of a 3 s one)
            single("jobmanager", "coordinates jobs and serves the REST API")
                .withResources(1000, 640),
            scalable("taskmanager", "runs the job's tasks in its slots", 1, 32, 2)
                .withResources(1000, 832)),
        Set.of(CodeFormat.JAR));
  }
}
