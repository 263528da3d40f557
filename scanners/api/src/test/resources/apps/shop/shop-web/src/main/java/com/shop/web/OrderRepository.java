package com.shop.web;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OrderRepository extends JpaRepository<Order, Long> {
  List<Order> findByOwner(String owner);

  Optional<Order> findByIdAndOwner(Long id, String owner);
}
