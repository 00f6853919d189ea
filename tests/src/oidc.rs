//! A real OpenID Connect provider for the end-to-end tests: `tests/oidc/provider.mjs` runs
//! `oidc-provider` (npm, from the root `node_modules`) on a free loopback port and issues JWT
//! access tokens through the client-credentials flow at its token endpoint.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use crate::http::request;
use crate::workspace_root;

/// The clients' secret in `tests/oidc/provider.mjs` (a test value).
const CLIENT_SECRET: &str = "a-client-secret-for-the-tests-only-0123456789";

/// A running provider, stopped on drop.
pub struct Provider {
    child: Child,
    /// `http://127.0.0.1:PORT`.
    pub issuer: String,
}

impl Provider {
    /// A provider with fresh signing keys kept in `state` (a folder).
    pub fn start(state: &Path) -> Provider {
        let root = workspace_root();
        assert!(
            root.join("node_modules/oidc-provider").is_dir(),
            "oidc-provider is not installed: run `npm ci` at the repository root"
        );
        std::fs::create_dir_all(state).expect("the provider's state folder");
        let mut child = Command::new("node")
            .current_dir(&root)
            .arg("tests/oidc/provider.mjs")
            .arg("--state")
            .arg(state)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("node runs");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("piped stdout"))
            .read_line(&mut line)
            .expect("the provider prints its issuer");
        let issuer = line
            .trim()
            .strip_prefix("issuer ")
            .unwrap_or_else(|| panic!("the provider did not start: {line:?}"))
            .to_owned();
        Provider { child, issuer }
    }

    /// An access token for `client` (`notes-admin` or `notes-reader`), for `resource`.
    pub fn token(&self, client: &str, resource: &str) -> String {
        let form = format!(
            "grant_type=client_credentials&scope=notes&client_id={client}&client_secret={CLIENT_SECRET}&resource={}",
            resource.replace(':', "%3A").replace('/', "%2F")
        );
        let reply = request(
            "POST",
            &format!("{}/token", self.issuer),
            &[("content-type", "application/x-www-form-urlencoded")],
            Some(&form),
        );
        assert_eq!(reply.status, 200, "token endpoint: {}", reply.body);
        reply.json()["access_token"]
            .as_str()
            .expect("an access token")
            .to_owned()
    }
}

impl Drop for Provider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
