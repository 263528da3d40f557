package com.example.notes.web;

import java.io.IOException;
import java.security.Principal;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/notes")
public class NoteController {

  private static final Set<String> EXPORT_FORMATS = Set.of("pdf", "markdown", "html");

  private final JdbcTemplate jdbc;

  public NoteController(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @GetMapping("/{id}")
  public Map<String, Object> get(@PathVariable long id, Principal principal) {
    return ownedNote(id, principal);
  }

  @PostMapping("/{id}/export")
  public ResponseEntity<String> export(@PathVariable long id, @RequestParam String format, Principal principal) throws IOException {
    ownedNote(id, principal);
    if (!EXPORT_FORMATS.contains(format)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unsupported format");
    }
    // Fixed program, separate arguments, no shell: the format comes from the allow-list above.
    new ProcessBuilder("/opt/notes/bin/export.sh", Long.toString(id), format).start();
    return ResponseEntity.accepted().body("export started");
  }

  /** Loads a note only if the signed-in user owns it; anything else looks like a missing note. */
  private Map<String, Object> ownedNote(long id, Principal principal) {
    try {
      return jdbc.queryForMap(
          "SELECT n.id, n.title, n.body FROM notes n JOIN users u ON u.id = n.owner_id WHERE n.id = ? AND u.username = ?",
          id, principal.getName());
    } catch (EmptyResultDataAccessException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
  }
}
