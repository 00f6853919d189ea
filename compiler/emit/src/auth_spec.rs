//! The identity part of the generated `main.rs`: the `AuthSpec` static (the provider, with
//! the *name* of the variable holding its key — never a key) and each route's `Access`.
//!
//! ```text
//! Auth { jwt: Some(Jwt { keys: Fixed { algorithm: Hs256, variable: "JWT_SECRET" }, … }), … }
//!   ─▶ static AUTH: AuthSpec = AuthSpec { jwt: Some(JwtSpec { keys: JwtKeys::Fixed {
//!          algorithm: JwtAlgorithm::Hs256, variable: "JWT_SECRET" }, … }), … };
//! Access::Required { roles: ["admin"] } ─▶ Access::Required { roles: &["admin"] }
//! ```

use backworks_ir::{Access, ApiKeys, Jwt, JwtAlgorithm, JwtKeys, Service, Users};
use proc_macro2::TokenStream;
use quote::quote;

/// The `AUTH` static and its imports, when the service declares `auth:`.
pub(crate) fn auth_static(service: &Service) -> Option<TokenStream> {
    let auth = service.auth.as_ref()?;
    let jwt = optional_spec(auth.jwt.as_ref().map(jwt_spec));
    let users = optional_spec(auth.users.as_ref().map(users_spec));
    let api_keys = optional_spec(auth.api_keys.as_ref().map(api_keys_spec));
    let resources = access(&auth.resources);
    // Only what the static names, so the generated crate builds without unused imports.
    let mut imports = vec![quote! { AuthSpec }];
    if auth.jwt.is_some() {
        imports.extend([
            quote! { JwtAlgorithm },
            quote! { JwtKeys },
            quote! { JwtSpec },
        ]);
    }
    if let Some(users) = &auth.users {
        imports.push(quote! { UsersSpec });
        if users.admin.is_some() {
            imports.push(quote! { AdminAccountSpec });
        }
    }
    if auth.api_keys.is_some() {
        imports.push(quote! { ApiKeysSpec });
    }
    Some(quote! {
        use backworks_runtime::auth::{#(#imports),*};

        /// Keys are read from the environment at start; a missing one stops the server.
        static AUTH: AuthSpec = AuthSpec {
            jwt: #jwt,
            users: #users,
            api_keys: #api_keys,
            resources: #resources,
        };
    })
}

fn optional_spec(spec: Option<TokenStream>) -> TokenStream {
    match spec {
        Some(spec) => quote! { Some(#spec) },
        None => quote! { None },
    }
}

fn jwt_spec(jwt: &Jwt) -> TokenStream {
    let optional = |value: &Option<String>| match value {
        Some(text) => quote! { Some(#text) },
        None => quote! { None },
    };
    let keys = match &jwt.keys {
        JwtKeys::Fixed {
            algorithm,
            variable,
        } => {
            let algorithm = jwt_algorithm(*algorithm);
            quote! { JwtKeys::Fixed { algorithm: #algorithm, variable: #variable } }
        }
        JwtKeys::Discovered {
            jwks_url,
            algorithms,
        } => {
            let jwks_url = optional(jwks_url);
            let algorithms = algorithms.iter().map(|algorithm| jwt_algorithm(*algorithm));
            quote! {
                JwtKeys::Discovered { jwks_url: #jwks_url, algorithms: &[#(#algorithms),*] }
            }
        }
    };
    let issuer = optional(&jwt.issuer);
    let audience = optional(&jwt.audience);
    let roles_claim = &jwt.roles_claim;
    let leeway_s = jwt.leeway_s;
    quote! {
        JwtSpec {
            keys: #keys,
            issuer: #issuer,
            audience: #audience,
            roles_claim: #roles_claim,
            leeway_s: #leeway_s,
        }
    }
}

fn jwt_algorithm(algorithm: JwtAlgorithm) -> TokenStream {
    match algorithm {
        JwtAlgorithm::Hs256 => quote! { JwtAlgorithm::Hs256 },
        JwtAlgorithm::Rs256 => quote! { JwtAlgorithm::Rs256 },
        JwtAlgorithm::Es256 => quote! { JwtAlgorithm::Es256 },
        JwtAlgorithm::EdDsa => quote! { JwtAlgorithm::EdDsa },
    }
}

fn users_spec(users: &Users) -> TokenStream {
    let Users {
        secret_variable,
        issuer,
        roles,
        access_ttl_s,
        refresh_ttl_s,
        password_min_length,
        password_max_length,
        throttle_failures,
        throttle_window_s,
        ..
    } = users;
    let default_role = match &users.default_role {
        Some(role) => quote! { Some(#role) },
        None => quote! { None },
    };
    let admin = match &users.admin {
        Some(admin) => {
            let email_variable = &admin.email_variable;
            let password_variable = &admin.password_variable;
            quote! {
                Some(AdminAccountSpec {
                    email_variable: #email_variable,
                    password_variable: #password_variable,
                })
            }
        }
        None => quote! { None },
    };
    quote! {
        UsersSpec {
            secret_variable: #secret_variable,
            issuer: #issuer,
            roles: &[#(#roles),*],
            default_role: #default_role,
            admin: #admin,
            access_ttl_s: #access_ttl_s,
            refresh_ttl_s: #refresh_ttl_s,
            password_min_length: #password_min_length,
            password_max_length: #password_max_length,
            throttle_failures: #throttle_failures,
            throttle_window_s: #throttle_window_s,
        }
    }
}

fn api_keys_spec(api_keys: &ApiKeys) -> TokenStream {
    let header = api_keys.header.to_ascii_lowercase();
    let admin_token_variable = match &api_keys.admin_token_variable {
        Some(variable) => quote! { Some(#variable) },
        None => quote! { None },
    };
    let query = match &api_keys.query {
        Some(parameter) => quote! { Some(#parameter) },
        None => quote! { None },
    };
    quote! { ApiKeysSpec { header: #header, query: #query, admin_token_variable: #admin_token_variable } }
}

/// A route's `Access` as a constant expression.
pub(crate) fn access(access: &Access) -> TokenStream {
    match access {
        Access::Public => quote! { Access::Public },
        Access::Optional => quote! { Access::Optional },
        Access::Required { roles } => quote! { Access::Required { roles: &[#(#roles),*] } },
    }
}
