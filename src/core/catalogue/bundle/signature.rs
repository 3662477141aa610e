//! The minisign signature of a bundle (`catalogue.tar.minisig` beside
//! `catalogue.tar`): made with the Debian `minisign` tool by whoever
//! releases the catalogue, verified here with `minisign-verify`. Pure:
//! bytes and text in, a verdict out.
//!
//! A signature by a key not trusted is told apart from a bad one: the
//! first names the key ID (as minisign prints it), so that an organisation
//! that signs its own bundles knows which key to trust (`--trusted-key`);
//! the second means the bundle changed after it was signed.

use minisign_verify::{PublicKey, Signature};

/// The project's public key: the catalogues it releases are signed with
/// its secret half (kept out of the repository). Also in the README.
pub const PROJECT_PUBLIC_KEY: &str = "RWS2X5pEwitKc7Mjk/rruTr1BZmsNk8QYsYe8zC0Kjt+hPeSHJHaHF8V";

/// A public key trusted to sign bundles, with its ID.
#[derive(Debug, Clone)]
pub struct TrustedKey {
    /// As minisign prints it: 16 upper-case hex digits.
    pub id: String,
    key: PublicKey,
}

/// Why text is not a minisign public key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyError {
    /// Nothing but comments and blank lines.
    NoKeyLine,
    /// A line that is not a key (minisign-verify's words).
    NotAKey(String),
}

/// Why a signature does not vouch for a bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignatureError {
    /// Not a minisign signature (minisign-verify's words).
    Unreadable(String),
    /// A signature without the line that names its key.
    NoKeyId,
    /// Made with a key not trusted: its ID.
    UnknownKey(String),
    /// Made with a trusted key, over other bytes.
    Bad,
}

impl TrustedKey {
    /// A public key as a minisign `.pub` file holds it (its comment line,
    /// then the key), or the key's line alone.
    pub fn parse(text: &str) -> Result<TrustedKey, KeyError> {
        let line = text
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && !l.starts_with("untrusted comment:"))
            .ok_or(KeyError::NoKeyLine)?;
        let key = PublicKey::from_base64(line).map_err(|e| KeyError::NotAKey(e.to_string()))?;
        // A key minisign-verify took is base64 of at least 10 bytes.
        let id = key_id(line).ok_or_else(|| KeyError::NotAKey(String::new()))?;
        Ok(TrustedKey { id, key })
    }

    /// The project's own key ([`PROJECT_PUBLIC_KEY`]).
    pub fn project() -> TrustedKey {
        // A constant of this file, tested to parse.
        TrustedKey::parse(PROJECT_PUBLIC_KEY).expect("the project's public key parses")
    }
}

/// Whether `signature` (a `.minisig` file's text) is one of `keys` over `bytes`.
pub fn verify(bytes: &[u8], signature: &str, keys: &[TrustedKey]) -> Result<(), SignatureError> {
    let decoded =
        Signature::decode(signature).map_err(|e| SignatureError::Unreadable(e.to_string()))?;
    // The signature's second line: the algorithm, the key ID, the signature.
    let id = signature
        .lines()
        .nth(1)
        .and_then(|line| key_id(line.trim()))
        .ok_or(SignatureError::NoKeyId)?;
    let Some(key) = keys.iter().find(|k| k.id == id) else {
        return Err(SignatureError::UnknownKey(id));
    };
    // Only the prehashed signatures minisign makes by default: the legacy
    // kind would need the whole bundle hashed by Ed25519 itself.
    match key.key.verify(bytes, &decoded, false) {
        Ok(()) => Ok(()),
        Err(minisign_verify::Error::InvalidSignature) => Err(SignatureError::Bad),
        Err(e) => Err(SignatureError::Unreadable(e.to_string())),
    }
}

/// The key ID of a key's or a signature's base64 line: bytes 2 to 10, a
/// little-endian number, as minisign prints it (`734A2BC2449A5FB6`).
fn key_id(line: &str) -> Option<String> {
    let bytes = base64(line)?;
    let id: [u8; 8] = bytes.get(2..10)?.try_into().ok()?;
    Some(format!("{:016X}", u64::from_le_bytes(id)))
}

/// Standard base64 (with padding) decoded; `None` if it is not.
fn base64(text: &str) -> Option<Vec<u8>> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let text = text.trim_end_matches('=').as_bytes();
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &c in text {
        acc = (acc << 6) | u32::from(value(c)?);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ID minisign printed when it made the project's key pair
    /// (`untrusted comment: minisign public key 734A2BC2449A5FB6`).
    #[test]
    fn the_project_key_parses_with_the_id_minisign_gave_it() {
        assert_eq!(TrustedKey::project().id, "734A2BC2449A5FB6");
        let file = "untrusted comment: minisign public key 734A2BC2449A5FB6\n\
                    RWS2X5pEwitKc7Mjk/rruTr1BZmsNk8QYsYe8zC0Kjt+hPeSHJHaHF8V\n";
        assert_eq!(TrustedKey::parse(file).unwrap().id, "734A2BC2449A5FB6");
        assert!(TrustedKey::parse("untrusted comment: x\nnot a key\n").is_err());
        assert!(TrustedKey::parse("").is_err());
    }

    #[test]
    fn base64_decodes_as_the_standard_says() {
        assert_eq!(base64("TWFu").unwrap(), b"Man");
        assert_eq!(base64("TWE=").unwrap(), b"Ma");
        assert_eq!(base64("TQ==").unwrap(), b"M");
        assert_eq!(base64("T!=="), None);
    }

    /// Signed in the test with a key pair made for it (the `minisign`
    /// crate, as the Debian tool signs): good, changed, unknown key, not a signature.
    #[test]
    fn a_signature_is_good_bad_or_by_an_unknown_key() {
        let (pk, sk) = throwaway_key();
        let bytes = b"a bundle".to_vec();
        let signature = sign(&pk, &sk, &bytes);
        let trusted = TrustedKey::parse(&pk.to_box().unwrap().to_string()).unwrap();
        assert_eq!(
            verify(&bytes, &signature, std::slice::from_ref(&trusted)),
            Ok(())
        );
        assert_eq!(
            verify(b"a bundlE", &signature, std::slice::from_ref(&trusted)),
            Err(SignatureError::Bad)
        );
        assert_eq!(
            verify(b"a bundl", &signature, std::slice::from_ref(&trusted)),
            Err(SignatureError::Bad)
        );
        // The project's key alone does not know the throwaway one.
        assert_eq!(
            verify(&bytes, &signature, &[TrustedKey::project()]),
            Err(SignatureError::UnknownKey(trusted.id.clone()))
        );
        // Either of two trusted keys will do.
        assert_eq!(
            verify(
                &bytes,
                &signature,
                &[TrustedKey::project(), trusted.clone()]
            ),
            Ok(())
        );
        assert!(matches!(
            verify(&bytes, "not a signature", &[trusted]),
            Err(SignatureError::Unreadable(_))
        ));
    }

    fn throwaway_key() -> (minisign::PublicKey, minisign::SecretKey) {
        let pair = minisign::KeyPair::generate_unencrypted_keypair().unwrap();
        (pair.pk, pair.sk)
    }

    fn sign(pk: &minisign::PublicKey, sk: &minisign::SecretKey, bytes: &[u8]) -> String {
        minisign::sign(Some(pk), sk, std::io::Cursor::new(bytes), None, None)
            .unwrap()
            .to_string()
    }
}
