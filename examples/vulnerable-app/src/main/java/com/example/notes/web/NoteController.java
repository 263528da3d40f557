package com.example.notes.web;

import java.io.IOException;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notes")
public class NoteController {

  private final JdbcTemplate jdbc;

  public NoteController(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @GetMapping("/{id}")
  public Map<String, Object> get(@PathVariable long id) {
    return jdbc.queryForMap("SELECT id, owner_id, title, body FROM notes WHERE id = ?", id);
  }

  @PostMapping("/{id}/export")
  public ResponseEntity<String> export(@PathVariable long id, @RequestParam String format) throws IOException {
    Runtime.getRuntime().exec("/opt/notes/bin/export.sh " + id + " " + format);
    return ResponseEntity.accepted().body("export started");
  }
}
