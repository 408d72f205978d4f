//! Secrets never leave the engine: values of secret-bearing keys, passwords inside JAAS configs
//! and the password part of URLs are masked before they reach a message.

use std::borrow::Cow;

use crate::text;

pub const MASK: &str = "****";

/// Keys whose whole value is a secret (Kafka's `PASSWORD` type and its look-alikes).
pub fn is_secret_key(key: &str) -> bool {
    // Invisible characters do not hide a secret: `connection.pass\u{200B}word` is still a password.
    // Every invisible character is outside ASCII, so a lowercase ASCII key (nearly all) is read
    // as it is, without a copy: this runs for every setting.
    let key: Cow<str> = if key.bytes().any(|b| !b.is_ascii() || b.is_ascii_uppercase()) {
        Cow::Owned(key.chars().filter(|&c| !is_invisible(c)).map(|c| c.to_ascii_lowercase()).collect())
    } else {
        Cow::Borrowed(key)
    };
    let key = key.as_ref();
    // Confluent Cloud's API key is the key's id, like a user name; its secret is `kafka.api.secret`.
    if key.ends_with("kafka.api.key") {
        return false;
    }
    // After the last `.` or `_` (both ASCII, so the byte after one starts a character).
    let last = key.bytes().rposition(|b| b == b'.' || b == b'_').map_or(key, |i| &key[i + 1..]);
    SECRET_WORDS.iter().any(|word| text::contains(last, word))
        || SECRET_SUFFIXES.iter().any(|suffix| key.ends_with(suffix))
        || text::contains(key, "keyfile") && text::contains(key, "json")
}

/// Words that make a key's last segment a secret's name (`sasl.password`, `auth_token`).
const SECRET_WORDS: [&str; 8] = ["password", "passwd", "pwd", "secret", "token", "passphrase", "credentials", "apikey"];

/// Endings of keys whose value is a secret although their last segment does not say so.
const SECRET_SUFFIXES: [&str; 9] = [
    "secret.access.key",
    "secret_access_key",
    "private.key",
    "keystore.key",
    "customer.key",
    "secret.key",
    "user.info",
    "api.key",
    "authorization",
];

/// Zero-width, bidi and other format characters: shown as nothing, or as a reordering.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// The value as it may be shown for `key`.
pub fn shown(key: &str, value: &str) -> String {
    if value.strip_prefix("${").and_then(|v| v.strip_suffix('}')).is_some_and(crate::connector::is_config_provider_reference) {
        return value.to_string();
    }
    if is_secret_key(key) {
        return MASK.to_string();
    }
    mask_embedded(value)
}

/// What a secret key's unknown value may show: its references (`${var.password}`) and
/// intrinsics, with every literal part masked (`p4ss${var.suffix}` is `****${var.suffix}`).
pub fn mask_template_literals(shown: &str) -> String {
    let mut out = String::new();
    let mut rest = shown;
    while let Some(start) = rest.find("${") {
        if !rest.get(..start).unwrap_or("").trim_matches(['"', ' ']).is_empty() {
            out.push_str(MASK);
        }
        let after = rest.get(start..).unwrap_or("");
        let end = after.find('}').map_or(after.len(), |i| i + 1);
        out.push_str(after.get(..end).unwrap_or(""));
        rest = after.get(end..).unwrap_or("");
    }
    if !rest.trim_matches(['"', ' ']).is_empty() {
        out.push_str(MASK);
    }
    out
}

/// Masks `password="..."` (JAAS), `password=...` / `pwd=...` parameters, `user:pass@` in URLs
/// and the values of credential headers in header lists (`Authorization:Bearer ...|Accept:...`).
pub fn mask_embedded(value: &str) -> String {
    // Each pass copies the text and changes nothing without its marker, so a pass whose marker
    // is absent is skipped (most values shown are host names and URLs).
    let mut out = mask_userinfo(value);
    if out.contains([':', '=']) {
        out = mask_headers(&out);
    }
    if text::contains(&out, PEM_BEGIN) {
        out = mask_pem_keys(&out);
    }
    if out.contains('=') {
        for name in ["password", "Password", "PASSWORD", "pwd", "secret", "token", "trustCertificateKeyStorePassword", "sslpassword"] {
            out = mask_assignments(&out, name);
        }
    }
    out
}

