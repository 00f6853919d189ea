//! Turns an axum request into the handler's [`HandlerRequest`]: path and query parameters,
//! lower-cased headers, and a body read under the size limit and classified by content type.
//!
//! ```text
//! POST /posts/7?tag=a&tag=b   content-type: application/json   {"title":"x"}
//!   ─▶ HandlerRequest { method: "POST", path: "/posts/7", path_params: [("id","7")],
//!                       query_params: [("tag","a"),("tag","b")],
//!                       body: Json("{\"title\":\"x\"}"), … }
//! ```
//!
//! The JSON text is not parsed here: the JS runtime parses it with `JSON.parse` semantics. A body
//! over the limit is refused from its `Content-Length` before any of it is read, and a body without
//! one (chunked) is cut off as soon as it passes the limit.

use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::{FromRequestParts, Query, RawPathParams, Request};
use axum::http::{HeaderMap, header, request::Parts};
use http_body_util::{BodyExt, LengthLimitError, Limited};

use super::RouteSpec;
use super::errors::HttpError;
use super::request_id::RequestId;
use crate::contract::{HandlerRequest, RequestBody};

/// Reads `request` into the contract type; `route` gives the time budget and the parameters
/// the handler receives typed.
pub(crate) async fn read(
    request: Request,
    route: &RouteSpec,
    body_limit: usize,
    request_id: &RequestId,
) -> Result<HandlerRequest, HttpError> {
    let budget = Duration::from_millis(route.timeout_ms);
    let (mut parts, body) = request.into_parts();
    let path_params = path_params(&mut parts).await?;
    let query_params = query_params(&parts)?;
    check_declared_length(&parts.headers, body_limit)?;
    let bytes = read_body(body, body_limit).await?;
    let body = classify_body(content_type(&parts.headers), bytes)?;
    Ok(HandlerRequest {
        method: parts.method.as_str().to_owned(),
        path: parts.uri.path().to_owned(),
        path_params,
        query_params,
        headers: headers(&parts.headers),
        body,
        request_id: request_id.as_str().to_owned(),
        deadline: deadline(budget),
        typed_params: route.typed_params,
        // Set by the dispatcher, which admitted the caller before reading the request.
        user: None,
        recording: None,
    })
}

async fn path_params(parts: &mut Parts) -> Result<Vec<(String, String)>, HttpError> {
    let params = RawPathParams::from_request_parts(parts, &())
        .await
        .map_err(|rejection| HttpError::BadRequest {
            code: "invalid_path",
            message: rejection.body_text(),
        })?;
    Ok(params
        .iter()
        .map(|(name, value)| (name.to_owned(), value.to_owned()))
        .collect())
}

fn query_params(parts: &Parts) -> Result<Vec<(String, String)>, HttpError> {
    let Query(params) =
        Query::<Vec<(String, String)>>::try_from_uri(&parts.uri).map_err(|rejection| {
            HttpError::BadRequest {
                code: "invalid_query",
                message: rejection.body_text(),
            }
        })?;
    Ok(params)
}

/// Header names come lower-cased from the HTTP parser; values are decoded lossily.
fn headers(headers: &HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(name, value)| {
            let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
            (name.as_str().to_owned(), value)
        })
        .collect()
}

/// Refuses a body whose declared length is already over the limit, without reading it.
fn check_declared_length(headers: &HeaderMap, limit: usize) -> Result<(), HttpError> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|text| text.trim().parse::<u64>().ok());
    match declared {
        Some(length) if length > limit as u64 => Err(HttpError::PayloadTooLarge { limit }),
        _ => Ok(()),
    }
}

/// Reads the whole body, stopping with a 413 as soon as it passes `limit` bytes.
async fn read_body(body: Body, limit: usize) -> Result<Vec<u8>, HttpError> {
    match Limited::new(body, limit).collect().await {
        // Takes the buffer over without a copy when the body arrived in one piece.
        Ok(collected) => Ok(Vec::from(collected.to_bytes())),
        Err(error) if error.downcast_ref::<LengthLimitError>().is_some() => {
            Err(HttpError::PayloadTooLarge { limit })
        }
        Err(error) => Err(HttpError::BadRequest {
            code: "invalid_body",
            message: format!("the request body could not be read: {error}"),
        }),
    }
}

fn content_type(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
}

/// Whether a content type is JSON: `application/json` or any `type/subtype+json`, parameters
/// such as `; charset=utf-8` ignored, case-insensitively.
pub(crate) fn is_json(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    match essence.split_once('/') {
        Some((kind, subtype)) => {
            !kind.is_empty()
                && (essence == "application/json"
                    || (subtype.len() > "+json".len() && subtype.ends_with("+json")))
        }
        None => false,
    }
}

/// Classifies a body: empty, JSON text (which must be UTF-8), or text decoded lossily.
pub(crate) fn classify_body(
    content_type: Option<&str>,
    bytes: Vec<u8>,
) -> Result<RequestBody, HttpError> {
    if bytes.is_empty() {
        return Ok(RequestBody::Empty);
    }
    if content_type.is_some_and(is_json) {
        return String::from_utf8(bytes)
            .map(RequestBody::Json)
            .map_err(|error| HttpError::BadRequest {
                code: "invalid_body",
                message: format!("the JSON body is not valid UTF-8: {error}"),
            });
    }
    Ok(RequestBody::Text(match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => String::from_utf8_lossy(error.as_bytes()).into_owned(),
    }))
}

/// Now plus the budget; a budget too large to represent means "no practical limit".
fn deadline(budget: Duration) -> Instant {
    let now = Instant::now();
    now.checked_add(budget)
        .or_else(|| now.checked_add(Duration::from_secs(100 * 365 * 24 * 3600)))
        .unwrap_or(now)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_content_types() {
        for json in [
            "application/json",
            "Application/JSON; charset=utf-8",
            "application/problem+json",
            "application/vnd.api+json ; x=y",
        ] {
            assert!(is_json(json), "{json}");
        }
        for other in [
            "text/plain",
            "application/jsonx",
            "application/+json",
            "json",
            "/json",
            "application/x-www-form-urlencoded",
            "",
        ] {
            assert!(!is_json(other), "{other}");
        }
    }

    #[test]
    fn classifies_bodies() {
        let json = Some("application/json");
        assert_eq!(classify_body(json, vec![]), Ok(RequestBody::Empty));
        assert_eq!(classify_body(None, vec![]), Ok(RequestBody::Empty));
        assert_eq!(
            classify_body(json, b"{\"a\":1}".to_vec()),
            Ok(RequestBody::Json("{\"a\":1}".into()))
        );
        assert_eq!(
            classify_body(None, b"hi".to_vec()),
            Ok(RequestBody::Text("hi".into()))
        );
        assert_eq!(
            classify_body(Some("text/plain"), b"a\xffb".to_vec()),
            Ok(RequestBody::Text("a\u{fffd}b".into()))
        );
        let invalid = classify_body(json, b"\"\xff\"".to_vec()).unwrap_err();
        assert_eq!(invalid.code(), "invalid_body");
    }

    #[test]
    fn huge_budgets_do_not_overflow() {
        assert!(deadline(Duration::from_millis(u64::MAX)) > Instant::now());
    }
}
