//! Rate limits: at most `requests` per `per` seconds for each caller, globally (`rate_limit:`)
//! and per endpoint; over it, a 429 with `Retry-After`. Every response of a limited route
//! carries the fields of draft-ietf-httpapi-ratelimit-headers-11: `RateLimit-Policy`
//! (`"global";q=300;w=60`) and `RateLimit` (`"global";r=299;t=1`: requests left, and the
//! seconds within which no more than that many are available).
//!
//! ```text
//! request ─▶ guard (layer): a global `by: ip` limit, before routing (404s count too; the
//!                           dashboard's own polls of a reader the monitor's gate admits do not)
//!         ─▶ route ─▶ auth::admit ─▶ RouteLimits::check: a global `by: user|key` limit, then
//!                                   the route's own ─▶ handler / CRUD
//!         ◀─ guard writes RateLimit-Policy / RateLimit from what was decided
//! ```
//!
//! Decisions are GCRA ([`gcra`]) on counters in memory ([`local`]: a sharded map swept on a
//! timer, so memory follows the callers of the last window), or on the service's PostgreSQL
//! database when several instances must share one limit ([`shared`]). A refused request
//! still counts against the limits checked before the one that refused it.

mod gcra;
mod local;
#[cfg(feature = "storage")]
mod shared;

use std::net::{IpAddr, Ipv6Addr};
use std::sync::{Arc, Mutex, OnceLock, PoisonError, Weak};
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::errors::json_error;
use super::transport::{RateKey, RateLimitSpec, TransportSpec};
use crate::contract::User;
use gcra::{Decision, Rate};
use local::LocalCounters;

/// One caller, as a limit tells callers apart.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Subject {
    /// A client address; IPv6 by its /64 network.
    Address(IpAddr),
    /// A verified caller's id (`key:<id>` for an API key).
    Caller(Box<str>),
}

impl Subject {
    fn of(by: RateKey, caller: Option<&User>, address: IpAddr) -> Subject {
        let id = caller.and_then(|user| user.id.as_deref());
        match (by, id) {
            (RateKey::User | RateKey::Key, Some(id)) => Subject::Caller(id.into()),
            _ => Subject::Address(network(address)),
        }
    }

    /// The counter's key in the shared table.
    #[cfg(feature = "storage")]
    fn key(&self, policy: &str) -> String {
        match self {
            Subject::Address(address) => format!("{policy}|ip:{address}"),
            Subject::Caller(id) => format!("{policy}|id:{id}"),
        }
    }
}

/// The address as one client: an IPv4-mapped address as IPv4, IPv6 as its /64 (what one host
/// or one customer usually holds, so rotating within it gains nothing).
pub(crate) fn network(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V4(v4) => IpAddr::V4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6(Ipv6Addr::from(
                u128::from(v6) & 0xffff_ffff_ffff_ffff_0000_0000_0000_0000,
            )),
        },
    }
}

fn client_address(req: &Request) -> IpAddr {
    super::client_addr::client_ip(req.extensions())
        .unwrap_or(IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED))
}

/// One limit and its counters.
pub(crate) struct Policy {
    spec: RateLimitSpec,
    /// The local counters keep their own copy; the shared ones read this.
    #[cfg(feature = "storage")]
    rate: Rate,
    local: Arc<LocalCounters>,
    sweeper: OnceLock<()>,
    #[cfg(feature = "storage")]
    shared: shared::Shared,
}

impl Policy {
    fn new(spec: RateLimitSpec, #[cfg(feature = "storage")] store: shared::StoreChoice) -> Policy {
        let rate = Rate::new(spec.requests, spec.per_s);
        Policy {
            spec,
            #[cfg(feature = "storage")]
            rate,
            local: Arc::new(LocalCounters::new(rate)),
            sweeper: OnceLock::new(),
            #[cfg(feature = "storage")]
            shared: shared::Shared::new(spec.shared, store),
        }
    }

    /// Counts one request of `subject`.
    async fn decide(&self, subject: &Subject) -> Decision {
        self.start_sweeper();
        #[cfg(feature = "storage")]
        if let Some(decision) = self.shared.decide(self, subject).await {
            return decision;
        }
        self.local.step(subject)
    }

