package com.shop.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** Generated from the OpenAPI document: the mappings live on the interface. */
@RequestMapping("/api/customers")
public interface CustomerApi {

  @GetMapping("/{customerId}")
  Customer getCustomer(@PathVariable("customerId") String customerId);
}
