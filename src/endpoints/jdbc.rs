//! JDBC URLs, read the way each driver reads them, and the TLS posture that results.
//!
//! Driver properties can also come from outside the URL: the Confluent JDBC connector (10.0.0
//! and later) passes every `connection.<prop>` it does not define itself to the driver, and
//! Debezium passes `database.<prop>` and `driver.<prop>`. URL parameters win over those.

use super::links::{Link, LinkKind, Posture, WeakTls};
use super::url::{self, Param};
use crate::connector::{ConfigEntry, Connector, Family};
use crate::finding::{Applicability, Edit};

/// Keys the Confluent JDBC connectors define under `connection.`: these are not passed through.
const CONFLUENT_DEFINED: [&str; 5] =
    ["connection.url", "connection.user", "connection.password", "connection.attempts", "connection.backoff.ms"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Driver {
    Mysql,
    Mariadb,
    Postgres,
    Sqlserver,
    Jtds,
    Oracle,
    Redshift,
    Db2,
    Clickhouse,
    Snowflake,
    /// An embedded database in memory or a local file: no network.
    Local,
    Other,
}

impl Driver {
    fn of(url: &str) -> Option<(Driver, &str)> {
        let rest = url.strip_prefix("jdbc:").or_else(|| url.strip_prefix("JDBC:"))?;
        let lower = rest.to_ascii_lowercase();
        let driver = match () {
            _ if lower.starts_with("mysql") => Driver::Mysql,
            _ if lower.starts_with("mariadb") => Driver::Mariadb,
            _ if lower.starts_with("postgresql") || lower.starts_with("pgsql") => Driver::Postgres,
            _ if lower.starts_with("sqlserver") => Driver::Sqlserver,
            _ if lower.starts_with("jtds:") => Driver::Jtds,
            _ if lower.starts_with("oracle:") => Driver::Oracle,
            _ if lower.starts_with("redshift") => Driver::Redshift,
            _ if lower.starts_with("db2") || lower.starts_with("as400") => Driver::Db2,
            _ if lower.starts_with("clickhouse") || lower.starts_with("ch:") => Driver::Clickhouse,
            _ if lower.starts_with("snowflake") => Driver::Snowflake,
            _ if lower.starts_with("sqlite") => Driver::Local,
            _ if lower.starts_with("h2:") && !lower.starts_with("h2:tcp") && !lower.starts_with("h2:ssl") => Driver::Local,
            _ if lower.starts_with("hsqldb:mem") || lower.starts_with("hsqldb:file") || lower.starts_with("hsqldb:res") => Driver::Local,
            _ if lower.starts_with("derby:") && !lower.starts_with("derby://") => Driver::Local,
            _ => Driver::Other,
        };
        Some((driver, rest))
    }

    fn name(self) -> &'static str {
        match self {
            Driver::Mysql => "MySQL (Connector/J)",
            Driver::Mariadb => "MariaDB (Connector/J)",
            Driver::Postgres => "PostgreSQL (pgJDBC)",
            Driver::Sqlserver => "SQL Server (mssql-jdbc)",
            Driver::Jtds => "SQL Server (jTDS)",
            Driver::Oracle => "Oracle (thin driver)",
            Driver::Redshift => "Amazon Redshift (JDBC)",
            Driver::Db2 => "IBM Db2 (JCC)",
            Driver::Clickhouse => "ClickHouse (JDBC)",
            Driver::Snowflake => "Snowflake (JDBC)",
            Driver::Local => "an embedded database",
            Driver::Other => "this JDBC driver",
        }
    }
}

/// Driver properties from outside the URL, by name (case-insensitive).
pub struct Passthrough<'a> {
    pub entries: Vec<(&'a str, &'a ConfigEntry)>,
}

impl<'a> Passthrough<'a> {
    pub fn of(connector: &'a Connector, prefixes: &[&str], skip: &[&str]) -> Passthrough<'a> {
        let mut entries = Vec::new();
        for entry in &connector.config.entries {
            if skip.contains(&entry.key.as_str()) {
                continue;
            }
            if let Some(name) = prefixes.iter().find_map(|p| entry.key.strip_prefix(p)) {
                entries.push((name, entry));
            }
        }
        Passthrough { entries }
    }

    fn get(&self, name: &str) -> Option<&'a ConfigEntry> {
        self.entries.iter().rev().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, e)| *e)
    }
}

/// One driver property as the driver sees it: from the URL, or passed through.
enum Source<'a> {
    Url,
    Passed(&'a ConfigEntry),
}

struct Props<'a> {
    params: &'a [Param],
    passthrough: &'a Passthrough<'a>,
}

