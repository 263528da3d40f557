package dev.shipgate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a deterministic tree of source-like text files for walk and read benchmarks:
 * {@code TreeGenerator DIR FILES TOTAL_MB}. Sizes vary around the mean; directories are 3 levels deep.
 */
public final class TreeGenerator {

  private static final String[] WORDS = {"public", "class", "return", "final", "String", "value", "config", "import",
      "request", "response", "service", "static", "void", "int", "new", "this", "null", "if", "else", "for"};

  private TreeGenerator() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: TreeGenerator DIR FILES TOTAL_MB");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    int files = Integer.parseInt(args[1]);
    long totalBytes = Long.parseLong(args[2]) * 1024 * 1024;
    long written = generate(dir, files, totalBytes, 42);
    System.out.printf("wrote %d files, %d MB to %s%n", files, written / (1024 * 1024), dir);
  }

  /** Returns the bytes written. Same seed, same tree. */
  public static long generate(Path dir, int files, long totalBytes, long seed) throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    long mean = totalBytes / files;
    long written = 0;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < files; i++) {
      Path file = dir.resolve(String.format("d%02d/e%02d/f%02d/file%06d.%s", i % 37, (i / 37) % 29, (i / 1073) % 17, i, ext(i)));
      Files.createDirectories(file.getParent());
      long size = Math.max(64, (long) (mean * (0.5 + rnd.nextDouble())));
      sb.setLength(0);
      while (sb.length() < size) {
        int words = 4 + rnd.nextInt(10);
        for (int w = 0; w < words; w++) {
          sb.append(WORDS[rnd.nextInt(WORDS.length)]).append(' ');
        }
        sb.append(rnd.nextInt(100_000)).append(";\n");
      }
      byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
      Files.write(file, bytes);
      written += bytes.length;
    }
    return written;
  }

  private static String ext(int i) {
    return switch (i % 6) {
      case 0 -> "java";
      case 1 -> "py";
      case 2 -> "js";
      case 3 -> "yml";
      case 4 -> "properties";
      default -> "txt";
    };
  }
}
