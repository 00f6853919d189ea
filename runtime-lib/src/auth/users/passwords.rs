//! Passwords: the blueprint's rules, and argon2id hashing with OWASP's parameters (19 MiB,
//! two passes, one lane — the `argon2` crate's defaults), always on a blocking thread so a
//! hash (tens of milliseconds of CPU by design) never stalls the async workers.
//!
//! ```text
//! "correct horse battery" ─hash─▶ "$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>"  (PHC string)
//! verify(password, None)  ─▶ checks against a hash of a random password, then answers false,
//!                            so an unknown email costs what a wrong password costs
//! ```
//!
//! A semaphore bounds how many hashes run at once: each holds 19 MiB, so a burst of logins
//! must queue rather than take the machine's memory.

use std::sync::{Arc, OnceLock};

use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use tokio::sync::Semaphore;

/// Why a password cannot be used (the message is the client's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PasswordRule(pub(crate) String);

/// Checks `password` against the length rules, in characters (as the document's
/// `minLength`/`maxLength` count them).
pub(crate) fn check_rules(password: &str, min: u64, max: u64) -> Result<(), PasswordRule> {
    let length = password.chars().count() as u64;
    if length < min {
        return Err(PasswordRule(format!(
            "the password needs at least {min} characters"
        )));
    }
    if length > max {
        return Err(PasswordRule(format!(
            "the password may have at most {max} characters"
        )));
    }
    Ok(())
}

/// Hashes and verifies passwords, a few at a time.
pub(crate) struct Passwords {
    permits: Arc<Semaphore>,
    /// A hash of a random password, made once, for verifying unknown accounts.
    decoy: OnceLock<String>,
}

/// A hashing failure: the OS random generator or the hasher itself failed.
#[derive(Debug)]
pub(crate) struct HashFailed;

impl Passwords {
    pub(crate) fn new() -> Passwords {
        // Two per core: enough to keep the cores busy, few enough to bound memory.
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        Passwords {
            permits: Arc::new(Semaphore::new(cores * 2)),
            decoy: OnceLock::new(),
        }
    }

    /// The PHC string of `password`'s argon2id hash with a fresh random salt.
    pub(crate) async fn hash(&self, password: &str) -> Result<String, HashFailed> {
        let password = password.to_owned();
        self.blocking(move || {
            Argon2::default()
                .hash_password(password.as_bytes())
                .map(|hash| hash.to_string())
                .map_err(|_| HashFailed)
        })
        .await?
    }

    /// Whether `password` matches `hash`; with `None` (no such account) the same work is done
    /// against a decoy hash and the answer is `false`.
    pub(crate) async fn verify(&self, password: &str, hash: Option<String>) -> bool {
        let known = hash.is_some();
        let hash = match hash {
            Some(hash) => hash,
            None => match self.decoy().await {
                Ok(decoy) => decoy,
                Err(HashFailed) => return false,
            },
        };
        let password = password.to_owned();
        let matches = self
            .blocking(move || {
                Argon2::default()
                    .verify_password(password.as_bytes(), hash.as_str())
                    .is_ok()
            })
            .await
            .unwrap_or(false);
        known && matches
    }

    async fn decoy(&self) -> Result<String, HashFailed> {
        if let Some(decoy) = self.decoy.get() {
            return Ok(decoy.clone());
        }
        let mut random = [0u8; 32];
        getrandom::fill(&mut random).map_err(|_| HashFailed)?;
        let decoy = self.hash(&super::tokens::hex(&random)).await?;
        // Two first callers may both make one; either is as good.
        Ok(self.decoy.get_or_init(|| decoy).clone())
    }

    /// Runs `work` on tokio's blocking pool once a permit is free.
    async fn blocking<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, HashFailed> {
        // The permit goes with the work: a request abandoned while its hash runs must not free
        // a slot the hash still occupies.
        let permit = self
            .permits
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| HashFailed)?;
        tokio::task::spawn_blocking(move || {
            let result = work();
            drop(permit);
            result
        })
        .await
        .map_err(|_| HashFailed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_count_characters() {
        assert!(check_rules("12345678", 8, 10).is_ok());
        assert!(check_rules("1234567", 8, 10).is_err());
        // Four characters of four bytes each: long in bytes, short in characters.
        assert!(check_rules("😀😀😀😀😀😀😀😀", 8, 10).is_ok());
        assert!(check_rules("12345678901", 8, 10).is_err());
    }

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let passwords = Passwords::new();
        let hash = passwords.hash("correct horse").await.unwrap();
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(passwords.verify("correct horse", Some(hash.clone())).await);
        assert!(!passwords.verify("correct horsf", Some(hash)).await);
        assert!(!passwords.verify("correct horse", None).await);
    }
}
