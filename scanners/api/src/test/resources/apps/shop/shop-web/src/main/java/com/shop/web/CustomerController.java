package com.shop.web;

import org.springframework.web.bind.annotation.RestController;

@RestController
public class CustomerController implements CustomerApi {

  private final CustomerService customers;

  CustomerController(CustomerService customers) {
    this.customers = customers;
  }

  @Override
  public Customer getCustomer(String customerId) { // expect: api/route/object-access-without-principal
    return customers.getCustomerById(customerId);
  }
}