impl<'a> Props<'a> {
    fn get(&self, name: &str) -> Option<(String, Source<'a>)> {
        if let Some(p) = self.params.iter().rev().find(|p| p.name.eq_ignore_ascii_case(name)) {
            return Some((p.value.trim().to_string(), Source::Url));
        }
        let entry = self.passthrough.get(name)?;
        Some((entry.text()?.trim().to_string(), Source::Passed(entry)))
    }

    fn value(&self, name: &str) -> Option<String> {
        self.get(name).map(|(v, _)| v)
    }

    fn is(&self, name: &str, values: &[&str]) -> bool {
        self.value(name).is_some_and(|v| values.iter().any(|x| x.eq_ignore_ascii_case(&v)))
    }

    fn where_(&self, name: &str) -> String {
        match self.get(name) {
            Some((value, Source::Url)) => format!("{name}={value} in the URL"),
            Some((value, Source::Passed(entry))) => format!("{}={value}", entry.key),
            None => format!("no {name}"),
        }
    }
}

/// The analysis of one JDBC URL entry.
pub fn analyze(connector: &Connector, entry: &ConfigEntry, passthrough: &Passthrough) -> Option<Link> {
    let text = entry.text()?.trim().to_string();
    let (driver, rest) = Driver::of(&text)?;
    if driver == Driver::Local {
        return None;
    }
    let (params, hosts) = parse_params(driver, &text, rest);
    let confluent_jdbc = connector.class.as_deref().is_some_and(|c| c.starts_with("io.confluent.connect.jdbc."));
    let props = Props { params: &params, passthrough };
    let service = driver.name();
    let link = |posture, reason: String| Link::new(LinkKind::Database, service, entry, posture, reason).on_hosts(&hosts);
    // Changes driver properties: in the URL when they are there (or nowhere), else where the
    // user passed them through. `None` removes a property.
    let edit_params = |changes: &[(&str, Option<&str>)]| -> Vec<Edit> {
        let (first, join) = separators(driver, &text);
        let mut edits = Vec::new();
        let mut new_url = text.clone();
        for (name, value) in changes {
            let in_url = url_params(driver, &new_url).iter().any(|p| p.name.eq_ignore_ascii_case(name));
            match (in_url, passthrough.get(name), value) {
                (false, Some(passed), Some(value)) => edits.push(super::links::set(connector, &passed.key, value)),
                (false, Some(passed), None) => edits.push(crate::rules::kafka_clients::remove(passed)),
                (_, _, Some(value)) => new_url = url::with_param(&new_url, &url_params(driver, &new_url), name, value, first, join),
                (true, _, None) => new_url = url::without_param(&new_url, &url_params(driver, &new_url), name),
                (false, None, None) => {}
            }
        }
        if new_url != text {
            edits.insert(0, Edit { key: Some(entry.key.clone()), pointer: entry.pointer.clone(), value: Some(new_url) });
        }
        edits
    };
    let set_param = |name: &str, value: &str| edit_params(&[(name, Some(value))]);

    let mut result = match driver {
        Driver::Mysql => mysql(&props, &link, &set_param),
        Driver::Mariadb => mariadb(&props, &link, &set_param),
        Driver::Postgres => postgres(&props, &link, &edit_params, "pgJDBC defaults to sslmode=prefer"),
        Driver::Redshift => redshift(&props, &link, &edit_params),
        Driver::Sqlserver => sqlserver(&props, &link, &set_param, confluent_jdbc),
        Driver::Jtds => if props.is("ssl", &["require", "authenticate"]) {
            let posture = if props.is("ssl", &["authenticate"]) { Posture::Verified } else { Posture::CertificateUnverified };
            link(posture, format!("{} (jTDS `require` does not check the certificate)", props.where_("ssl")))
        } else if props.is("ssl", &["request"]) {
            link(Posture::Fallback, "ssl=request in the URL: jTDS falls back to plaintext when the server does not offer TLS".to_string())
        } else {
            link(Posture::Plaintext, format!("{}: jTDS defaults to ssl=off", props.where_("ssl")))
        }
        .fixed_by("Use ssl=authenticate", Applicability::Unsafe, set_param("ssl", "authenticate")),
        Driver::Oracle => {
            // Where a property reaches the thin driver outside the URL, for a DN-match fix.
            let passed_key = if confluent_jdbc {
                Some("connection.oracle.net.ssl_server_dn_match")
            } else if entry.key == "database.url" {
                Some("driver.oracle.net.ssl_server_dn_match")
            } else {
                None
            };
            let dn_match_fix = passed_key.map(|k| vec![super::links::set(connector, k, "true")]).unwrap_or_default();
            oracle(&text, &props, &link, dn_match_fix)
        }
        Driver::Db2 => {
            if props.is("sslConnection", &["true"]) {
                if props.is("sslClientHostnameValidation", &["BASIC"]) {
                    link(Posture::Verified, "sslConnection=true with sslClientHostnameValidation=BASIC".to_string())
                } else {
                    link(
                        Posture::HostnameUnverified,
                        format!(
                            "{} without sslClientHostnameValidation=BASIC: Db2 JCC checks the certificate but not the host name",
                            props.where_("sslConnection")
                        ),
                    )
                    .fixed_by(
                        "Set sslClientHostnameValidation=BASIC (Db2 clients 11.5.6 and later)",
                        Applicability::Unsafe,
                        set_param("sslClientHostnameValidation", "BASIC"),
                    )
                }
            } else {
                link(Posture::Plaintext, format!("{}: the Db2 JCC driver defaults to sslConnection=false", props.where_("sslConnection")))
                    .fixed_by("Set sslConnection=true", Applicability::Unsafe, set_param("sslConnection", "true"))
            }
        }
        Driver::Clickhouse => {
            let https_scheme = text.to_ascii_lowercase().contains(":https://");
            if props.is("ssl", &["true"]) || https_scheme {
                if props.is("sslmode", &["none"]) {
                    link(Posture::CertificateUnverified, "sslmode=none: the ClickHouse driver accepts any certificate".to_string())
                        .fixed_by("Set sslmode=strict", Applicability::Unsafe, set_param("sslmode", "strict"))
                } else {
                    link(Posture::Verified, "TLS with sslmode=strict (the default)".to_string())
                }
            } else {
                link(Posture::Plaintext, format!("{}: the ClickHouse JDBC driver defaults to ssl=false", props.where_("ssl"))).fixed_by(
                    "Set ssl=true",
                    Applicability::Unsafe,
                    set_param("ssl", "true"),
                )
            }
        }
        Driver::Snowflake => {
            if props.is("ssl", &["off", "false"]) {
                link(Posture::Plaintext, format!("{}: the Snowflake driver then talks plain HTTP", props.where_("ssl"))).fixed_by(
                    "Remove ssl=off (HTTPS is the default)",
                    Applicability::Safe,
                    set_param("ssl", "on"),
                )
            } else {
                link(Posture::Verified, "HTTPS (the Snowflake default)".to_string())
            }
        }
        Driver::Local => return None,
        Driver::Other => link(
            Posture::Unknown,
            format!("msk-connect-lint does not know how the `{}` driver sets up TLS", rest.split([':', '/']).next().unwrap_or(rest)),
        ),
    };
    if result.weak_tls.is_none() {
        result.weak_tls = weak_tls(driver, &props, &set_param);
    }
    Some(result)
}

