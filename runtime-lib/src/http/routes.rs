//! Builds the axum router from a [`ServiceSpec`]: the blueprint's routes grouped by path, the
//! reserved `/_backworks/health`, JSON 404s and 405s, and the envelope middleware around it all.
//!
//! ```text
//! GET  /posts       ┐
//! POST /posts       ┘─▶ .route("/posts", on(GET, …).on(POST, …).fallback(405 JSON))
//! GET  /posts/{id}  ──▶ .route("/posts/{id}", on(GET, …).fallback(405 JSON))
//! data: books           ──▶ .route("/books", …) .route("/books/{id}", …)  (storage::http)
//!                       .route("/_backworks/health", get(health))
//!                       .fallback(404 JSON) .layer(envelope)
//! ```
//!
//! Callers are admitted before anything else of a request is read: declared routes by the
//! dispatcher (each with its `RouteSpec::auth`), CRUD routes by a layer around them
//! (`AuthSpec::resources`). The authenticator is built from the environment here unless the
//! caller supplies one ([`Overrides`]).
//!
//! axum answers `HEAD` for `GET` routes (running the `GET` handler, dropping the body) and sets
//! `Allow` on 405 responses (listing `HEAD` when `GET` is there); our fallbacks supply the JSON.

use std::sync::Arc;

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue, Method, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodFilter, MethodRouter, get};

use super::cors::{Cors, cors};
use super::dispatch::dispatch;
use super::envelope::{EndpointName, GlobalHeaders, envelope};
use super::errors::HttpError;
use super::rate_limit::{RateLimits, guard};
use super::transport::TransportSpec;
use super::{RouteSpec, ServiceSpec, security_headers};
use crate::auth::Authenticator;
#[cfg(feature = "storage")]
use crate::auth::Caller;

/// The reserved health route.
pub(crate) const HEALTH_PATH: &str = "/_backworks/health";

/// The reserved route serving the service's OpenAPI document.
pub(crate) const OPENAPI_PATH: &str = "/_backworks/openapi.json";

/// The service's router, ready for `axum::serve` or for embedding in a larger app.
///
/// # Panics
///
/// At construction (never while serving) if the spec is inconsistent: a method axum cannot route,
/// a path that is not valid axum syntax, two paths that conflict, the same method twice on a path,
/// or an invalid global header. The compiler rejects such blueprints before they get here.
///
/// Also if `spec.auth` names a key the environment does not hold; `serve` checks that first
/// and reports it as a start-up error.
pub fn router(spec: &'static ServiceSpec) -> Router {
    router_with(spec, Overrides::default())
}

/// Like [`router`], with the CRUD routes of `spec.data` answered by `store` rather than the
/// process's installed one (tests, or embedders serving several databases).
///
/// # Panics
///
/// Like [`router`].
#[cfg(feature = "storage")]
pub fn router_with_store(spec: &'static ServiceSpec, store: crate::storage::Store) -> Router {
    router_with(
        spec,
        Overrides {
            store: Some(store),
            ..Overrides::default()
        },
    )
}

/// What a router may be built with instead of the process's own (tests, embedders).
#[derive(Debug, Default)]
pub struct Overrides {
    /// Answers the CRUD routes instead of the installed store.
    #[cfg(feature = "storage")]
    pub store: Option<crate::storage::Store>,
    /// Verifies callers instead of an authenticator built from the environment.
    pub authenticator: Option<Authenticator>,
    /// The token opening the monitor and the metrics, instead of the one `dashboard.auth`
    /// names in the environment.
    pub dashboard_token: Option<String>,
}

impl Overrides {
    /// Only the authenticator overridden (which other fields exist depends on the features).
    pub fn authenticated_by(authenticator: Option<Authenticator>) -> Overrides {
        Overrides {
            #[cfg(feature = "storage")]
            store: None,
            authenticator,
            dashboard_token: None,
        }
    }
}

