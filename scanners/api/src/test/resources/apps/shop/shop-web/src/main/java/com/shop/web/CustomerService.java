package com.shop.web;

import org.springframework.stereotype.Service;

@Service
public class CustomerService {

  private final CustomerRepository repository;

  CustomerService(CustomerRepository repository) {
    this.repository = repository;
  }

  public Customer getCustomerById(String id) {
    String key = id.trim();
    return repository.findById(key).orElseThrow();
  }
}