fn separators(driver: Driver, text: &str) -> (&'static str, &'static str) {
    match driver {
        Driver::Sqlserver | Driver::Jtds => (";", ";"),
        Driver::Db2 => {
            if text.trim_end_matches(';').rsplit('/').next().is_some_and(|db| db.contains(':')) {
                (";", ";")
            } else {
                (":", ";")
            }
        }
        _ => ("?", "&"),
    }
}

/// Parameters and host names, per the driver's URL syntax.
fn parse_params(driver: Driver, text: &str, rest: &str) -> (Vec<Param>, Vec<String>) {
    let offset = text.len() - rest.len();
    match driver {
        Driver::Sqlserver | Driver::Jtds => {
            // jdbc:sqlserver://host[\instance][:port];prop=value;...
            let first = rest.find(';').map(|i| offset + i);
            let authority = rest.split(';').next().unwrap_or("");
            let host = authority.rsplit("//").next().unwrap_or("").split(['\\', ':', '/']).next().unwrap_or("").to_string();
            let params = first.map(|f| url::params_in(text, f + 1, &[';'])).unwrap_or_default();
            let host = params
                .iter()
                .find(|p| p.name.eq_ignore_ascii_case("serverName"))
                .map(|p| p.value.clone())
                .filter(|_| host.is_empty())
                .unwrap_or(host);
            (params, vec![host])
        }
        Driver::Db2 => {
            // jdbc:db2://host:port/database:prop=value;prop=value;
            let parsed = url::parse(rest);
            let path_start = rest.find("//").map(|i| i + 2).and_then(|i| rest[i..].find('/').map(|j| i + j + 1));
            let params = path_start
                .and_then(|p| rest[p..].find(':').map(|c| offset + p + c + 1))
                .map(|from| url::params_in(text, from, &[';']))
                .unwrap_or_default();
            (params, parsed.host_names())
        }
        Driver::Oracle => {
            let params = text.find('?').map(|q| url::params_in(text, q + 1, &['&'])).unwrap_or_default();
            (params, oracle_hosts(text))
        }
        _ => {
            let parsed = url::parse(rest);
            let params = rest.find('?').map(|q| url::params_in(text, offset + q + 1, &['&'])).unwrap_or_default();
            (params, parsed.host_names())
        }
    }
}

