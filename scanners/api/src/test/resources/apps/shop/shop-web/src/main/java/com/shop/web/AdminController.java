package com.shop.web;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin")
public class AdminController {

  /** Listed in a later permitAll(), but /api/admin/** matched first: protected. */
  @GetMapping("/ping")
  public String ping() { // ok: api/route/unauthenticated
    return "pong";
  }

  @GetMapping("/users")
  public List<String> users() { // ok: api/route/unauthenticated
    return List.of();
  }
}
