package com.shop.web;

public record Customer(String id, String email) {}
