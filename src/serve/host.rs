//! Which host names the server answers to (DNS rebinding: a page from
//! elsewhere whose name is made to point at 127.0.0.1 must not read the
//! answers). Bound to a loopback address, only `localhost`, `127.0.0.1` and
//! `[::1]` with the server's port; bound to another address, also any IP
//! address (an address cannot be rebound); and the names given with
//! `--allow-host`, on any port (an office server's LAN name, or the name a
//! reverse proxy forwards). An HTTP/1.1 request without a Host, or with
//! two, is refused, as RFC 9112 §3.2 says.

use std::net::{IpAddr, SocketAddr};

use axum::http::{HeaderMap, Uri, Version, header};

use crate::core::catalogue::Lang;
use crate::i18n::{self, Key};

/// The names always answered to, on the server's port.
const LOOPBACK: [&str; 3] = ["localhost", "127.0.0.1", "[::1]"];

/// The host names a server answers to.
#[derive(Debug, Clone)]
pub struct Hosts {
    port: u16,
    /// Bound to a loopback address: no other address is answered to.
    loopback: bool,
    /// `--allow-host`, lower-case.
    allowed: Vec<String>,
}

/// Why a request's host is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostRefused {
    /// HTTP/1.1 without a Host header.
    Missing,
    /// More than one Host header.
    Twice,
    /// A name not answered to (as given).
    NotServed(String),
}

impl Hosts {
    /// For a server bound to `bound`, with the names of `--allow-host`
    /// (refused, saying which and why, if one is not a host name).
    pub fn new(bound: SocketAddr, allowed: &[String], lang: Lang) -> Result<Hosts, String> {
        let mut names = Vec::with_capacity(allowed.len());
        for name in allowed {
            let lower = name.trim().to_ascii_lowercase();
            if !is_host_name(&lower) {
                return Err(i18n::text(
                    lang,
                    Key::ServeBadAllowHost,
                    &[("value", &crate::input::text::shown(name))],
                ));
            }
            names.push(lower);
        }
        Ok(Hosts {
            port: bound.port(),
            loopback: bound.ip().is_loopback(),
            allowed: names,
        })
    }

    /// Whether a request with `headers` for `uri` is answered (the host of
    /// an absolute URI, `GET http://host/`, counts as its Host).
    pub fn admits(
        &self,
        version: Version,
        uri: &Uri,
        headers: &HeaderMap,
    ) -> Result<(), HostRefused> {
        let mut given = headers.get_all(header::HOST).iter();
        let host = given.next();
        if given.next().is_some() {
            return Err(HostRefused::Twice);
        }
        if let Some(authority) = uri.authority() {
            self.answers(authority.as_str())?;
        }
        match host {
            Some(host) => self.answers(host.to_str().unwrap_or("\u{fffd}")),
            None if version == Version::HTTP_11 && uri.authority().is_none() => {
                Err(HostRefused::Missing)
            }
            None => Ok(()),
        }
    }

    /// Whether `host` (`name` or `name:port`) is one answered to.
    fn answers(&self, host: &str) -> Result<(), HostRefused> {
        let refused = || Err(HostRefused::NotServed(host.to_string()));
        let Some((name, port)) = split(host) else {
            return refused();
        };
        let name = name.to_ascii_lowercase();
        let name = name.strip_suffix('.').unwrap_or(&name);
        if self.allowed.iter().any(|allowed| allowed == name) {
            return Ok(());
        }
        // The server's own port; none only where it is HTTP's own.
        let on_our_port = port.map_or(self.port == 80, |port| port == self.port);
        let address = !self.loopback && address(name).is_some();
        match on_our_port && (LOOPBACK.contains(&name) || address) {
            true => Ok(()),
            false => refused(),
        }
    }

    /// The names answered to, for the message that refuses another.
    pub fn names(&self) -> String {
        let mut names: Vec<String> = LOOPBACK
            .iter()
            .map(|n| format!("{n}:{}", self.port))
            .collect();
        names.extend(self.allowed.iter().cloned());
        names.join(", ")
    }
}

/// `name:port`, `name`, `[::1]:8080` → the name and the port (`None` when
/// the text is not a host).
fn split(host: &str) -> Option<(&str, Option<u16>)> {
    if host.contains(['@', '/', ' ']) {
        return None;
    }
    let (name, port) = match host.rfind(':') {
        // `[::1]` alone: its colons are the address's.
        Some(at) if !host[at..].contains(']') => (&host[..at], Some(host[at + 1..].parse().ok()?)),
        _ => (host, None),
    };
    (!name.is_empty()).then_some((name, port))
}

