package dev.shipgate.scanner.terraform.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.terraform.Fixes;
import dev.shipgate.scanner.terraform.Module;
import dev.shipgate.scanner.terraform.Report;
import dev.shipgate.scanner.terraform.Resource;
import dev.shipgate.scanner.terraform.TerraformRule;
import dev.shipgate.scanner.terraform.hcl.Attribute;
import dev.shipgate.scanner.terraform.hcl.Block;
import java.util.List;

/**
 * Unencrypted EBS: an {@code aws_ebs_volume} with {@code encrypted} false or unset (unless the scan enables
 * account-wide EBS encryption by default, or the volume comes from a snapshot), and instance or launch template
 * block devices with {@code encrypted = false}.
 */
public final class EbsUnencryptedRule implements TerraformRule {

  public static final Rule RULE = Rule.builder("terraform/aws/ebs-unencrypted", "terraform")
      .title("EBS volume is not encrypted")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-311")
      .description("An unencrypted EBS volume stores its data, its snapshots and the traffic between the instance and the "
          + "volume in clear text; snapshots shared by mistake, or copied to another account, expose everything on the "
          + "disk. Encryption is transparent to the instance and costs nothing, but it can only be chosen when the volume "
          + "is created.")
      .fix("Set `encrypted = true` (optionally with a `kms_key_id`) on the volume or block device, or enable "
          + "`aws_ebs_encryption_by_default` for the account and region. Existing volumes must be recreated from an "
          + "encrypted snapshot copy.")
      .tags("cis-aws:2.2.1", "owasp-top10:A02:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.24", "soc2:CC6.7")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(Module m, Report out) {
    boolean byDefault = false;
    for (Resource d : m.project().resources("aws_ebs_encryption_by_default")) {
      Attribute enabled = d.attribute("enabled");
      byDefault |= enabled == null || Boolean.TRUE.equals(m.bool(enabled));
    }
    for (Resource r : m.resources("aws_ebs_volume")) {
      Attribute encrypted = r.attribute("encrypted");
      if (encrypted == null) {
        if (!byDefault && r.attribute("snapshot_id") == null) {
          out.add(RULE, r, r.block().start(), "encrypted", r.address() + " does not set encrypted (default false)",
              Fixes.insert(r, r.block(), List.of("encrypted = true"), "set encrypted = true"));
        }
      } else {
        explicitFalse(m, out, r, encrypted, "encrypted");
      }
    }
    for (Resource r : m.resources("aws_instance", "aws_launch_configuration")) {
      for (String device : new String[] {"root_block_device", "ebs_block_device"}) {
        List<Block> devices = r.blocks(device);
        for (int i = 0; i < devices.size(); i++) {
          explicitFalse(m, out, r, devices.get(i).attribute("encrypted"), device + "[" + i + "].encrypted");
        }
      }
    }
    for (Resource r : m.resources("aws_launch_template")) {
      List<Block> mappings = r.blocks("block_device_mappings");
      for (int i = 0; i < mappings.size(); i++) {
        for (Block ebs : mappings.get(i).blocks("ebs")) {
          explicitFalse(m, out, r, ebs.attribute("encrypted"), "block_device_mappings[" + i + "].encrypted");
        }
      }
    }
  }

  private static void explicitFalse(Module m, Report out, Resource r, Attribute encrypted, String what) {
    if (encrypted != null && Boolean.FALSE.equals(m.bool(encrypted))) {
      out.add(RULE, r, encrypted.start(), what,
          r.address() + " sets encrypted = false" + m.via(encrypted.value()),
          Fixes.replace(r, encrypted, true, "set encrypted = true"));
    }
  }
}
