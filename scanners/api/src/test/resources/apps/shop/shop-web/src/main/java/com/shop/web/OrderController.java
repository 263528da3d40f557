package com.shop.web;

import java.security.Principal;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping(path = "/api/orders")
public class OrderController {

  private final OrderRepository orders;

  OrderController(OrderRepository orders) {
    this.orders = orders;
  }

  @GetMapping("/{orderId}")
  public Order get(@PathVariable Long orderId) { // expect: api/route/object-access-without-principal
    return orders.findById(orderId).orElseThrow();
  }

  @GetMapping("/mine")
  public List<Order> mine(Principal principal) { // ok: api/route/object-access-without-principal
    return orders.findByOwner(principal.getName());
  }

  @GetMapping("/{id}/status")
  public String status(@PathVariable Long id, Principal me) { // ok: api/route/object-access-without-principal
    return orders.findByIdAndOwner(id, me.getName()).map(Order::status).orElseThrow();
  }

  @DeleteMapping("/{id}")
  @PreAuthorize("@orderAccess.canDelete(#id, authentication)")
  public void delete(@PathVariable Long id) { // ok: api/route/object-access-without-principal
    orders.deleteById(id);
  }

  @GetMapping
  public List<Order> search(@RequestParam(required = false) String status, @RequestParam int page) { // expect: api/openapi/parameter-mismatch
    return orders.findAll();
  }
}
