package com.shop.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.web.bind.annotation.GetMapping;

/** The shop's composed mapping: a JSON GET. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@GetMapping(produces = "application/json")
public @interface ShopGet {
  @AliasFor(annotation = GetMapping.class, attribute = "path")
  String[] value() default {};
}
