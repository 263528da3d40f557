package dev.shipgate.scanner.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.testing.RecordingContext;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mapper XML statements linked to their interface methods and the callers that pass request data. */
class MyBatisTest {

  static final String MAPPER = """
      package com.acme;
      import org.apache.ibatis.annotations.Param;
      public interface UserMapper {
        java.util.List<User> search(@Param("name") String name, @Param("sort") String sort, @Param("size") int size);
        java.util.List<User> byIds(@Param("ids") java.util.List<String> ids);
        int count(Filter filter);
      }
      """;
  static final String FILTER = """
      package com.acme;
      public class Filter {
        String column;
        long minAge;
      }
      """;
  static final String CONTROLLER = """
      package com.acme;
      import org.springframework.web.bind.annotation.*;
      @RestController
      class UserController {
        private final UserService service;
        UserController(UserService service) { this.service = service; }
        @GetMapping("/users")
        Object users(@RequestParam String name, @RequestParam String sort, @RequestParam int size) {
          return service.find(name, sort, size);
        }
        @PostMapping("/count")
        int count(@RequestBody Filter filter) {
          return service.mapper.count(filter);
        }
      }
      class UserService {
        UserMapper mapper;
        Object find(String name, String sort, int size) {
          return mapper.search(name, "created_at", size);
        }
      }
      """;
  static final String XML = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "https://mybatis.org/dtd/mybatis-3-mapper.dtd">
      <mapper namespace="com.acme.UserMapper">
        <select id="search" resultType="com.acme.User">
          SELECT * FROM users
          WHERE name LIKE '%${name}%'
          ORDER BY ${sort}
          LIMIT ${size}
        </select>
        <select id="byIds" resultType="com.acme.User">
          SELECT * FROM users WHERE id IN
          <foreach collection="ids" item="id" separator=",">'${id}'</foreach>
        </select>
        <select id="count" resultType="int">
          SELECT count(*) FROM users WHERE ${column} > #{minAge} AND age > ${minAge}
        </select>
      </mapper>
      """;

  @Test
  void requestDataReachingASubstitutionIsReportedAtTheXmlLine() throws IOException {
    List<Finding> findings = ScanSupport.findings(ScanSupport.file("src/main/java/com/acme/UserMapper.java", MAPPER),
        ScanSupport.file("src/main/java/com/acme/Filter.java", FILTER),
        ScanSupport.file("src/main/java/com/acme/UserController.java", CONTROLLER),
        ScanSupport.file("src/main/resources/mapper/UserMapper.xml", XML));
    assertThat(findings).extracting(f -> f.location().path() + ":" + f.location().startLine() + " " + f.ruleId())
        .containsExactly(
            "src/main/resources/mapper/UserMapper.xml:6 java/injection/sql",
            "src/main/resources/mapper/UserMapper.xml:7 java/injection/mybatis-substitution",
            "src/main/resources/mapper/UserMapper.xml:12 java/injection/mybatis-substitution",
            "src/main/resources/mapper/UserMapper.xml:15 java/injection/sql");
    Finding name = findings.get(0);
    assertThat(name.confidence()).isEqualTo(Confidence.HIGH);
    assertThat(name.flow().get(0).location().path()).isEqualTo("src/main/java/com/acme/UserController.java");
    assertThat(name.flow().get(name.flow().size() - 1).message()).contains("${name}");
    assertThat(findings.get(1).confidence()).as("constant sort column: pattern only").isEqualTo(Confidence.MEDIUM);
  }

  @Test
  void malformedMapperIsAnErrorNamingFileAndLine() throws IOException {
    String broken = "<mapper namespace=\"a.B\">\n  <select id=\"x\">\n    SELECT ${x}\n  </selec>\n</mapper>\n";
    RecordingContext ctx = ScanSupport.scan(ScanSupport.file("m/B.xml", broken),
        ScanSupport.file("pom.xml", "<project><build>${not.a.mapper}</build></project>"));
    assertThat(ctx.errors()).hasSize(1);
    assertThat(ctx.errors().get(0).path()).isEqualTo("m/B.xml");
    assertThat(ctx.errors().get(0).line()).isEqualTo(4);
    assertThat(ctx.errors().get(0).message()).contains("not well-formed");
    assertThat(ctx.findings()).isEmpty();
  }

  @Test
  void externalEntitiesInAMapperAreNeverResolvedButReported() throws IOException {
    String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE mapper [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
        + "<mapper namespace=\"a.B\"><select id=\"x\">SELECT &e; ${y}</select></mapper>\n";
    RecordingContext ctx = ScanSupport.scan(ScanSupport.file("m/B.xml", xxe));
    assertThat(ctx.errors()).extracting(e -> e.path() + ":" + e.line()).containsExactly("m/B.xml:3");
    assertThat(ctx.errors()).allSatisfy(e -> assertThat(e.message()).doesNotContain("root:"));
    assertThat(ctx.findings()).allSatisfy(f -> assertThat(f.message()).doesNotContain("root:"));
  }
}
