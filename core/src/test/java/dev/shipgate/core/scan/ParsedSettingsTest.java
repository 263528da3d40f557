package dev.shipgate.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ParsedSettingsTest {

  /** Only settings and errors matter here. */
  private static final class Context implements ScanContext {
    final Settings settings;
    final List<String> errors = new CopyOnWriteArrayList<>();

    Context(Settings settings) {
      this.settings = settings;
    }

    @Override
    public Path root() {
      return Path.of(".");
    }

    @Override
    public Settings settings() {
      return settings;
    }

    @Override
    public Optional<String> option(String name) {
      return Optional.empty();
    }

    @Override
    public boolean cancelled() {
      return false;
    }

    @Override
    public void report(Finding finding) {}

    @Override
    public void skipped(String path, String reason) {}

    @Override
    public <T> T shared(Class<T> key, Supplier<T> compute) {
      return compute.get();
    }

    @Override
    public void error(String path, int line, String message) {
      errors.add(path + ":" + line + ": " + message);
    }
  }

  @Test
  void readsOncePerSettingsObjectAndAgainForAnotherOne() {
    AtomicInteger reads = new AtomicInteger();
    ParsedSettings<String> parsed = new ParsedSettings<>(s -> s.file() + "#" + reads.incrementAndGet(), "fallback");
    Settings first = Settings.empty("shipgate.yml");
    Context ctx = new Context(first);
    assertThat(parsed.get(ctx)).isEqualTo("shipgate.yml#1");
    assertThat(parsed.get(new Context(first))).isEqualTo("shipgate.yml#1");
    // Equal content is not enough: a new policy object is a new run's policy.
    assertThat(parsed.get(new Context(Settings.empty("shipgate.yml")))).isEqualTo("shipgate.yml#2");
    assertThat(reads).hasValue(2);
    assertThat(ctx.errors).isEmpty();
  }

  @Test
  void aPolicyErrorIsReportedOnceAtThePolicyFileAndTheFallbackStands() {
    ParsedSettings<String> parsed = new ParsedSettings<>(s -> {
      throw new PolicyException(s.file(), 7, 3, "'limits' must be a list");
    }, "fallback");
    Context ctx = new Context(Settings.empty("/home/dev/policies/shipgate.yml"));
    assertThat(parsed.get(ctx)).isEqualTo("fallback");
    assertThat(parsed.get(ctx)).isEqualTo("fallback");
    assertThat(ctx.errors).singleElement().asString().startsWith("shipgate.yml:7: ").endsWith("'limits' must be a list");

    Context relative = new Context(Settings.empty("conf\\shipgate.yml"));
    parsed.get(relative);
    assertThat(relative.errors).singleElement().asString().startsWith("conf/shipgate.yml:7: ");
  }

  @Test
  void parallelFirstUsesReadAndReportOnce() throws Exception {
    AtomicInteger reads = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ParsedSettings<Integer> parsed = new ParsedSettings<>(s -> {
      reads.incrementAndGet();
      throw new PolicyException(s.file(), 1, 1, "bad");
    }, -1);
    Context ctx = new Context(Settings.empty("shipgate.yml"));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> results = new CopyOnWriteArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return parsed.get(ctx);
        }));
      }
      start.countDown();
      for (Future<Integer> f : results) {
        assertThat(f.get()).isEqualTo(-1);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(reads).hasValue(1);
    assertThat(ctx.errors).hasSize(1);
  }
}
