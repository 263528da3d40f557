package cfg;

import io.jsonwebtoken.Jwts;
import java.security.Key;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.springframework.beans.factory.annotation.Value;

/** A refresh token's configured lifetime is judged against jwt-refresh-max-lifetime (30 d by default). */
public class RefreshTokens {
  @Value("${jwt.refresh-ttl}")
  private Duration refreshTtl;
  @Value("${jwt.session-ttl}")
  private Duration sessionTtl;
  private final Key key;

  RefreshTokens(Key key) {
    this.key = key;
  }

  String issueRefresh(String user) {
    String a = Jwts.builder().subject(user)
        .expiration(Date.from(Instant.now().plus(refreshTtl))) // expect: java/auth/jwt-excessive-lifetime
        .signWith(key).compact();
    String b = Jwts.builder().subject(user)
        .expiration(Date.from(Instant.now().plus(sessionTtl))) // ok: java/auth/jwt-excessive-lifetime
        .signWith(key).compact();
    return a + b;
  }
}