fn oracle_hosts(text: &str) -> Vec<String> {
    let upper = text.to_ascii_uppercase();
    let mut hosts = Vec::new();
    let mut rest = upper.as_str();
    while let Some(i) = rest.find("HOST=") {
        let after = &rest[i + 5..];
        let end = after.find(')').unwrap_or(after.len());
        hosts.push(after[..end].trim().to_ascii_lowercase());
        rest = &after[end..];
    }
    if hosts.is_empty() {
        if let Some(at) = text.find('@') {
            let after = text[at + 1..].trim_start_matches("//");
            let after = after.split("://").last().unwrap_or(after);
            hosts.push(after.split([':', '/', '?']).next().unwrap_or("").to_string());
        }
    }
    hosts
}

type MakeLink<'a> = dyn Fn(Posture, String) -> Link + 'a;
type SetParam<'a> = dyn Fn(&str, &str) -> Vec<Edit> + 'a;
type EditParams<'a> = dyn Fn(&[(&str, Option<&str>)]) -> Vec<Edit> + 'a;

/// The parameters of a URL as the driver splits them.
fn url_params(driver: Driver, text: &str) -> Vec<Param> {
    match Driver::of(text) {
        Some((_, rest)) => parse_params(driver, text, rest).0,
        None => Vec::new(),
    }
}

fn mysql(props: &Props, link: &MakeLink, set_param: &SetParam) -> Link {
    let fix = |l: Link| l.fixed_by("Use sslMode=VERIFY_IDENTITY", Applicability::Unsafe, set_param("sslMode", "VERIFY_IDENTITY"));
    if let Some(mode) = props.value("sslMode") {
        let posture = match mode.to_ascii_uppercase().as_str() {
            "DISABLED" => Posture::Plaintext,
            "PREFERRED" => Posture::Fallback,
            "REQUIRED" => Posture::CertificateUnverified,
            "VERIFY_CA" => Posture::HostnameUnverified,
            "VERIFY_IDENTITY" => return link(Posture::Verified, props.where_("sslMode")),
            _ => return link(Posture::Unknown, format!("{}: not a value Connector/J knows", props.where_("sslMode"))),
        };
        let why = match posture {
            Posture::Plaintext => "TLS is off",
            Posture::Fallback => "Connector/J falls back to plaintext when the server does not offer TLS",
            Posture::CertificateUnverified => "TLS without any certificate check",
            _ => "the certificate is checked but not the host name",
        };
        return fix(link(posture, format!("{}: {why}", props.where_("sslMode"))));
    }
    let use_ssl = props.value("useSSL");
    let require = props.is("requireSSL", &["true"]);
    let verify = props.is("verifyServerCertificate", &["true"]);
    let (posture, reason) = match use_ssl.as_deref().map(str::to_ascii_lowercase).as_deref() {
        Some("false") => (Posture::Plaintext, format!("{}: TLS is off", props.where_("useSSL"))),
        Some(_) if verify => (
            Posture::HostnameUnverified,
            "the deprecated useSSL=true&verifyServerCertificate=true map to sslMode=VERIFY_CA: the certificate is checked but not the host name, and no legacy combination gives VERIFY_IDENTITY".to_string(),
        ),
        Some(_) if require => {
            (Posture::CertificateUnverified, "the deprecated useSSL=true&requireSSL=true map to sslMode=REQUIRED: TLS without any certificate check".to_string())
        }
        Some(_) => (Posture::Fallback, "the deprecated useSSL=true alone maps to sslMode=PREFERRED: it falls back to plaintext".to_string()),
        None => {
            return fix(link(Posture::Fallback, "no sslMode: Connector/J falls back to plaintext when the server does not offer TLS".to_string())
                .assuming(Some("Connector/J 8.0.13 and later default to sslMode=PREFERRED".to_string())));
        }
    };
    fix(link(posture, reason))
}

