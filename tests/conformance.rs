//! The conformance suite (issue 14): the real pgJDBC and MariaDB Connector/J, run against real
//! servers on 127.0.0.1 (tests/conformance/servers.sh), decide each URL's posture; the engine must
//! say the same. Ignored by a plain `cargo test`; `make test-conformance` (part of `make test`) runs it,
//! which needs the Debian packages that target installs; the report goes to target/conformance/.

mod common;

use msk_connect_lint::connector::Assumptions;
use msk_connect_lint::endpoints::{self, link::LinkKind, link::Posture};
use msk_connect_lint::input;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The versions the suite ran, which the driver tables cite as "confirmed on". A different
/// installed version fails the suite until the tables are checked against it.
const PGJDBC: &str = "42.5.5";
const MARIADB_CJ: &str = "2.7.6";
const DRIVER_JARS: [&str; 2] = ["/usr/share/java/postgresql.jar", "/usr/share/java/mariadb-java-client.jar"];

/// Set-ups, in the order the report shows them.
const SETUPS: [&str; 4] = ["tls", "wronghost", "untrusted", "notls"];

#[derive(Clone, Debug)]
struct Case {
    id: String,
    db: &'static str,
    /// Driver properties in the URL, in order (duplicates allowed).
    url: Vec<(String, String)>,
    /// Driver properties passed beside the URL (`connection.<p>`, `database.<p>`).
    passed: Vec<(String, String)>,
    /// The case names a class or file whose behaviour the engine cannot know.
    opaque: bool,
}

impl Case {
    fn url_text(&self, hostport: &str) -> String {
        let (scheme, db) = match self.db {
            "postgresql" => ("postgresql", "postgres"),
            _ => ("mariadb", "mysql"),
        };
        let query: Vec<String> = self.url.iter().map(|(n, v)| format!("{n}={v}")).collect();
        let sep = if query.is_empty() { "" } else { "?" };
        format!("jdbc:{scheme}://{hostport}/{db}{sep}{}", query.join("&"))
    }
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect()
}

/// Every spelling a user might write for `value`: as is, upper case, capitalised, `-` and `_`
/// swapped.
fn spellings(value: &str) -> Vec<String> {
    let mut out = vec![value.to_string(), value.to_ascii_uppercase()];
    let mut cap = value.to_string();
    if let Some(first) = cap.get(0..1) {
        cap = format!("{}{}", first.to_ascii_uppercase(), cap.get(1..).unwrap_or(""));
    }
    out.push(cap);
    if value.contains('-') {
        out.push(value.replace('-', "_"));
    }
    if value.contains('_') {
        out.push(value.replace('_', "-"));
    }
    out.dedup();
    out
}

