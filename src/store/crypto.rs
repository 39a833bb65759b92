//! Encryption at rest of the device's store: the key, and the sealing of each
//! value with XChaCha20-Poly1305.
//!
//! Every value is sealed with a fresh random 192-bit nonce (large enough that
//! random nonces never repeat in practice) and bound to its tree and key, so
//! that a value copied to another place on disk no longer opens. Keys are not
//! encrypted: they hold ids only, never names.
//!
//! Must not depend on sled or on the store's semantics.

use super::StoreError;
use chacha20poly1305::aead::{Aead, Generate, Payload};
use chacha20poly1305::{Key, KeyInit, XChaCha20Poly1305, XNonce};
use std::fmt;
use std::io::{ErrorKind, Read, Write};
use std::path::Path;

/// Format of a sealed value; raised if the layout ever changes.
const FORMAT: u8 = 1;
const NONCE_LEN: usize = 24;

/// The 32-byte key of a device's store.
///
/// On phones the key belongs in the platform's keystore (Android Keystore, iOS
/// Keychain), handed over with [`StoreKey::from_bytes`]. A key file
/// ([`StoreKey::load_or_create`]) is the fallback for desktops, readable by the
/// user's account only.
#[derive(Clone, PartialEq, Eq)]
pub struct StoreKey([u8; 32]);

impl fmt::Debug for StoreKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Never print the key itself, not even in a log.
        f.write_str("StoreKey(..)")
    }
}

impl StoreKey {
    /// A new random key, from the operating system's secure generator.
    pub fn generate() -> Result<StoreKey, StoreError> {
        let key = Key::try_generate()
            .map_err(|e| StoreError::Io(format!("no secure random numbers: {e}")))?;
        Ok(StoreKey(key.into()))
    }

    pub fn from_bytes(bytes: [u8; 32]) -> StoreKey {
        StoreKey(bytes)
    }

    pub fn to_bytes(&self) -> [u8; 32] {
        self.0
    }

    /// Reads the key file at `path`, or creates it with a new key (mode 0600 on
    /// unix) if there is none.
    pub fn load_or_create(path: &Path) -> Result<StoreKey, StoreError> {
        let io = |e: std::io::Error| StoreError::Io(format!("key file {}: {e}", path.display()));
        match std::fs::File::open(path) {
            Ok(mut file) => {
                let mut bytes = Vec::new();
                file.read_to_end(&mut bytes).map_err(io)?;
                let bytes: [u8; 32] = bytes.try_into().map_err(|_| {
                    StoreError::Corrupt(format!("{} is not a store key file", path.display()))
                })?;
                Ok(StoreKey(bytes))
            }
            Err(e) if e.kind() == ErrorKind::NotFound => {
                let key = StoreKey::generate()?;
                let mut options = std::fs::OpenOptions::new();
                options.write(true).create_new(true);
                #[cfg(unix)]
                std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
                match options.open(path) {
                    Ok(mut file) => {
                        file.write_all(&key.0).map_err(io)?;
                        file.sync_all().map_err(io)?;
                        Ok(key)
                    }
                    // Another process created it first: use theirs.
                    Err(e) if e.kind() == ErrorKind::AlreadyExists => Self::load_or_create(path),
                    Err(e) => Err(io(e)),
                }
            }
            Err(e) => Err(io(e)),
        }
    }
}

/// Seals and opens the values of one store.
pub struct Cipher(XChaCha20Poly1305);

impl Cipher {
    pub fn new(key: &StoreKey) -> Cipher {
        Cipher(XChaCha20Poly1305::new(&Key::from(key.0)))
    }

    /// `format | nonce | ciphertext and tag`, bound to `place` (tree and key).
    pub fn seal(&self, place: &[u8], plain: &[u8]) -> Result<Vec<u8>, StoreError> {
        let nonce = XNonce::try_generate()
            .map_err(|e| StoreError::Io(format!("no secure random numbers: {e}")))?;
        let sealed = self
            .0
            .encrypt(
                &nonce,
                Payload {
                    msg: plain,
                    aad: place,
                },
            )
            .map_err(|_| StoreError::Io("a value could not be encrypted".into()))?;
        let mut out = Vec::with_capacity(1 + NONCE_LEN + sealed.len());
        out.push(FORMAT);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        Ok(out)
    }

    /// The plain value, or `None` if it was not sealed with this key at this place.
    pub fn open(&self, place: &[u8], sealed: &[u8]) -> Option<Vec<u8>> {
        let (format, rest) = sealed.split_first()?;
        if *format != FORMAT || rest.len() < NONCE_LEN {
            return None;
        }
        let (nonce, body) = rest.split_at(NONCE_LEN);
        let nonce = XNonce::try_from(nonce).ok()?;
        self.0
            .decrypt(
                &nonce,
                Payload {
                    msg: body,
                    aad: place,
                },
            )
            .ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_opens_only_with_its_key_at_its_place() {
        let cipher = Cipher::new(&StoreKey::generate().expect("random"));
        let sealed = cipher.seal(b"state/child/c1", b"Lina").expect("seals");
        assert!(!sealed.windows(4).any(|w| w == b"Lina"));
        assert_eq!(
            cipher.open(b"state/child/c1", &sealed).as_deref(),
            Some(&b"Lina"[..])
        );
        assert_eq!(cipher.open(b"state/child/c2", &sealed), None);
        let other = Cipher::new(&StoreKey::generate().expect("random"));
        assert_eq!(other.open(b"state/child/c1", &sealed), None);
        assert_eq!(cipher.open(b"state/child/c1", b"\x01short"), None);
    }

    #[test]
    fn the_key_file_is_created_once_and_private() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("store.key");
        let first = StoreKey::load_or_create(&path).expect("creates");
        let again = StoreKey::load_or_create(&path).expect("loads");
        assert_eq!(first, again);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path)
                .expect("exists")
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        std::fs::write(&path, b"short").expect("writes");
        assert!(matches!(
            StoreKey::load_or_create(&path),
            Err(StoreError::Corrupt(_))
        ));
    }
}
