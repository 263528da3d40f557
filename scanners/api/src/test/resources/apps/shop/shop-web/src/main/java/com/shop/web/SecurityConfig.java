package com.shop.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

@Configuration
@EnableMethodSecurity(jsr250Enabled = true)
public class SecurityConfig {

  static final String[] DEBUG_PATHS = {"/api/admin/ping", "/api/debug/**"};

  /** The API chain, lambda DSL: public catalogue reads first, then protection, then a late permitAll. */
  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http) throws Exception {
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(HttpMethod.GET, "/api/products/**").permitAll()
            .requestMatchers("/api/products/**").hasRole("CATALOG")
            .requestMatchers("/api/admin/**").hasRole("ADMIN")
            .requestMatchers(DEBUG_PATHS).permitAll()
            .anyRequest().authenticated())
        .oauth2ResourceServer(o -> o.jwt(Customizer.withDefaults()))
        .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"));
    return http.build();
  }

  /** Everything else, in the older chained DSL. */
  @Bean
  SecurityFilterChain site(HttpSecurity http) throws Exception {
    http.authorizeRequests()
        .antMatchers("/health", "/actuator/health").permitAll()
        .antMatchers("/legacy/**").authenticated()
        .antMatchers("/legacy/export").permitAll()
        .antMatchers("/reports/**").permitAll()
        .anyRequest().authenticated()
        .and()
        .httpBasic();
    return http.build();
  }
}
