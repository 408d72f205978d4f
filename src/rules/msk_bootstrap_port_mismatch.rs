use super::{declare_rule, Context, Diagnostic, Downgrade, FixAvailability};
use crate::connector::{BrokerReference, ClusterLink, Field, Listener, Value};
use crate::endpoints::bootstrap::{self, MskAuth, MskListener};
use crate::finding::{Applicability, Category, Edit, Fix, Severity};

declare_rule! {
    /// ## What it does
    /// Compares the ports of an MSK Connect connector's bootstrap servers with its encryption and
    /// authentication: on Amazon MSK, 9092 is plaintext, 9094/9194 TLS, 9096/9196 SASL/SCRAM and
    /// 9098/9198 IAM (20092-20098 for IPv6). Only MSK host names
    /// (`*.kafka.<region>.amazonaws.com`) are judged; other clusters may number ports freely.
    /// Where Terraform or CloudFormation takes the servers from the cluster
    /// (`aws_msk_cluster.x.bootstrap_brokers_tls`, `!GetAtt Cluster.BootstrapBrokerStringSaslIam`),
    /// the attribute names the listener; with the cluster in the same input, its client
    /// authentication and encryption settings say whether it enables that listener at all.
    ///
    /// ## Why is this bad?
    /// A connector whose ports do not match its settings cannot connect: TLS against the
    /// plaintext listener, plaintext against a TLS one, IAM against the TLS-only listener. The
    /// usual reaction to the error is to downgrade encryption until it connects. Ports of two
    /// listeners in one list make the connector work or fail depending on which broker answers
    /// first. MSK Connect cannot use SASL/SCRAM for its own link at all.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "connectorName": "orders-sink",
    ///   "kafkaCluster": { "apacheKafkaCluster": { "bootstrapServers": "b-1.demo.abc123.c2.kafka.us-east-1.amazonaws.com:9092" } },
    ///   "kafkaClusterEncryptionInTransit": { "encryptionType": "TLS" },
    ///   "kafkaClusterClientAuthentication": { "authenticationType": "IAM" }
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "connectorName": "orders-sink",
    ///   "kafkaCluster": { "apacheKafkaCluster": { "bootstrapServers": "b-1.demo.abc123.c2.kafka.us-east-1.amazonaws.com:9098" } },
    ///   "kafkaClusterEncryptionInTransit": { "encryptionType": "TLS" },
    ///   "kafkaClusterClientAuthentication": { "authenticationType": "IAM" }
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: the edit moves each broker to the port of the listener the settings ask for; that
    /// listener must be enabled on the cluster. When the link is `PLAINTEXT` and the ports are TLS
    /// ports, the fix is to turn on TLS (MSK001), never to move to the plaintext port.
    ///
    /// ## References
    /// - <https://docs.aws.amazon.com/msk/latest/developerguide/port-info.html>
    pub static RULE = {
        code: "MSK004",
        name: "msk-bootstrap-port-mismatch",
        severity: Severity::Medium,
        category: Category::InconsistentSetting,
        fix: FixAvailability::Sometimes,
        compliance: &[],
        covers: &["MSK Connect cluster link"],
        superseded_by: &["MSK003"],
        check: check,
    };
}

fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    let Some(cluster) = &context.connector.cluster else { return };
    let Some(field) = &cluster.bootstrap_servers else { return };
    let name = cluster.names.bootstrap;
    let list = match &field.value {
        Value::Text(text) => text,
        Value::Unknown { shown } => {
            if let Some(reference) = &cluster.brokers {
                referenced_listener(cluster, field, shown, reference, out);
                return;
            }
            let wanted = if cluster.uses_iam() {
                "the IAM brokers (port 9098, bootstrap_brokers_sasl_iam)"
            } else {
                "the TLS brokers (port 9094, bootstrap_brokers_tls)"
            };
            out.push(
                Diagnostic::at(
                    field.location.clone(),
                    None,
                    format!("{name} is `{shown}`, which cannot be known from this input"),
                    format!("Check that it resolves to {wanted}"),
                )
                .downgraded(Some(Downgrade::Unverifiable)),
            );
            return;
        }
    };
    let brokers = bootstrap::parse(list);
    if brokers.is_empty() || !brokers.iter().all(|b| b.is_msk()) {
        return;
    }
    let tls = match cluster.encryption().and_then(Value::text) {
        Some(text) => text.trim().eq_ignore_ascii_case("TLS"),
        None if cluster.defaults_apply => false,
        None => return,
    };
    if cluster.encryption().is_some_and(|v| v.text().is_none()) {
        return;
    }
    let auth = if cluster.uses_iam() { MskAuth::Iam } else { MskAuth::None };
    let listeners: Vec<Option<MskListener>> = brokers.iter().map(|b| b.msk_listener()).collect();
    let wanted = |l: &MskListener| l.tls == tls && l.auth == auth;
    let mismatched: Vec<usize> = (0..brokers.len()).filter(|&i| !listeners[i].as_ref().is_some_and(wanted)).collect();
    if mismatched.is_empty() {
        return;
    }
    let ports: Vec<String> =
        brokers.iter().filter_map(|b| b.port).map(|p| p.to_string()).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
    let settings = format!(
        "{} {} with {} {}",
        cluster.names.encryption,
        if tls { "TLS" } else { "PLAINTEXT" },
        cluster.names.authentication,
        if auth == MskAuth::Iam { "IAM" } else { "NONE" }
    );
    let expected = match auth {
        MskAuth::Iam => "the IAM listener (9098, public 9198)",
        _ => "the TLS listener (9094, public 9194)",
    };
    let mixed = listeners.iter().flatten().map(|l| (l.tls, l.auth)).collect::<std::collections::BTreeSet<_>>().len() > 1;
    let scram = listeners.iter().flatten().any(|l| l.auth == MskAuth::Scram);
    let mut message = if tls {
        format!("{name} uses port {}, but {settings} needs {expected}", ports.join(", "))
    } else {
        let tls_ports: Vec<String> = mismatched.iter().filter_map(|&i| brokers[i].port).map(|p| p.to_string()).collect();
        format!(
            "{name} uses port {}, a TLS listener, but with {settings} the connector speaks plaintext to it and cannot connect",
            tls_ports.join(", ")
        )
    };
    if mixed {
        message.push_str("; the list mixes listeners, so the connector works or fails depending on which broker answers");
    }
    if scram {
        message.push_str("; MSK Connect cannot authenticate with SASL/SCRAM on its own link");
    }
    let edits = if tls {
        let mut rewritten = list.clone();
        for &i in mismatched.iter().rev() {
            let broker = &brokers[i];
            let (public, ipv6) = listeners[i].map_or((broker.host.contains("-public."), false), |l| (l.public, l.ipv6));
            let Some(port) = MskListener::port_for(public, ipv6, tls, auth) else { continue };
            let protocol = broker.protocol.as_ref().map(|p| format!("{p}://")).unwrap_or_default();
            rewritten.replace_range(broker.start..broker.end, &format!("{protocol}{}:{port}", broker.host));
        }
        vec![Edit { key: None, pointer: field.location.pointer.clone(), value: Some(rewritten) }]
    } else {
        Vec::new()
    };
    let help = if tls {
        format!("Use the bootstrap brokers of {expected}")
    } else {
        "Turn on encryption in transit (TLS) for this connector rather than moving to the plaintext port; see MSK001".to_string()
    };
    out.push(Diagnostic::at(field.location.clone(), None, message, help).with_fix(Fix::new(
        "Use the ports of the listener the settings ask for",
        Applicability::Unsafe,
        edits,
    )));
}

/// The listener a reference to the cluster's bootstrap attribute names (`bootstrap_brokers_tls`,
/// `!GetAtt Cluster.BootstrapBrokerStringSaslIam`), against the connector's settings and, when
/// the cluster is in the same input, against the listeners it enables.
fn referenced_listener(cluster: &ClusterLink, field: &Field, shown: &str, reference: &BrokerReference, out: &mut Vec<Diagnostic>) {
    let name = cluster.names.bootstrap;
    let Some(encryption) = cluster.encryption_in_force() else { return };
    let wanted = match (encryption.eq_ignore_ascii_case("TLS"), cluster.uses_iam()) {
        (true, true) => Listener::SaslIam,
        (true, false) => Listener::Tls,
        (false, false) => Listener::Plaintext,
        (false, true) => Listener::SaslIam, // IAM without TLS: MSK003 supersedes what this says.
    };
    let describe = |l: Listener| match l {
        Listener::Plaintext => "the plaintext brokers (9092)",
        Listener::Tls => "the TLS brokers (9094)",
        Listener::SaslScram => "the SASL/SCRAM brokers (9096)",
        Listener::SaslIam => "the IAM brokers (9098)",
    };
    if reference.listener != wanted {
        let scram = if reference.listener == Listener::SaslScram { "; MSK Connect cannot authenticate with SASL/SCRAM on its own link" } else { "" };
        out.push(Diagnostic::at(
            field.location.clone(),
            None,
            format!(
                "{name} is `{shown}`, {} of {}, but {} {encryption} with {} {} needs {}, so the connector cannot connect{scram}",
                describe(reference.listener),
                reference.cluster,
                cluster.names.encryption,
                cluster.names.authentication,
                if cluster.uses_iam() { "IAM" } else { "NONE" },
                describe(wanted),
            ),
            format!("Reference the bootstrap attribute of {} instead", describe(wanted)),
        ));
        return;
    }
    let Some(accepts) = &reference.accepts else { return };
    if accepts.has(wanted) == Some(false) {
        out.push(Diagnostic::at(
            field.location.clone(),
            None,
            format!(
                "{name} is `{shown}`, {} of {}, but that cluster does not enable them (by its client authentication and encryption in transit settings), so the connector cannot connect",
                describe(wanted),
                reference.cluster,
            ),
            "Enable that listener on the cluster (an in-place update of the MSK cluster), or change the connector's authentication to one the cluster offers",
        ));
    }
}