/// Like [`router`], with what `overrides` supplies.
///
/// # Panics
///
/// Like [`router`] (the environment is read only when no authenticator is supplied).
pub fn router_with(spec: &'static ServiceSpec, overrides: Overrides) -> Router {
    routers_with(spec, overrides).0
}

/// Like [`router_with`], with the router of the dashboard's own port (`dashboard.port`, or
/// `DASHBOARD_PORT`) apart when the spec asks for one; `serve` listens on both.
///
/// # Panics
///
/// Like [`router_with`].
pub fn routers_with(spec: &'static ServiceSpec, overrides: Overrides) -> (Router, Option<Router>) {
    #[allow(unused_mut, reason = "only a store (the `storage` feature) changes it")]
    let mut authenticator = match (spec.auth, overrides.authenticator) {
        (_, Some(authenticator)) => Some(authenticator),
        (Some(auth), None) => Some(
            Authenticator::from_environment(auth).unwrap_or_else(|error| panic!("auth: {error}")),
        ),
        (None, None) => None,
    };
    #[cfg(feature = "storage")]
    let crud = match overrides.store {
        Some(store) => {
            // API keys live in the same database as the resources.
            if let Some(authenticator) = &mut authenticator {
                authenticator.use_store(&store);
            }
            Crud::Fixed(store)
        }
        None => Crud::Installed,
    };
    #[cfg(not(feature = "storage"))]
    let crud = Crud::Installed;
    build(
        spec,
        crud,
        authenticator.map(Arc::new),
        overrides.dashboard_token.map(Arc::from),
    )
}

/// Which store the CRUD routes use.
#[derive(Clone)]
enum Crud {
    Installed,
    #[cfg(feature = "storage")]
    Fixed(crate::storage::Store),
}

