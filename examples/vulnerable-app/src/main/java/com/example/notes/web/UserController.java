package com.example.notes.web;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.SignatureAlgorithm;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users")
public class UserController {

  private final JdbcTemplate jdbc;

  public UserController(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @PostMapping("/register")
  public ResponseEntity<String> register(@RequestBody Map<String, String> body) throws Exception {
    jdbc.update("INSERT INTO users(username, password_hash) VALUES (?, ?)", body.get("username"), md5(body.get("password")));
    return ResponseEntity.ok("registered");
  }

  @PostMapping("/login")
  public ResponseEntity<String> login(@RequestParam String username, @RequestParam String password) throws Exception {
    String sql = "SELECT id FROM users WHERE username = '" + username + "' AND password_hash = '" + md5(password) + "'";
    List<Map<String, Object>> rows = jdbc.queryForList(sql);
    if (rows.isEmpty()) {
      return ResponseEntity.status(401).body("invalid credentials");
    }
    String token = Jwts.builder()
        .setSubject(username)
        .setIssuedAt(new Date())
        .signWith(SignatureAlgorithm.HS256, System.getenv("JWT_SIGNING_KEY"))
        .compact();
    return ResponseEntity.ok(token);
  }

  @PostMapping("/password-reset")
  public ResponseEntity<String> requestReset(@RequestParam String username) {
    String resetToken = Long.toHexString(new Random().nextLong());
    jdbc.update("UPDATE users SET reset_token = ? WHERE username = ?", resetToken, username);
    return ResponseEntity.ok("reset link sent");
  }

  private static String md5(String password) throws Exception {
    MessageDigest md = MessageDigest.getInstance("MD5");
    byte[] digest = md.digest(password.getBytes(StandardCharsets.UTF_8));
    return String.format("%032x", new BigInteger(1, digest));
  }
}
