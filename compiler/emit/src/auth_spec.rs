//! The identity part of the generated `main.rs`: the `AuthSpec` static (the provider, with
//! the *name* of the variable holding its key — never a key) and each route's `Access`.
//!
//! ```text
//! Auth { jwt: Jwt { algorithm: Hs256, key_variable: "JWT_SECRET", … } }
//!   ─▶ static AUTH: AuthSpec = AuthSpec { jwt: JwtSpec { algorithm: JwtAlgorithm::Hs256,
//!                                                         key_variable: "JWT_SECRET", … }, … };
//! Access::Required { roles: ["admin"] } ─▶ Access::Required { roles: &["admin"] }
//! ```

use backworks_ir::{Access, JwtAlgorithm, Service};
use proc_macro2::TokenStream;
use quote::quote;

/// The `AUTH` static and its imports, when the service declares `auth:`.
pub(crate) fn auth_static(service: &Service) -> Option<TokenStream> {
    let auth = service.auth.as_ref()?;
    let jwt = &auth.jwt;
    let algorithm = match jwt.algorithm {
        JwtAlgorithm::Hs256 => quote! { JwtAlgorithm::Hs256 },
        JwtAlgorithm::Rs256 => quote! { JwtAlgorithm::Rs256 },
        JwtAlgorithm::Es256 => quote! { JwtAlgorithm::Es256 },
        JwtAlgorithm::EdDsa => quote! { JwtAlgorithm::EdDsa },
    };
    let key_variable = &jwt.key_variable;
    let optional = |value: &Option<String>| match value {
        Some(text) => quote! { Some(#text) },
        None => quote! { None },
    };
    let issuer = optional(&jwt.issuer);
    let audience = optional(&jwt.audience);
    let roles_claim = &jwt.roles_claim;
    let leeway_s = jwt.leeway_s;
    let resources = access(&auth.resources);
    Some(quote! {
        use backworks_runtime::auth::{AuthSpec, JwtAlgorithm, JwtSpec};

        /// The key is read from the environment at start; a missing one stops the server.
        static AUTH: AuthSpec = AuthSpec {
            jwt: JwtSpec {
                algorithm: #algorithm,
                key_variable: #key_variable,
                issuer: #issuer,
                audience: #audience,
                roles_claim: #roles_claim,
                leeway_s: #leeway_s,
            },
            resources: #resources,
        };
    })
}

/// A route's `Access` as a constant expression.
pub(crate) fn access(access: &Access) -> TokenStream {
    match access {
        Access::Public => quote! { Access::Public },
        Access::Optional => quote! { Access::Optional },
        Access::Required { roles } => quote! { Access::Required { roles: &[#(#roles),*] } },
    }
}