fn mariadb(props: &Props, link: &MakeLink, set_param: &SetParam) -> Link {
    let fix = |l: Link| l.fixed_by("Use sslMode=verify-full", Applicability::Unsafe, set_param("sslMode", "verify-full"));
    if let Some(mode) = props.value("sslMode") {
        let posture = match mode.to_ascii_lowercase().replace('_', "-").as_str() {
            "disable" | "disabled" | "0" | "false" => Posture::Plaintext,
            "trust" | "required" => Posture::CertificateUnverified,
            "verify-ca" => Posture::HostnameUnverified,
            "verify-full" | "verify-identity" | "1" | "true" => return link(Posture::Verified, props.where_("sslMode")),
            _ => return link(Posture::Unknown, format!("{}: not a value the MariaDB driver knows", props.where_("sslMode"))),
        };
        let why = match posture {
            Posture::Plaintext => "TLS is off",
            Posture::CertificateUnverified => "`trust` encrypts but checks neither certificate nor host name",
            _ => "the certificate is checked but not the host name",
        };
        return fix(link(posture, format!("{}: {why}", props.where_("sslMode"))));
    }
    if props.is("useSsl", &["true"]) {
        if props.is("trustServerCertificate", &["true"]) {
            return fix(link(
                Posture::CertificateUnverified,
                "useSsl=true with trustServerCertificate=true maps to sslMode=trust: no certificate check".to_string(),
            ));
        }
        if props.is("disableSslHostnameVerification", &["true"]) {
            return fix(link(
                Posture::HostnameUnverified,
                "disableSslHostnameVerification=true maps to sslMode=verify-ca: no host name check".to_string(),
            ));
        }
        return link(Posture::Verified, "useSsl=true maps to sslMode=verify-full".to_string());
    }
    fix(link(Posture::Plaintext, "no sslMode: MariaDB Connector/J defaults to sslMode=disable".to_string()))
}

pub(crate) fn pg_mode_posture(mode: &str) -> Option<(Posture, &'static str)> {
    Some(match mode.to_ascii_lowercase().as_str() {
        "disable" => (Posture::Plaintext, "TLS is off"),
        "allow" => (Posture::Plaintext, "`allow` tries plaintext first and uses TLS only if the server insists"),
        "prefer" => (Posture::Fallback, "`prefer` falls back to plaintext when the server does not offer TLS"),
        "require" => (Posture::CertificateUnverified, "`require` encrypts but does not check the certificate"),
        "verify-ca" => (Posture::HostnameUnverified, "`verify-ca` checks the certificate but not the host name"),
        "verify-full" => (Posture::Verified, "`verify-full` checks certificate and host name"),
        _ => return None,
    })
}

fn postgres(props: &Props, link: &MakeLink, edit_params: &EditParams, default: &str) -> Link {
    let non_validating = props.value("sslfactory").filter(|f| f.ends_with("NonValidatingFactory"));
    let changes: &[(&str, Option<&str>)] = if non_validating.is_some() {
        &[("sslmode", Some("verify-full")), ("sslfactory", None)]
    } else {
        &[("sslmode", Some("verify-full"))]
    };
    let fix = |l: Link| l.fixed_by("Use sslmode=verify-full", Applicability::Unsafe, edit_params(changes));
    let mut result = match props.value("sslmode") {
        Some(mode) => match pg_mode_posture(&mode) {
            Some((Posture::Verified, why)) => link(Posture::Verified, format!("{}: {why}", props.where_("sslmode"))),
            Some((posture, why)) => fix(link(posture, format!("{}: {why}", props.where_("sslmode")))),
            None => link(Posture::Unknown, format!("{}: not a value the driver knows", props.where_("sslmode"))),
        },
        None if props.value("ssl").is_some_and(|v| v.is_empty() || v.eq_ignore_ascii_case("true")) => {
            link(Posture::Verified, "ssl=true without sslmode means verify-full (pgJDBC 42.2.5 and later)".to_string())
        }
        None => {
            fix(link(Posture::Fallback, "no sslmode: the driver falls back to plaintext when the server does not offer TLS".to_string())
                .assuming(Some(default.to_string())))
        }
    };
    if let Some(factory) = non_validating {
        if result.posture > Posture::CertificateUnverified {
            result = link(Posture::CertificateUnverified, format!("sslfactory={factory} trusts every certificate")).fixed_by(
                "Use the default SSL factory with sslmode=verify-full",
                Applicability::Unsafe,
                edit_params(changes),
            );
        }
    }
    result
}

fn redshift(props: &Props, link: &MakeLink, edit_params: &EditParams) -> Link {
    let non_validating = props.value("sslfactory").is_some_and(|f| f.ends_with("NonValidatingFactory"));
    let changes: &[(&str, Option<&str>)] =
        if non_validating { &[("sslmode", Some("verify-full")), ("sslfactory", None)] } else { &[("sslmode", Some("verify-full"))] };
    let fix = |l: Link| l.fixed_by("Use sslmode=verify-full", Applicability::Unsafe, edit_params(changes));
    if let Some(mode) = props.value("sslmode") {
        return match pg_mode_posture(&mode) {
            Some((Posture::Verified, why)) => link(Posture::Verified, format!("{}: {why}", props.where_("sslmode"))),
            Some((posture, why)) => fix(link(posture, format!("{}: {why}", props.where_("sslmode")))),
            None => link(Posture::Unknown, format!("{}: not a value the driver knows", props.where_("sslmode"))),
        };
    }
    if props.is("ssl", &["false"]) {
        return fix(link(Posture::Plaintext, format!("{}: TLS is off", props.where_("ssl"))));
    }
    if props.value("sslfactory").is_some_and(|f| f.ends_with("NonValidatingFactory")) {
        return fix(link(Posture::CertificateUnverified, "sslfactory=...NonValidatingFactory trusts every certificate".to_string()));
    }
    fix(link(
        Posture::HostnameUnverified,
        "no sslmode: the Redshift driver uses TLS with verify-ca, which does not check the host name".to_string(),
    ))
}

