package com.shop.inventory;

import jakarta.ws.rs.ApplicationPath;
import org.glassfish.jersey.server.ResourceConfig;

@ApplicationPath("/jaxrs")
public class InventoryApplication extends ResourceConfig {
  public InventoryApplication() {
    register(StockResource.class);
  }
}
