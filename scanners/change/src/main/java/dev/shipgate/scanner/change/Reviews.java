package dev.shipgate.scanner.change;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Approvals given in the code host's review UI, as a CI step fetches them: the GitHub pull-request reviews array
 * ({@code GET /repos/{o}/{r}/pulls/{n}/reviews}) or the GitLab merge-request approvals object
 * ({@code GET /projects/{id}/merge_requests/{iid}/approvals}).
 */
public final class Reviews {

  /** Review lists are small; a larger file is refused rather than parsed. */
  public static final int MAX_BYTES = 16 * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One reviewer's standing approval.
   *
   * @param commit the commit the approval was given on, or null when the host does not say (GitLab)
   * @param line where the review stands in the file
   */
  public record Approval(String login, String commit, String submitted, int line) {}

  /** A review list that cannot be used, with the line of the problem. */
  public static final class ReviewsException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;

    ReviewsException(int line, String message) {
      super(message);
      this.line = line;
    }

    public int line() {
      return line;
    }
  }

  private Reviews() {}

  /**
   * The approvals that stand: for GitHub, each reviewer's latest review other than a comment decides, so a later
   * "changes requested" or a dismissal cancels an earlier approval.
   */
  public static List<Approval> parse(byte[] json) throws ReviewsException {
    if (json.length > MAX_BYTES) {
      throw new ReviewsException(0, "larger than " + MAX_BYTES / (1024 * 1024) + " MiB; not a review list");
    }
    try (JsonParser p = JSON.createParser(json)) {
      JsonToken first = p.nextToken();
      if (first == JsonToken.START_ARRAY) {
        return github(p);
      }
      if (first == JsonToken.START_OBJECT) {
        int line = p.currentTokenLocation().getLineNr();
        return gitlab(JSON.readTree(p), line);
      }
      throw new ReviewsException(1, "expected a GitHub reviews array ([...]) or a GitLab approvals object ({...})");
    } catch (JsonProcessingException e) {
      throw new ReviewsException(e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ReviewsException(0, "cannot read: " + e.getMessage());
    }
  }

  private static List<Approval> github(JsonParser p) throws IOException, ReviewsException {
    Map<String, Approval> standing = new LinkedHashMap<>();
    int index = 0;
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw new ReviewsException(p.currentLocation().getLineNr(), "the reviews array is not closed");
      }
      index++;
      int line = p.currentTokenLocation().getLineNr();
      if (t != JsonToken.START_OBJECT) {
        throw new ReviewsException(line, "review #" + index + " is not an object");
      }
      JsonNode r = JSON.readTree(p);
      if (r.has("user") && r.get("user").isNull()) {
        continue; // the reviewer's account was deleted (GitHub shows "ghost"): nobody left whose approval could count
      }
      String login = text(r.path("user").path("login"));
      String state = text(r.path("state"));
      if (login == null || state == null) {
        throw new ReviewsException(line, "review #" + index + " has no user.login or state; pass the output of "
            + "GET /repos/{owner}/{repo}/pulls/{number}/reviews unchanged");
      }
      switch (state.toUpperCase(Locale.ROOT)) {
        case "APPROVED" -> standing.put(login.toLowerCase(Locale.ROOT),
            new Approval(login, text(r.path("commit_id")), text(r.path("submitted_at")), line));
        case "CHANGES_REQUESTED", "DISMISSED" -> standing.remove(login.toLowerCase(Locale.ROOT));
        case "COMMENTED", "PENDING" -> { } // a comment neither gives nor takes back an approval
        default -> throw new ReviewsException(line, "review #" + index + " has unknown state '" + state + "'");
      }
    }
    return List.copyOf(standing.values());
  }

  private static List<Approval> gitlab(JsonNode o, int line) throws ReviewsException {
    JsonNode by = o.get("approved_by");
    if (by == null || !by.isArray()) {
      throw new ReviewsException(line, "a GitLab approvals object needs an 'approved_by' array; pass the output of "
          + "GET /projects/{id}/merge_requests/{iid}/approvals unchanged");
    }
    List<Approval> out = new ArrayList<>();
    for (int i = 0; i < by.size(); i++) {
      String login = text(by.get(i).path("user").path("username"));
      if (login == null) {
        throw new ReviewsException(line, "approved_by[" + i + "] has no user.username");
      }
      out.add(new Approval(login, null, null, line));
    }
    return out;
  }

  private static String text(JsonNode n) {
    return n != null && n.isTextual() && !n.asText().isBlank() ? n.asText() : null;
  }
}