    /// Starts the timer that forgets idle callers, once, from inside the runtime.
    fn start_sweeper(&self) {
        self.sweeper.get_or_init(|| {
            let Ok(runtime) = tokio::runtime::Handle::try_current() else {
                return;
            };
            let every = Duration::from_secs(u64::from(self.spec.per_s.clamp(1, 10)));
            let counters = Arc::downgrade(&self.local);
            #[cfg(feature = "storage")]
            let shared = self.shared.sweeper();
            runtime.spawn(async move {
                let mut ticker = tokio::time::interval(every);
                ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
                ticker.tick().await;
                loop {
                    ticker.tick().await;
                    if !sweep(&counters) {
                        return;
                    }
                    #[cfg(feature = "storage")]
                    shared.forget().await;
                }
            });
        });
    }

    /// How many callers this instance tracks in memory (tests of the eviction).
    #[cfg(test)]
    pub(crate) fn tracked(&self) -> usize {
        self.local.len()
    }

    fn verdict(&self, decision: Decision) -> Verdict {
        Verdict {
            policy: self.spec.policy,
            requests: self.spec.requests,
            per_s: self.spec.per_s,
            decision,
        }
    }
}

/// Sweeps the counters if their policy still exists; false once it is gone.
fn sweep(counters: &Weak<LocalCounters>) -> bool {
    match counters.upgrade() {
        Some(counters) => {
            counters.sweep();
            true
        }
        None => false,
    }
}

/// Every limit of one service, built with its router.
pub(crate) struct RateLimits {
    global: Option<Arc<Policy>>,
    routes: Vec<(&'static str, &'static str, Arc<Policy>)>,
    /// By resource name: the limit its generated routes share.
    resources: Vec<(&'static str, Arc<Policy>)>,
}

impl RateLimits {
    pub(crate) fn new(
        transport: &TransportSpec,
        #[cfg(feature = "storage")] store: Option<crate::storage::Store>,
    ) -> RateLimits {
        #[cfg(feature = "storage")]
        let policy = |spec: RateLimitSpec| {
            Arc::new(Policy::new(spec, shared::StoreChoice::new(store.clone())))
        };
        #[cfg(not(feature = "storage"))]
        let policy = |spec: RateLimitSpec| Arc::new(Policy::new(spec));
        RateLimits {
            global: transport.rate_limit.map(policy),
            routes: transport
                .route_limits
                .iter()
                .map(|route| (route.method, route.path, policy(route.limit)))
                .collect(),
            resources: transport
                .resource_limits
                .iter()
                .map(|resource| (resource.resource, policy(resource.limit)))
                .collect(),
        }
    }

    /// Whether any limit is declared (no layer otherwise).
    pub(crate) fn any(&self) -> bool {
        self.global.is_some() || !self.routes.is_empty() || !self.resources.is_empty()
    }

    /// What [`guard`] checks: the global limit when it is checked before routing (`by: ip`),
    /// and which requests of the dashboard it leaves uncounted (`own_polls`, when the
    /// dashboard is served beside the service).
    pub(crate) fn before_routing(
        &self,
        own_polls: Option<crate::monitor::OwnPolls>,
    ) -> BeforeRouting {
        BeforeRouting {
            policy: self
                .global
                .clone()
                .filter(|policy| policy.spec.by == RateKey::Ip),
            own_polls: own_polls.map(Arc::new),
        }
    }

    /// The limits a route checks once its caller is known: a global `by: user|key` limit
    /// and the route's own (`method` upper case, `path` in axum syntax).
    pub(crate) fn for_route(&self, method: &str, path: &str) -> RouteLimits {
        let own = self
            .routes
            .iter()
            .find(|(m, p, _)| *m == method && *p == path)
            .map(|(_, _, policy)| policy.clone());
        RouteLimits {
            global: self.global_after_routing(),
            own,
        }
    }

    /// What the generated routes of resource `name` check: a global `by: user|key` limit and
    /// the resource's own, one policy for all its routes.
    #[cfg(feature = "storage")]
    pub(crate) fn for_resource(&self, name: &str) -> RouteLimits {
        let own = self
            .resources
            .iter()
            .find(|(resource, _)| *resource == name)
            .map(|(_, policy)| policy.clone());
        RouteLimits {
            global: self.global_after_routing(),
            own,
        }
    }

    /// The global limit when it needs the caller (`by: user|key`).
    fn global_after_routing(&self) -> Option<Arc<Policy>> {
        self.global
            .clone()
            .filter(|policy| policy.spec.by != RateKey::Ip)
    }