const PEM_BEGIN: &str = "-----BEGIN ";

fn mask_userinfo(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(scheme_end) = text::find(rest, "://") {
        let authority_start = scheme_end + 3;
        out.push_str(&rest[..authority_start]);
        rest = &rest[authority_start..];
        let authority_end = rest.find(['/', '?', '#', ',']).unwrap_or(rest.len());
        let authority = &rest[..authority_end];
        match authority.rfind('@') {
            Some(at) => {
                let userinfo = &authority[..at];
                match userinfo.split_once(':') {
                    Some((user, _)) => out.push_str(&format!("{user}:{MASK}")),
                    None => out.push_str(userinfo),
                }
                out.push_str(&authority[at..]);
            }
            None => out.push_str(authority),
        }
        rest = &rest[authority_end..];
    }
    out.push_str(rest);
    out
}

/// The body of every PEM private key block (`-----BEGIN [RSA |EC |ENCRYPTED ]PRIVATE KEY-----`),
/// whatever key holds it (Kafka's `ssl.keystore.key`, a service account JSON's `private_key`).
fn mask_pem_keys(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(begin) = text::find(rest, PEM_BEGIN) {
        let after_begin = rest.get(begin..).unwrap_or("");
        // The header closes with the next "-----".
        let Some(header_end) = after_begin.get(PEM_BEGIN.len()..).and_then(|h| text::find(h, "-----")).map(|i| PEM_BEGIN.len() + i + 5)
        else {
            break;
        };
        let header = after_begin.get(..header_end).unwrap_or("");
        out.push_str(rest.get(..begin + header_end).unwrap_or(""));
        let body = after_begin.get(header_end..).unwrap_or("");
        if !header.contains("PRIVATE KEY") {
            rest = body;
            continue;
        }
        let end = body.find("-----END ").unwrap_or(body.len());
        out.push_str(MASK);
        rest = body.get(end..).unwrap_or("");
        // Past the END line's own dashes, so it is not read as another BEGIN.
        let close = rest.get(9..).and_then(|r| r.find("-----")).map_or(rest.len(), |i| 9 + i + 5);
        out.push_str(rest.get(..close).unwrap_or(rest));
        rest = rest.get(close..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// Headers that carry a credential, as HTTP sinks take them in a list: `Name:Value` or
/// `Name=Value`, separated by `|` (Confluent's `headers`), `,` (Aiven's `http.headers.additional`),
/// `;` or a line break.
const CREDENTIAL_HEADERS: [&str; 6] = ["proxy-authorization", "authorization", "x-api-key", "api-key", "x-auth-token", "cookie"];

fn mask_headers(value: &str) -> String {
    // ASCII lower-casing keeps every byte offset, so positions found in `lower` hold in `value`.
    let lower = value.to_ascii_lowercase();
    let mut masks: Vec<(usize, usize)> = Vec::new();
    for name in CREDENTIAL_HEADERS {
        for (i, _) in lower.match_indices(name) {
            let starts_name = lower.get(..i).and_then(|b| b.chars().next_back()).is_none_or(|c| !c.is_ascii_alphanumeric() && c != '-');
            let after = lower.get(i + name.len()..).unwrap_or("");
            let separator = after.trim_start_matches([' ', '\t']);
            let Some(body) = separator.strip_prefix([':', '=']).filter(|_| starts_name) else { continue };
            let body = body.trim_start_matches([' ', '\t']);
            let start = value.len() - body.len();
            let end = start + body.find(['|', ',', ';', '\n', '\r', '"']).unwrap_or(body.len());
            if end > start && !masks.iter().any(|&(s, e)| s < end && start < e) {
                masks.push((start, end));
            }
        }
    }
    masks.sort_unstable();
    let mut out = String::with_capacity(value.len());
    let mut at = 0;
    for (start, end) in masks {
        out.push_str(value.get(at..start).unwrap_or(""));
        out.push_str(MASK);
        at = end;
    }
    out.push_str(value.get(at..).unwrap_or(""));
    out
}

/// Masks the value after `name=` (up to `;`, `&`, `,`, white space or a closing quote).
fn mask_assignments(value: &str, name: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(i) = text::find(rest, name) {
        let after = &rest[i + name.len()..];
        let boundary_ok = i == 0 || !rest.as_bytes()[i - 1].is_ascii_alphanumeric();
        let Some(eq) = after.strip_prefix('=').or_else(|| after.strip_prefix(" = ")).filter(|_| boundary_ok) else {
            out.push_str(&rest[..i + name.len()]);
            rest = after;
            continue;
        };
        out.push_str(&rest[..rest.len() - eq.len()]);
        let (quote, body) = match eq.chars().next() {
            Some(q @ ('"' | '\'')) => (Some(q), &eq[1..]),
            _ => (None, eq),
        };
        let end = match quote {
            Some(q) => body.find(q).unwrap_or(body.len()),
            None => body.find([';', '&', ',', ' ', '\n', ')']).unwrap_or(body.len()),
        };
        if let Some(q) = quote {
            out.push(q);
        }
        out.push_str(MASK);
        rest = &body[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_literals_are_masked() {
        assert_eq!(mask_template_literals("\"p4ss${var.suffix}\""), "****${var.suffix}");
        assert_eq!(mask_template_literals("${var.password}"), "${var.password}");
        assert_eq!(mask_template_literals("Fn::Sub secret"), "****");
    }

    #[test]
    fn masks_secrets() {
        assert_eq!(shown("connection.password", "hunter2"), MASK);
        assert_eq!(shown("database.password", "${secretsmanager:db:password}"), "${secretsmanager:db:password}");
        assert_eq!(
            shown("sasl.jaas.config", r#"org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="p4ss";"#),
            r#"org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="****";"#
        );
        assert_eq!(
            shown("connection.url", "jdbc:mysql://h:3306/db?user=a&password=b&useSSL=true"),
            "jdbc:mysql://h:3306/db?user=a&password=****&useSSL=true"
        );
        assert_eq!(shown("connection.uri", "mongodb://admin:pw@h1:27017,h2/db"), "mongodb://admin:****@h1:27017,h2/db");
        assert_eq!(shown("topics", "orders"), "orders");
        assert_eq!(shown("aws.secret.access.key", "abc"), MASK);
        assert_eq!(shown("headers", "Authorization:Bearer abc|Accept:application/json"), "Authorization:****|Accept:application/json");
        assert_eq!(
            shown("http.headers.additional", "X-API-Key: k1, proxy-authorization = Basic dXNlcg=="),
            "X-API-Key: ****, proxy-authorization = ****"
        );
        assert_eq!(shown("headers", "X-Authorization-Mode:strict|Accept:*/*"), "X-Authorization-Mode:strict|Accept:*/*");
        assert_eq!(
            shown("ssl.truststore.certificates", "-----BEGIN PRIVATE KEY-----\nMIIEv\n-----END PRIVATE KEY-----\n-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----"),
            "-----BEGIN PRIVATE KEY-----****-----END PRIVATE KEY-----\n-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----"
        );
        assert_eq!(shown("x", "-----BEGIN RSA PRIVATE KEY-----abc"), "-----BEGIN RSA PRIVATE KEY-----****");
        assert_eq!(shown("ssl.keystore.key", "anything"), MASK);
        assert_eq!(shown("connection.pass\u{200B}word", "hunter2"), MASK);
        assert!(!is_secret_key("ssl.truststore.location"));
        assert!(!is_secret_key("ssl.keystore.type"));
    }
}
