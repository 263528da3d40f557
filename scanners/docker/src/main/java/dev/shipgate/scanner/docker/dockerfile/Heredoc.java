package dev.shipgate.scanner.docker.dockerfile;

/**
 * A BuildKit heredoc ({@code RUN <<EOF ... EOF}, {@code COPY <<EOF /path}).
 *
 * @param name the delimiter word
 * @param body the lines between the instruction and the delimiter (leading tabs removed for {@code <<-})
 * @param line the 1-based line of the first body line
 */
public record Heredoc(String name, MappedText body, int line) {}