/// `confluent_jdbc`: the Confluent JDBC connector bundles mssql-jdbc 8.4.1 (no encryption by
/// default) up to 10.9.0, and 12.8.2 (encrypt=true, verified) from 10.9.1.
fn sqlserver(props: &Props, link: &MakeLink, set_param: &SetParam, confluent_jdbc: bool) -> Link {
    let encrypt = props.value("encrypt").map(|v| v.to_ascii_lowercase());
    let trust = props.is("trustServerCertificate", &["true"]);
    match encrypt.as_deref() {
        Some("false" | "no" | "optional") => {
            link(Posture::Plaintext, format!("{}: only the login packet is encrypted; queries and data are not", props.where_("encrypt")))
                .fixed_by("Set encrypt=true", Applicability::Unsafe, set_param("encrypt", "true"))
        }
        Some("strict") => link(Posture::Verified, format!("{}: TDS 8.0 with full certificate validation", props.where_("encrypt"))),
        _ if trust => {
            link(Posture::CertificateUnverified, format!("{}: the driver accepts any certificate", props.where_("trustServerCertificate")))
                .fixed_by("Set trustServerCertificate=false", Applicability::Unsafe, set_param("trustServerCertificate", "false"))
        }
        Some("true" | "mandatory") => link(Posture::Verified, props.where_("encrypt")),
        Some(other) => link(Posture::Unknown, format!("encrypt={other}: not a value mssql-jdbc knows")),
        None if confluent_jdbc => link(
            Posture::Plaintext,
            "no encrypt: the mssql-jdbc 8.4.1 driver the Confluent JDBC connector bundles does not encrypt by default".to_string(),
        )
        .assuming(Some(
            "up to connector 10.9.0; 10.9.1 and later bundle mssql-jdbc 12.8.2, which encrypts and verifies by default".to_string(),
        ))
        .fixed_by("Set encrypt=true", Applicability::Unsafe, set_param("encrypt", "true")),
        None => link(
            Posture::Unknown,
            "no encrypt: mssql-jdbc 10.2 and later encrypt and verify by default, older drivers do not encrypt".to_string(),
        )
        .fixed_by("Set encrypt=true", Applicability::Safe, set_param("encrypt", "true")),
    }
}

/// `dn_match_fix`: the edits that turn DN matching on where the connector passes properties to the
/// driver (none when it does not: EZConnect parameters are not JDBC properties).
fn oracle(text: &str, props: &Props, link: &MakeLink, dn_match_fix: Vec<Edit>) -> Link {
    let upper = text.to_ascii_uppercase();
    let tcps = upper.contains("@TCPS://") || upper.contains("PROTOCOL=TCPS") || upper.contains("PROTOCOL = TCPS");
    let descriptor = upper.contains("(DESCRIPTION") || upper.contains("(ADDRESS");
    let alias = !descriptor && text.split('@').nth(1).is_some_and(|a| !a.contains(':') && !a.contains('/'));
    if tcps {
        let compact = upper.replace(' ', "");
        let in_descriptor = ["SSL_SERVER_DN_MATCH=YES", "SSL_SERVER_DN_MATCH=TRUE", "SSL_SERVER_DN_MATCH=ON", "SSL_SERVER_CERT_DN="]
            .iter()
            .any(|m| compact.contains(m));
        if props.is("oracle.net.ssl_server_dn_match", &["true"]) || in_descriptor {
            return link(Posture::Verified, "TCPS with the server's certificate name matched".to_string());
        }
        if props.is("oracle.net.ssl_server_dn_match", &["false"]) {
            return link(
                Posture::HostnameUnverified,
                "TCPS with oracle.net.ssl_server_dn_match=false: the server's name is not checked".to_string(),
            )
            .fixed_by("Set oracle.net.ssl_server_dn_match=true", Applicability::Safe, dn_match_fix);
        }
        return link(Posture::HostnameUnverified, "TCPS without oracle.net.ssl_server_dn_match=true: the thin driver checks the certificate chain but not that it names the server".to_string())
            .assuming(Some("drivers before 19.15 and 21.6, like the ojdbc8 19.7 the Confluent JDBC connector bundles; newer drivers match the name for tcps:// URLs on their own".to_string()))
            .fixed_by("Set oracle.net.ssl_server_dn_match=true", Applicability::Safe, dn_match_fix);
    }
    if alias {
        return link(Posture::Unknown, "a TNS alias: whether it uses TCPS is decided in tnsnames.ora".to_string());
    }
    let nne = props.value("oracle.net.encryption_client").map(|v| v.to_ascii_uppercase());
    match nne.as_deref() {
        Some("REQUIRED") => link(
            Posture::CertificateUnverified,
            "TCP with Oracle native network encryption: encrypted, but the server is not authenticated as TLS would".to_string(),
        ),
        Some("REQUESTED" | "ACCEPTED") => link(
            Posture::Fallback,
            format!("oracle.net.encryption_client={}: encryption only if the server wants it", nne.unwrap_or_default()),
        ),
        _ => {
            link(Posture::Plaintext, "plain TCP: Oracle uses TLS only with TCPS (`@tcps://host:2484/service` or PROTOCOL=TCPS)".to_string())
        }
    }
}

