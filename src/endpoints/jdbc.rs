//! JDBC URLs, read the way each driver reads them, and the TLS posture that results.
//!
//! Driver properties can also come from outside the URL: the Confluent JDBC connector (10.0.0
//! and later) passes every `connection.<prop>` it does not define itself to the driver, and
//! Debezium passes `database.<prop>` and `driver.<prop>`. URL parameters win over those.

use super::link::{Ignored, Link, LinkKind, Posture, Trust, WeakTls};
use super::modes::{self, ModeTable};
use super::url::{self, Param};
use crate::connector::{Assumptions, ConfigEntry, Connector, Family};
use crate::finding::{Applicability, Edit, Fix};

/// Keys the Confluent JDBC connectors define under `connection.`: these are not passed through.
const CONFLUENT_DEFINED: [&str; 5] =
    ["connection.url", "connection.user", "connection.password", "connection.attempts", "connection.backoff.ms"];

/// How a driver's URL carries properties.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    /// `?a=b&c=d`
    Query,
    /// `;a=b;c=d` (SQL Server, jTDS)
    Semicolon,
    /// `/database:a=b;c=d;`, every property terminated by `;` (Db2 JCC)
    Db2,
    /// EZConnect or a `(DESCRIPTION=...)` descriptor, `?a=b` for properties (Oracle thin)
    Oracle,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DriverId {
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
}

/// How a driver matches property names.
#[derive(Clone, Copy)]
pub enum Names {
    /// Without regard to case.
    AnyCase,
    /// As written. `aliases` are (other spelling, name) pairs the driver also reads; `known` are
    /// the TLS properties, for saying that a miscased one is ignored.
    Exact { aliases: &'static [(&'static str, &'static str)], known: &'static [&'static str] },
}

impl Names {
    fn matches(self, written: &str, name: &str) -> bool {
        match self {
            Names::AnyCase => written.eq_ignore_ascii_case(name),
            Names::Exact { aliases, .. } => written == name || aliases.iter().any(|(a, n)| *a == written && *n == name),
        }
    }

    /// The TLS property `written` would be if its case were right, when the driver ignores it.
    fn miscased(self, written: &str) -> Option<&'static str> {
        let Names::Exact { aliases, known } = self else { return None };
        let read = known.contains(&written) || aliases.iter().any(|(a, _)| *a == written);
        known.iter().find(|n| !read && n.eq_ignore_ascii_case(written)).copied()
    }
}

/// How a driver reads property values in the URL.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Values {
    /// Percent-decoded, spaces around them dropped.
    Trimmed,
    /// Percent-decoded, spaces kept (pgJDBC 42.5.5: `sslmode=%20require` is refused).
    Decoded,
    /// As written (Connector/J 2.7.6: `useSsl=%74rue` is refused).
    Raw,
}

/// MariaDB Connector/J 2.x reads names as written (and `useSSL` for `useSsl`), has no `sslMode`,
/// and refuses a flag that is not a boolean. Confirmed on 2.7.6.
pub const MARIADB_2_NAMES: Names = Names::Exact {
    aliases: &[("useSSL", "useSsl")],
    known: &[
        "useSsl",
        "trustServerCertificate",
        "disableSslHostnameVerification",
        "serverSslCert",
        "trustStore",
        "enabledSslProtocolSuites",
    ],
};

/// What a driver does when the URL does not choose a mode.
pub struct DriverDefault {
    pub posture: Posture,
    pub reason: &'static str,
    /// The driver versions the default holds for, said in the message.
    pub assumption: Option<&'static str>,
}

/// One JDBC driver's TLS facts: everything about it that a table can say.
pub struct Driver {
    pub id: DriverId,
    pub name: &'static str,
    /// Lower-case subprotocols after `jdbc:` that select this driver.
    pub subprotocols: &'static [&'static str],
    pub syntax: Syntax,
    /// The property that chooses the TLS mode, and its values.
    pub mode: Option<(&'static str, &'static ModeTable)>,
    pub default: Option<DriverDefault>,
    /// The property and value that turn on TLS with full verification.
    pub fix: Option<(&'static str, &'static str)>,
    /// Properties that list the TLS versions the driver may use, and the value that allows only
    /// current ones.
    pub tls_versions: &'static [&'static str],
    pub tls_versions_fix: &'static str,
    /// Properties that name a CA of the user's own instead of the driver's default store.
    pub trust: &'static [&'static str],
    /// The driver's default trust when it is not the JVM's public store.
    pub default_trust: Option<&'static str>,
    /// Settings the driver's code reads beyond its mode table, by posture, for the rule docs.
    pub notes: &'static [(Posture, &'static str)],
    pub references: &'static [&'static str],
    pub names: Names,
    pub values: Values,
    /// The driver versions the conformance suite (tests/conformance) ran these facts against;
    /// facts of drivers without one come from their source and docs.
    pub confirmed: Option<&'static str>,
}

