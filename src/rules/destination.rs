//! What the destination-link rules share: each reports the links of one kind and posture that
//! `endpoints::links` found, in one voice.

use super::{Context, Diagnostic, Downgrade};
use crate::endpoints::links::{self, Link, LinkFix, LinkKind, Posture};

pub fn links_of<'a>(context: &'a Context) -> &'a [Link] {
    context.links.get_or_init(|| links::analyze(context.connector, context.assume))
}

/// Reports every link of `kind` with `posture`; `Unknown` links are reported by the rule for
/// plaintext links, as info ("cannot verify").
pub fn report(context: &Context, kind: LinkKind, posture: Posture, skip: impl Fn(&Link) -> bool, help: &str, out: &mut Vec<Diagnostic>) {
    for link in links_of(context) {
        if link.kind != kind || skip(link) {
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
                .with_fix(link.fix.as_ref().and_then(LinkFix::to_fix))
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
        Posture::Verified | Posture::Unknown => "is set",
    };
    let loopback = link.loopback.then_some(Downgrade::Loopback);
    Diagnostic::at(
        link.location.clone(),
        Some(&link.key),
        format!("the {} connection ({}) {what}: {}", link.service, link.key, link.explanation()),
        help,
    )
    .with_fix(link.fix.as_ref().and_then(LinkFix::to_fix))
    .downgraded(loopback)
}

/// Whether this connector sends anything over a plaintext network link (for rules whose
/// severity rises when it does).
pub fn has_plaintext_link(context: &Context) -> bool {
    let destination = links_of(context).iter().any(|l| matches!(l.posture, Posture::Plaintext | Posture::Fallback) && !l.loopback);
    let cluster = context
        .connector
        .cluster
        .as_ref()
        .is_some_and(|c| c.encryption_in_force().is_some_and(|text| text.eq_ignore_ascii_case("PLAINTEXT")));
    destination || cluster
}