    /// The global limit's policy (tests of the eviction).
    #[cfg(test)]
    pub(crate) fn global(&self) -> Option<&Arc<Policy>> {
        self.global.as_ref()
    }
}

/// What one route checks after admitting its caller.
#[derive(Clone, Default)]
pub(crate) struct RouteLimits {
    global: Option<Arc<Policy>>,
    own: Option<Arc<Policy>>,
}

impl RouteLimits {
    /// Counts the request of `caller` against the route's limits; `Err` is the 429 to send.
    /// (What it needs of `req` is read before the first `.await`: a request is not `Sync`.)
    pub(crate) fn check<'a>(
        &'a self,
        caller: Option<&'a User>,
        req: &Request,
    ) -> impl Future<Output = Result<(), Limited>> + Send + 'a {
        let active = self.global.is_some() || self.own.is_some();
        let address = client_address(req);
        let verdicts = req.extensions().get::<Arc<Verdicts>>().cloned();
        async move {
            if !active {
                return Ok(());
            }
            for policy in [&self.global, &self.own].into_iter().flatten() {
                let subject = Subject::of(policy.spec.by, caller, address);
                let verdict = policy.verdict(policy.decide(&subject).await);
                if let Some(verdicts) = &verdicts {
                    verdicts.push(verdict);
                }
                if !verdict.decision.admitted {
                    return Err(Limited(verdict));
                }
            }
            Ok(())
        }
    }
}

/// One policy's decision for one request, for the response's headers.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Verdict {
    policy: &'static str,
    requests: u32,
    per_s: u32,
    decision: Decision,
}

impl Verdict {
    /// Whole seconds until `reset_ns` has passed (never 0 for a refusal: "retry now" would be
    /// refused again).
    fn reset_s(&self) -> u64 {
        let seconds = self.decision.reset_ns.div_ceil(1_000_000_000);
        if self.decision.admitted {
            seconds
        } else {
            seconds.max(1)
        }
    }
}

/// The decisions taken for one request, filled along its way and written as headers: at
/// most two (the service's limit and the route's), kept inline so a request allocates
/// nothing for them.
#[derive(Default)]
pub(crate) struct Verdicts(Mutex<[Option<Verdict>; 2]>);

impl Verdicts {
    fn push(&self, verdict: Verdict) {
        let mut slots = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(free) = slots.iter_mut().find(|slot| slot.is_none()) {
            *free = Some(verdict);
        }
    }

    /// `RateLimit-Policy` and `RateLimit`, one list member per policy decided.
    fn write(&self, headers: &mut HeaderMap) {
        use std::fmt::Write;
        let slots = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let mut policies = String::new();
        let mut limits = String::new();
        for verdict in slots.iter().flatten() {
            if !policies.is_empty() {
                policies.push_str(", ");
                limits.push_str(", ");
            }
            // Writing to a String cannot fail.
            let _ = write!(
                policies,
                "\"{}\";q={};w={}",
                verdict.policy, verdict.requests, verdict.per_s
            );
            let _ = write!(
                limits,
                "\"{}\";r={};t={}",
                verdict.policy,
                verdict.decision.remaining,
                verdict.reset_s()
            );
        }
        if policies.is_empty() {
            return;
        }
        for (name, value) in [("ratelimit-policy", policies), ("ratelimit", limits)] {
            if let Ok(value) = HeaderValue::try_from(value) {
                headers.insert(name, value);
            }
        }
    }
}

/// A refused request: 429 `rate_limited` with `Retry-After`.
#[derive(Debug)]
pub(crate) struct Limited(Verdict);

impl IntoResponse for Limited {
    fn into_response(self) -> Response {
        let retry_after = self.0.reset_s();
        let message = format!(
            "too many requests: the limit `{}` allows {} per {} s; retry in {retry_after} s",
            self.0.policy, self.0.requests, self.0.per_s
        );
        let mut response = json_error(
            axum::http::StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            &message,
        );
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(retry_after));
        response
    }
}

/// [`guard`]'s state: the limit it checks and what it leaves uncounted.
#[derive(Clone)]
pub(crate) struct BeforeRouting {
    policy: Option<Arc<Policy>>,
    own_polls: Option<Arc<crate::monitor::OwnPolls>>,
}