/// Property sets for pgJDBC, each to be tried in the URL and passed beside it.
fn postgres_sets() -> Vec<(Vec<(String, String)>, bool)> {
    let mut sets: Vec<(Vec<(String, String)>, bool)> = Vec::new();
    let modes = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"];
    for mode in modes {
        for spelling in spellings(mode) {
            sets.push((pairs(&[("sslmode", &spelling)]), false));
        }
    }
    for name in ["sslMode", "SSLMODE", "SslMode"] {
        for mode in ["verify-full", "require", "disable"] {
            sets.push((pairs(&[(name, mode)]), false));
        }
    }
    // Percent-encoded and padded values: pgJDBC decodes URL values and compares them untrimmed.
    for encoded in ["verify%2Dfull", "require%20", "%20require", "verify-full%00"] {
        sets.push((pairs(&[("sslmode", encoded)]), false));
    }
    for bad in ["", "verifyfull", "on", "true", "none"] {
        sets.push((pairs(&[("sslmode", bad)]), false));
    }
    for ssl in ["true", "TRUE", "false", "", "1", "yes", "on"] {
        sets.push((pairs(&[("ssl", ssl)]), false));
    }
    sets.push((pairs(&[("SSL", "true")]), false));
    sets.push((pairs(&[("ssl", "true"), ("sslmode", "require")]), false));
    sets.push((pairs(&[("ssl", "false"), ("sslmode", "verify-full")]), false));
    let factories = [
        ("org.postgresql.ssl.NonValidatingFactory", false),
        ("org.postgresql.ssl.DefaultJavaSSLFactory", false),
        ("org.postgresql.ssl.LibPQFactory", false),
        ("org.postgresql.ssl.jdbc4.LibPQFactory", false),
        ("Probe$TrustAll", true),
    ];
    for (factory, opaque) in factories {
        for mode in ["require", "verify-ca", "verify-full"] {
            sets.push((pairs(&[("sslmode", mode), ("sslfactory", factory)]), opaque));
        }
        sets.push((pairs(&[("ssl", "true"), ("sslfactory", factory)]), opaque));
    }
    sets.push((pairs(&[("sslfactory", "org.postgresql.ssl.NonValidatingFactory")]), false));
    sets.push((pairs(&[("sslmode", "verify-full"), ("sslFactory", "org.postgresql.ssl.NonValidatingFactory")]), false));
    for mode in ["verify-ca", "verify-full"] {
        sets.push((pairs(&[("sslmode", mode), ("sslhostnameverifier", "Probe$AcceptAnyName")]), true));
        sets.push((pairs(&[("sslmode", mode), ("sslhostnameverifier", "org.postgresql.ssl.PGjdbcHostnameVerifier")]), false));
    }
    sets
}

/// Property sets for MariaDB Connector/J.
fn mariadb_sets() -> Vec<(Vec<(String, String)>, bool)> {
    let mut sets: Vec<(Vec<(String, String)>, bool)> = vec![(Vec::new(), false)];
    for name in ["useSsl", "useSSL", "usessl", "USESSL"] {
        for value in ["true", "false"] {
            sets.push((pairs(&[(name, value)]), false));
        }
    }
    for value in ["1", "TRUE", "", "yes"] {
        sets.push((pairs(&[("useSsl", value)]), false));
    }
    for (flag, value) in [
        ("trustServerCertificate", "true"),
        ("trustServerCertificate", "false"),
        ("trustservercertificate", "true"),
        ("disableSslHostnameVerification", "true"),
        ("disableSslHostnameVerification", "false"),
        ("disablesslhostnameverification", "true"),
    ] {
        sets.push((pairs(&[("useSsl", "true"), (flag, value)]), false));
        sets.push((pairs(&[(flag, value)]), false));
    }
    sets.push((pairs(&[("useSsl", "true"), ("trustServerCertificate", "true"), ("disableSslHostnameVerification", "true")]), false));
    // Connector/J 3.x's sslMode, which 2.x does not know.
    for mode in ["disable", "trust", "verify-ca", "verify-full"] {
        for spelling in spellings(mode) {
            sets.push((pairs(&[("sslMode", &spelling)]), false));
        }
    }
    for alias in ["disabled", "required", "verify_identity", "0", "1", "false", "true"] {
        sets.push((pairs(&[("sslMode", alias)]), false));
    }
    for value in ["1", "TRUE", "", "yes", "0"] {
        sets.push((pairs(&[("useSsl", "true"), ("trustServerCertificate", value)]), false));
        sets.push((pairs(&[("useSsl", "true"), ("disableSslHostnameVerification", value)]), false));
    }
    sets.push((pairs(&[("useSSL", "1"), ("trustServerCertificate", "true")]), false));
    for padded in ["true%20", "%20true", "%74rue"] {
        sets.push((pairs(&[("useSsl", padded)]), false));
    }
    sets.push((pairs(&[("useSsl", "false"), ("trustServerCertificate", "true")]), false));
    sets.push((pairs(&[("sslMode", "bogus")]), false));
    sets.push((pairs(&[("useSsl", "true"), ("sslMode", "disable")]), false));
    sets.push((pairs(&[("useSsl", "true"), ("sslMode", "trust")]), false));
    sets.push((pairs(&[("useSsl", "true"), ("serverSslCert", "{dir}/ca.crt")]), false));
    sets.push((pairs(&[("useSsl", "true"), ("enabledSslProtocolSuites", "TLSv1.2")]), false));
    sets
}

