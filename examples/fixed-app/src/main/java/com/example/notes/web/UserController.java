package com.example.notes.web;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.io.Decoders;
import io.jsonwebtoken.security.Keys;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users")
public class UserController {

  private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcTemplate jdbc;
  private final PasswordEncoder passwords;
  private final SecretKey signingKey = Keys.hmacShaKeyFor(Decoders.BASE64.decode(System.getenv("JWT_SIGNING_KEY")));

  public UserController(JdbcTemplate jdbc, PasswordEncoder passwords) {
    this.jdbc = jdbc;
    this.passwords = passwords;
  }

  @PostMapping("/register")
  public ResponseEntity<String> register(@RequestBody Map<String, String> body) {
    jdbc.update("INSERT INTO users(username, password_hash) VALUES (?, ?)", body.get("username"), passwords.encode(body.get("password")));
    return ResponseEntity.ok("registered");
  }

  @PostMapping("/login")
  public ResponseEntity<String> login(@RequestParam String username, @RequestParam String password) {
    List<String> hashes = jdbc.queryForList("SELECT password_hash FROM users WHERE username = ?", String.class, username);
    if (hashes.isEmpty() || !passwords.matches(password, hashes.get(0))) {
      return ResponseEntity.status(401).body("invalid credentials");
    }
    Instant now = Instant.now();
    String token = Jwts.builder()
        .subject(username)
        .issuedAt(Date.from(now))
        .expiration(Date.from(now.plus(TOKEN_LIFETIME)))
        .signWith(signingKey)
        .compact();
    return ResponseEntity.ok(token);
  }

  @PostMapping("/password-reset")
  public ResponseEntity<String> requestReset(@RequestParam String username) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String resetToken = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    jdbc.update("UPDATE users SET reset_token = ?, reset_expires = ? WHERE username = ?",
        resetToken, java.sql.Timestamp.from(Instant.now().plus(Duration.ofMinutes(30))), username);
    return ResponseEntity.ok("reset link sent");
  }
}