fn build(
    spec: &'static ServiceSpec,
    crud: Crud,
    authenticator: Option<Arc<Authenticator>>,
    dashboard_token: Option<Arc<str>>,
) -> (Router, Option<Router>) {
    let transport = spec.transport.unwrap_or(&TransportSpec::DEFAULT);
    let monitor_authenticator = authenticator.clone();
    // Paths mounted beside the blueprint's and the resources' (API keys, accounts), so the
    // monitor counts them apart from the start rather than learning them under a lock.
    #[allow(
        unused_mut,
        reason = "only the `auth` and `storage` features mount more"
    )]
    let mut mounted: Vec<String> = Vec::new();
    #[cfg(feature = "storage")]
    let limits = RateLimits::new(
        transport,
        match &crud {
            Crud::Fixed(store) => Some(store.clone()),
            Crud::Installed => None,
        },
    );
    #[cfg(not(feature = "storage"))]
    let limits = RateLimits::new(transport);
    let mut router = Router::new().route(
        HEALTH_PATH,
        get(move || health(spec)).fallback(method_not_allowed),
    );
    if let Some(document) = spec.openapi {
        router = router.route(
            OPENAPI_PATH,
            get(move || openapi(document)).fallback(method_not_allowed),
        );
    }
    // Parsed once; every route enforcing its declarations reads the same document.
    let document: Option<Arc<serde_json::Value>> = spec
        .openapi
        .and_then(|text| serde_json::from_str(text).ok())
        .map(Arc::new);
    for path in distinct_paths(spec.routes) {
        let mut methods = MethodRouter::new();
        for route in spec.routes.iter().filter(|route| route.path == path) {
            let body_limit = spec.body_limit;
            let document = document.clone();
            let authenticator = authenticator.clone();
            let limits = limits.for_route(route.method, route.path);
            methods = methods.on(method_filter(route), move |req: Request| {
                dispatch(route, body_limit, document, authenticator, limits, req)
            });
        }
        router = router.route(path, methods.fallback(method_not_allowed));
    }
    #[cfg(all(feature = "auth", feature = "storage"))]
    if let (Some(authenticator), Some(_)) =
        (&authenticator, spec.auth.and_then(|a| a.api_keys.as_ref()))
    {
        // The key administration routes (admins only).
        for (path, methods) in
            crate::auth::api_keys_routes::routes(authenticator.clone(), spec.body_limit)
        {
            mounted.push(path.clone());
            router = router.route(&path, methods.fallback(method_not_allowed));
        }
    }
    router = mount_audit(router, spec, crud.clone(), authenticator.clone());
    let events_crud = crud.clone();
    let events_authenticator = authenticator.clone();
    #[cfg(all(feature = "auth", feature = "storage"))]
    let account_store = match &crud {
        Crud::Fixed(store) => Some(store.clone()),
        Crud::Installed => None,
    };
    router = mount_crud(router, spec, crud, document, authenticator.clone(), &limits);
    // `auth.users`: the account routes (the compiler refuses endpoints on their paths).
    #[cfg(all(feature = "auth", feature = "storage"))]
    if let Some(authenticator) = authenticator.filter(|a| a.accounts().is_some()) {
        for (path, methods) in crate::auth::users::routes::routes(authenticator, account_store) {
            mounted.push(path.to_owned());
            router = router.route(path, methods.fallback(method_not_allowed));
        }
    }
    let global = Arc::new(global_headers(spec, transport));
    // The monitor's routes, here or on the dashboard's port (`dashboard.port`, or
    // `DASHBOARD_PORT` as `serve` reads it); then every route above is tagged with its
    // template for the per-route counters.
    let separate = spec
        .dashboard
        .unwrap_or(&crate::monitor::DashboardSpec::DEFAULT)
        .separate_port()
        .ok()
        .flatten()
        .is_some();
    let verifies_callers = monitor_authenticator.is_some();
    let MonitorParts {
        monitor,
        gate,
        routes: dashboard_routes,
        catalog,
    } = monitor_routes(
        spec,
        monitor_authenticator,
        dashboard_token,
        mounted,
        separate,
    );
    // The request stream is the monitor's: on the dashboard's own port, the socket offers it
    // only to connections coming through that port's API prefix (`dashboard::api`).
    let requests = monitor
        .recent
        .is_some()
        .then(|| crate::events::RequestFeed {
            monitor: monitor.clone(),
            gate: gate.clone(),
        });
    // The workflows' forwarding (`dashboard::workflows`): only with the dashboard.
    let forwarding = catalog.map(|catalog| crate::dashboard::workflows::Forwarding {
        catalog,
        gate: gate.clone(),
        verifies_callers,
        service: None,
    });
    router = mount_events(
        router,
        spec,
        events_crud,
        events_authenticator,
        requests,
        separate,
    );
    // The dashboard's own polling is not counted against its reader's address (the gate
    // decides who that is; refused readers are counted): only beside the service.
    let pages = spec
        .dashboard
        .filter(|dashboard| dashboard.enabled)
        .and_then(|dashboard| dashboard.app);
    let own_polls = (!separate).then(|| crate::monitor::OwnPolls::new(gate.clone(), pages));
    let mut dashboard_routes = Some(dashboard_routes);
    if !separate {
        for (path, methods) in dashboard_routes.take().into_iter().flatten() {
            router = router.route(path, methods.fallback(method_not_allowed));
        }
    }
    router = router.route_layer(crate::monitor::Tag(monitor.clone()));
    router = router.fallback(not_found);
    // Outside routing, inside everything else: a forwarded call is rewritten before the
    // router matches it, and meets the rate limits, CORS, monitor and envelope once. (A
    // router's own layers run after its routing, so the router becomes the fallback of an
    // outer one that the forwarding wraps.)
    if let (false, Some(forwarding)) = (separate, &forwarding) {
        let forward = crate::dashboard::workflows::ForwardLayer(Arc::new(forwarding.clone()));
        router = Router::new().fallback_service(tower::Layer::layer(&forward, router));
    }
    // Inside out: rate limits, then CORS (a preflight is never counted), then the envelope.
    if limits.any() {
        router = router.layer(axum::middleware::from_fn_with_state(
            limits.before_routing(own_polls),
            guard,
        ));
    }
    if let Some(spec) = &transport.cors {
        router = router.layer(axum::middleware::from_fn_with_state(
            Arc::new(Cors::new(spec)),
            cors,
        ));
    }
    router = router.layer(crate::monitor::Observe(monitor));
    router = router.layer(axum::middleware::from_fn_with_state(
        global.clone(),
        envelope,
    ));
    let router = take_query_key(router, spec);
    // On the dashboard's own port, the workflows' calls and the page's API calls (sign-in,
    // the explorer, the live socket) go into the service's router.
    let dashboard = dashboard_routes.map(|mut routes| {
        let forwarding = forwarding.map(|forwarding| crate::dashboard::workflows::Forwarding {
            service: Some(router.clone()),
            ..forwarding
        });
        routes.push(crate::dashboard::api::route(router.clone()));
        dashboard_router(routes, global, forwarding)
    });
    (router, dashboard)
}

