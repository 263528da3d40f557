package com.shop.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

@Controller
public class SiteController {

  @GetMapping("/health")
  @ResponseBody
  public String health() { // ok: api/route/unauthenticated
    return "UP";
  }

  /** Matched first by /legacy/**: the later permitAll() never applies. */
  @GetMapping("/legacy/export")
  @ResponseBody
  public String export() { // ok: api/route/unauthenticated
    return "csv";
  }

  @GetMapping("/reports/daily")
  @ResponseBody
  public String daily() { // expect: api/route/unauthenticated, api/openapi/security-not-enforced
    return "report";
  }

  @GetMapping("/account")
  public String account() { // ok: api/route/unauthenticated
    return "account";
  }
}
