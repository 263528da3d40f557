package com.shop.web;

import java.util.List;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api/products")
public class ProductController {

  private final ProductRepository products;

  ProductController(ProductRepository products) {
    this.products = products;
  }

  @GetMapping
  public List<Product> list() { // ok: api/route/unauthenticated
    return products.findAll();
  }

  @GetMapping("/{id}")
  public Product get(@PathVariable Long id) { // ok: api/route/unauthenticated, api/route/object-access-without-principal
    return products.findById(id).orElseThrow();
  }

  @ShopGet("/featured")
  public List<Product> featured() { // ok: api/route/unauthenticated
    return products.findAll();
  }

  @PostMapping
  public Product create(@RequestBody Product p) { // ok: api/route/unauthenticated
    return products.save(p);
  }

  @PutMapping("/{id}")
  public Product update(@PathVariable("id") Long id, @RequestBody Product p) { // expect: api/openapi/method-mismatch
    return products.save(p);
  }
}