fn weak_tls(driver: Driver, props: &Props, set_param: &SetParam) -> Option<WeakTls> {
    const WEAK: [&str; 5] = ["TLSv1", "TLSv1.1", "SSLv3", "SSLv2", "SSLv2Hello"];
    let (names, replacement): (&[&str], &str) = match driver {
        Driver::Mysql => (&["tlsVersions", "enabledTLSProtocols"], "TLSv1.2,TLSv1.3"),
        Driver::Mariadb => (&["enabledSslProtocolSuites"], "TLSv1.2,TLSv1.3"),
        Driver::Sqlserver => (&["sslProtocol"], "TLSv1.2"),
        Driver::Db2 => (&["sslVersion"], "TLSv1.2"),
        Driver::Oracle => (&["oracle.net.ssl_version"], "1.2"),
        _ => return None,
    };
    for name in names {
        let Some(value) = props.value(name) else { continue };
        let versions: Vec<String> = value
            .split([',', ' '])
            .map(str::trim)
            .filter(|v| WEAK.iter().any(|w| w.eq_ignore_ascii_case(v)) || *v == "1.0" || *v == "1.1")
            .map(str::to_string)
            .collect();
        if !versions.is_empty() {
            let fix = super::links::LinkFix {
                title: format!("Set {name}={replacement}"),
                applicability: Applicability::Safe,
                edits: set_param(name, replacement),
            };
            return Some(WeakTls { versions, setting: props.where_(name), fix: Some(fix) });
        }
    }
    None
}