/// `192.168.1.10` or `[fe80::1]` as an address.
fn address(name: &str) -> Option<IpAddr> {
    match name.strip_prefix('[').and_then(|n| n.strip_suffix(']')) {
        Some(v6) => v6.parse::<std::net::Ipv6Addr>().ok().map(IpAddr::V6),
        None => name.parse::<std::net::Ipv4Addr>().ok().map(IpAddr::V4),
    }
}

/// A DNS name (letters, digits, `-` and `.`) or an IP address.
fn is_host_name(name: &str) -> bool {
    let dns = !name.is_empty()
        && name.len() <= 253
        && name.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        });
    dns || address(name).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hosts(bound: &str, allowed: &[&str]) -> Hosts {
        let allowed: Vec<String> = allowed.iter().map(ToString::to_string).collect();
        Hosts::new(bound.parse().unwrap(), &allowed, Lang::En).unwrap()
    }

    fn asked(
        hosts: &Hosts,
        version: Version,
        uri: &str,
        given: &[&str],
    ) -> Result<(), HostRefused> {
        let mut headers = HeaderMap::new();
        for host in given {
            headers.append(header::HOST, host.parse().unwrap());
        }
        hosts.admits(version, &uri.parse().unwrap(), &headers)
    }

    #[test]
    fn on_loopback_only_loopback_names_on_its_port() {
        let local = hosts("127.0.0.1:8080", &[]);
        let v11 = Version::HTTP_11;
        for host in [
            "localhost:8080",
            "LOCALHOST:8080",
            "127.0.0.1:8080",
            "[::1]:8080",
            "localhost.:8080",
        ] {
            assert_eq!(asked(&local, v11, "/", &[host]), Ok(()), "{host}");
        }
        for host in [
            "evil.example:8080",
            "localhost:9090",
            "localhost",
            "192.168.1.10:8080",
            "127.0.0.1:8080@evil",
            "[::1]",
        ] {
            assert_eq!(
                asked(&local, v11, "/", &[host]),
                Err(HostRefused::NotServed(host.to_string())),
                "{host}"
            );
        }
        assert_eq!(asked(&local, v11, "/", &[]), Err(HostRefused::Missing));
        assert_eq!(asked(&local, Version::HTTP_10, "/", &[]), Ok(()));
        assert_eq!(
            asked(&local, v11, "/", &["localhost:8080", "localhost:8080"]),
            Err(HostRefused::Twice)
        );
        // An absolute URI's host is the request's host.
        assert_eq!(
            asked(
                &local,
                v11,
                "http://evil.example:8080/",
                &["localhost:8080"]
            ),
            Err(HostRefused::NotServed("evil.example:8080".to_string()))
        );
        assert_eq!(asked(&local, v11, "http://localhost:8080/", &[]), Ok(()));
        // Port 80 is HTTP's own: a browser leaves it out.
        assert_eq!(
            asked(&hosts("127.0.0.1:80", &[]), v11, "/", &["localhost"]),
            Ok(())
        );
    }

    #[test]
    fn on_the_lan_addresses_and_the_names_allowed() {
        let office = hosts("0.0.0.0:8080", &["subsidy.office.lan", "Jimu-PC"]);
        let v11 = Version::HTTP_11;
        for host in [
            "192.168.1.10:8080",
            "[fe80::1]:8080",
            "localhost:8080",
            "subsidy.office.lan",
            "SUBSIDY.office.lan:443",
            "jimu-pc:8080",
        ] {
            assert_eq!(asked(&office, v11, "/", &[host]), Ok(()), "{host}");
        }
        for host in ["evil.example:8080", "192.168.1.10:9999", "office.lan:8080"] {
            assert!(asked(&office, v11, "/", &[host]).is_err(), "{host}");
        }
        assert_eq!(
            office.names(),
            "localhost:8080, 127.0.0.1:8080, [::1]:8080, subsidy.office.lan, jimu-pc"
        );
        let refused = Hosts::new(
            "0.0.0.0:8080".parse().unwrap(),
            &["a b".to_string()],
            Lang::En,
        );
        assert!(refused.unwrap_err().contains("'a b'"));
    }
}
