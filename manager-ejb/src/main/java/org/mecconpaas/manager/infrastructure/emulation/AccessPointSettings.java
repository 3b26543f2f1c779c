package org.mecconpaas.manager.infrastructure.emulation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mecconpaas.manager.domain.model.client.LatencyModel;

/**
 * Settings of the access points as the master plans them (docs/api.md, "Mobile clients and access
 * points"). Radio range, latency and mobility area matter only for an emulated edge: real boards'
 * Wi-Fi decides who is associated, and their network has real latency.
 */
@ApplicationScoped
public class AccessPointSettings {
  private EmulatedEdgeSettings edge;
  private double radioRangeMeters;
  private double perHopMillis;
  private double perKmMillis;
  private double areaMarginMeters;

  protected AccessPointSettings() {}

  @Inject
  public AccessPointSettings(
      EmulatedEdgeSettings edge,
      @ConfigProperty(name = "mec.edge.radio-range-meters", defaultValue = "150")
          double radioRangeMeters,
      @ConfigProperty(name = "mec.edge.latency.per-hop-ms", defaultValue = "2") double perHopMillis,
      @ConfigProperty(name = "mec.edge.latency.per-km-ms", defaultValue = "5") double perKmMillis,
      @ConfigProperty(name = "mec.edge.mobility.area-margin-meters", defaultValue = "200")
          double areaMarginMeters) {
    this.edge = edge;
    this.radioRangeMeters = radioRangeMeters;
    this.perHopMillis = perHopMillis;
    this.perKmMillis = perKmMillis;
    this.areaMarginMeters = areaMarginMeters;
  }

  /** Whether this master starts an emulated edge: only then may clients be emulated. */
  public boolean emulated() {
    return edge.nodes() > 0;
  }

  /** How far every emulated access point reaches. */
  public double radioRangeMeters() {
    return radioRangeMeters;
  }

  /** The latency the routers emulate: the configured model on an emulated edge, none otherwise. */
  public LatencyModel latency() {
    return emulated() ? new LatencyModel(perHopMillis, perKmMillis) : LatencyModel.NONE;
  }

  /** How far beyond the nodes' bounding box emulated clients may walk and traces may go. */
  public double areaMarginMeters() {
    return areaMarginMeters;
  }
}
