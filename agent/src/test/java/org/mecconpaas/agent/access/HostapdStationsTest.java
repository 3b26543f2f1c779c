package org.mecconpaas.agent.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostapdStationsTest {

  /**
   * {@code hostapd_cli all_sta} with two associated stations and one only authenticated, laid out
   * as hostapd 2.x prints it (src/ap/ctrl_iface_ap.c: the MAC alone on a line, then flags, aid,
   * capability, ..., the WPA and 802.1X MIB lines, traffic counters, connected_time).
   */
  static final String ALL_STA =
      """
      Selected interface 'wlan0'
      b8:27:eb:4c:21:9a
      flags=[AUTH][ASSOC][AUTHORIZED][SHORT_PREAMBLE][WMM][HT]
      aid=1
      capability=0x431
      listen_interval=10
      supported_rates=82 84 8b 96 0c 12 18 24 30 48 60 6c
      timeout_next=NULLFUNC POLL
      dot11RSNAStatsSTAAddress=b8:27:eb:4c:21:9a
      dot11RSNAStatsVersion=1
      dot11RSNAStatsSelectedPairwiseCipher=00-0f-ac-4
      dot11RSNAStatsTKIPLocalMICFailures=0
      dot11RSNAStatsTKIPRemoteMICFailures=0
      wpa=2
      AKMSuiteSelector=00-0f-ac-2
      hostapdWPAPTKState=11
      hostapdWPAPTKGroupState=0
      rx_packets=1525
      tx_packets=1219
      rx_bytes=170836
      tx_bytes=392217
      inactive_msec=420
      signal=-52
      rx_rate_info=650 mcs 7 shortGI
      tx_rate_info=722 mcs 7 shortGI
      ht_mcs_bitmask=ffff0000000000000000
      connected_time=754
      supp_op_classes=51515354737475767778797a7b7c7d7e7f808182
      ht_caps_info=0x016f
      ext_capab=0000080000000040
      DC:A6:32:01:7F:E0
      flags=[AUTH][ASSOC][AUTHORIZED][WMM]
      aid=2
      capability=0x411
      listen_interval=5
      supported_rates=82 84 8b 96
      timeout_next=NULLFUNC POLL
      rx_packets=12
      tx_packets=9
      rx_bytes=2210
      tx_bytes=1874
      inactive_msec=1200
      signal=-71
      rx_rate_info=10
      tx_rate_info=10
      connected_time=3
      4a:9d:11:00:be:05
      flags=[AUTH]
      aid=0
      capability=0x0
      listen_interval=0
      supported_rates=
      timeout_next=NULLFUNC POLL
      """;

  @Test
  void parsesAssociatedStationsAndTheirConnectedTime() {
    assertEquals(
        List.of(
            new HostapdStaParser.Sta("b8:27:eb:4c:21:9a", 754),
            new HostapdStaParser.Sta("dc:a6:32:01:7f:e0", 3)),
        HostapdStaParser.parse(ALL_STA));
  }

  @Test
  void parsesNothingFromNoStationsOrAnError() {
    assertEquals(List.of(), HostapdStaParser.parse(""));
    assertEquals(
        List.of(),
        HostapdStaParser.parse(
            "Failed to connect to hostapd - wpa_ctrl_open: No such file or directory\n"));
  }

  @Test
  void aStationWithoutConnectedTimeIsSinceFirstSeen() {
    List<HostapdStaParser.Sta> stas =
        HostapdStaParser.parse("b8:27:eb:4c:21:9a\nflags=[AUTH][ASSOC]\naid=1\n");
    assertEquals(List.of(new HostapdStaParser.Sta("b8:27:eb:4c:21:9a", -1)), stas);
  }

  @Test
  void sinceComesFromConnectedTimeAndStaysWhileTheStationDoes() {
    AtomicLong now = new AtomicLong(1_795_852_316_000L);
    AtomicReference<String> output = new AtomicReference<>(ALL_STA);
    HostapdStations stations = new HostapdStations(output::get, now::get);

    long first = now.get();
    assertEquals(
        List.of(
            new Station("b8:27:eb:4c:21:9a", first - 754_000),
            new Station("dc:a6:32:01:7f:e0", first - 3_000)),
        stations.current());

    now.addAndGet(2_400); // connected_time goes on in whole seconds
    output.set(ALL_STA.replace("connected_time=754", "connected_time=756"));
    output.set(output.get().replace("connected_time=3\n", "connected_time=5\n"));
    assertEquals(
        List.of(
            new Station("b8:27:eb:4c:21:9a", first - 754_000),
            new Station("dc:a6:32:01:7f:e0", first - 3_000)),
        stations.current(),
        "the same since, not one that wobbles by the second");

    now.addAndGet(2_000);
    output.set(ALL_STA.substring(0, ALL_STA.indexOf("DC:A6")));
    assertEquals(List.of("b8:27:eb:4c:21:9a"), ids(stations.current()), "dc:a6... left");
  }

  @Test
  void asksHostapdAtMostOncePerInterval() {
    AtomicLong now = new AtomicLong(1_000_000);
    int[] runs = {0};
    HostapdStations stations =
        new HostapdStations(
            () -> {
              runs[0]++;
              return ALL_STA;
            },
            now::get);
    stations.current();
    now.addAndGet(HostapdStations.MIN_INTERVAL_MILLIS / 2);
    assertEquals(2, stations.current().size());
    assertEquals(1, runs[0]);
    now.addAndGet(HostapdStations.MIN_INTERVAL_MILLIS);
    stations.current();
    assertEquals(2, runs[0]);
  }

  @Test
  void runsTheConfiguredCommandAndReportsNoneWhenItFails(@TempDir Path temp) throws IOException {
    Path recorded = temp.resolve("all_sta.txt");
    Files.writeString(recorded, ALL_STA);
    Path cli = script(temp.resolve("hostapd_cli"), "[ \"$3\" = all_sta ] && cat " + recorded);
    List<Station> found = HostapdStations.of(List.of(cli.toString(), "-i", "wlan0")).current();
    assertEquals(List.of("b8:27:eb:4c:21:9a", "dc:a6:32:01:7f:e0"), ids(found));

    Path broken =
        script(
            temp.resolve("broken_cli"),
            "echo 'Failed to connect to hostapd - wpa_ctrl_open: No such file'; exit 255");
    assertTrue(HostapdStations.of(List.of(broken.toString())).current().isEmpty());
    assertTrue(HostapdStations.of(List.of(temp.resolve("absent").toString())).current().isEmpty());
  }

  private static Path script(Path path, String body) throws IOException {
    Files.writeString(path, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
    return path;
  }

  private static List<String> ids(List<Station> stations) {
    return stations.stream().map(Station::id).toList();
  }
}
