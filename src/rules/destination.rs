//! What the destination-link rules share: each reports the links of one kind and posture that
//! `endpoints::links` found, in one voice.

use super::{Catalogue, Context, Diagnostic, Downgrade};
use crate::endpoints::{
    debezium, jdbc,
    link::{Link, LinkKind, Posture, Trust},
    managed,
    modes::ModeTable,
};

/// Reports every link of `kind` with `posture`; `Unknown` links are reported by the rule for
/// plaintext links, as info ("cannot verify").
pub fn report(context: &Context, kind: LinkKind, posture: Posture, help: &str, out: &mut Vec<Diagnostic>) {
    for link in context.links() {
        if link.kind != kind {
            continue;
        }
        if link.posture == Posture::Unknown && posture == Posture::Plaintext {
            out.push(
                Diagnostic::at(
                    link.location.clone(),
                    Some(&link.key),
                    format!("cannot verify the {} connection ({}): {}", link.service, link.key, link.explanation()),
                    "Check by hand that this connection uses TLS with certificate and host name verification",
                )
                .with_fix(link.fix.clone())
                .citing(link.references)
                .downgraded(Some(Downgrade::Unverifiable)),
            );
            continue;
        }
        if link.posture != posture {
            continue;
        }
        out.push(diagnostic(link, help));
    }
}

pub fn diagnostic(link: &Link, help: &str) -> Diagnostic {
    let what = match link.posture {
        Posture::Plaintext => "is not encrypted",
        Posture::Fallback => "falls back to plaintext",
        Posture::CertificateUnverified => "does not verify the server's certificate",
        Posture::HostnameUnverified => "does not verify the server's host name",
        Posture::Refused => "will not start",
        Posture::Verified | Posture::Unknown => "is set",
    };
    let loopback = link.loopback.then_some(Downgrade::Loopback);
    // Without the host name check, what the client trusts decides who can pass for the server.
    let (trust, public_store) = match (&link.posture, &link.trust) {
        (Posture::HostnameUnverified, Trust::DefaultStore) => {
            ("; it trusts the default public CA store, so a certificate any public CA issued for any name is accepted".to_string(), true)
        }
        (Posture::HostnameUnverified, Trust::PrivateCa(ca)) => (format!("; it trusts only the private CA of {ca}"), false),
        _ => (String::new(), false),
    };
    Diagnostic::at(
        link.location.clone(),
        Some(&link.key),
        format!("the {} connection ({}) {what}: {}{trust}", link.service, link.key, link.explanation()),
        help,
    )
    .with_fix(link.fix.clone())
    .citing(link.references)
    .escalated(public_store)
    .downgraded(loopback)
}

/// Whether this connector sends anything over a plaintext network link (for rules whose
/// severity rises when it does).
pub fn has_plaintext_link(context: &Context) -> bool {
    let destination = context.links().iter().any(|l| matches!(l.posture, Posture::Plaintext | Posture::Fallback) && !l.loopback);
    let cluster = context
        .connector
        .cluster
        .as_ref()
        .is_some_and(|c| c.encryption_in_force().is_some_and(|text| text.eq_ignore_ascii_case("PLAINTEXT")));
    destination || cluster
}

/// The database settings that give `posture`, by driver and connector family, from their tables.
pub fn database_catalogue(posture: Posture) -> Catalogue {
    let mut lines: Vec<(String, Vec<String>)> = Vec::new();
    let mut references = Vec::new();
    let mut add = |service: &str, item: String, refs: &'static [&'static str]| {
        match lines.iter_mut().find(|(s, _)| s == service) {
            Some((_, items)) => items.push(item),
            None => lines.push((service.to_string(), vec![item])),
        }
        references.extend(refs.iter().filter(|r| !references.contains(*r)).copied().collect::<Vec<_>>());
    };
    for driver in &jdbc::DRIVERS {
        if let Some((name, table)) = driver.mode {
            for mode in table.modes.iter().filter(|m| m.posture == posture) {
                add(driver.name, format!("`{name}={}`", mode.value), driver.references);
            }
            if let Some(default) = driver.default.as_ref().filter(|d| d.posture == posture) {
                let why = default.assumption.map(|a| format!(" ({a})")).unwrap_or_else(|| " (the default)".to_string());
                add(driver.name, format!("no `{name}`{why}"), driver.references);
            }
        }
        // As `jdbc` reads it: a shared table's refusal holds only for the drivers the suite ran.
        let refuses = |t: &ModeTable| posture == Posture::Refused && t.refused_by.is_some() && driver.confirmed.is_some();
        if let Some((name, table)) = driver.mode.filter(|(_, t)| refuses(t)) {
            add(driver.name, refused(name, table, driver.confirmed), driver.references);
        }
        for (_, note) in driver.notes.iter().filter(|(p, _)| *p == posture) {
            add(driver.name, note.to_string(), driver.references);
        }
    }
    for setting in &debezium::TLS_SETTINGS {
        for mode in setting.table.modes.iter().filter(|m| m.posture == posture) {
            add(setting.service, format!("`{}={}`", setting.key, mode.value.to_ascii_lowercase()), setting.references);
        }
        if posture == Posture::Refused && setting.table.refused_by.is_some() {
            add(setting.service, refused(setting.key, setting.table, None), setting.references);
        }
        let default_posture = |value: &str| setting.table.find(value).map(|m| m.posture);
        match (default_posture(setting.default_before_2_3) == Some(posture), default_posture(setting.default_since_2_3) == Some(posture)) {
            (true, true) => add(setting.service, format!("no `{}` (the default)", setting.key), setting.references),
            (true, false) => add(setting.service, format!("no `{}` before Debezium 2.3", setting.key), setting.references),
            (false, true) => add(setting.service, format!("no `{}` in Debezium 2.3 and later", setting.key), setting.references),
            (false, false) => {}
        }
    }
    for (service, _, note) in debezium::NOTES.iter().chain(managed::NOTES.iter()).filter(|(_, p, _)| *p == posture) {
        add(service, note.to_string(), &[]);
    }
    let docs = lines.iter().map(|(service, items)| format!("- {service}: {}\n", items.join(", "))).collect();
    Catalogue { docs, references }
}

/// "`sslmode` other than disable, ..." for a table whose reader refuses other values.
fn refused(name: &str, table: &ModeTable, confirmed: Option<&str>) -> String {
    let values: Vec<&str> = table.modes.iter().map(|m| m.value).collect();
    let on = confirmed.map(|c| format!(" (seen on {c})")).unwrap_or_default();
    format!("`{name}` empty or other than {}{on}", values.join(", "))
}

/// The drivers whose TLS versions a property lists, for the weak-TLS rule.
pub fn tls_versions_catalogue() -> Catalogue {
    let drivers = jdbc::DRIVERS.iter().filter(|d| !d.tls_versions.is_empty());
    let docs = drivers
        .clone()
        .map(|d| {
            let names: Vec<String> = d.tls_versions.iter().map(|n| format!("`{n}`")).collect();
            format!("- {}: {}\n", d.name, names.join(", "))
        })
        .collect();
    Catalogue { docs, references: drivers.flat_map(|d| d.references.iter().copied()).collect() }
}
