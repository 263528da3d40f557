package dev.shipgate.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The system clock in the machine's time zone, looked up when first asked for: reading the zone database took 15-30 ms
 * of a scan's start-up, and only the waiver check, after the scan, needs a local date.
 */
final class LocalClock extends Clock {

  @Override
  public ZoneId getZone() {
    return ZoneId.systemDefault();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.system(zone);
  }

  @Override
  public Instant instant() {
    return Instant.now();
  }
}
