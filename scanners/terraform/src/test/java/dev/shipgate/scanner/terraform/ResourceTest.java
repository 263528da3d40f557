package dev.shipgate.scanner.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourceTest {

  @Test
  void referencedAddressesFollowTerraformReferenceSyntax() {
    assertThat(Resource.referencedAddresses("aws_s3_bucket.logs.id", "aws_s3_bucket")).containsExactly("aws_s3_bucket.logs");
    assertThat(Resource.referencedAddresses("\"${aws_s3_bucket.a-1.arn}/x\" ${aws_s3_bucket.b_2}", "aws_s3_bucket"))
        .containsExactly("aws_s3_bucket.a-1", "aws_s3_bucket.b_2");
    // A data source, a longer type name and a bare type are not references to a managed bucket.
    assertThat(Resource.referencedAddresses("data.aws_s3_bucket.x.id", "aws_s3_bucket")).isEmpty();
    assertThat(Resource.referencedAddresses("my_aws_s3_bucket.x.id", "aws_s3_bucket")).isEmpty();
    assertThat(Resource.referencedAddresses("aws_s3_bucket.", "aws_s3_bucket")).isEmpty();
  }
}
