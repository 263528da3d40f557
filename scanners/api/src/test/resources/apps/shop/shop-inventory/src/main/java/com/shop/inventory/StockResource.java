package com.shop.inventory;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

@Path("/inventory")
public class StockResource {

  @GET
  @Path("/{sku}")
  @RolesAllowed("STOCK")
  public int level(@PathParam("sku") String sku) { // ok: api/route/unauthenticated
    return 0;
  }

  /** @PermitAll cannot open what the filter chain protects (anyRequest().authenticated()). */
  @GET
  @Path("/public/stock")
  @PermitAll
  public int total(@QueryParam("warehouse") String warehouse) { // ok: api/route/unauthenticated
    return 0;
  }
}
