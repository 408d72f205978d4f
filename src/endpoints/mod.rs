//! Every link a connector makes (databases, services, embedded Kafka clients), analysed once per
//! connector. From the bottom: value parsers (`url`, `bootstrap`, `mongodb`), the link vocabulary
//! (`link`), the driver and family tables (`modes`, and `jdbc`'s driver table) with `http`, the
//! analysers (`jdbc`, `debezium`, `managed`, `services`, `kafka`), `schemes` (links under keys
//! no analyser claimed), and `analyze` here, which runs them. Analysers never import each other.

pub mod bootstrap;
pub mod debezium;
pub mod http;
pub mod jdbc;
pub mod kafka;
pub mod link;
pub mod managed;
pub mod modes;
pub mod mongodb;
pub mod schemes;
pub mod services;
pub mod url;

use crate::connector::{Assumptions, Connector};
use link::Link;

/// Every destination link of a connector, from every analyser.
pub fn analyze(connector: &Connector, assume: &Assumptions) -> Vec<Link> {
    if connector.is_worker() {
        return Vec::new();
    }
    let mut links = Vec::new();
    jdbc::links(connector, assume, &mut links);
    debezium::links(connector, assume, &mut links);
    managed::links(connector, &mut links);
    services::links(connector, &mut links);
    let mut unclaimed = Vec::new();
    schemes::links(connector, assume, &links, &mut unclaimed);
    links.extend(unclaimed);
    links
}

/// `localhost`, `127.0.0.0/8` and `::1` do not cross a network.
pub fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']').to_ascii_lowercase();
    if host == "localhost" || host.ends_with(".localhost") || host == "::1" || host == "0:0:0:0:0:0:0:1" {
        return true;
    }
    let octets: Vec<&str> = host.split('.').collect();
    octets.len() == 4 && octets[0] == "127" && octets.iter().all(|o| o.parse::<u8>().is_ok())
}