pub static DRIVERS: [Driver; 10] = [
    Driver {
        id: DriverId::Mysql,
        name: "MySQL (Connector/J)",
        subprotocols: &["mysql"],
        syntax: Syntax::Query,
        mode: Some(("sslMode", &modes::MYSQL)),
        default: Some(DriverDefault {
            posture: Posture::Fallback,
            reason: "no sslMode: Connector/J falls back to plaintext when the server does not offer TLS",
            assumption: Some("Connector/J 8.0.13 and later default to sslMode=PREFERRED"),
        }),
        fix: Some(("sslMode", "VERIFY_IDENTITY")),
        tls_versions: &["tlsVersions", "enabledTLSProtocols"],
        tls_versions_fix: "TLSv1.2,TLSv1.3",
        trust: &["trustCertificateKeyStoreUrl"],
        default_trust: None,
        notes: &[
            (Posture::Plaintext, "`useSSL=false`"),
            (Posture::Fallback, "`useSSL=true` alone (maps to `PREFERRED`)"),
            (Posture::CertificateUnverified, "`useSSL=true&requireSSL=true` (maps to `REQUIRED`)"),
            (Posture::HostnameUnverified, "`useSSL=true&verifyServerCertificate=true` (maps to `VERIFY_CA`: no legacy combination gives `VERIFY_IDENTITY`)"),
        ],
        references: &["https://dev.mysql.com/doc/connector-j/en/connector-j-connp-props-security.html"],
        names: Names::AnyCase,
        values: Values::Trimmed,
        confirmed: None,
    },
    Driver {
        id: DriverId::Mariadb,
        name: "MariaDB (Connector/J)",
        subprotocols: &["mariadb"],
        syntax: Syntax::Query,
        mode: Some(("sslMode", &modes::MARIADB)),
        default: Some(DriverDefault {
            posture: Posture::Plaintext,
            reason: "no sslMode: MariaDB Connector/J defaults to sslMode=disable",
            assumption: None,
        }),
        fix: Some(("sslMode", "verify-full")),
        tls_versions: &["enabledSslProtocolSuites"],
        tls_versions_fix: "TLSv1.2,TLSv1.3",
        trust: &["serverSslCert", "trustStore"],
        default_trust: None,
        notes: &[
            (Posture::Plaintext, "`sslMode` with Connector/J 2.x, which does not know it (the `assume.mariadbConnectorJ` option)"),
            (Posture::CertificateUnverified, "`useSsl=true&trustServerCertificate=true` (maps to `trust`)"),
            (Posture::HostnameUnverified, "`useSsl=true&disableSslHostnameVerification=true` (maps to `verify-ca`)"),
            (Posture::Refused, "with Connector/J 2.x (seen on 2.7.6), `useSsl`, `trustServerCertificate` or `disableSslHostnameVerification` other than true, false, 1, 0 or empty"),
        ],
        references: &["https://mariadb.com/kb/en/about-mariadb-connector-j/#tls-parameters"],
        names: Names::AnyCase,
        values: Values::Trimmed,
        confirmed: Some("Connector/J 2.7.6 (2.x flags); the 3.x sslMode from the 3.x source"),
    },
    Driver {
        id: DriverId::Postgres,
        name: "PostgreSQL (pgJDBC)",
        subprotocols: &["postgresql", "pgsql"],
        syntax: Syntax::Query,
        mode: Some(("sslmode", &modes::POSTGRES)),
        default: Some(DriverDefault {
            posture: Posture::Fallback,
            reason: "no sslmode: the driver falls back to plaintext when the server does not offer TLS",
            assumption: Some("pgJDBC defaults to sslmode=prefer"),
        }),
        fix: Some(("sslmode", "verify-full")),
        tls_versions: &[],
        tls_versions_fix: "",
        trust: &["sslrootcert"],
        default_trust: Some("pgJDBC's default root certificate file, ~/.postgresql/root.crt"),
        notes: &[
            (Posture::Fallback, "a miscased name (`sslMode`, `SSLMODE`, `SSL`): pgJDBC reads names as written and ignores it"),
            (Posture::CertificateUnverified, "`sslfactory=org.postgresql.ssl.NonValidatingFactory`"),
            (Posture::HostnameUnverified, "`sslmode=require&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory` (the JVM's trust store checks the certificate)"),
            (Posture::Verified, "`ssl=true` or `ssl=` without `sslmode` (pgJDBC 42.2.5 and later: `verify-full`)"),
        ],
        references: &["https://jdbc.postgresql.org/documentation/ssl/"],
        names: Names::Exact { aliases: &[], known: &["sslmode", "ssl", "sslfactory", "sslhostnameverifier", "sslrootcert"] },
        values: Values::Decoded,
        confirmed: Some("pgJDBC 42.5.5"),
    },
    Driver {
        id: DriverId::Sqlserver,
        name: "SQL Server (mssql-jdbc)",
        subprotocols: &["sqlserver"],
        syntax: Syntax::Semicolon,
        mode: Some(("encrypt", &modes::SQLSERVER)),
        default: None,
        fix: Some(("encrypt", "true")),
        tls_versions: &["sslProtocol"],
        tls_versions_fix: "TLSv1.2",
        trust: &["trustStore"],
        default_trust: None,
        notes: &[
            (Posture::Plaintext, "no `encrypt` through the Confluent JDBC connector up to 10.9.0, which bundles mssql-jdbc 8.4.1"),
            (Posture::CertificateUnverified, "`trustServerCertificate=true`"),
        ],
        references: &["https://learn.microsoft.com/en-us/sql/connect/jdbc/setting-the-connection-properties"],
        names: Names::AnyCase,
        values: Values::Trimmed,
        confirmed: None,
    },
    Driver {
        id: DriverId::Jtds,
        name: "SQL Server (jTDS)",
        subprotocols: &["jtds:"],
        syntax: Syntax::Semicolon,
        mode: Some(("ssl", &modes::JTDS)),
        default: Some(DriverDefault { posture: Posture::Plaintext, reason: "no ssl: jTDS defaults to ssl=off", assumption: None }),
        fix: Some(("ssl", "authenticate")),
        tls_versions: &[],
        tls_versions_fix: "",
        trust: &[],
        default_trust: None,
        notes: &[],
        references: &["https://jtds.sourceforge.net/faq.html#urlFormat"],
        names: Names::AnyCase,
        values: Values::Trimmed,
        confirmed: None,
    },
    Driver {
        id: DriverId::Oracle,
        name: "Oracle (thin driver)",
        subprotocols: &["oracle:"],
        syntax: Syntax::Oracle,
        mode: None,
        default: None,
        fix: Some(("oracle.net.ssl_server_dn_match", "true")),
        tls_versions: &["oracle.net.ssl_version"],
        tls_versions_fix: "1.2",
        trust: &["javax.net.ssl.trustStore", "oracle.net.wallet_location"],
        default_trust: None,
        notes: &[
            (Posture::Plaintext, "plain TCP instead of TCPS"),
            (Posture::Fallback, "`oracle.net.encryption_client=REQUESTED` or `ACCEPTED` over TCP"),
            (Posture::CertificateUnverified, "native network encryption (`oracle.net.encryption_client=REQUIRED`) over TCP"),
            (Posture::HostnameUnverified, "TCPS without `oracle.net.ssl_server_dn_match=true` (drivers before 19.15/21.6, such as the ojdbc8 19.7 the Confluent JDBC connector bundles, do not match the name by default)"),
        ],
        references: &["https://docs.oracle.com/en/database/oracle/oracle-database/19/jjdbc/client-side-security.html"],
        names: Names::AnyCase,
        values: Values::Trimmed,
        confirmed: None,
    },
    Driver {
        id: DriverId::Redshift,
        name: "Amazon Redshift (JDBC)",
        subprotocols: &["redshift"],
        syntax: Syntax::Query,
        mode: Some(("sslmode", &modes::POSTGRES)),
        default: Some(DriverDefault {
            posture: Posture::HostnameUnverified,
            reason: "no sslmode: the Redshift driver uses TLS with verify-ca, which does not check the host name",
            assumption: None,
        }),
        fix: Some(("sslmode", "verify-full")),
        tls_versions: &[],
        tls_versions_fix: "",
        trust: &["sslrootcert"],
        default_trust: None,
        notes: &[
            (Posture::Plaintext, "`ssl=false`"),
            (Posture::CertificateUnverified, "`sslfactory=...NonValidatingFactory`"),
        ],
        references: &["https://docs.aws.amazon.com/redshift/latest/mgmt/jdbc20-configuration-options.html"],
        names: Names::AnyCase,
        values: Values::Trimmed,
        confirmed: None,
    },
    Driver {
        id: DriverId::Db2,
        name: "IBM Db2 (JCC)",
        subprotocols: &["db2", "as400"],
        syntax: Syntax::Db2,
        mode: Some(("sslConnection", &modes::DB2)),
        default: Some(DriverDefault {
            posture: Posture::Plaintext,
            reason: "no sslConnection: the Db2 JCC driver defaults to sslConnection=false",
            assumption: None,
        }),
        fix: Some(("sslConnection", "true")),
        tls_versions: &["sslVersion"],
        tls_versions_fix: "TLSv1.2",
        trust: &["sslTrustStoreLocation", "sslCertLocation"],
        default_trust: None,
        notes: &[(Posture::HostnameUnverified, "unless `sslClientHostnameValidation=BASIC` is set too (Db2 clients 11.5.6 and later)")],
        references: &["https://www.ibm.com/docs/en/db2/11.5?topic=pdjc-common-data-server-driver-jdbc-sqlj-properties-all-database-products"],
        names: Names::AnyCase,
        values: Values::Trimmed,
        confirmed: None,
    },
    Driver {
        id: DriverId::Clickhouse,
        name: "ClickHouse (JDBC)",
        subprotocols: &["clickhouse", "ch:"],
        syntax: Syntax::Query,
        mode: Some(("ssl", &modes::CLICKHOUSE)),
        default: Some(DriverDefault {
            posture: Posture::Plaintext,
            reason: "no ssl: the ClickHouse JDBC driver defaults to ssl=false",
            assumption: None,
        }),
        fix: Some(("ssl", "true")),
        tls_versions: &[],
        tls_versions_fix: "",
        trust: &["sslrootcert"],
        default_trust: None,
        notes: &[(Posture::CertificateUnverified, "`sslmode=none`")],
        references: &["https://clickhouse.com/docs/integrations/language-clients/java/jdbc"],
        names: Names::AnyCase,
        values: Values::Trimmed,
        confirmed: None,
    },
    Driver {
        id: DriverId::Snowflake,
        name: "Snowflake (JDBC)",
        subprotocols: &["snowflake"],
        syntax: Syntax::Query,
        mode: Some(("ssl", &modes::SNOWFLAKE)),
        default: Some(DriverDefault { posture: Posture::Verified, reason: "HTTPS (the Snowflake default)", assumption: None }),
        fix: Some(("ssl", "on")),
        tls_versions: &[],
        tls_versions_fix: "",
        trust: &[],
        default_trust: None,
        notes: &[],
        references: &["https://docs.snowflake.com/en/developer-guide/jdbc/jdbc-parameters"],
        names: Names::AnyCase,
        values: Values::Trimmed,
        confirmed: None,
    },
];