/// The cases: every property set in the URL and passed beside it, duplicates, and the URL against
/// a passed property (the URL wins in both drivers).
fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    for (db, sets) in [("postgresql", postgres_sets()), ("mariadb", mariadb_sets())] {
        let mut n = 0;
        let mut add = |url: Vec<(String, String)>, passed: Vec<(String, String)>, opaque: bool| {
            n += 1;
            out.push(Case { id: format!("{}{n:03}", &db[..2]), db, url, passed, opaque });
        };
        for (set, opaque) in &sets {
            add(set.clone(), Vec::new(), *opaque);
            if !set.is_empty() {
                add(Vec::new(), set.clone(), *opaque);
            }
        }
        let (name, weak, strong) = match db {
            "postgresql" => ("sslmode", "disable", "verify-full"),
            _ => ("useSsl", "false", "true"),
        };
        add(pairs(&[(name, weak), (name, strong)]), Vec::new(), false);
        add(pairs(&[(name, strong), (name, weak)]), Vec::new(), false);
        add(pairs(&[(name, strong)]), pairs(&[(name, weak)]), false);
        add(pairs(&[(name, weak)]), pairs(&[(name, strong)]), false);
    }
    out
}

/// The posture the driver's outcomes show, or `broken` when it refuses a server that offers
/// TLS with a correct certificate.
fn real_posture(outcomes: &BTreeMap<&str, String>) -> &'static str {
    let get = |s: &str| outcomes.get(s).map(String::as_str).unwrap_or("missing");
    match get("tls") {
        "plain" => "plaintext",
        "tls" if get("notls") == "plain" => "fallback",
        "tls" if get("untrusted") == "tls" => "certificate-unverified",
        "tls" if get("wronghost") == "tls" => "hostname-unverified",
        "tls" => "verified",
        _ => "broken",
    }
}

fn posture_name(posture: Posture) -> &'static str {
    match posture {
        Posture::Plaintext => "plaintext",
        Posture::Fallback => "fallback",
        Posture::CertificateUnverified => "certificate-unverified",
        Posture::HostnameUnverified => "hostname-unverified",
        Posture::Verified => "verified",
        Posture::Refused => "broken",
        Posture::Unknown => "cannot-verify",
    }
}

/// The engine's posture for a connector configuration, and its reason.
fn engine(config: &str) -> (String, String) {
    let connectors = input::read(config, None).unwrap_or_else(|e| panic!("{e:?}\n{config}"));
    // The version the suite ran; the engine assumes 3.x unless told.
    let assume = Assumptions { mariadb_connector_j: Some(MARIADB_CJ.to_string()), ..Assumptions::default() };
    let links = endpoints::analyze(&connectors[0], &assume);
    let db: Vec<_> = links.iter().filter(|l| l.kind == LinkKind::Database).collect();
    match db.as_slice() {
        [link] => (posture_name(link.posture).to_string(), link.explanation()),
        _ => ("none".to_string(), format!("{} database links", db.len())),
    }
}

