//! Node's POSIX `path` functions on build-time strings, for the paths `fs` is handed
//! (`path.join(__dirname, "t.html")`): the same results as `src/node/path.js` gives at run
//! time, so the file the build embeds is the one the handler asks for.

/// The segments of `path` with `.` removed and `..` applied; a `..` above the start is kept
/// only when `allow_above_root`.
fn segments(path: &str, allow_above_root: bool) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                if out.last().is_some_and(|last| *last != "..") {
                    out.pop();
                } else if allow_above_root {
                    out.push("..");
                }
            }
            name => out.push(name),
        }
    }
    out
}

/// `path.normalize`.
pub(crate) fn normalize(path: &str) -> String {
    if path.is_empty() {
        return ".".to_string();
    }
    let absolute = path.starts_with('/');
    let trailing = path.ends_with('/');
    let mut text = segments(path, !absolute).join("/");
    if text.is_empty() && !absolute {
        text.push('.');
    }
    if !text.is_empty() && trailing {
        text.push('/');
    }
    if absolute { format!("/{text}") } else { text }
}

/// `path.join`.
pub(crate) fn join(parts: &[String]) -> String {
    let joined: Vec<&str> = parts
        .iter()
        .map(String::as_str)
        .filter(|part| !part.is_empty())
        .collect();
    if joined.is_empty() {
        return ".".to_string();
    }
    normalize(&joined.join("/"))
}

/// `path.resolve`, when some part is absolute (otherwise it would start from the working
/// directory, which the build does not know: `None`).
pub(crate) fn resolve(parts: &[String]) -> Option<String> {
    let mut resolved = String::new();
    for part in parts.iter().rev() {
        if part.is_empty() {
            continue;
        }
        resolved = if resolved.is_empty() {
            part.clone()
        } else {
            format!("{part}/{resolved}")
        };
        if part.starts_with('/') {
            return Some(format!("/{}", segments(&resolved, false).join("/")));
        }
    }
    None
}

/// `path.dirname`.
pub(crate) fn dirname(path: &str) -> String {
    if path.is_empty() {
        return ".".to_string();
    }
    let bytes = path.as_bytes();
    let absolute = bytes[0] == b'/';
    let mut end = None;
    let mut matched_slash = true;
    for index in (1..bytes.len()).rev() {
        if bytes[index] == b'/' {
            if !matched_slash {
                end = Some(index);
                break;
            }
        } else {
            matched_slash = false;
        }
    }
    match end {
        None if absolute => "/".to_string(),
        None => ".".to_string(),
        Some(1) if absolute => "//".to_string(),
        Some(end) => path[..end].to_string(),
    }
}

/// `path.basename` (without the extension argument).
pub(crate) fn basename(path: &str) -> String {
    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty() {
        return String::new();
    }
    trimmed.rsplit('/').next().unwrap_or_default().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(parts: &[&str]) -> Vec<String> {
        parts.iter().map(|part| part.to_string()).collect()
    }

    /// Expected values are Node 20's (`node -p 'path.join(…)'`).
    #[test]
    fn the_functions_answer_as_nodes_path_module() {
        assert_eq!(join(&strings(&["/a/b", "../c", "./d.txt"])), "/a/c/d.txt");
        assert_eq!(join(&strings(&["", ""])), ".");
        assert_eq!(join(&strings(&["a", "..", ".."])), "..");
        assert_eq!(join(&strings(&["/a", "b/"])), "/a/b/");
        assert_eq!(
            resolve(&strings(&["/x", "/a", "b", "../c"])).as_deref(),
            Some("/a/c")
        );
        assert_eq!(resolve(&strings(&["a", "b"])), None);
        assert_eq!(resolve(&strings(&["/a/", "b/"])).as_deref(), Some("/a/b"));
        assert_eq!(dirname("/a/b/c.js"), "/a/b");
        assert_eq!(dirname("/a/b/"), "/a");
        assert_eq!(dirname("/a"), "/");
        assert_eq!(dirname("a"), ".");
        assert_eq!(dirname("//a"), "//");
        assert_eq!(basename("/a/b.txt/"), "b.txt");
        assert_eq!(normalize("/a//b/../c/."), "/a/c");
        assert_eq!(normalize("./"), "./");
    }
}
