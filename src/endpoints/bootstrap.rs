//! Kafka bootstrap lists (`host:port,host:port`, optionally `PROTOCOL://host:port`) and what an
//! Amazon MSK port says about the listener behind it.

use super::is_loopback;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Broker {
    /// The listener name written before `://`, if any (`SASL_SSL://b-1...:9096`).
    pub protocol: Option<String>,
    pub host: String,
    pub port: Option<u16>,
    /// Byte range of this broker inside the list, for rewriting its port.
    pub start: usize,
    pub end: usize,
}

impl Broker {
    pub fn is_loopback(&self) -> bool {
        is_loopback(&self.host)
    }

    pub fn is_msk(&self) -> bool {
        is_msk_host(&self.host)
    }

    pub fn msk_listener(&self) -> Option<MskListener> {
        self.port.and_then(MskListener::of_port)
    }
}

pub fn parse(list: &str) -> Vec<Broker> {
    let mut brokers = Vec::new();
    let mut offset = 0;
    for piece in list.split([',', ' ', '\t', '\n', '\r', ';']) {
        let start = offset;
        offset += piece.len() + 1;
        if piece.is_empty() {
            continue;
        }
        let (protocol, rest, rest_start) = match piece.find("://") {
            Some(i) => (Some(piece[..i].to_string()), &piece[i + 3..], start + i + 3),
            None => (None, piece, start),
        };
        let (host, port) = split_host_port(rest);
        let _ = rest_start;
        brokers.push(Broker { protocol, host: host.to_string(), port, start, end: start + piece.len() });
    }
    brokers
}

fn split_host_port(text: &str) -> (&str, Option<u16>) {
    if let Some(rest) = text.strip_prefix('[') {
        if let Some(close) = rest.find(']') {
            let port = rest[close + 1..].strip_prefix(':').and_then(|p| p.parse().ok());
            return (&text[..close + 2], port);
        }
    }
    match text.rsplit_once(':') {
        Some((host, port)) if !host.contains(':') => (host, port.parse().ok()),
        _ => (text, None),
    }
}

/// Amazon MSK hosts: provisioned `b-N.<cluster>.<id>.cN.kafka.<region>.amazonaws.com` (and
/// `b-N-public.`), serverless `boot-<id>.cN.kafka-serverless.<region>.amazonaws.com`.
pub fn is_msk_host(host: &str) -> bool {
    let host = host.to_ascii_lowercase();
    let host = host.trim_end_matches('.');
    let base = host.strip_suffix(".amazonaws.com").or_else(|| host.strip_suffix(".amazonaws.com.cn"));
    base.is_some_and(|b| b.contains(".kafka.") || b.contains(".kafka-serverless."))
}

/// Serverless clusters only offer IAM over TLS.
pub fn is_msk_serverless_host(host: &str) -> bool {
    host.to_ascii_lowercase().contains(".kafka-serverless.")
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MskAuth {
    None,
    Scram,
    Iam,
}

/// The listener an Amazon MSK port belongs to (docs: "Port information").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MskListener {
    pub tls: bool,
    pub auth: MskAuth,
    pub public: bool,
    pub ipv6: bool,
}

impl MskListener {
    pub fn of_port(port: u16) -> Option<MskListener> {
        let l = |tls, auth, public, ipv6| Some(MskListener { tls, auth, public, ipv6 });
        match port {
            9092 => l(false, MskAuth::None, false, false),
            9094 => l(true, MskAuth::None, false, false),
            9194 => l(true, MskAuth::None, true, false),
            9096 => l(true, MskAuth::Scram, false, false),
            9196 => l(true, MskAuth::Scram, true, false),
            9098 => l(true, MskAuth::Iam, false, false),
            9198 => l(true, MskAuth::Iam, true, false),
            20092 => l(false, MskAuth::None, false, true),
            20094 => l(true, MskAuth::None, false, true),
            20096 => l(true, MskAuth::Scram, false, true),
            20098 => l(true, MskAuth::Iam, false, true),
            _ => None,
        }
    }

    /// The port of the listener with the same access (private/public, IPv4/IPv6) for `tls`/`auth`.
    pub fn port_for(public: bool, ipv6: bool, tls: bool, auth: MskAuth) -> Option<u16> {
        let port = match (tls, auth) {
            (false, MskAuth::None) => 9092,
            (true, MskAuth::None) => 9094,
            (true, MskAuth::Scram) => 9096,
            (true, MskAuth::Iam) => 9098,
            (false, _) => return None,
        };
        match (public, ipv6) {
            (true, _) if port == 9092 => None,
            (true, _) => Some(port + 100),
            (false, true) => Some(port + 11000),
            (false, false) => Some(port),
        }
    }

    pub fn describe(self) -> &'static str {
        match (self.tls, self.auth) {
            (false, _) => "the plaintext listener",
            (true, MskAuth::None) => "the TLS listener (no client authentication)",
            (true, MskAuth::Scram) => "the SASL/SCRAM listener (TLS)",
            (true, MskAuth::Iam) => "the IAM listener (TLS)",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lists_with_protocols_and_ipv6() {
        let brokers = parse("b-1.x.y.c2.kafka.us-east-1.amazonaws.com:9098, SASL_SSL://kafka:9096,[::1]:9092,host");
        assert_eq!(brokers.len(), 4);
        assert_eq!(brokers[0].port, Some(9098));
        assert!(brokers[0].is_msk());
        assert_eq!(brokers[1].protocol.as_deref(), Some("SASL_SSL"));
        assert_eq!(brokers[1].host, "kafka");
        assert_eq!(brokers[2].host, "[::1]");
        assert!(brokers[2].is_loopback());
        assert_eq!(brokers[3].port, None);
    }

    #[test]
    fn msk_ports() {
        assert_eq!(MskListener::of_port(9092).map(|l| l.tls), Some(false));
        assert_eq!(MskListener::of_port(9198).map(|l| (l.auth, l.public)), Some((MskAuth::Iam, true)));
        assert_eq!(MskListener::of_port(20096).map(|l| (l.auth, l.ipv6)), Some((MskAuth::Scram, true)));
        assert_eq!(MskListener::port_for(false, false, true, MskAuth::Iam), Some(9098));
        assert_eq!(MskListener::port_for(true, false, true, MskAuth::None), Some(9194));
        assert_eq!(MskListener::port_for(false, true, true, MskAuth::Iam), Some(20098));
        assert_eq!(MskListener::port_for(true, false, false, MskAuth::None), None);
        assert!(is_msk_host("boot-abc.c2.kafka-serverless.us-east-1.amazonaws.com"));
        assert!(!is_msk_host("kafka.example.com"));
    }
}