/// Every JDBC URL of a connector: `connection.url` of JDBC connectors (and any other
/// connector whose `connection.url` is a JDBC URL), Debezium's `database.url`.
pub fn links(connector: &Connector, out: &mut Vec<Link>) {
    for key in ["connection.url", "database.url", "jdbc.url", "connection.jdbc.url", "azure.sql.dw.url"] {
        let Some(entry) = connector.config.get(key) else { continue };
        let Some(text) = entry.text() else {
            if entry.value.text().is_none() && connector.family == Family::Jdbc {
                out.push(Link::new(LinkKind::Database, "database", entry, Posture::Unknown, "the URL cannot be known from this input"));
            }
            continue;
        };
        if !text.trim_start().to_ascii_lowercase().starts_with("jdbc:") {
            if text.trim_start().starts_with("${") && connector.family == Family::Jdbc {
                out.push(Link::new(LinkKind::Database, "database", entry, Posture::Unknown, "the URL comes from a config provider"));
            }
            continue;
        }
        let passthrough = match (key, connector.family) {
            ("connection.url", Family::Jdbc) if connector.class.as_deref().is_some_and(|c| c.starts_with("io.confluent.connect.jdbc.")) => {
                Passthrough::of(connector, &["connection."], &CONFLUENT_DEFINED)
            }
            ("database.url", _) => Passthrough::of(connector, &["database.", "driver."], &[]),
            _ => Passthrough { entries: Vec::new() },
        };
        if let Some(link) = analyze(connector, entry, &passthrough) {
            out.push(link);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input;

    fn posture(url: &str) -> (Posture, String) {
        let text = format!("connector.class=io.confluent.connect.jdbc.JdbcSinkConnector\nconnection.url={url}\n");
        let connectors = input::read(&text, None).unwrap();
        let mut links = Vec::new();
        super::links(&connectors[0], &mut links);
        let link = links.pop().expect("a link");
        (link.posture, link.reason)
    }

    #[test]
    fn mysql() {
        assert_eq!(posture("jdbc:mysql://db:3306/x").0, Posture::Fallback);
        assert_eq!(posture("jdbc:mysql://db:3306/x?sslMode=DISABLED").0, Posture::Plaintext);
        assert_eq!(posture("jdbc:mysql://db:3306/x?sslMode=REQUIRED").0, Posture::CertificateUnverified);
        assert_eq!(
            posture("jdbc:mysql://db:3306/x?useSSL=true&requireSSL=true&verifyServerCertificate=true").0,
            Posture::HostnameUnverified
        );
        assert_eq!(posture("jdbc:mysql://db:3306/x?useSSL=false").0, Posture::Plaintext);
        assert_eq!(posture("jdbc:mysql://db:3306/x?useSSL=false&sslMode=VERIFY_IDENTITY").0, Posture::Verified);
        assert_eq!(posture("jdbc:mysql://db:3306/x?useSSL=true").0, Posture::Fallback);
    }

    #[test]
    fn passthrough_connection_properties() {
        let text = "connector.class=io.confluent.connect.jdbc.JdbcSinkConnector\nconnection.url=jdbc:mysql://db/x\nconnection.sslMode=VERIFY_IDENTITY\n";
        let connectors = input::read(text, None).unwrap();
        let mut links = Vec::new();
        super::links(&connectors[0], &mut links);
        assert_eq!(links[0].posture, Posture::Verified);
    }

    #[test]
    fn other_drivers() {
        assert_eq!(posture("jdbc:mariadb://db/x").0, Posture::Plaintext);
        assert_eq!(posture("jdbc:mariadb://db/x?sslMode=verify-full").0, Posture::Verified);
        assert_eq!(posture("jdbc:postgresql://db:5432/x").0, Posture::Fallback);
        assert_eq!(posture("jdbc:postgresql://db:5432/x?ssl=true").0, Posture::Verified);
        assert_eq!(posture("jdbc:postgresql://db:5432/x?sslmode=require").0, Posture::CertificateUnverified);
        assert_eq!(
            posture("jdbc:postgresql://db:5432/x?sslmode=verify-full&sslfactory=org.postgresql.ssl.NonValidatingFactory").0,
            Posture::CertificateUnverified
        );
        assert_eq!(posture("jdbc:sqlserver://db:1433;databaseName=x;encrypt=false").0, Posture::Plaintext);
        assert_eq!(posture("jdbc:sqlserver://db:1433;encrypt=true;trustServerCertificate=true").0, Posture::CertificateUnverified);
        assert_eq!(
            posture("jdbc:sqlserver://db:1433;databaseName=x").0,
            Posture::Plaintext,
            "the Confluent connector's bundled 8.4.1 driver"
        );
        assert_eq!(posture("jdbc:oracle:thin:@db:1521:ORCL").0, Posture::Plaintext);
        assert_eq!(posture("jdbc:oracle:thin:@tcps://db:2484/svc").0, Posture::HostnameUnverified);
        assert_eq!(posture("jdbc:oracle:thin:@tcps://db:2484/svc?oracle.net.ssl_server_dn_match=true").0, Posture::Verified);
        assert_eq!(
            posture("jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCPS)(HOST=db)(PORT=2484))(CONNECT_DATA=(SERVICE_NAME=x))(SECURITY=(SSL_SERVER_DN_MATCH=yes)))").0,
            Posture::Verified
        );
        assert_eq!(
            posture("jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=db)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=x)))").0,
            Posture::Plaintext
        );
        assert_eq!(posture("jdbc:redshift://c.abc.us-east-1.redshift.amazonaws.com:5439/dev").0, Posture::HostnameUnverified);
        assert_eq!(posture("jdbc:db2://db:50000/x").0, Posture::Plaintext);
        assert_eq!(posture("jdbc:db2://db:50000/x:sslConnection=true;").0, Posture::HostnameUnverified);
        assert_eq!(posture("jdbc:db2://db:50000/x:sslConnection=true;sslClientHostnameValidation=BASIC;").0, Posture::Verified);
        assert_eq!(posture("jdbc:clickhouse://ch:8123/x").0, Posture::Plaintext);
        assert_eq!(posture("jdbc:snowflake://a.snowflakecomputing.com/?db=x").0, Posture::Verified);
        assert_eq!(posture("jdbc:vertica://v:5433/x").0, Posture::Unknown);
        let text = "connector.class=io.confluent.connect.jdbc.JdbcSourceConnector\nconnection.url=jdbc:sqlite:test.db\n";
        let connectors = input::read(text, None).unwrap();
        let mut links = Vec::new();
        super::links(&connectors[0], &mut links);
        assert!(links.is_empty());
    }
}