/// `auth.api_keys.query`: outside everything else, so no log line, handler or list grammar
/// ever sees the key in the URI (`auth::query_key`).
#[cfg(all(feature = "auth", feature = "storage"))]
fn take_query_key(router: Router, spec: &'static ServiceSpec) -> Router {
    match spec
        .auth
        .and_then(|auth| auth.api_keys.as_ref())
        .and_then(|keys| keys.query)
    {
        Some(parameter) => router.layer(axum::middleware::from_fn_with_state(
            parameter,
            crate::auth::query_key::take_query_key,
        )),
        None => router,
    }
}

#[cfg(not(all(feature = "auth", feature = "storage")))]
fn take_query_key(router: Router, _: &'static ServiceSpec) -> Router {
    router
}

/// The service's monitor and the routes reading it (`crate::monitor`).
///
/// # Panics
///
/// If `dashboard.auth` names a variable the environment lacks; `serve` checks that first.
fn monitor_routes(
    spec: &'static ServiceSpec,
    authenticator: Option<Arc<Authenticator>>,
    token: Option<Arc<str>>,
    mounted: Vec<String>,
    separate: bool,
) -> MonitorParts {
    use crate::monitor::{DashboardSpec, Gate, Monitor};
    let dashboard = spec.dashboard.unwrap_or(&DashboardSpec::DEFAULT);
    let token = token.or_else(|| {
        dashboard
            .token(&|name| std::env::var(name).ok())
            .unwrap_or_else(|error| panic!("dashboard: {error}"))
    });
    let monitor = Arc::new(Monitor::new(
        spec,
        known_routes(spec, mounted),
        dashboard.enabled,
    ));
    let gate = Gate {
        token,
        authenticator,
    };
    let mut routes = crate::monitor::routes(monitor.clone(), gate.clone(), dashboard.enabled);
    // The pages read the monitor, so they exist only where it does.
    if let (true, Some(app)) = (dashboard.enabled, dashboard.app) {
        routes.extend(crate::dashboard::routes(app, gate.clone(), separate));
    }
    // The admin workflows, described in the embedded `service.json` (none without pages).
    let catalog = dashboard.enabled.then(|| {
        Arc::new(
            dashboard
                .app
                .map(|app| crate::dashboard::workflows::Catalog::from_description(app.service))
                .unwrap_or_default(),
        )
    });
    if let Some(catalog) = &catalog {
        routes.push(crate::dashboard::workflows::route(
            catalog.clone(),
            gate.clone(),
        ));
    }
    MonitorParts {
        monitor,
        gate,
        routes,
        catalog,
    }
}