/// The configurations the engine reads for a case: the Confluent JDBC sink (URL and
/// `connection.<p>`), and for pgJDBC properties beside the URL the Debezium PostgreSQL source
/// (`database.<p>`, which Debezium hands the driver). Debezium sets `sslmode` itself (its own
/// default when `database.sslmode` is absent), so pgJDBC's `ssl`, read only without `sslmode`,
/// has no say there: those cases are left out for Debezium.
fn configs(case: &Case, dir: &str) -> Vec<(&'static str, String)> {
    let fill = |v: &str| v.replace("{dir}", dir);
    let mut confluent =
        format!("connector.class=io.confluent.connect.jdbc.JdbcSinkConnector\nconnection.url={}\n", fill(&case.url_text("localhost:5432")));
    for (n, v) in &case.passed {
        let _ = writeln!(confluent, "connection.{n}={}", fill(v));
    }
    let mut out = vec![("confluent-jdbc", confluent)];
    // `database.url` with `driver.<p>`, as Debezium's JDBC-URL connectors pass them; the class is
    // one no family claims, so only the JDBC reading speaks.
    let mut driver = format!("connector.class=com.example.connect.JdbcSource\ndatabase.url={}\n", fill(&case.url_text("localhost:5432")));
    for (n, v) in &case.passed {
        let _ = writeln!(driver, "driver.{n}={}", fill(v));
    }
    out.push(("driver-passthrough", driver));
    if case.db == "postgresql" && case.url.is_empty() && !case.passed.iter().any(|(n, _)| n.eq_ignore_ascii_case("ssl")) {
        let mut debezium = "connector.class=io.debezium.connector.postgresql.PostgresConnector\ntopic.prefix=conformance\n\
             database.hostname=localhost\ndatabase.port=5432\ndatabase.user=postgres\ndatabase.dbname=postgres\n"
            .to_string();
        for (n, v) in &case.passed {
            let _ = writeln!(debezium, "database.{n}={}", fill(v));
        }
        out.push(("debezium", debezium));
    }
    out
}

/// Stops the servers however the test ends.
struct Servers {
    dir: PathBuf,
}

