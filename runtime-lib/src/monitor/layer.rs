//! The monitor's two tower layers, written by hand rather than with `axum::middleware::from_fn`:
//! `from_fn` boxes a clone of the inner service and the future of every request, which cost
//! about as much as everything the monitor records (measured with callgrind on hello-world).
//!
//! ```text
//! Observe (around the router):  begin(req) ─▶ inner ─▶ finish(begun, &response)
//! Tag (route layer, matched routes only): slot of MatchedPath ─▶ inner ─▶ response + RouteSlot
//! ```

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, ready};

use axum::extract::Request;
use axum::response::Response;
use tower::{Layer, Service};

use super::route_stats::Slot;
use super::{Begun, Monitor, RouteSlot};

/// Counts every request the router answers (`Monitor::begin`/`finish`).
#[derive(Clone)]
pub(crate) struct Observe(pub(crate) Arc<Monitor>);

/// Notes which route answered (a route layer: it runs only for matched routes).
#[derive(Clone)]
pub(crate) struct Tag(pub(crate) Arc<Monitor>);

impl<S> Layer<S> for Observe {
    type Service = Observed<S>;
    fn layer(&self, inner: S) -> Observed<S> {
        Observed {
            inner,
            monitor: self.0.clone(),
        }
    }
}

impl<S> Layer<S> for Tag {
    type Service = Tagged<S>;
    fn layer(&self, inner: S) -> Tagged<S> {
        Tagged {
            inner,
            monitor: self.0.clone(),
        }
    }
}

#[derive(Clone)]
pub(crate) struct Observed<S> {
    inner: S,
    monitor: Arc<Monitor>,
}

#[derive(Clone)]
pub(crate) struct Tagged<S> {
    inner: S,
    monitor: Arc<Monitor>,
}

impl<S> Service<Request> for Observed<S>
where
    S: Service<Request, Response = Response, Error = Infallible>,
{
    type Response = Response;
    type Error = Infallible;
    type Future = ObservedFuture<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut req: Request) -> Self::Future {
        let begun = self.monitor.begin(&mut req);
        ObservedFuture {
            inner: self.inner.call(req),
            done: Some((self.monitor.clone(), begun)),
        }
    }
}

impl<S> Service<Request> for Tagged<S>
where
    S: Service<Request, Response = Response, Error = Infallible>,
{
    type Response = Response;
    type Error = Infallible;
    type Future = TaggedFuture<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request) -> Self::Future {
        let slot = self.monitor.slot_of(&req);
        TaggedFuture {
            inner: self.inner.call(req),
            slot: Some(slot),
        }
    }
}

pin_project_lite::pin_project! {
    /// The inner future, then `Monitor::finish` on its response.
    pub(crate) struct ObservedFuture<F> {
        #[pin]
        inner: F,
        done: Option<(Arc<Monitor>, Begun)>,
    }
}

pin_project_lite::pin_project! {
    /// The inner future, then the route's slot on its response.
    pub(crate) struct TaggedFuture<F> {
        #[pin]
        inner: F,
        slot: Option<Slot>,
    }
}

impl<F> Future for ObservedFuture<F>
where
    F: Future<Output = Result<Response, Infallible>>,
{
    type Output = Result<Response, Infallible>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let Ok(response) = ready!(this.inner.poll(cx));
        if let Some((monitor, begun)) = this.done.take() {
            monitor.finish(begun, &response);
        }
        Poll::Ready(Ok(response))
    }
}

impl<F> Future for TaggedFuture<F>
where
    F: Future<Output = Result<Response, Infallible>>,
{
    type Output = Result<Response, Infallible>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let Ok(mut response) = ready!(this.inner.poll(cx));
        if let Some(slot) = this.slot.take() {
            response.extensions_mut().insert(RouteSlot(slot));
        }
        Poll::Ready(Ok(response))
    }
}
