//! Reading the corpus: one handler file per case, requests in its header comments.
//!
//! ```text
//! // @request GET ?ms=0         sent alone, after the previous request's answer
//! // @concurrent 50             the requests up to `@then` start 50 ms apart, concurrently
//! // @request GET ?ms=200
//! // @request GET ?ms=0
//! // @then
//! // @request GET /state        sent alone again, once the group has answered
//! ```

use std::path::{Path, PathBuf};

/// One corpus case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    /// `<group>/<name>`, e.g. `numbers/formatting`.
    pub id: String,
    /// The handler file.
    pub file: PathBuf,
    /// The route, e.g. `/numbers/formatting/{id}`.
    pub route: String,
    /// The requests to send, in order (state carries over between them).
    pub requests: Vec<CaseRequest>,
}

/// One request of a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseRequest {
    /// Upper-case method.
    pub method: String,
    /// Appended to the case's base path: `/42`, `?q=x`, or empty.
    pub suffix: String,
    /// Content type and body, if any.
    pub body: Option<(String, String)>,
    /// The concurrent group the request belongs to (`// @concurrent`), if any.
    pub concurrent: Option<Concurrent>,
}

/// A place in a group of requests sent concurrently: the group's requests start `stagger`
/// milliseconds apart, in order, without waiting for one another's answers, so their handlers
/// interleave at `await`s. Timings are chosen with wide margins so Node and the compiled
/// server interleave identically.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Concurrent {
    /// Which group of the case (requests of one group are consecutive).
    pub group: usize,
    /// Milliseconds between the starts of two consecutive requests of the group.
    pub stagger_ms: u64,
}

impl Case {
    /// The path requests are sent to before their suffix: the route without its parameters.
    pub fn base_path(&self) -> String {
        format!("/{}", self.id)
    }

    /// The methods the case's requests use, each once, in first-use order.
    pub fn methods(&self) -> Vec<String> {
        let mut methods: Vec<String> = Vec::new();
        for request in &self.requests {
            if !methods.contains(&request.method) {
                methods.push(request.method.clone());
            }
        }
        methods
    }
}

/// Every case under `root`, sorted by id. Files and folders starting with `_` are shared
/// helpers that cases `require`, not cases.
pub fn discover(root: &Path) -> Result<Vec<Case>, String> {
    let mut cases = Vec::new();
    let mut groups: Vec<PathBuf> = read_dir_sorted(root)?
        .into_iter()
        .filter(|path| path.is_dir())
        .collect();
    groups.retain(|group| !is_helper(group));
    for group in groups {
        for file in read_dir_sorted(&group)? {
            let is_handler = file
                .extension()
                .is_some_and(|extension| extension == "js" || extension == "ts");
            if !is_handler || is_helper(&file) {
                continue;
            }
            cases.push(parse_case(root, &file)?);
        }
    }
    Ok(cases)
}

fn is_helper(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|name| name.to_string_lossy().starts_with('_'))
}

fn read_dir_sorted(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|error| format!("{}: {error}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .collect();
    entries.sort();
    Ok(entries)
}

fn parse_case(root: &Path, file: &Path) -> Result<Case, String> {
    let text =
        std::fs::read_to_string(file).map_err(|error| format!("{}: {error}", file.display()))?;
    let relative = file.strip_prefix(root).unwrap_or(file).with_extension("");
    let id = relative.to_string_lossy().replace('\\', "/");
    let mut route_suffix = String::new();
    let mut requests = Vec::new();
    let mut groups = 0;
    let mut concurrent = None;
    for line in text.lines() {
        let line = line.trim();
        if let Some(suffix) = line.strip_prefix("// @route ") {
            route_suffix = suffix.trim().to_string();
        } else if let Some(spec) = line.strip_prefix("// @request ") {
            let mut request = parse_request(spec).map_err(|error| format!("{id}: {error}"))?;
            request.concurrent = concurrent;
            requests.push(request);
        } else if let Some(stagger) = line.strip_prefix("// @concurrent") {
            let stagger_ms = stagger.trim().parse().map_err(|_| {
                format!("{id}: `// @concurrent <milliseconds between requests>` expected")
            })?;
            concurrent = Some(Concurrent {
                group: groups,
                stagger_ms,
            });
            groups += 1;
        } else if line == "// @then" {
            concurrent = None;
        }
    }
    if requests.is_empty() {
        requests.push(CaseRequest {
            method: "GET".into(),
            suffix: String::new(),
            body: None,
            concurrent: None,
        });
    }
    Ok(Case {
        route: format!("/{id}{route_suffix}"),
        id,
        file: file.to_path_buf(),
        requests,
    })
}

fn parse_request(spec: &str) -> Result<CaseRequest, String> {
    let spec = spec.trim();
    let (method, rest) = spec.split_once(' ').unwrap_or((spec, ""));
    let rest = rest.trim_start();
    let (suffix, body) = if rest.starts_with('/') || rest.starts_with('?') {
        let end = rest.find(' ').unwrap_or(rest.len());
        (rest[..end].to_string(), rest[end..].trim_start())
    } else {
        (String::new(), rest)
    };
    let body = if body.is_empty() {
        None
    } else if let Some(text) = body.strip_prefix("text:") {
        Some(("text/plain".to_string(), text.to_string()))
    } else if let Some(raw) = body.strip_prefix("json:") {
        Some(("application/json".to_string(), raw.to_string()))
    } else if body.starts_with(['{', '[', '"'])
        || body.parse::<f64>().is_ok()
        || ["true", "false", "null"].contains(&body)
    {
        // Sent as JSON without checking it further: lone surrogates and other edge cases that
        // JSON.parse accepts are exactly what some cases test.
        Some(("application/json".to_string(), body.to_string()))
    } else {
        return Err(format!(
            "body `{body}` is not JSON; prefix raw bodies with json: or text:"
        ));
    };
    Ok(CaseRequest {
        method: method.to_uppercase(),
        suffix,
        body,
        concurrent: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_parse_with_suffixes_and_bodies() {
        let request = parse_request("POST /42?x=1 {\"a\": 1}").unwrap();
        assert_eq!(request.method, "POST");
        assert_eq!(request.suffix, "/42?x=1");
        assert_eq!(
            request.body,
            Some(("application/json".into(), "{\"a\": 1}".into()))
        );
        let text = parse_request("put text:hello world").unwrap();
        assert_eq!((text.method.as_str(), text.suffix.as_str()), ("PUT", ""));
        assert_eq!(text.body, Some(("text/plain".into(), "hello world".into())));
        assert!(parse_request("POST oops").is_err());
        assert_eq!(
            parse_request("POST json:{oops").unwrap().body.unwrap().1,
            "{oops"
        );
    }
}
