//! Parsers for what sits inside values (Kafka bootstrap lists, JDBC URLs, MongoDB connection
//! strings, http(s) URLs) and the destination links they describe.

pub mod bootstrap;
pub mod debezium;
pub mod jdbc;
pub mod links;
pub mod managed;
pub mod mongodb;
pub mod services;
pub mod url;

/// `localhost`, `127.0.0.0/8` and `::1` do not cross a network.
pub fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']').to_ascii_lowercase();
    if host == "localhost" || host.ends_with(".localhost") || host == "::1" || host == "0:0:0:0:0:0:0:1" {
        return true;
    }
    let octets: Vec<&str> = host.split('.').collect();
    octets.len() == 4 && octets[0] == "127" && octets.iter().all(|o| o.parse::<u8>().is_ok())
}
