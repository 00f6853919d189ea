//! The transport part of the generated `main.rs`: the `TransportSpec` static — rate limits
//! (the service's and each limited route's), CORS, HSTS and the connection limits.
//!
//! ```text
//! Transport { rate_limit: Some(RateLimit { requests: 300, per_s: 60, by: Ip, .. }), .. }
//!   + GET /report { rate_limit: 10 per 60 s by user }
//!   ─▶ static TRANSPORT: TransportSpec = TransportSpec {
//!          rate_limit: Some(RateLimitSpec { policy: "global", requests: 300u32, per_s: 60u32,
//!                                           by: RateKey::Ip, shared: None }),
//!          route_limits: &[RouteRateLimit { method: "GET", path: "/report", limit: … }],
//!          resource_limits: &[ResourceRateLimit { resource: "notes", limit: … }], … };
//! ```

use backworks_ir::{RateKey, RateLimit, Service, Transport};
use proc_macro2::TokenStream;
use quote::quote;

use crate::routes::BoundOperation;

/// The `TRANSPORT` static and its imports; `None` when every setting is the runtime's
/// default (`TransportSpec::DEFAULT`, which `transport: None` stands for).
pub(crate) fn transport_static(
    service: &Service,
    operations: &[BoundOperation],
) -> Option<TokenStream> {
    let transport = &service.transport;
    if *transport == Transport::default()
        && operations
            .iter()
            .all(|operation| operation.rate_limit.is_none())
    {
        return None;
    }
    let global = match &transport.rate_limit {
        Some(limit) => {
            let spec = limit_spec("global", limit);
            quote! { Some(#spec) }
        }
        None => quote! { None },
    };
    let routes: Vec<TokenStream> = operations
        .iter()
        .filter_map(|operation| {
            let limit = operation.rate_limit.as_ref()?;
            let method = operation.method.as_str();
            let path = &operation.path;
            let spec = limit_spec(&policy_name(&operation.endpoint), limit);
            Some(quote! { RouteRateLimit { method: #method, path: #path, limit: #spec } })
        })
        .collect();
    let cors = match &transport.cors {
        Some(cors) => {
            let origins = &cors.origins;
            let methods = &cors.methods;
            let headers = &cors.headers;
            let credentials = cors.credentials;
            let max_age = match cors.max_age_s {
                Some(seconds) => quote! { Some(#seconds) },
                None => quote! { None },
            };
            quote! {
                Some(CorsSpec {
                    origins: &[#(#origins),*],
                    methods: &[#(#methods),*],
                    headers: &[#(#headers),*],
                    credentials: #credentials,
                    max_age_s: #max_age,
                })
            }
        }
        None => quote! { None },
    };
    let hsts = transport.hsts;
    let header_timeout_ms = transport.header_timeout_ms;
    let connections_per_ip = transport.connections_per_ip;
    let trusted_proxies = &transport.trusted_proxies;
    let resources: Vec<TokenStream> = transport
        .resource_limits
        .iter()
        .map(|limited| {
            let resource = &limited.resource;
            let spec = limit_spec(&policy_name(resource), &limited.limit);
            quote! { ResourceRateLimit { resource: #resource, limit: #spec } }
        })
        .collect();
    // Only what the static names, so the generated crate builds without unused imports.
    let mut imports = vec![quote! { TransportSpec }];
    if transport.rate_limit.is_some() || !routes.is_empty() || !resources.is_empty() {
        imports.extend([quote! { RateKey }, quote! { RateLimitSpec }]);
    }
    if !routes.is_empty() {
        imports.push(quote! { RouteRateLimit });
    }
    if !resources.is_empty() {
        imports.push(quote! { ResourceRateLimit });
    }
    if transport.cors.is_some() {
        imports.push(quote! { CorsSpec });
    }
    Some(quote! {
        use backworks_runtime::http::{#(#imports),*};

        static TRANSPORT: TransportSpec = TransportSpec {
            rate_limit: #global,
            route_limits: &[#(#routes),*],
            resource_limits: &[#(#resources),*],
            cors: #cors,
            hsts: #hsts,
            header_timeout_ms: #header_timeout_ms,
            connections_per_ip: #connections_per_ip,
            trusted_proxies: &[#(#trusted_proxies),*],
        };
    })
}

fn limit_spec(policy: &str, limit: &RateLimit) -> TokenStream {
    let requests = limit.requests;
    let per_s = limit.per_s;
    let by = match limit.by {
        RateKey::Ip => quote! { RateKey::Ip },
        RateKey::User => quote! { RateKey::User },
        RateKey::Key => quote! { RateKey::Key },
    };
    let shared = match limit.shared {
        Some(shared) => quote! { Some(#shared) },
        None => quote! { None },
    };
    quote! {
        RateLimitSpec { policy: #policy, requests: #requests, per_s: #per_s, by: #by, shared: #shared }
    }
}

/// The endpoint's name as a policy name in a structured-field string (printable ASCII
/// without `"` and `\`).
fn policy_name(endpoint: &str) -> String {
    endpoint
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect()
}
