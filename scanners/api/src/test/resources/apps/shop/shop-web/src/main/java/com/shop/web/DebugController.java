package com.shop.web;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class DebugController {

  /** Opened by the late permitAll() of DEBUG_PATHS; nobody documented it either. */
  @GetMapping("/api/debug/env")
  public Map<String, String> env() { // expect: api/route/unauthenticated, api/openapi/undocumented-route
    return System.getenv();
  }
}