/// What a `jdbc:` URL names.
enum Target {
    Driver(&'static Driver),
    /// An embedded database in memory or a local file: no network.
    Local,
    Other,
}

impl Target {
    fn of(url: &str) -> Option<(Target, &str)> {
        let rest = url.strip_prefix("jdbc:").or_else(|| url.strip_prefix("JDBC:"))?;
        let lower = rest.to_ascii_lowercase();
        if let Some(driver) = DRIVERS.iter().find(|d| d.subprotocols.iter().any(|p| lower.starts_with(p))) {
            return Some((Target::Driver(driver), rest));
        }
        let local = lower.starts_with("sqlite")
            || (lower.starts_with("h2:") && !lower.starts_with("h2:tcp") && !lower.starts_with("h2:ssl"))
            || ["hsqldb:mem", "hsqldb:file", "hsqldb:res"].iter().any(|p| lower.starts_with(p))
            || (lower.starts_with("derby:") && !lower.starts_with("derby://"));
        Some((if local { Target::Local } else { Target::Other }, rest))
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

    fn get(&self, name: &str, names: Names) -> Option<&'a ConfigEntry> {
        self.entries.iter().rev().find(|(n, _)| names.matches(n, name)).map(|(_, e)| *e)
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
    names: Names,
    values: Values,
}

impl<'a> Props<'a> {
    fn get(&self, name: &str) -> Option<(String, Source<'a>)> {
        if let Some(p) = self.params.iter().rev().find(|p| self.names.matches(&p.name, name)) {
            let value = match self.values {
                Values::Trimmed => p.value.trim().to_string(),
                Values::Decoded => url::decode(&p.raw),
                Values::Raw => p.raw.clone(),
            };
            return Some((value, Source::Url));
        }
        let entry = self.passthrough.get(name, self.names)?;
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

/// A driver's view of one URL: its properties and the edits that change them.
struct Url<'a> {
    driver: &'static Driver,
    text: String,
    props: Props<'a>,
    connector: &'a Connector,
    entry: &'a ConfigEntry,
    passthrough: &'a Passthrough<'a>,
    hosts: Vec<String>,
}

impl Url<'_> {
    fn link(&self, posture: Posture, reason: String) -> Link {
        Link::new(LinkKind::Database, self.driver.name, self.entry, posture, reason)
            .on_hosts(&self.hosts)
            .trusting(self.trust())
            .documented_by(self.driver.references)
    }

