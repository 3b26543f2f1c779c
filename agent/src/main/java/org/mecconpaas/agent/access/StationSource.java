package org.mecconpaas.agent.access;

import java.util.List;

/** Where the access point learns which stations are associated with it. */
interface StationSource {

  /** The stations the master's mobility emulation associates with this node; radios ignore it. */
  void planned(List<String> ids);

  /** The associated stations now; called once per heartbeat. */
  List<Station> current();
}