/// The layer around the whole router: checks a global `by: ip` limit before routing and
/// writes every limit's headers on the way out. The health route is never limited (load
/// balancers poll it), nor are the dashboard's own polls of a reader the monitor admits
/// (`monitor::OwnPolls`: the page's files, and the monitor's routes read with credentials
/// the gate accepts). A request the gate refuses is counted as any other, so hammering
/// `/_backworks/*` without credentials meets the same 429 as the API.
pub(crate) async fn guard(
    State(before_routing): State<BeforeRouting>,
    mut req: Request,
    next: Next,
) -> Response {
    let verdicts = Arc::new(Verdicts::default());
    req.extensions_mut().insert(verdicts.clone());
    if let Some(policy) = &before_routing.policy
        && req.uri().path() != super::routes::HEALTH_PATH
        && !own_poll(before_routing.own_polls.as_deref(), &req).await
    {
        let subject = Subject::Address(network(client_address(&req)));
        let verdict = policy.verdict(policy.decide(&subject).await);
        verdicts.push(verdict);
        if !verdict.decision.admitted {
            let mut response = Limited(verdict).into_response();
            verdicts.write(response.headers_mut());
            // Answered before routing: the monitor finds the route by the path.
            crate::monitor::Unrouted::mark(&mut response, req.uri().path());
            return response;
        }
    }
    let mut response = next.run(req).await;
    verdicts.write(response.headers_mut());
    response
}

/// Whether `req` is one of the dashboard's own polls that the limit does not count.
fn own_poll<'a>(
    own_polls: Option<&'a crate::monitor::OwnPolls>,
    req: &'a Request,
) -> impl Future<Output = bool> + Send + 'a {
    // What the check needs is borrowed before the first `.await` (a request is not `Sync`).
    let parts = (
        req.method(),
        req.uri().path(),
        req.headers(),
        req.extensions(),
    );
    async move {
        match own_polls {
            Some(own_polls) => own_polls.admits(parts.0, parts.1, parts.2, parts.3).await,
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 100 000 distinct addresses within one window, then silence: the sweeper (a real tokio
    /// timer) empties the map once their quota is whole again, so memory follows the callers
    /// of the last window.
    #[test]
    fn counters_of_idle_callers_are_evicted_on_a_timer() {
        static TRANSPORT: TransportSpec = TransportSpec {
            rate_limit: Some(RateLimitSpec {
                policy: "global",
                requests: 10,
                per_s: 1,
                by: RateKey::Ip,
                shared: Some(false),
            }),
            ..TransportSpec::DEFAULT
        };
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("a runtime");
        runtime.block_on(async {
            #[cfg(feature = "storage")]
            let limits = RateLimits::new(&TRANSPORT, None);
            #[cfg(not(feature = "storage"))]
            let limits = RateLimits::new(&TRANSPORT);
            let policy = limits.global().expect("the global policy").clone();
            for n in 0..100_000u32 {
                let address = IpAddr::V4(std::net::Ipv4Addr::from(0x0a00_0000 + n));
                let decision = policy.decide(&Subject::Address(address)).await;
                assert!(decision.admitted);
            }
            assert_eq!(policy.tracked(), 100_000);
            // The window is 1 s and the sweeper runs every second: within 3 s all are gone.
            let mut waited = 0;
            while policy.tracked() > 0 && waited < 50 {
                tokio::time::sleep(Duration::from_millis(100)).await;
                waited += 1;
            }
            assert_eq!(policy.tracked(), 0, "evicted after the window");
        });
    }

    #[test]
    fn callers_are_told_apart_as_the_policy_says() {
        let address: IpAddr = "2001:db8:1:2:3:4:5:6".parse().unwrap();
        let user = User {
            id: Some("key:42".into()),
            provider: crate::contract::Provider::ApiKey,
            roles: Vec::new(),
            claims: "{}".into(),
        };
        assert_eq!(
            Subject::of(RateKey::Ip, Some(&user), address),
            Subject::Address("2001:db8:1:2::".parse().unwrap()),
            "an IPv6 client counts by its /64"
        );
        assert_eq!(
            Subject::of(RateKey::Key, Some(&user), address),
            Subject::Caller("key:42".into())
        );
        assert_eq!(
            Subject::of(RateKey::User, None, "::ffff:10.0.0.1".parse().unwrap()),
            Subject::Address("10.0.0.1".parse().unwrap()),
            "anonymous callers count by address; IPv4-mapped as IPv4"
        );
    }
}