/// What [`monitor_routes`] builds.
struct MonitorParts {
    monitor: Arc<crate::monitor::Monitor>,
    gate: crate::monitor::Gate,
    /// The monitor's and the dashboard's routes.
    routes: Vec<(&'static str, MethodRouter)>,
    /// The admin workflows, when the dashboard is enabled.
    catalog: Option<Arc<crate::dashboard::workflows::Catalog>>,
}

/// The route templates the monitor counts apart from the start (others it learns as they
/// answer): the reserved routes, the blueprint's, the resources' CRUD routes and `mounted`.
fn known_routes(
    spec: &'static ServiceSpec,
    mounted: Vec<String>,
) -> Vec<crate::monitor::KnownRoute> {
    use crate::monitor::{METRICS_PATH, REQUESTS_PATH, SUMMARY_PATH};
    let mut known: Vec<crate::monitor::KnownRoute> = vec![
        (HEALTH_PATH.to_owned(), None, false),
        (OPENAPI_PATH.to_owned(), None, false),
        (METRICS_PATH.to_owned(), None, true),
        (SUMMARY_PATH.to_owned(), None, true),
        (REQUESTS_PATH.to_owned(), None, true),
        // Its upgrade's 101 says nothing about the connection, and the dashboard's own socket
        // must not fill the log it reads.
        (crate::events::socket::WS_PATH.to_owned(), None, true),
    ];
    // The dashboard's own files and description stay out of the recent requests, as the
    // monitor's routes do (the pages poll).
    for path in [
        crate::dashboard::ROOT_PATH,
        crate::dashboard::INDEX_PATH,
        crate::dashboard::ASSETS_PATH,
        crate::dashboard::SERVICE_PATH,
        crate::dashboard::workflows::WORKFLOWS_PATH,
    ] {
        known.push((path.to_owned(), None, true));
    }
    for route in spec.routes {
        known.push((
            route.path.to_owned(),
            Some((route.method, route.endpoint)),
            false,
        ));
    }
    #[cfg(feature = "storage")]
    if let Some(data) = spec.data {
        for resource in data.resources {
            known.push((format!("/{}", resource.name), None, false));
            known.push((format!("/{}/{{id}}", resource.name), None, false));
        }
        if spec.auth.is_some() {
            known.push((
                crate::storage::audit::route::AUDIT_PATH.to_owned(),
                None,
                false,
            ));
        }
    }
    known.extend(mounted.into_iter().map(|path| (path, None, false)));
    known
}

/// The router of the dashboard's own port: the monitor's routes in the same envelope.
fn dashboard_router(
    routes: Vec<(&'static str, MethodRouter)>,
    global: Arc<GlobalHeaders>,
    forwarding: Option<crate::dashboard::workflows::Forwarding>,
) -> Router {
    let mut router = Router::new();
    for (path, methods) in routes {
        router = router.route(path, methods.fallback(method_not_allowed));
    }
    router = router.fallback(not_found);
    if let Some(forwarding) = forwarding {
        router = router.layer(crate::dashboard::workflows::ForwardLayer(Arc::new(
            forwarding,
        )));
    }
    router.layer(axum::middleware::from_fn_with_state(global, envelope))
}

/// Mounts the generated CRUD routes of `spec.data`; a path a declared endpoint already serves
/// is left to it (the compiler refuses such blueprints; this keeps the router buildable).
#[cfg(feature = "storage")]
fn mount_crud(
    mut router: Router,
    spec: &'static ServiceSpec,
    crud: Crud,
    document: Option<Arc<serde_json::Value>>,
    authenticator: Option<Arc<Authenticator>>,
    limits: &RateLimits,
) -> Router {
    use crate::auth::{Access, admit};
    use crate::storage::http::{Shared, StoreSource, routes};
    let Some(data) = spec.data else {
        return router;
    };
    let store = match crud {
        Crud::Installed => StoreSource::Installed,
        Crud::Fixed(store) => StoreSource::Fixed(store),
    };
    let shared = Arc::new(Shared {
        store,
        body_limit: spec.body_limit,
        document,
    });
    for (path, methods) in routes(data, shared) {
        if spec.routes.iter().any(|route| route.path == path) {
            continue;
        }
        // `/{name}` or `/{name}/{id}`: which resource, and whether one record.
        let item = path.ends_with("/{id}");
        let name = path
            .trim_start_matches('/')
            .trim_end_matches("/{id}")
            .to_owned();
        let resource = data.resources.iter().find(|resource| resource.name == name);
        let authenticator = authenticator.clone();
        let limits = limits.for_resource(&name);
        let guarded = methods.layer(axum::middleware::from_fn(
            move |mut req: Request, next: axum::middleware::Next| {
                let authenticator = authenticator.clone();
                let limits = limits.clone();
                let access = crud_access(spec, resource, item, req.method());
                async move {
                    match admit(
                        authenticator.as_deref(),
                        access,
                        req.headers(),
                        req.extensions(),
                    )
                    .await
                    {
                        Ok(user) => {
                            if let Err(limited) = limits.check(user.as_ref(), &req).await {
                                return limited.into_response();
                            }
                            let anonymous = user.is_none();
                            // The CRUD handlers read the caller from here (record rules).
                            req.extensions_mut().insert(Caller(user));
                            let response = next.run(req).await;
                            if anonymous
                                && access != Access::Public
                                && response.status() == axum::http::StatusCode::FORBIDDEN
                            {
                                // A rule refused an anonymous caller: signing in may help, so
                                // say so as any route needing a caller does.
                                return HttpError::from(crate::auth::Refusal::Missing)
                                    .into_response();
                            }
                            response
                        }
                        Err(refusal) => HttpError::from(refusal).into_response(),
                    }
                }
            },
        ));
        router = router.route(&path, guarded.fallback(method_not_allowed));
    }
    router
}

/// Who may call one CRUD operation. Without `auth:` the resources are public, as before; with
/// it, an operation governed by a record rule admits anonymous callers too (the rule decides,
/// with `user` null), and any other operation is `Auth::resources`'s.
#[cfg(feature = "storage")]
pub(crate) fn crud_access(
    spec: &ServiceSpec,
    resource: Option<&crate::storage::ResourceSpec>,
    item: bool,
    method: &Method,
) -> crate::auth::Access {
    use crate::auth::Access;
    let Some(auth) = spec.auth else {
        return Access::Public;
    };
    let rules = resource.map(|resource| &resource.rules);
    let rule = rules.and_then(|rules| match *method {
        Method::GET if item => rules.get,
        Method::GET => rules.list,
        Method::POST => rules.create,
        Method::PATCH | Method::PUT => rules.update,
        Method::DELETE => rules.delete,
        _ => None,
    });
    if rule.is_some() {
        Access::Optional
    } else {
        auth.resources
    }
}

/// Mounts `GET /_backworks/audit` (`storage::audit::route`) for a service with data and
/// `auth:`; without `auth:` there is no admin to read it, and the route does not exist.
#[cfg(feature = "storage")]
fn mount_audit(
    router: Router,
    spec: &'static ServiceSpec,
    crud: Crud,
    authenticator: Option<Arc<Authenticator>>,
) -> Router {
    use crate::storage::audit::route::{AUDIT_PATH, route};
    use crate::storage::http::StoreSource;
    if spec.data.is_none() || spec.auth.is_none() {
        return router;
    }
    let store = match crud {
        Crud::Installed => StoreSource::Installed,
        Crud::Fixed(store) => StoreSource::Fixed(store),
    };
    router.route(
        AUDIT_PATH,
        route(store, authenticator).fallback(method_not_allowed),
    )
}

/// Mounts `GET /_backworks/ws` (`events::socket`): the live events of a service with data,
/// and the dashboard's request stream (`requests`) — so a service without data has the socket
/// too when its dashboard is on. With the dashboard on its own port (`separate`), the stream
/// is offered only to sockets opened through that port's API prefix, and a service without
/// data answers other sockets 404, as if the route were not there.
fn mount_events(
    router: Router,
    spec: &'static ServiceSpec,
    crud: Crud,
    authenticator: Option<Arc<Authenticator>>,
    requests: Option<crate::events::RequestFeed>,
    separate: bool,
) -> Router {
    use crate::events::socket::{Closing, Endpoint, WS_PATH, upgrade};
    #[cfg(feature = "storage")]
    let hub = spec.data.map(|_| {
        use crate::events::socket::HubSource;
        match crud {
            Crud::Installed => HubSource::Installed,
            Crud::Fixed(store) => {
                let hub: Arc<std::sync::OnceLock<crate::events::Hub>> = Arc::default();
                // Started now when a runtime is at hand (its reader numbers and announces this
                // store's writes), else at the first connection.
                if tokio::runtime::Handle::try_current().is_ok() {
                    let _ = hub.set(crate::events::Hub::start(store.clone()));
                }
                HubSource::Fixed(hub, store)
            }
        }
    });
    #[cfg(feature = "storage")]
    let has_data = hub.is_some();
    #[cfg(not(feature = "storage"))]
    let has_data = {
        let _ = crud;
        false
    };
    if !has_data && requests.is_none() {
        return router;
    }
    let direct = Arc::new(Endpoint {
        spec,
        #[cfg(feature = "storage")]
        hub: hub.clone(),
        authenticator: authenticator.clone(),
        requests: if separate { None } else { requests.clone() },
    });
    let via_dashboard_port = requests.filter(|_| separate).map(|feed| {
        Arc::new(Endpoint {
            spec,
            #[cfg(feature = "storage")]
            hub,
            authenticator,
            requests: Some(feed),
        })
    });
    let handler = move |ws: Result<
        axum::extract::ws::WebSocketUpgrade,
        axum::extract::ws::rejection::WebSocketUpgradeRejection,
    >,
                        mut headers: axum::http::HeaderMap,
                        extensions: axum::http::Extensions,
                        closing: Option<axum::Extension<Closing>>| {
        let endpoint = match &via_dashboard_port {
            Some(endpoint)
                if extensions
                    .get::<crate::dashboard::api::ViaDashboardPort>()
                    .is_some() =>
            {
                Arc::clone(endpoint)
            }
            _ => Arc::clone(&direct),
        };
        async move {
            if !has_data && endpoint.requests.is_none() {
                return HttpError::NotFound {
                    method: "GET".to_owned(),
                    path: WS_PATH.to_owned(),
                }
                .into_response();
            }
            let ws = match ws {
                Ok(ws) => ws,
                Err(rejection) => return rejection.into_response(),
            };
            // The socket verifies credentials as headers; a key the query carried (taken out
            // of the URL by `take_query_key`) is moved into the key header, and an ambiguous
            // one is refused before upgrading, as on every other route.
            if let Err(refusal) = key_header_from_query(&endpoint, &mut headers, &extensions) {
                return refusal.into_response();
            }
            let peer = extensions
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .map(|axum::extract::ConnectInfo(peer)| *peer);
            upgrade(
                endpoint,
                ws,
                headers,
                peer,
                closing.map(|closing| closing.0),
            )
            .await
        }
    };
    router.route(WS_PATH, get(handler).fallback(method_not_allowed))
}

/// Puts an API key taken from the query string into the key header of `headers`; a 401 when
/// the parameter was repeated or a header key was sent as well.
#[cfg(all(feature = "storage", feature = "auth"))]
fn key_header_from_query(
    endpoint: &crate::events::socket::Endpoint,
    headers: &mut axum::http::HeaderMap,
    extensions: &axum::http::Extensions,
) -> Result<(), HttpError> {
    use crate::auth::query_key::QueryKey;
    let Some(found) = extensions.get::<QueryKey>().cloned() else {
        return Ok(());
    };
    let refused = || HttpError::Unauthorized {
        invalid_token: true,
        message: "an API key must be sent once, in the query or in its header",
    };
    let Some(header) = endpoint
        .authenticator
        .as_deref()
        .and_then(crate::auth::Authenticator::api_key_header)
    else {
        return Ok(());
    };
    let QueryKey::Key(key) = found else {
        return Err(refused());
    };
    if headers.contains_key(header) {
        return Err(refused());
    }
    let name = axum::http::HeaderName::from_bytes(header.as_bytes()).map_err(|_| refused())?;
    let value = axum::http::HeaderValue::from_str(&key).map_err(|_| refused())?;
    headers.insert(name, value);
    Ok(())
}

#[cfg(not(all(feature = "storage", feature = "auth")))]
fn key_header_from_query(
    _: &crate::events::socket::Endpoint,
    _: &mut axum::http::HeaderMap,
    _: &axum::http::Extensions,
) -> Result<(), HttpError> {
    Ok(())
}

#[cfg(not(feature = "storage"))]
fn mount_audit(
    router: Router,
    _: &'static ServiceSpec,
    _: Crud,
    _: Option<Arc<Authenticator>>,
) -> Router {
    router
}

/// Without the `storage` feature there are no engines; `serve` refuses a spec with data.
#[cfg(not(feature = "storage"))]
fn mount_crud(
    router: Router,
    _: &'static ServiceSpec,
    _: Crud,
    _: Option<Arc<serde_json::Value>>,
    _: Option<Arc<Authenticator>>,
    _: &RateLimits,
) -> Router {
    router
}

/// Each path once, in the order the routes first name it.
fn distinct_paths(routes: &'static [RouteSpec]) -> Vec<&'static str> {
    let mut paths: Vec<&'static str> = Vec::new();
    for route in routes {
        if !paths.contains(&route.path) {
            paths.push(route.path);
        }
    }
    paths
}

fn method_filter(route: &RouteSpec) -> MethodFilter {
    Method::from_bytes(route.method.as_bytes())
        .ok()
        .and_then(|method| MethodFilter::try_from(method).ok())
        .unwrap_or_else(|| {
            panic!(
                "route {} {} (endpoint {}): {:?} is not an HTTP method the server can route",
                route.method, route.path, route.endpoint, route.method
            )
        })
}

/// The blueprint's global headers, then each default security header the blueprint does not
/// name (so `global_headers` overrides a default).
fn global_headers(spec: &ServiceSpec, transport: &TransportSpec) -> GlobalHeaders {
    let defaults = security_headers::defaults(transport.hsts)
        .into_iter()
        .filter(|(name, _)| {
            !spec
                .global_headers
                .iter()
                .any(|(given, _)| given.eq_ignore_ascii_case(name))
        });
    GlobalHeaders(
        spec.global_headers
            .iter()
            .copied()
            .chain(defaults)
            .map(|(name, value)| {
                match (
                    HeaderName::from_bytes(name.as_bytes()),
                    HeaderValue::from_str(value),
                ) {
                    (Ok(name), Ok(value)) => (name, value),
                    _ => panic!("global header {name:?}: {value:?} is not a valid HTTP header"),
                }
            })
            .collect(),
    )
}

async fn health(spec: &'static ServiceSpec) -> Response {
    let body = serde_json::json!({
        "status": "ok",
        "name": spec.name,
        "version": spec.version,
    });
    let mut response = axum::Json(body).into_response();
    response
        .extensions_mut()
        .insert(EndpointName("_backworks/health"));
    response
}

async fn openapi(document: &'static str) -> Response {
    let mut response = (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        document,
    )
        .into_response();
    response
        .extensions_mut()
        .insert(EndpointName("_backworks/openapi.json"));
    response
}

async fn not_found(method: Method, uri: Uri) -> HttpError {
    HttpError::NotFound {
        method: method.to_string(),
        path: uri.path().to_owned(),
    }
}

/// A path's method fallback: 405, carrying the route's template (`MatchedPath`, set by the
/// router before the fallback runs) for the monitor, which counts it under its route.
async fn method_not_allowed(req: Request) -> Response {
    let mut response = HttpError::MethodNotAllowed {
        method: req.method().to_string(),
        path: req.uri().path().to_owned(),
    }
    .into_response();
    if let Some(matched) = req.extensions().get::<axum::extract::MatchedPath>() {
        response.extensions_mut().insert(matched.clone());
    }
    response
}
