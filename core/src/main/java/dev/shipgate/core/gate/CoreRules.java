package dev.shipgate.core.gate;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import java.util.List;

/** Rules of the gate itself (family {@code shipgate}): misuse of suppressions and waivers. */
public final class CoreRules {

  public static final String FAMILY = "shipgate";

  public static final Rule SUPPRESSION_WITHOUT_REASON = Rule.builder("shipgate/suppression/missing-reason", FAMILY)
      .title("Suppression without a reason")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .description("A `shipgate:ignore` comment must say why the finding is acceptable, after ` -- `. "
          + "A suppression without a reason does not suppress anything.")
      .fix("Write the reason: `shipgate:ignore RULE-ID -- why this is safe here`.")
      .tags("ssdf:PW.7.2", "soc2:CC8.1")
      .build();

  public static final Rule SUPPRESSION_UNKNOWN_RULE = Rule.builder("shipgate/suppression/unknown-rule", FAMILY)
      .title("Suppression names a rule that does not exist")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .description("A `shipgate:ignore` comment names a rule id that no scanner has, so it suppresses nothing; "
          + "usually a typo or a rule that was renamed.")
      .fix("Use an id from `shipgate rules`, or remove the comment.")
      .tags("ssdf:PW.7.2")
      .build();

  public static final Rule WAIVER_EXPIRED = Rule.builder("shipgate/waiver/expired", FAMILY)
      .title("Waiver has expired")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .description("A waiver in `.shipgate/waivers.yml` is past its expiry date. The finding it covered is judged again "
          + "and the expired entry itself fails the gate until someone renews or removes it.")
      .fix("Fix the finding and delete the waiver, or have the approver renew it with a new `expires` date.")
      .tags("ssdf:PO.3.3", "soc2:CC8.1", "iso27001:2022-A.8.32")
      .build();

  public static final Rule WAIVER_INVALID = Rule.builder("shipgate/waiver/invalid", FAMILY)
      .title("Waiver file entry is malformed")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .description("An entry of `.shipgate/waivers.yml` cannot be used: a required field (rule, fingerprint or path, reason, "
          + "approver, expires) is missing or wrong. The gate fails closed rather than guess.")
      .fix("Correct the entry as the message says; `shipgate explain shipgate/waiver/invalid` lists the fields.")
      .tags("ssdf:PO.3.3", "soc2:CC8.1")
      .build();

  public static final List<Rule> ALL = List.of(SUPPRESSION_WITHOUT_REASON, SUPPRESSION_UNKNOWN_RULE, WAIVER_EXPIRED, WAIVER_INVALID);

  private CoreRules() {}
}
