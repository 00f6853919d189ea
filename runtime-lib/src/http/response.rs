//! Turns a handler's [`HandlerResponse`] into an HTTP response, refusing (with a 500) what HTTP
//! cannot carry instead of panicking.
//!
//! ```text
//! HandlerResponse { status: 201, headers: [("x-a","1")], body: Json("{\"id\":1}") }
//!   ─▶ 201, x-a: 1, content-type: application/json, {"id":1}
//! HandlerResponse { status: 200, headers: [("bad name","x")], … }
//!   ─▶ HttpError::InvalidResponse ─▶ 500 {"error":"invalid_response", …}
//! ```
//!
//! A `Json` body defaults to `application/json` and a `Text` body to `text/plain; charset=utf-8`
//! when the handler set no content type. Framing headers (`content-length`,
//! `transfer-encoding`, `connection`) are the server's business: a handler's are dropped, so a
//! wrong one cannot corrupt the connection.

use axum::body::Body;
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use axum::response::Response;

use super::errors::HttpError;
use crate::contract::{HandlerResponse, ResponseBody};

/// Builds the HTTP response for what the handler answered.
pub(crate) fn build(answer: HandlerResponse) -> Result<Response, HttpError> {
    let status = status(answer.status)?;
    let mut headers = HeaderMap::with_capacity(answer.headers.len() + 1);
    for (name, value) in &answer.headers {
        let (name, value) = header_pair(name, value)?;
        if is_framing(&name) {
            tracing::debug!(header = %name, "dropped a framing header set by the handler");
            continue;
        }
        headers.append(name, value);
    }
    let (default_type, body) = match answer.body {
        ResponseBody::Empty => (None, Body::empty()),
        ResponseBody::Json(text) => (Some("application/json"), Body::from(text)),
        ResponseBody::Text(text) => (Some("text/plain; charset=utf-8"), Body::from(text)),
    };
    if let Some(default_type) = default_type {
        headers
            .entry(header::CONTENT_TYPE)
            .or_insert(HeaderValue::from_static(default_type));
    }
    let mut response = Response::new(body);
    *response.status_mut() = status;
    *response.headers_mut() = headers;
    Ok(response)
}

/// Statuses 200–999: informational (1xx) statuses cannot end an exchange.
fn status(code: u16) -> Result<StatusCode, HttpError> {
    match StatusCode::from_u16(code) {
        Ok(status) if code >= 200 => Ok(status),
        _ => Err(HttpError::InvalidResponse {
            message: format!("{code} is not a valid response status (expected 200 to 999)"),
        }),
    }
}

fn header_pair(name: &str, value: &str) -> Result<(HeaderName, HeaderValue), HttpError> {
    let header_name =
        HeaderName::from_bytes(name.as_bytes()).map_err(|_| HttpError::InvalidResponse {
            message: format!("{name:?} is not a valid header name"),
        })?;
    let header_value = HeaderValue::from_str(value).map_err(|_| HttpError::InvalidResponse {
        message: format!("the value of header {name:?} contains a forbidden character"),
    })?;
    Ok((header_name, header_value))
}

fn is_framing(name: &HeaderName) -> bool {
    name == header::CONTENT_LENGTH
        || name == header::TRANSFER_ENCODING
        || name == header::CONNECTION
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(status: u16, headers: &[(&str, &str)], body: ResponseBody) -> HandlerResponse {
        HandlerResponse {
            status,
            headers: headers
                .iter()
                .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
                .collect(),
            body,
        }
    }

    #[test]
    fn default_content_types() {
        let json = build(answer(200, &[], ResponseBody::Json("1".into()))).unwrap();
        assert_eq!(json.headers()[header::CONTENT_TYPE], "application/json");
        let text = build(answer(200, &[], ResponseBody::Text("a".into()))).unwrap();
        assert_eq!(
            text.headers()[header::CONTENT_TYPE],
            "text/plain; charset=utf-8"
        );
        let empty = build(answer(204, &[], ResponseBody::Empty)).unwrap();
        assert!(!empty.headers().contains_key(header::CONTENT_TYPE));
    }

    #[test]
    fn handler_content_type_wins_and_repeats_are_kept() {
        let response = build(answer(
            200,
            &[
                ("Content-Type", "text/html"),
                ("set-cookie", "a=1"),
                ("set-cookie", "b=2"),
                ("content-length", "999"),
            ],
            ResponseBody::Text("<p>".into()),
        ))
        .unwrap();
        assert_eq!(response.headers()[header::CONTENT_TYPE], "text/html");
        assert_eq!(
            response
                .headers()
                .get_all(header::SET_COOKIE)
                .iter()
                .count(),
            2
        );
        assert!(!response.headers().contains_key(header::CONTENT_LENGTH));
    }

    #[test]
    fn invalid_parts_are_errors() {
        for bad in [
            answer(200, &[("bad name", "x")], ResponseBody::Empty),
            answer(200, &[("x-a", "line\nbreak")], ResponseBody::Empty),
            answer(99, &[], ResponseBody::Empty),
            answer(101, &[], ResponseBody::Empty),
            answer(1000, &[], ResponseBody::Empty),
        ] {
            let error = build(bad).unwrap_err();
            assert_eq!(error.code(), "invalid_response");
        }
    }
}