    /// The CA the driver checks certificates against: one the user named, or its default.
    fn trust(&self) -> Trust {
        if let Some(name) = self.driver.trust.iter().find(|n| self.props.value(n).is_some_and(|v| !v.is_empty())) {
            return Trust::PrivateCa(self.props.where_(name));
        }
        match self.driver.default_trust {
            Some(default) => Trust::PrivateCa(default.to_string()),
            None => Trust::DefaultStore,
        }
    }

    /// Changes driver properties: in the URL when they are there (or nowhere), else where the
    /// user passed them through. `None` removes a property.
    fn edit(&self, changes: &[(&str, Option<&str>)]) -> Vec<Edit> {
        let (first, join) = separators(self.driver.syntax, &self.text);
        let mut edits = Vec::new();
        let mut new_url = self.text.clone();
        let names = self.props.names;
        for (name, value) in changes {
            let params = url_params(self.driver, &new_url);
            let is_name = |p: &str| names.matches(p, name);
            let in_url = params.iter().any(|p| is_name(&p.name));
            match (in_url, self.passthrough.get(name, names), value) {
                (false, Some(passed), Some(value)) => edits.push(Edit::set(&self.connector.config, &passed.key, value)),
                (false, Some(passed), None) => edits.push(Edit::remove(passed)),
                (_, _, Some(value)) => new_url = url::with_param_matching(&new_url, &params, &is_name, name, value, first, join),
                (true, _, None) => new_url = url::without_param_matching(&new_url, &params, &is_name),
                (false, None, None) => {}
            }
        }
        // Db2 JCC ends every property with `;`.
        if self.driver.syntax == Syntax::Db2 && new_url != self.text && !new_url.ends_with(';') {
            new_url.push(';');
        }
        if new_url != self.text {
            edits.insert(0, Edit::set(&self.connector.config, &self.entry.key, &new_url));
        }
        edits
    }

    fn set(&self, name: &str, value: &str) -> Vec<Edit> {
        self.edit(&[(name, Some(value))])
    }

    /// The driver's own fix: full verification, by its table.
    fn fixed(&self, link: Link) -> Link {
        match self.driver.fix {
            Some((name, value)) => link.fixed_by(format!("Use {name}={value}"), Applicability::Unsafe, self.set(name, value)),
            None => link,
        }
    }

    /// The link the mode property chooses, by the driver's table; none when it is not set.
    fn by_mode(&self) -> Option<Link> {
        let (name, table) = self.driver.mode?;
        let value = self.props.value(name)?;
        let padded = self.props.values != Values::Trimmed && value.trim() != value;
        let (posture, why) = match table.posture(&value) {
            // The table trims; this driver compares the value with its spaces.
            (_, _) if padded && table.refused_by.is_some() && self.driver.confirmed.is_some() => (
                Posture::Refused,
                format!("{value:?} keeps its spaces for {}, so it is not one of {}; the driver refuses it", self.driver.name, table.reader),
            ),
            // A shared table's refusal holds only for drivers the suite ran (not the Redshift driver).
            (Posture::Refused, _) if self.driver.confirmed.is_none() => {
                (Posture::Unknown, format!("not one of {}", table.modes.iter().map(|m| m.value).collect::<Vec<_>>().join(", ")))
            }
            other => other,
        };
        let link = self.link(posture, format!("{}: {why}", self.props.where_(name)));
        Some(if matches!(posture, Posture::Verified | Posture::Unknown) { link } else { self.fixed(link) })
    }

    /// The link when nothing chooses a mode, by the driver's table.
    fn by_default(&self) -> Option<Link> {
        let default = self.driver.default.as_ref()?;
        let link = self.link(default.posture, default.reason.to_string()).assuming(default.assumption.map(str::to_string));
        Some(if default.posture == Posture::Verified { link } else { self.fixed(link) })
    }

