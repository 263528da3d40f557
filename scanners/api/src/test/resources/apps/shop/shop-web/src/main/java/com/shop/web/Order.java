package com.shop.web;

public record Order(Long id, String owner, String status) {}
