package org.mecconpaas.manager.domain.model.client;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.mecconpaas.manager.domain.model.placement.GeoPoint;

/**
 * The random waypoint model: each client starts at a random point of the area, walks in a straight
 * line to another random point at a speed drawn from {@code speedMps}, pauses there for a time
 * drawn from {@code pauseSeconds}, and so on. Each client draws from its own generator seeded from
 * the model's seed and its index, so the same seed gives the same positions at every second.
 */
public final class RandomWaypoint implements MobilityModel {
  public static final String NAME = "random-waypoint";

  private final RandomWaypointSettings settings;
  private final List<String> clients;
  private final List<Walker> walkers = new ArrayList<>();

  public RandomWaypoint(RandomWaypointSettings settings, Area area) {
    this.settings = settings;
    List<String> ids = new ArrayList<>();
    int width = Math.max(2, Integer.toString(settings.clients()).length());
    for (int i = 1; i <= settings.clients(); i++) {
      ids.add(String.format("c%0" + width + "d", i));
      long clientSeed = settings.seed() ^ (i * 0x9E3779B97F4A7C15L);
      walkers.add(new Walker(clientSeed, settings.speedMps(), settings.pauseSeconds(), area));
    }
    this.clients = List.copyOf(ids);
  }

  public RandomWaypointSettings settings() {
    return settings;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> clients() {
    return clients;
  }

  /** Synchronized: a walker remembers its current leg, so seconds asked in order cost little. */
  @Override
  public synchronized SortedMap<String, GeoPoint> positionsAt(long second) {
    SortedMap<String, GeoPoint> positions = new TreeMap<>();
    for (int i = 0; i < walkers.size(); i++) {
      positions.put(clients.get(i), walkers.get(i).at(second));
    }
    return positions;
  }

  /** One client's walk, generated leg by leg from its own seed. */
  private static final class Walker {
    private final long seed;
    private final Span speed;
    private final Span pause;
    private final Area area;
    private SplittableRandom random;
    private GeoPoint from;
    private GeoPoint to;
    private double departAt;
    private double arriveAt;
    private double leaveAt;

    Walker(long seed, Span speed, Span pause, Area area) {
      this.seed = seed;
      this.speed = speed;
      this.pause = pause;
      this.area = area;
      restart();
    }

    private void restart() {
      random = new SplittableRandom(seed);
      to = randomPoint();
      leaveAt = 0;
      nextLeg();
    }

    private void nextLeg() {
      from = to;
      departAt = leaveAt;
      to = randomPoint();
      arriveAt = departAt + from.distanceMeters(to) / speed.pick(random);
      // at least a second per leg, so a point-sized area cannot spin forever
      leaveAt = Math.max(arriveAt + pause.pick(random), departAt + 1);
    }

    private GeoPoint randomPoint() {
      return area.at(random.nextDouble(), random.nextDouble());
    }

    GeoPoint at(double t) {
      if (t < departAt) {
        restart(); // asked about the past: replay from the seed
      }
      while (t >= leaveAt) {
        nextLeg();
      }
      return t >= arriveAt
          ? to
          : MobilityModel.between(from, to, (t - departAt) / (arriveAt - departAt));
    }
  }
}