    fn weak_tls(&self) -> Option<WeakTls> {
        const WEAK: [&str; 5] = ["TLSv1", "TLSv1.1", "SSLv3", "SSLv2", "SSLv2Hello"];
        let replacement = self.driver.tls_versions_fix;
        for name in self.driver.tls_versions {
            let Some(value) = self.props.value(name) else { continue };
            let versions: Vec<String> = value
                .split([',', ' '])
                .map(str::trim)
                .filter(|v| WEAK.iter().any(|w| w.eq_ignore_ascii_case(v)) || *v == "1.0" || *v == "1.1")
                .map(str::to_string)
                .collect();
            if !versions.is_empty() {
                let fix = Fix::new(format!("Set {name}={replacement}"), Applicability::Safe, self.set(name, replacement));
                return Some(WeakTls { versions, setting: self.props.where_(name), fix });
            }
        }
        None
    }
}

/// The analysis of one JDBC URL entry.
pub fn analyze(connector: &Connector, entry: &ConfigEntry, passthrough: &Passthrough, assume: &Assumptions) -> Option<Link> {
    let text = entry.text()?.trim().to_string();
    let (target, rest) = Target::of(&text)?;
    let driver = match target {
        Target::Driver(driver) => driver,
        Target::Local => return None,
        Target::Other => {
            let name = rest.split([':', '/']).next().unwrap_or(rest);
            return Some(Link::new(
                LinkKind::Database,
                "this JDBC driver",
                entry,
                Posture::Unknown,
                format!("msk-connect-lint does not know how the `{name}` driver sets up TLS"),
            ));
        }
    };
    let (params, hosts) = parse_params(driver.syntax, &text, rest);
    let mariadb_2 = driver.id == DriverId::Mariadb && assume.mariadb_connector_j_2();
    let (names, values) = if mariadb_2 { (MARIADB_2_NAMES, Values::Raw) } else { (driver.names, driver.values) };
    let url = Url { driver, props: Props { params: &params, passthrough, names, values }, text, connector, entry, passthrough, hosts };
    let confluent_jdbc = connector.class.as_deref().is_some_and(|c| c.starts_with("io.confluent.connect.jdbc."));
    let mut link = match driver.id {
        DriverId::Mysql => url.by_mode().unwrap_or_else(|| mysql_legacy(&url)),
        DriverId::Mariadb if mariadb_2 => mariadb_2x(&url),
        DriverId::Mariadb => mariadb_3x(&url),
        DriverId::Postgres | DriverId::Redshift => postgres(&url),
        DriverId::Sqlserver => sqlserver(&url, confluent_jdbc),
        DriverId::Oracle => oracle(&url, confluent_jdbc),
        DriverId::Db2 => db2(&url),
        DriverId::Clickhouse => clickhouse(&url),
        DriverId::Jtds => url.by_mode().or_else(|| url.by_default())?,
        DriverId::Snowflake => snowflake(&url)?,
    };
    if link.weak_tls.is_none() {
        link.weak_tls = url.weak_tls();
    }
    if driver.id == DriverId::Mysql {
        link.ignored.extend(mysql_ignored_flags(&url));
    }
    link.ignored.extend(miscased(&url));
    if mariadb_2 {
        link.ignored.extend(mariadb_2x_ignored(&url));
    }
    Some(link)
}

fn separators(syntax: Syntax, text: &str) -> (&'static str, &'static str) {
    match syntax {
        Syntax::Semicolon => (";", ";"),
        Syntax::Db2 => {
            if text.trim_end_matches(';').rsplit('/').next().is_some_and(|db| db.contains(':')) {
                (";", ";")
            } else {
                (":", ";")
            }
        }
        Syntax::Query | Syntax::Oracle => ("?", "&"),
    }
}

/// Parameters and host names, per the driver's URL syntax.
fn parse_params(syntax: Syntax, text: &str, rest: &str) -> (Vec<Param>, Vec<String>) {
    let offset = text.len() - rest.len();
    match syntax {
        Syntax::Semicolon => {
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
        Syntax::Db2 => {
            // jdbc:db2://host:port/database:prop=value;prop=value;
            let parsed = url::parse(rest);
            let path_start = rest.find("//").map(|i| i + 2).and_then(|i| rest[i..].find('/').map(|j| i + j + 1));
            let params = path_start
                .and_then(|p| rest[p..].find(':').map(|c| offset + p + c + 1))
                .map(|from| url::params_in(text, from, &[';']))
                .unwrap_or_default();
            (params, parsed.host_names())
        }
        Syntax::Oracle => {
            let params = text.find('?').map(|q| url::params_in(text, q + 1, &['&'])).unwrap_or_default();
            (params, oracle_hosts(text))
        }
        Syntax::Query => {
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

/// The parameters of a URL as the driver splits them.
fn url_params(driver: &Driver, text: &str) -> Vec<Param> {
    match Target::of(text) {
        Some((_, rest)) => parse_params(driver.syntax, text, rest).0,
        None => Vec::new(),
    }
}

/// Connector/J's deprecated flags, read when no `sslMode` is set.
fn mysql_legacy(url: &Url) -> Link {
    let props = &url.props;
    let use_ssl = props.value("useSSL").map(|v| v.to_ascii_lowercase());
    let (posture, reason) = match use_ssl.as_deref() {
        None => return url.by_default().unwrap_or_else(|| url.link(Posture::Unknown, String::new())),
        Some("false") => (Posture::Plaintext, format!("{}: TLS is off", props.where_("useSSL"))),
        Some(_) if props.is("verifyServerCertificate", &["true"]) => (
            Posture::HostnameUnverified,
            "the deprecated useSSL=true&verifyServerCertificate=true map to sslMode=VERIFY_CA: the certificate is checked but not the host name, and no legacy combination gives VERIFY_IDENTITY".to_string(),
        ),
        Some(_) if props.is("requireSSL", &["true"]) => {
            (Posture::CertificateUnverified, "the deprecated useSSL=true&requireSSL=true map to sslMode=REQUIRED: TLS without any certificate check".to_string())
        }
        Some(_) => (Posture::Fallback, "the deprecated useSSL=true alone maps to sslMode=PREFERRED: it falls back to plaintext".to_string()),
    };
    url.fixed(url.link(posture, reason))
}

/// Connector/J ignores the deprecated flags once `sslMode` is set.
fn mysql_ignored_flags(url: &Url) -> Option<Ignored> {
    url.props.value("sslMode")?;
    let legacy: Vec<&str> = ["useSSL", "requireSSL", "verifyServerCertificate"]
        .into_iter()
        .filter(|n| url.props.params.iter().any(|p| p.name.eq_ignore_ascii_case(n)))
        .collect();
    if legacy.is_empty() {
        return None;
    }
    let removals: Vec<(&str, Option<&str>)> = legacy.iter().map(|n| (*n, None)).collect();
    Some(Ignored {
        message: format!("{} sets sslMode, so Connector/J ignores the deprecated {} in it", url.entry.key, legacy.join(", ")),
        help: "Remove the deprecated parameters".to_string(),
        fix: Fix::new("Remove the deprecated parameters", Applicability::Safe, url.edit(&removals)),
    })
}

/// TLS properties written in a case the driver does not read: it ignores them. The fix spells
/// them as the driver reads them, which turns them on: unsafe.
fn miscased(url: &Url) -> Vec<Ignored> {
    let mut out = Vec::new();
    let ignored = |written: &str, name: &str, where_: String, edits: Vec<Edit>| Ignored {
        message: format!("{where_}: {} reads property names as written, so it ignores {written} (it reads {name})", url.driver.name),
        help: format!("Spell it {name}"),
        fix: Fix::new(format!("Rename {written} to {name}"), Applicability::Unsafe, edits),
    };
    for p in url.props.params {
        let Some(name) = url.props.names.miscased(&p.name) else { continue };
        let edits = url.edit(&[(p.name.as_str(), None), (name, Some(p.value.trim()))]);
        out.push(ignored(&p.name, name, format!("{} in {}", p.name, url.entry.key), edits));
    }
    for (written, entry) in &url.passthrough.entries {
        let Some(name) = url.props.names.miscased(written) else { continue };
        let (Some(prefix), Some(value)) = (entry.key.strip_suffix(written), entry.text()) else { continue };
        let edits = vec![Edit::remove(entry), Edit::set(&url.connector.config, &format!("{prefix}{name}"), value.trim())];
        out.push(ignored(written, name, entry.key.clone(), edits));
    }
    out
}

/// MariaDB Connector/J 3.x: `sslMode` by the table, else the 2.x flags it still maps.
fn mariadb_3x(url: &Url) -> Link {
    if let Some(link) = url.by_mode() {
        return link.assuming(Some(
            "assumes MariaDB Connector/J 3.x; 2.x has no sslMode (state 2.x with the assume.mariadbConnectorJ option)".to_string(),
        ));
    }
    let props = &url.props;
    if !props.is("useSsl", &["true"]) {
        return url.by_default().unwrap_or_else(|| url.link(Posture::Unknown, String::new()));
    }
    if props.is("trustServerCertificate", &["true"]) {
        return url.fixed(url.link(
            Posture::CertificateUnverified,
            "useSsl=true with trustServerCertificate=true maps to sslMode=trust: no certificate check".to_string(),
        ));
    }
    if props.is("disableSslHostnameVerification", &["true"]) {
        return url.fixed(url.link(
            Posture::HostnameUnverified,
            "disableSslHostnameVerification=true maps to sslMode=verify-ca: no host name check".to_string(),
        ));
    }
    url.link(Posture::Verified, "useSsl=true maps to sslMode=verify-full".to_string())
}

/// A MariaDB Connector/J 2.x boolean: `true`, `1` or empty is true, `false` or `0` false, and
/// anything else is refused ("must be boolean (true/false or 0/1)"), said as the error. Confirmed
/// on 2.7.6.
fn mariadb_2x_flag(url: &Url, name: &str) -> Result<bool, String> {
    let Some(value) = url.props.value(name) else { return Ok(false) };
    match value.to_ascii_lowercase().as_str() {
        "" | "true" | "1" => Ok(true),
        "false" | "0" => Ok(false),
        _ => Err(format!("{}: MariaDB Connector/J 2.x takes only true/false or 1/0 and refuses this value", url.props.where_(name))),
    }
}

/// MariaDB Connector/J 2.x: TLS only with `useSsl`, verified unless a flag turns a check off.
fn mariadb_2x(url: &Url) -> Link {
    // 2.x's own verified TLS: `sslMode` would be ignored.
    let changes = [("useSsl", Some("true")), ("trustServerCertificate", None), ("disableSslHostnameVerification", None)];
    let fixed = |link: Link| link.fixed_by("Use useSsl=true (Connector/J 2.x)", Applicability::Unsafe, url.edit(&changes));
    let flags = ["useSsl", "trustServerCertificate", "disableSslHostnameVerification"].map(|n| mariadb_2x_flag(url, n));
    let [use_ssl, trust_all, no_hostname] = match flags {
        [Ok(a), Ok(b), Ok(c)] => [a, b, c],
        [Err(why), ..] | [_, Err(why), _] | [_, _, Err(why)] => return fixed(url.link(Posture::Refused, why)),
    };
    let props = &url.props;
    let link = if !use_ssl {
        fixed(url.link(Posture::Plaintext, format!("{}: MariaDB Connector/J 2.x uses TLS only with useSsl=true", props.where_("useSsl"))))
    } else if trust_all {
        fixed(url.link(Posture::CertificateUnverified, format!("{}: no certificate check", props.where_("trustServerCertificate"))))
    } else if no_hostname {
        fixed(url.link(Posture::HostnameUnverified, format!("{}: no host name check", props.where_("disableSslHostnameVerification"))))
    } else {
        url.link(Posture::Verified, format!("{}: TLS with certificate and host name checks", props.where_("useSsl")))
    };
    link.assuming(Some("assumes MariaDB Connector/J 2.x, as the assume.mariadbConnectorJ option states".to_string()))
}

/// MariaDB Connector/J 2.x does not know 3.x's `sslMode`.
fn mariadb_2x_ignored(url: &Url) -> Option<Ignored> {
    url.props.get("sslMode")?;
    Some(Ignored {
        message: format!("{}: MariaDB Connector/J 2.x has no sslMode and ignores it", url.props.where_("sslMode")),
        help: "Remove it, and use useSsl=true with 2.x (or upgrade to Connector/J 3.x)".to_string(),
        fix: Fix::new("Remove sslMode", Applicability::Safe, url.edit(&[("sslMode", None)])),
    })
}

/// pgJDBC and the Redshift driver: `sslmode` by the table, then `ssl`, `sslfactory` and
/// `sslhostnameverifier`.
fn postgres(url: &Url) -> Link {
    let props = &url.props;
    let redshift = url.driver.id == DriverId::Redshift;
    let factory = props.value("sslfactory");
    // The Redshift driver's factories are its own classes; only their NonValidatingFactory is known.
    let trusts_all = factory.as_deref().is_some_and(|f| {
        if redshift {
            f.ends_with("NonValidatingFactory")
        } else {
            modes::pgjdbc_factory(f) == modes::Factory::TrustsAll
        }
    });
    let changes: &[(&str, Option<&str>)] =
        if trusts_all { &[("sslmode", Some("verify-full")), ("sslfactory", None)] } else { &[("sslmode", Some("verify-full"))] };
    let fix = |l: Link| l.fixed_by("Use sslmode=verify-full", Applicability::Unsafe, url.edit(changes));
    let result = match url.by_mode() {
        Some(link) if matches!(link.posture, Posture::Verified | Posture::Unknown) => link,
        Some(link) => fix(link),
        None if redshift && props.is("ssl", &["false"]) => {
            fix(url.link(Posture::Plaintext, format!("{}: TLS is off", props.where_("ssl"))))
        }
        // pgJDBC reads `ssl` as a boolean: only `true` (any case) or empty turns it on.
        None if !redshift && props.value("ssl").is_some_and(|v| v.is_empty() || v.eq_ignore_ascii_case("true")) => {
            url.link(Posture::Verified, "ssl=true without sslmode means verify-full (pgJDBC 42.2.5 and later)".to_string())
        }
        None => fix(url.by_default().unwrap_or_else(|| url.link(Posture::Unknown, String::new()))),
    };
    if redshift {
        if trusts_all && result.posture > Posture::CertificateUnverified && result.posture < Posture::Refused {
            return fix(url.link(Posture::CertificateUnverified, "sslfactory=...NonValidatingFactory trusts every certificate".to_string()));
        }
        return result;
    }
    let verifier = props.value("sslhostnameverifier");
    match modes::pgjdbc_override(result.posture, factory.as_deref(), verifier.as_deref()) {
        Some((posture, why)) => {
            let link = url.link(posture, why);
            let link = if factory.as_deref().map(modes::pgjdbc_factory) == Some(modes::Factory::JvmTrustStore) {
                link.trusting(Trust::DefaultStore)
            } else {
                link
            };
            match posture {
                Posture::CertificateUnverified => {
                    let mut link = fix(link);
                    link.fix.iter_mut().for_each(|f| f.title = "Use the default SSL factory with sslmode=verify-full".to_string());
                    link
                }
                Posture::HostnameUnverified => fix(link),
                _ => link,
            }
        }
        None if factory.as_deref().map(modes::pgjdbc_factory) == Some(modes::Factory::JvmTrustStore) => {
            result.trusting(Trust::DefaultStore)
        }
        None => result,
    }
}

/// `confluent_jdbc`: the Confluent JDBC connector bundles mssql-jdbc 8.4.1 (no encryption by
/// default) up to 10.9.0, and 12.8.2 (encrypt=true, verified) from 10.9.1.
fn sqlserver(url: &Url, confluent_jdbc: bool) -> Link {
    let props = &url.props;
    let encrypt = url.by_mode();
    let trust_all = props.is("trustServerCertificate", &["true"]);
    match encrypt {
        Some(link) if link.posture == Posture::Plaintext => link,
        Some(link) if link.posture == Posture::Verified && props.is("encrypt", &["strict"]) => link,
        _ if trust_all => url
            .link(Posture::CertificateUnverified, format!("{}: the driver accepts any certificate", props.where_("trustServerCertificate")))
            .fixed_by("Set trustServerCertificate=false", Applicability::Unsafe, url.set("trustServerCertificate", "false")),
        Some(link) => link,
        None if confluent_jdbc => url.fixed(
            url.link(
                Posture::Plaintext,
                "no encrypt: the mssql-jdbc 8.4.1 driver the Confluent JDBC connector bundles does not encrypt by default".to_string(),
            )
            .assuming(Some(
                "up to connector 10.9.0; 10.9.1 and later bundle mssql-jdbc 12.8.2, which encrypts and verifies by default".to_string(),
            )),
        ),
        None => url
            .link(
                Posture::Unknown,
                "no encrypt: mssql-jdbc 10.2 and later encrypt and verify by default, older drivers do not encrypt".to_string(),
            )
            .fixed_by("Set encrypt=true", Applicability::Safe, url.set("encrypt", "true")),
    }
}

/// Oracle decides TLS by the protocol in the address (TCPS), not by a property.
fn oracle(url: &Url, confluent_jdbc: bool) -> Link {
    let (text, props) = (&url.text, &url.props);
    // Where a property reaches the thin driver outside the URL, for a DN-match fix; EZConnect
    // parameters are not JDBC properties.
    let passed_key = if confluent_jdbc {
        Some("connection.oracle.net.ssl_server_dn_match")
    } else if url.entry.key == "database.url" {
        Some("driver.oracle.net.ssl_server_dn_match")
    } else {
        None
    };
    let dn_match_fix = passed_key.map(|k| vec![Edit::set(&url.connector.config, k, "true")]).unwrap_or_default();
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
            return url.link(Posture::Verified, "TCPS with the server's certificate name matched".to_string());
        }
        if props.is("oracle.net.ssl_server_dn_match", &["false"]) {
            return url
                .link(
                    Posture::HostnameUnverified,
                    "TCPS with oracle.net.ssl_server_dn_match=false: the server's name is not checked".to_string(),
                )
                .fixed_by("Set oracle.net.ssl_server_dn_match=true", Applicability::Safe, dn_match_fix);
        }
        return url.link(Posture::HostnameUnverified, "TCPS without oracle.net.ssl_server_dn_match=true: the thin driver checks the certificate chain but not that it names the server".to_string())
            .assuming(Some("drivers before 19.15 and 21.6, like the ojdbc8 19.7 the Confluent JDBC connector bundles; newer drivers match the name for tcps:// URLs on their own".to_string()))
            .fixed_by("Set oracle.net.ssl_server_dn_match=true", Applicability::Safe, dn_match_fix);
    }
    if alias {
        return url.link(Posture::Unknown, "a TNS alias: whether it uses TCPS is decided in tnsnames.ora".to_string());
    }
    let nne = props.value("oracle.net.encryption_client").map(|v| v.to_ascii_uppercase());
    match nne.as_deref() {
        Some("REQUIRED") => url.link(
            Posture::CertificateUnverified,
            "TCP with Oracle native network encryption: encrypted, but the server is not authenticated as TLS would".to_string(),
        ),
        Some("REQUESTED" | "ACCEPTED") => url.link(
            Posture::Fallback,
            format!("oracle.net.encryption_client={}: encryption only if the server wants it", nne.unwrap_or_default()),
        ),
        _ => url.link(
            Posture::Plaintext,
            "plain TCP: Oracle uses TLS only with TCPS (`@tcps://host:2484/service` or PROTOCOL=TCPS)".to_string(),
        ),
    }
}

/// Db2 JCC: `sslConnection` by the table; `sslClientHostnameValidation=BASIC` checks the name.
fn db2(url: &Url) -> Link {
    let link = url.by_mode().or_else(|| url.by_default()).unwrap_or_else(|| url.link(Posture::Unknown, String::new()));
    if link.posture != Posture::HostnameUnverified {
        return link;
    }
    if url.props.is("sslClientHostnameValidation", &["BASIC"]) {
        return url.link(Posture::Verified, "sslConnection=true with sslClientHostnameValidation=BASIC".to_string());
    }
    link.fixed_by(
        "Set sslClientHostnameValidation=BASIC (Db2 clients 11.5.6 and later)",
        Applicability::Unsafe,
        url.set("sslClientHostnameValidation", "BASIC"),
    )
}

/// Snowflake talks HTTPS unless told otherwise, so undoing `ssl=off` is safe.
fn snowflake(url: &Url) -> Option<Link> {
    let link = url.by_mode().or_else(|| url.by_default())?;
    Some(if link.posture == Posture::Plaintext {
        link.fixed_by("Remove ssl=off (HTTPS is the default)", Applicability::Safe, url.set("ssl", "on"))
    } else {
        link
    })
}

/// ClickHouse: `ssl` by the table or an `https` URL; `sslmode=none` accepts any certificate.
fn clickhouse(url: &Url) -> Link {
    let https_scheme = url.text.to_ascii_lowercase().contains(":https://");
    let link = match url.by_mode() {
        Some(link) if link.posture == Posture::Plaintext && https_scheme => None,
        other => other,
    };
    let link = match link {
        Some(link) => link,
        None if https_scheme => url.link(Posture::Verified, "an https URL: TLS with sslmode=strict (the default)".to_string()),
        None => url.by_default().unwrap_or_else(|| url.link(Posture::Unknown, String::new())),
    };
    if link.posture == Posture::Verified && url.props.is("sslmode", &["none"]) {
        return url
            .link(Posture::CertificateUnverified, "sslmode=none: the ClickHouse driver accepts any certificate".to_string())
            .fixed_by("Set sslmode=strict", Applicability::Unsafe, url.set("sslmode", "strict"));
    }
    link
}

/// Every JDBC URL of a connector: `connection.url` of JDBC connectors (and any other
/// connector whose `connection.url` is a JDBC URL), Debezium's `database.url`.
pub fn links(connector: &Connector, assume: &Assumptions, out: &mut Vec<Link>) {
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
        if let Some(link) = analyze(connector, entry, &passthrough, assume) {
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
        super::links(&connectors[0], &Assumptions::default(), &mut links);
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

    /// What the conformance suite saw pgJDBC 42.5.5 and Connector/J 2.7.6 do.
    #[test]
    fn as_the_drivers_do() {
        assert_eq!(posture("jdbc:postgresql://db/x?sslMode=verify-full").0, Posture::Fallback, "names are exact");
        assert_eq!(posture("jdbc:postgresql://db/x?SSL=true").0, Posture::Fallback);
        assert_eq!(posture("jdbc:postgresql://db/x?sslmode=VERIFY-FULL").0, Posture::Verified, "values are not");
        assert_eq!(posture("jdbc:postgresql://db/x?sslmode=verify_full").0, Posture::Refused);
        assert_eq!(posture("jdbc:postgresql://db/x?sslmode=%20require").0, Posture::Refused, "spaces are kept");
        assert_eq!(posture("jdbc:postgresql://db/x?sslmode=verify%2Dfull").0, Posture::Verified, "values are decoded");
        assert_eq!(posture("jdbc:postgresql://db/x?sslmode=").0, Posture::Refused);
        assert_eq!(posture("jdbc:redshift://r:5439/x?sslmode=bogus").0, Posture::Unknown, "not run on the Redshift driver");
        assert_eq!(
            posture("jdbc:postgresql://db/x?sslmode=require&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory").0,
            Posture::HostnameUnverified
        );
        assert_eq!(posture("jdbc:postgresql://db/x?sslmode=verify-full&sslfactory=com.example.Mine").0, Posture::Unknown);
        assert_eq!(posture("jdbc:postgresql://db/x?sslmode=verify-full&sslhostnameverifier=com.example.Mine").0, Posture::Unknown);
        assert_eq!(posture("jdbc:postgresql://db/x?sslmode=disable&sslfactory=com.example.Mine").0, Posture::Plaintext);
        let v2 = Assumptions { mariadb_connector_j: Some("2.7.6".to_string()), ..Assumptions::default() };
        let mariadb = |url: &str, assume: &Assumptions| {
            let text = format!("connector.class=io.confluent.connect.jdbc.JdbcSinkConnector\nconnection.url={url}\n");
            let connectors = input::read(&text, None).unwrap();
            let mut links = Vec::new();
            super::links(&connectors[0], assume, &mut links);
            links.pop().map(|l| l.posture)
        };
        assert_eq!(mariadb("jdbc:mariadb://db/x?sslMode=verify-full", &v2), Some(Posture::Plaintext));
        assert_eq!(mariadb("jdbc:mariadb://db/x?sslMode=verify-full", &Assumptions::default()), Some(Posture::Verified));
        assert_eq!(mariadb("jdbc:mariadb://db/x?useSSL=1", &v2), Some(Posture::Verified));
        assert_eq!(mariadb("jdbc:mariadb://db/x?usessl=true", &v2), Some(Posture::Plaintext));
        assert_eq!(mariadb("jdbc:mariadb://db/x?useSsl=yes", &v2), Some(Posture::Refused));
        assert_eq!(mariadb("jdbc:mariadb://db/x?useSsl=%74rue", &v2), Some(Posture::Refused), "values are not decoded");
        assert_eq!(mariadb("jdbc:mariadb://db/x?useSsl&trustServerCertificate=true", &v2), Some(Posture::CertificateUnverified));
    }

    #[test]
    fn db2_fixes_keep_every_property_terminated() {
        for url in ["jdbc:db2://db:50000/x", "jdbc:db2://db:50000/x:sslConnection=true;"] {
            let text = format!("connector.class=io.confluent.connect.jdbc.JdbcSinkConnector\nconnection.url={url}\n");
            let connectors = input::read(&text, None).unwrap();
            let mut links = Vec::new();
            super::links(&connectors[0], &Assumptions::default(), &mut links);
            let fixed = links[0].fix.as_ref().and_then(|f| f.edits[0].value.clone()).expect("a URL edit");
            assert!(fixed.ends_with(';'), "{fixed}");
        }
    }

    #[test]
    fn passthrough_connection_properties() {
        let text = "connector.class=io.confluent.connect.jdbc.JdbcSinkConnector\nconnection.url=jdbc:mysql://db/x\nconnection.sslMode=VERIFY_IDENTITY\n";
        let connectors = input::read(text, None).unwrap();
        let mut links = Vec::new();
        super::links(&connectors[0], &Assumptions::default(), &mut links);
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
        super::links(&connectors[0], &Assumptions::default(), &mut links);
        assert!(links.is_empty());
    }
}
