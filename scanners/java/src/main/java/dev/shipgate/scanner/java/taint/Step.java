package dev.shipgate.scanner.java.taint;

import dev.shipgate.core.model.Location;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One step of a flow path, linked to the step before it; paths are shared between values, never copied. */
public record Step(Location location, String message, Step previous, int length) {

  /** Longer paths keep their first and last steps; the middle adds little for a reader. */
  static final int MAX_LENGTH = 24;

  static Step start(Location location, String message) {
    return new Step(location, message, null, 1);
  }

  Step then(Location location, String message) {
    if (length >= MAX_LENGTH) {
      return this;
    }
    if (location.equals(this.location) && message.equals(this.message)) {
      return this;
    }
    return new Step(location, message, this, length + 1);
  }

  /** Appends the steps of {@code tail} (oldest first) after this one. */
  Step append(Step tail) {
    Step s = this;
    for (Step t : tail.asList()) {
      s = s.then(t.location, t.message);
    }
    return s;
  }

  /** Oldest first. */
  public List<Step> asList() {
    List<Step> out = new ArrayList<>();
    for (Step s = this; s != null; s = s.previous) {
      out.add(s);
    }
    Collections.reverse(out);
    return out;
  }

  public Step first() {
    Step s = this;
    while (s.previous != null) {
      s = s.previous;
    }
    return s;
  }
}
