package dev.shipgate.scanner.terraform;

import dev.shipgate.scanner.terraform.rules.AlbAccessLogsRule;
import dev.shipgate.scanner.terraform.rules.AzureNsgOpenRule;
import dev.shipgate.scanner.terraform.rules.AzureSqlPublicAccessRule;
import dev.shipgate.scanner.terraform.rules.AzureStorageHttpsRule;
import dev.shipgate.scanner.terraform.rules.AzureStorageMinTlsRule;
import dev.shipgate.scanner.terraform.rules.AzureStoragePublicAccessRule;
import dev.shipgate.scanner.terraform.rules.CloudTrailLogValidationRule;
import dev.shipgate.scanner.terraform.rules.CloudTrailMultiRegionRule;
import dev.shipgate.scanner.terraform.rules.EbsUnencryptedRule;
import dev.shipgate.scanner.terraform.rules.GcpFirewallOpenRule;
import dev.shipgate.scanner.terraform.rules.GcpSqlOpenNetworkRule;
import dev.shipgate.scanner.terraform.rules.GcpSqlSslRule;
import dev.shipgate.scanner.terraform.rules.GcpStoragePublicRule;
import dev.shipgate.scanner.terraform.rules.IamWildcardPolicyRule;
import dev.shipgate.scanner.terraform.rules.RdsPubliclyAccessibleRule;
import dev.shipgate.scanner.terraform.rules.RdsStorageUnencryptedRule;
import dev.shipgate.scanner.terraform.rules.S3AccessLoggingRule;
import dev.shipgate.scanner.terraform.rules.S3EncryptionMissingRule;
import dev.shipgate.scanner.terraform.rules.S3PublicAccessBlockDisabledRule;
import dev.shipgate.scanner.terraform.rules.S3PublicAccessBlockMissingRule;
import dev.shipgate.scanner.terraform.rules.S3PublicAclRule;
import dev.shipgate.scanner.terraform.rules.S3PublicPolicyRule;
import dev.shipgate.scanner.terraform.rules.SecurityGroupOpenRule;
import dev.shipgate.scanner.terraform.rules.SnsUnencryptedRule;
import dev.shipgate.scanner.terraform.rules.SqsUnencryptedRule;
import java.util.List;

/** Every rule of the terraform family; a new rule is one class plus one line here. */
public final class TerraformRules {

  public static final List<TerraformRule> ALL = List.of(
      new S3PublicAclRule(),
      new S3PublicPolicyRule(),
      new S3PublicAccessBlockMissingRule(),
      new S3PublicAccessBlockDisabledRule(),
      new S3EncryptionMissingRule(),
      new S3AccessLoggingRule(),
      new SecurityGroupOpenRule(),
      new EbsUnencryptedRule(),
      new RdsStorageUnencryptedRule(),
      new RdsPubliclyAccessibleRule(),
      new IamWildcardPolicyRule(),
      new CloudTrailMultiRegionRule(),
      new CloudTrailLogValidationRule(),
      new AlbAccessLogsRule(),
      new SqsUnencryptedRule(),
      new SnsUnencryptedRule(),
      new AzureStoragePublicAccessRule(),
      new AzureStorageHttpsRule(),
      new AzureStorageMinTlsRule(),
      new AzureNsgOpenRule(),
      new AzureSqlPublicAccessRule(),
      new GcpStoragePublicRule(),
      new GcpFirewallOpenRule(),
      new GcpSqlOpenNetworkRule(),
      new GcpSqlSslRule());

  private TerraformRules() {}
}
