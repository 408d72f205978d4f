//! Just enough URL parsing for connection strings: scheme, user info, hosts, path and the
//! parameters, each parameter with its byte range so a fix can rewrite it in place.

/// A `name=value` parameter inside a connection string; ranges are byte offsets into the string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Param {
    pub name: String,
    /// Trimmed and percent-decoded.
    pub value: String,
    /// As written: neither trimmed nor decoded (for drivers that read values so).
    pub raw: String,
    /// The whole `name=value`.
    pub start: usize,
    pub end: usize,
    /// Where the value starts (for replacing just the value).
    pub value_start: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Url {
    /// Lower-cased scheme without `://` (`https`, `mongodb+srv`); empty when the text has none.
    pub scheme: String,
    pub user: Option<String>,
    pub password: Option<String>,
    /// `host[:port]` entries of the authority (several for `h1:1,h2:2`).
    pub hosts: Vec<String>,
    pub params: Vec<Param>,
}

impl Url {
    pub fn param(&self, name: &str) -> Option<&Param> {
        self.params.iter().rev().find(|p| p.name.eq_ignore_ascii_case(name))
    }

    pub fn host_names(&self) -> Vec<String> {
        self.hosts.iter().map(|h| host_name(h)).collect()
    }
}

/// The host of `host[:port]` (IPv6 in brackets kept).
pub fn host_name(host_port: &str) -> String {
    if host_port.starts_with('[') {
        return host_port.split(']').next().map(|h| format!("{h}]")).unwrap_or_default();
    }
    host_port.rsplit_once(':').filter(|(_, p)| p.chars().all(|c| c.is_ascii_digit())).map_or(host_port, |(h, _)| h).to_string()
}

/// Parses `scheme://[user[:password]@]host[:port][,host...][/path][?a=b&c=d]`.
pub fn parse(text: &str) -> Url {
    let (scheme, rest, rest_start) = match text.find("://") {
        Some(i) => (text[..i].to_ascii_lowercase(), &text[i + 3..], i + 3),
        None => (String::new(), text, 0),
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    let (userinfo, hosts) = match authority.rfind('@') {
        Some(at) => (Some(&authority[..at]), &authority[at + 1..]),
        None => (None, authority),
    };
    let (user, password) = match userinfo {
        Some(info) => match info.split_once(':') {
            Some((u, p)) => (Some(u.to_string()), Some(p.to_string())),
            None => (Some(info.to_string()), None),
        },
        None => (None, None),
    };
    let params = match rest.find('?') {
        Some(q) => params_in(text, rest_start + q + 1, &['&']),
        None => Vec::new(),
    };
    Url { scheme, user, password, hosts: hosts.split(',').filter(|h| !h.is_empty()).map(str::to_string).collect(), params }
}

/// `name=value` pairs from `from` to the end of `text`, split on `separators`.
pub fn params_in(text: &str, from: usize, separators: &[char]) -> Vec<Param> {
    let mut params = Vec::new();
    let mut start = from;
    let end_of_text = text.find('#').filter(|&h| h >= from).unwrap_or(text.len());
    while start < end_of_text {
        let end = text[start..end_of_text].find(separators).map_or(end_of_text, |i| start + i);
        let piece = &text[start..end];
        if !piece.trim().is_empty() {
            let (name, value, value_start) = match piece.find('=') {
                Some(eq) => (&piece[..eq], &piece[eq + 1..], start + eq + 1),
                None => (piece, "", end),
            };
            params.push(Param {
                name: name.trim().to_string(),
                value: decode(value.trim()),
                raw: value.to_string(),
                start,
                end,
                value_start,
            });
        }
        start = end + 1;
    }
    params
}

/// Percent-decoding, leaving malformed escapes as they are.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() && bytes[i + 1].is_ascii_hexdigit() && bytes[i + 2].is_ascii_hexdigit() {
            let hex = |b: u8| (b as char).to_digit(16).unwrap_or(0) as u8;
            out.push(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Sets parameter `name` to `value` in a connection string: replaces the value where the
/// parameter is present, otherwise appends it with `join` (`?` before the first parameter).
pub fn with_param(text: &str, url_params: &[Param], name: &str, value: &str, first: &str, join: &str) -> String {
    with_param_matching(text, url_params, &|p: &str| p.eq_ignore_ascii_case(name), name, value, first, join)
}

/// `with_param` for drivers that match names their own way (`is_name` says which is `name`).
pub fn with_param_matching(
    text: &str,
    url_params: &[Param],
    is_name: &dyn Fn(&str) -> bool,
    name: &str,
    value: &str,
    first: &str,
    join: &str,
) -> String {
    if let Some(param) = url_params.iter().rev().find(|p| is_name(&p.name)) {
        let mut out = text.to_string();
        if param.value_start <= param.end && param.value_start > param.start {
            out.replace_range(param.value_start..param.end, value);
        } else {
            out.replace_range(param.start..param.end, &format!("{name}={value}"));
        }
        return out;
    }
    let separator = if url_params.is_empty() { first } else { join };
    let trimmed = text.trim_end_matches(join);
    format!("{trimmed}{separator}{name}={value}")
}

/// Removes parameter `name` (with one neighbouring separator).
pub fn without_param(text: &str, url_params: &[Param], name: &str) -> String {
    without_param_matching(text, url_params, &|p: &str| p.eq_ignore_ascii_case(name))
}

/// `without_param` for drivers that match names their own way.
pub fn without_param_matching(text: &str, url_params: &[Param], is_name: &dyn Fn(&str) -> bool) -> String {
    let mut out = text.to_string();
    for param in url_params.iter().rev().filter(|p| is_name(&p.name)) {
        let (start, end) = if out[param.end..].starts_with(['&', ';']) {
            (param.start, param.end + 1)
        } else if param.start > 0 && out[..param.start].ends_with(['&', ';']) {
            (param.start - 1, param.end)
        } else {
            (param.start, param.end)
        };
        out.replace_range(start..end, "");
    }
    if out.ends_with('?') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_authority_and_params() {
        let url = parse("mongodb+srv://user:p%40ss@cluster0.abc.mongodb.net/db?retryWrites=true&tls=false");
        assert_eq!(url.scheme, "mongodb+srv");
        assert_eq!(url.user.as_deref(), Some("user"));
        assert_eq!(url.password.as_deref(), Some("p%40ss"));
        assert_eq!(url.host_names(), ["cluster0.abc.mongodb.net"]);
        assert_eq!(url.param("TLS").map(|p| p.value.as_str()), Some("false"));
        let url = parse("http://a:9200,b:9200");
        assert_eq!(url.host_names(), ["a", "b"]);
        assert_eq!(host_name("[::1]:5432"), "[::1]");
    }

    #[test]
    fn edits_params_in_place() {
        let text = "jdbc:mysql://h:3306/db?useSSL=true&sslMode=PREFERRED";
        let url = parse(text);
        assert_eq!(
            with_param(text, &url.params, "sslMode", "VERIFY_IDENTITY", "?", "&"),
            "jdbc:mysql://h:3306/db?useSSL=true&sslMode=VERIFY_IDENTITY"
        );
        assert_eq!(without_param(text, &url.params, "useSSL"), "jdbc:mysql://h:3306/db?sslMode=PREFERRED");
        let bare = "jdbc:mysql://h:3306/db";
        assert_eq!(
            with_param(bare, &parse(bare).params, "sslMode", "VERIFY_IDENTITY", "?", "&"),
            "jdbc:mysql://h:3306/db?sslMode=VERIFY_IDENTITY"
        );
        assert_eq!(decode("a%3Db%zz"), "a=b%zz");
    }
}
