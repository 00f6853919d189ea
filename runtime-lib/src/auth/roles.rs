//! Roles from the verified claims: the configured claim, found by a dotted path, holding a
//! string or a list of strings.
//!
//! ```text
//! roles_claim: realm_access.roles
//! {"realm_access": {"roles": ["admin", "reader"]}}  ─▶ ["admin", "reader"]
//! {"realm_access": {"roles": "admin"}}              ─▶ ["admin"]
//! {"realm_access": {}}  or  {"realm_access": 3}     ─▶ []
//! ```
//!
//! A member whose name itself contains a dot (`"https://example.com/roles"`, as some providers
//! namespace custom claims) is found first by its whole name.

use serde_json::Value;

/// The roles `claims` grants under `path`; anything that is not a string grants nothing.
pub(crate) fn roles(claims: &Value, path: &str) -> Vec<String> {
    let found = claims.get(path).or_else(|| {
        path.split('.')
            .try_fold(claims, |value, key| value.get(key))
    });
    match found {
        Some(Value::String(role)) => vec![role.clone()],
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|item| item.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_claim_grants_a_string_or_a_list_of_strings() {
        let claims = json!({
            "roles": ["admin", 3, "reader"],
            "role": "editor",
            "realm_access": { "roles": ["ops"] },
            "https://example.com/roles": ["namespaced"],
            "count": 3,
        });
        assert_eq!(roles(&claims, "roles"), ["admin", "reader"]);
        assert_eq!(roles(&claims, "role"), ["editor"]);
        assert_eq!(roles(&claims, "realm_access.roles"), ["ops"]);
        assert_eq!(roles(&claims, "https://example.com/roles"), ["namespaced"]);
        assert!(roles(&claims, "count").is_empty());
        assert!(roles(&claims, "missing.path").is_empty());
    }
}