impl Drop for Servers {
    fn drop(&mut self) {
        let script = common::root().join("tests/conformance/servers.sh");
        let _ = Command::new("bash").arg(script).arg("stop").arg(&self.dir).status();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn run(cmd: &mut Command) {
    let status = cmd.status().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(status.success(), "{cmd:?} failed: {status}");
}

fn tsv(path: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines().filter(|l| !l.is_empty()).map(|l| l.split('\t').map(str::to_string).collect()).collect()
}

#[test]
#[ignore = "needs PostgreSQL, MariaDB and their JDBC drivers: make test-conformance"]
fn drivers_agree_with_the_engine() {
    let started = std::time::Instant::now();
    let out = common::root().join("target/conformance");
    std::fs::create_dir_all(&out).expect("target/conformance");
    // A directory the postgres user can read: its parents must be searchable by all.
    let dir = std::env::temp_dir().join(format!("msk-conformance-{}", std::process::id()));
    let servers = Servers { dir: dir.clone() };
    run(Command::new("bash").arg(common::root().join("tests/conformance/servers.sh")).arg("start").arg(&dir));
    let dir_text = dir.display().to_string();

    let cases = cases();
    let mut lines = String::new();
    for case in &cases {
        let mut fields = vec![case.id.clone(), case.db.to_string(), case.url_text("{hostport}").replace("{dir}", &dir_text)];
        fields.extend(case.passed.iter().map(|(n, v)| format!("{n}={}", v.replace("{dir}", &dir_text))));
        lines.push_str(&fields.join("\t"));
        lines.push('\n');
    }
    std::fs::write(dir.join("cases.tsv"), lines).expect("cases.tsv");
    let classes = dir.join("classes");
    let jars = DRIVER_JARS.join(":");
    run(Command::new("javac").arg("-cp").arg(&jars).arg("-d").arg(&classes).arg(common::root().join("tests/conformance/Probe.java")));
    let classpath = format!("{jars}:{}", classes.display());
    // At most two minutes for every probe together; the servers stop either way.
    run(Command::new("timeout")
        .arg("120")
        .arg("java")
        .arg("-Djava.net.preferIPv4Stack=true")
        .arg(format!("-Duser.home={}/home", dir.display()))
        .arg(format!("-Djavax.net.ssl.trustStore={}/truststore.p12", dir.display()))
        .arg("-Djavax.net.ssl.trustStorePassword=changeit")
        .arg("-Djava.util.logging.config.file=/dev/null")
        .arg("-cp")
        .arg(&classpath)
        .arg("Probe")
        .arg(dir.join("cases.tsv"))
        .arg(dir.join("setups.tsv"))
        .arg(dir.join("outcomes.tsv"))
        .arg(dir.join("versions.tsv")));
    let versions: BTreeMap<String, String> = tsv(&dir.join("versions.tsv")).into_iter().map(|r| (r[0].clone(), r[1].clone())).collect();
    let mut outcomes: BTreeMap<String, BTreeMap<&str, String>> = BTreeMap::new();
    for row in tsv(&dir.join("outcomes.tsv")) {
        let setup = SETUPS.iter().find(|s| **s == row[1]).copied().unwrap_or("other");
        outcomes.entry(row[0].clone()).or_default().insert(setup, row[2].clone());
    }
    drop(servers);

    let mut report = String::from(
        "id\tdatabase\tURL\tpassed properties\ttls\twronghost\tuntrusted\tnotls\treal\tconnector\tengine\tverdict\tengine reason\n",
    );
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut disagreements = Vec::new();
    let mut cannot_verify = 0;
    for case in &cases {
        *counts.entry(case.db).or_default() += 1;
        let got = outcomes.get(&case.id).cloned().unwrap_or_default();
        let real = real_posture(&got);
        for (connector, config) in configs(case, &dir_text) {
            let (posture, reason) = engine(&config);
            let verdict = if posture == real {
                "agrees"
            } else if posture == "cannot-verify" && case.opaque {
                cannot_verify += 1;
                "cannot verify"
            } else {
                disagreements.push(format!("{} {connector} {}: driver {real}, engine {posture} ({reason})", case.id, case.url_text("H")));
                "DISAGREES"
            };
            let passed: Vec<String> = case.passed.iter().map(|(n, v)| format!("{n}={v}")).collect();
            let cells: Vec<String> = SETUPS.iter().map(|s| got.get(s).cloned().unwrap_or_default()).collect();
            let _ = writeln!(
                report,
                "{}\t{}\t{}\t{}\t{}\t{real}\t{connector}\t{posture}\t{verdict}\t{reason}",
                case.id,
                case.db,
                case.url_text("localhost:PORT"),
                passed.join(" "),
                cells.join("\t"),
            );
        }
    }
    std::fs::write(out.join("report.tsv"), &report).expect("report.tsv");
    let mut urls: BTreeMap<&str, std::collections::BTreeSet<String>> = BTreeMap::new();
    for case in cases.iter().filter(|c| c.passed.is_empty()) {
        urls.entry(case.db).or_default().insert(case.url_text("H"));
    }
    let distinct: BTreeMap<&str, usize> = urls.iter().map(|(db, set)| (*db, set.len())).collect();
    let mut summary = format!(
        "driver and server versions: {versions:?}\ncases per driver (URL, or URL and passed properties): {counts:?}\n\
         distinct URLs with every property in the URL: {distinct:?}\n"
    );
    let _ = writeln!(summary, "engine says cannot verify (custom class or file): {cannot_verify}");
    let _ = writeln!(summary, "disagreements: {}\n{}", disagreements.len(), disagreements.join("\n"));
    let _ = writeln!(summary, "wall time: {:.1}s", started.elapsed().as_secs_f64());
    std::fs::write(out.join("summary.txt"), &summary).expect("summary.txt");
    eprintln!("{summary}");

    assert_eq!(versions.get("pgjdbc").map(String::as_str), Some(PGJDBC), "check the pgJDBC facts in the tables on this version");
    assert_eq!(versions.get("mariadb-connector-j").map(String::as_str), Some(MARIADB_CJ), "check the MariaDB facts on this version");
    assert!(distinct.values().all(|&n| n >= 60), "at least 60 URLs per driver: {distinct:?}");
    assert!(disagreements.is_empty(), "{} disagreements, see target/conformance/report.tsv", disagreements.len());
}
