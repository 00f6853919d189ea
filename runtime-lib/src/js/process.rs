//! Node's `process` global, the parts a handler can use: `process.env`, `process.nextTick`,
//! `process.platform`, `process.uptime()`, `process.hrtime()` and `process.cwd()`.
//!
//! ```text
//! process.env.API_URL          → rt::get(&rt::static_value("process.env"), "API_URL")?
//! process.nextTick(f, 1, 2)    → rt::call_static("process.nextTick", &[f, 1, 2])?   // f(1, 2) before the next promise job… after the current ones
//! ```
//!
//! `process.env` is the server's environment (the one `ctx.env` holds: read once at start,
//! variables holding auth keys left out), a new object on each read, so writes do not persist
//! (the compiler refuses `process.env.X = …`). The tick queue (`microtasks.rs`) runs, as Node's
//! `processTicksAndRejections` does, once the microtasks queued so far have run: every tick,
//! including those queued by ticks, then the microtasks again. References: Node's
//! `lib/internal/process/task_queues.js`, "process" in Node's API documentation.

use std::sync::OnceLock;
use std::time::Instant;

use super::error::Throw;
use super::value::Value;

/// When the server started, for `process.uptime()` and `process.hrtime()`.
fn start() -> Instant {
    static START: OnceLock<Instant> = OnceLock::new();
    *START.get_or_init(Instant::now)
}

/// Node's name of the operating system (`process.platform`).
fn platform() -> &'static str {
    match std::env::consts::OS {
        "macos" => "darwin",
        "windows" => "win32",
        other => other,
    }
}

/// `process.env` and `process.platform`.
pub fn value(name: &str) -> Option<Value> {
    Some(match name {
        "env" => crate::bridge::environment_object(),
        "platform" => Value::str(platform()),
        _ => return None,
    })
}

/// `process.nextTick`, `process.uptime`, `process.hrtime` (and `hrtime.bigint`) and `process.cwd`.
pub fn call(name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
    Some(match name {
        "nextTick" => next_tick(args),
        // The server process's working directory, which `path.resolve` starts from too.
        "cwd" => super::node::call("cwd", &[]),
        "uptime" => Ok(Value::Number(start().elapsed().as_secs_f64())),
        "hrtime" => hrtime(args.first().unwrap_or(&Value::Undefined)),
        // Nanoseconds since the same start as `hrtime()`, as a BigInt.
        "hrtime.bigint" => Ok(super::bigint::value(num_bigint::BigInt::from(
            start().elapsed().as_nanos(),
        ))),
        _ => return None,
    })
}

fn next_tick(args: &[Value]) -> Result<Value, Throw> {
    let callback = args.first().cloned().unwrap_or_default();
    if !matches!(callback, Value::Function(_)) {
        return Err(super::node::invalid_arg_type(
            "callback",
            "of type function",
            &callback,
        ));
    }
    let rest: Vec<Value> = args.iter().skip(1).cloned().collect();
    super::microtasks::enqueue_tick(Box::new(move || {
        match super::access::call(&callback, &rest) {
            Ok(_) => Ok(()),
            // Node reports an error thrown by a tick as uncaught; it never reaches the code
            // that queued it, so the request goes on and the error is logged.
            Err(thrown) if thrown.is_catchable() => {
                super::console::log("error", &[Value::str("Uncaught"), thrown.value]);
                Ok(())
            }
            Err(thrown) => Err(thrown),
        }
    }));
    Ok(Value::Undefined)
}

/// `process.hrtime([previous])`: `[seconds, nanoseconds]` since an arbitrary start, or since
/// `previous`.
fn hrtime(previous: &Value) -> Result<Value, Throw> {
    let elapsed = start().elapsed();
    let (mut seconds, mut nanos) = (elapsed.as_secs() as f64, f64::from(elapsed.subsec_nanos()));
    match previous {
        Value::Undefined => {}
        Value::Array(items) => {
            let pair = items.to_vec()?;
            if pair.len() != 2 {
                return Err(Throw::error(
                    "RangeError",
                    format!(
                        "The value of \"time\" is out of range. It must be 2. Received {}",
                        pair.len()
                    ),
                ));
            }
            seconds -= super::convert::to_number(&pair[0])?;
            nanos -= super::convert::to_number(&pair[1])?;
            if nanos < 0.0 {
                seconds -= 1.0;
                nanos += 1e9;
            }
        }
        other => {
            return Err(Throw::type_error(format!(
                "The \"time\" argument must be an instance of Array. Received {}",
                super::console::received(other)
            )));
        }
    }
    Ok(Value::array(vec![
        Value::Number(seconds),
        Value::Number(nanos),
    ]))
}
