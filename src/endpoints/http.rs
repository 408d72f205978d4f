//! `http(s)://` URL-list values and the link they make, shared by the service analyser and the
//! scan of keys no family knows.

use super::link::{Link, LinkKind, Posture};
use super::url;
use crate::connector::{ConfigEntry, Connector, Value};
use crate::finding::{Applicability, Edit};

/// What a URL-valued key means when its value has no scheme.
#[derive(Clone, Copy)]
pub enum NoScheme {
    Http,
    Https,
    Ignore,
}

/// An `http(s)://` list value: plaintext when any URL it uses is `http://`.
pub fn http_link(
    connector: &Connector,
    entry: &ConfigEntry,
    service: &str,
    no_scheme: NoScheme,
    credentials: Option<String>,
) -> Option<Link> {
    let text = match &entry.value {
        Value::Text(t) => t.trim().to_string(),
        Value::Unknown { shown } => {
            return Some(Link::new(
                LinkKind::Service,
                service,
                entry,
                Posture::Unknown,
                format!("`{shown}` cannot be known from this input"),
            ));
        }
    };
    if text.is_empty() {
        return None;
    }
    if text.starts_with("${") || is_placeholder(&text) {
        return Some(Link::new(LinkKind::Service, service, entry, Posture::Unknown, "the URL is a reference or placeholder"));
    }
    let urls: Vec<&str> = text.split(',').map(str::trim).filter(|u| !u.is_empty()).collect();
    let scheme = |u: &str| u.find("://").map(|i| u[..i].to_ascii_lowercase());
    // Each URL keeps its own scheme: the Elasticsearch sink's docs say one https URL makes them
    // all HTTPS, but its client builds every host from its own URL.
    let plain: Vec<&str> = urls
        .iter()
        .copied()
        .filter(|u| match scheme(u).as_deref() {
            Some("http") => true,
            None => matches!(no_scheme, NoScheme::Http),
            _ => false,
        })
        .collect();
    if plain.is_empty() {
        return None;
    }
    let hosts: Vec<String> = plain.iter().flat_map(|u| url::parse(u).host_names()).collect();
    let unschemed = plain.iter().any(|u| scheme(u).is_none());
    let reason = if unschemed {
        format!("`{}` has no scheme, which this connector reads as http://", plain[0])
    } else {
        format!("`{}` is plain HTTP", crate::redact::mask_embedded(plain[0]))
    };
    let secured: Vec<String> = urls
        .iter()
        .map(|u| match scheme(u).as_deref() {
            Some("http") => format!("https://{}", &u[7..]),
            None => format!("https://{u}"),
            _ => u.to_string(),
        })
        .collect();
    let userinfo = plain.iter().any(|u| url::parse(u).password.is_some()).then(|| "the user name and password in the URL".to_string());
    let mut link = Link::new(LinkKind::Service, service, entry, Posture::Plaintext, reason).on_hosts(&hosts).fixed_by(
        "Use https://",
        Applicability::Unsafe,
        vec![Edit::set(&connector.config, &entry.key, &secured.join(","))],
    );
    link.cleartext_credentials = userinfo.or(credentials);
    Some(link)
}

/// `<ES_ENDPOINT>`, `_SERVER_`, `CHANGE_ME`: not a real address, so nothing to judge.
pub fn is_placeholder(text: &str) -> bool {
    text.contains('<') && text.contains('>') || text.chars().all(|c| c.is_ascii_uppercase() || c == '_')
}
