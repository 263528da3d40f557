package com.shop.web;

public record Product(Long id, String name, long priceCents) {}
