package cfg;

import io.jsonwebtoken.Jwts;
import java.security.Key;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Lifetimes configured in application.yml and legacy.properties, judged by the configured value. */
@Service
public class ConfiguredTokens {
  @Value("${jwt.access-ttl-ms}")
  private long accessTtlMs;
  @Value("${jwt.short-ttl-ms}")
  private long shortTtlMs;
  @Value("${jwt.session-ttl}")
  private Duration sessionTtl;
  @Value("${jwt.hours}")
  private int hours;
  @Value("${jwt.remember-days:60}")
  private long rememberDays;
  @Value("${jwt.not-configured-ms}")
  private long unknownTtl;
  private final Key key;
  private final Properties props;

  ConfiguredTokens(Key key, Properties props) {
    this.key = key;
    this.props = props;
  }

  String access(String user) {
    String a = Jwts.builder().subject(user)
        .expiration(new Date(System.currentTimeMillis() + accessTtlMs)) // expect: java/auth/jwt-excessive-lifetime
        .signWith(key).compact();
    String b = Jwts.builder().subject(user)
        .expiration(new Date(System.currentTimeMillis() + this.shortTtlMs)) // ok: java/auth/jwt-excessive-lifetime
        .signWith(key).compact();
    String c = Jwts.builder().subject(user)
        .expiration(Date.from(Instant.now().plus(sessionTtl))) // expect: java/auth/jwt-excessive-lifetime
        .signWith(key).compact();
    String d = Jwts.builder().subject(user)
        .expiration(Date.from(Instant.now().plus(Duration.ofHours(hours)))) // ok: java/auth/jwt-excessive-lifetime
        .signWith(key).compact();
    String e = Jwts.builder().subject(user)
        .expiration(Date.from(Instant.now().plusSeconds(rememberDays * 86400))) // expect: java/auth/jwt-excessive-lifetime
        .signWith(key).compact();
    String f = Jwts.builder().subject(user)
        .expiration(new Date(System.currentTimeMillis() + unknownTtl)) // ok: java/auth/jwt-excessive-lifetime
        .signWith(key).compact();
    return a + b + c + d + e + f;
  }

  String legacy(String user) {
    long ttl = Long.parseLong(props.getProperty("legacy.ttl.ms"));
    String a = Jwts.builder().subject(user)
        .expiration(new Date(System.currentTimeMillis() + ttl)) // expect: java/auth/jwt-excessive-lifetime
        .signWith(key).compact();
    long brief = Long.parseLong(props.getProperty("legacy.short.ms", "86400000000"));
    String b = Jwts.builder().subject(user)
        .expiration(new Date(System.currentTimeMillis() + brief)) // ok: java/auth/jwt-excessive-lifetime
        .signWith(key).compact();
    return a + b;
  }
}
