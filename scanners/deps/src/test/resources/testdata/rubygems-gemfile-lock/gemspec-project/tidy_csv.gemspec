# frozen_string_literal: true

require_relative "lib/tidy_csv/version"

Gem::Specification.new do |spec|
  spec.name = "tidy_csv"
  spec.version = TidyCsv::VERSION
  spec.authors = ["Acme"]
  spec.summary = "CSV cleaning"
  spec.required_ruby_version = ">= 3.0.0"

  spec.add_dependency "csv", "~> 3.2"
  spec.add_runtime_dependency("zeitwerk", ">= 2.6")
  spec.add_development_dependency "minitest", "~> 5.22"
end
