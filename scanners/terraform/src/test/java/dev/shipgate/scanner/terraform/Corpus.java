package dev.shipgate.scanner.terraform;

import dev.shipgate.core.scan.SourceFile;
import java.util.ArrayList;
import java.util.List;

/**
 * A generated tree of realistic Terraform modules for scale tests and timing: ten files per module, every
 * module with exactly {@link #FINDINGS_PER_MODULE} findings.
 */
final class Corpus {

  static final int FILES_PER_MODULE = 10;
  static final int FINDINGS_PER_MODULE = 4;

  private Corpus() {}

  static List<SourceFile> modules(int count) {
    List<SourceFile> files = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String dir = "envs/m" + i + "/";
      files.add(SourceFile.of(dir + "variables.tf", """
          variable "env" {
            type    = string
            default = "prod"
          }
          variable "admin_cidr" {
            default = "0.0.0.0/0"
          }
          """));
      files.add(SourceFile.of(dir + "locals.tf", """
          locals {
            name = "${var.env}-app-%d"
            tags = { Team = "platform", Env = var.env }
            ports = [for p in [80, 443] : p]
          }
          """.formatted(i)));
      files.add(SourceFile.of(dir + "s3.tf", """
          resource "aws_s3_bucket" "data" {
            bucket = "acme-data-%d"
            tags   = local.tags
          }
          resource "aws_s3_bucket" "logs" {
            bucket = "acme-logs-%d"
          }
          """.formatted(i, i)));
      files.add(SourceFile.of(dir + "s3_controls.tf", """
          resource "aws_s3_bucket_public_access_block" "data" {
            bucket                  = aws_s3_bucket.data.id
            block_public_acls       = true
            block_public_policy     = true
            ignore_public_acls      = true
            restrict_public_buckets = true
          }
          resource "aws_s3_bucket_public_access_block" "logs" {
            bucket                  = aws_s3_bucket.logs.id
            block_public_acls       = true
            block_public_policy     = true
            ignore_public_acls      = true
            restrict_public_buckets = true
          }
          resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
            bucket = aws_s3_bucket.data.id
            rule {
              apply_server_side_encryption_by_default {
                sse_algorithm = "aws:kms"
              }
            }
          }
          resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
            bucket = aws_s3_bucket.logs.id
            rule {
              apply_server_side_encryption_by_default {
                sse_algorithm = "AES256"
              }
            }
          }
          resource "aws_s3_bucket_logging" "data" {
            bucket        = aws_s3_bucket.data.id
            target_bucket = aws_s3_bucket.logs.id
          }
          """));
      files.add(SourceFile.of(dir + "network.tf", """
          resource "aws_security_group" "app" {
            name = local.name
            ingress {
              from_port   = 22
              to_port     = 22
              protocol    = "tcp"
              cidr_blocks = [var.admin_cidr]
            }
            dynamic "ingress" {
              for_each = local.ports
              content {
                from_port   = ingress.value
                to_port     = ingress.value
                protocol    = "tcp"
                cidr_blocks = ["0.0.0.0/0"]
              }
            }
            egress {
              from_port   = 0
              to_port     = 0
              protocol    = "-1"
              cidr_blocks = ["0.0.0.0/0"]
            }
          }
          """));
      files.add(SourceFile.of(dir + "database.tf", """
          resource "aws_db_instance" "app" {
            identifier          = local.name
            engine              = "postgres"
            instance_class      = var.env == "prod" ? "db.r6g.large" : "db.t3.micro"
            storage_encrypted   = true
            publicly_accessible = true
          }
          """));
      files.add(SourceFile.of(dir + "iam.tf", """
          data "aws_iam_policy_document" "app" {
            statement {
              actions   = ["s3:GetObject"]
              resources = ["${aws_s3_bucket.data.arn}/*"]
            }
          }
          resource "aws_iam_policy" "app" {
            name   = local.name
            policy = data.aws_iam_policy_document.app.json
          }
          resource "aws_iam_role_policy" "ci" {
            role = "ci"
            policy = jsonencode({
              Version   = "2012-10-17"
              Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
            })
          }
          """));
      files.add(SourceFile.of(dir + "compute.tf", """
          resource "aws_instance" "app" {
            count         = 2
            ami           = data.aws_ami.ubuntu.id
            instance_type = "t3.micro"
            user_data = <<-EOT
              #!/bin/bash
              echo "${local.name}" > /etc/hostname
            EOT
            root_block_device {
              encrypted = true
            }
          }
          resource "aws_ebs_volume" "data" {
            availability_zone = "eu-west-1a"
            size              = 100
            encrypted         = false
          }
          """));
      files.add(SourceFile.of(dir + "outputs.tf", """
          output "bucket" {
            value = aws_s3_bucket.data.arn
          }
          output "instances" {
            value = aws_instance.app[*].id
          }
          """));
      files.add(SourceFile.of(dir + "providers.tf", """
          terraform {
            required_version = ">= 1.5"
            required_providers {
              aws = { source = "hashicorp/aws", version = "~> 5.0" }
            }
          }
          provider "aws" {
            region = "eu-west-1"
          }
          """));
    }
    return files;
  }
}
