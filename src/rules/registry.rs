//! Every rule, in code order. Registering a rule is one line here.

use super::Rule;

pub static RULES: &[&Rule] = &[
    &super::msk_cluster_link_plaintext::RULE,
    &super::msk_cluster_auth_none::RULE,
    &super::msk_iam_over_plaintext::RULE,
    &super::msk_bootstrap_port_mismatch::RULE,
    &super::embedded_kafka_client_plaintext::RULE,
    &super::sasl_plain_over_plaintext::RULE,
    &super::kafka_client_hostname_verification_disabled::RULE,
    &super::kafka_client_weak_tls_protocol::RULE,
    &super::worker_kafka_client_plaintext::RULE,
    &super::msk_worker_refused_key::RULE,
    &super::duplicate_key::RULE,
    &super::database_link_plaintext::RULE,
    &super::database_link_tls_fallback::RULE,
    &super::database_link_certificate_unverified::RULE,
    &super::database_link_hostname_unverified::RULE,
    &super::database_link_weak_tls_version::RULE,
    &super::service_link_plaintext::RULE,
    &super::credentials_over_plaintext::RULE,
    &super::service_certificate_unverified::RULE,
    &super::service_hostname_unverified::RULE,
    &super::plaintext_secret::RULE,
    &super::undeclared_config_provider::RULE,
    &super::ineffective_security_setting::RULE,
    &super::s3_kms_key_ignored::RULE,
    &super::s3_no_server_side_encryption::RULE,
];

/// A rule by code (`MSK001`, any case) or name (`msk-cluster-link-plaintext`).
pub fn find(name: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.code.eq_ignore_ascii_case(name) || r.name == name)
}
