//! The data workloads (issue 11): the routes Backworks generates for `bench/crud`'s `books`
//! resource, on SQLite and on PostgreSQL, against Bun (`bun:sqlite`, `Bun.SQL`) and Node +
//! Fastify (better-sqlite3 12, `pg`) doing the same operations on the same tables; and a
//! handler that awaits 20 ms of timer I/O at 64 connections, served five ways, to show that
//! waiting requests do not queue behind each other.
//!
//! ```text
//! get-sqlite    GET  /books/{id}          ids cycle over all 100 000 rows
//! list-sqlite   GET  /books?status=eq.published&price=lt.20&order=price.desc&limit=20
//! create-sqlite POST /books               one INSERT (and its fsync) per request
//! …-postgres    the same on PostgreSQL
//! wait          GET  /wait                setTimeout(resolve, 20), 64 connections
//! ```

use crate::server::Implementation;
use crate::workload::{App, Body, Engine, Group, Workload};

/// The servers of the CRUD workloads: the compiled server and the two JavaScript runtimes that
/// ship a database driver a user would pick (Express on Node would use the same drivers as
/// Fastify, only slower HTTP).
const CRUD_SERVERS: &[Implementation] = &[
    Implementation::Backworks,
    Implementation::Bun,
    Implementation::Fastify,
];

/// The list query: an index range scan of `books_status_price_idx`, 20 rows and a cursor.
const LIST_TARGET: &str = "/books?status=eq.published&price=lt.20&order=price.desc&limit=20";

/// The connections of the waiting workload, and how long each request waits.
pub(crate) const WAIT_CONNECTIONS: u32 = 64;
pub(crate) const WAIT_SECONDS: f64 = 0.02;

const fn crud(
    name: &'static str,
    about: &'static str,
    method: &'static str,
    route: &'static str,
    target: &'static str,
    body: Body,
    engine: Engine,
) -> Workload {
    let created = matches!(body, Body::NewBook);
    Workload {
        name,
        about,
        method,
        route,
        target,
        handler: "",
        body,
        // A created row carries the clock, and its ETag hashes the row.
        volatile: if created {
            &["created_at", "updated_at"]
        } else {
            &[]
        },
        volatile_headers: if created { &["etag"] } else { &[] },
        group: Group::Data,
        app: App::Crud(engine),
        servers: CRUD_SERVERS,
        connections: None,
    }
}

pub(crate) const DATA_WORKLOADS: &[Workload] = &[
    crud(
        "get-sqlite",
        "SQLite: one row by primary key (ids cycle over 100 000 rows), with its ETag",
        "GET",
        "/books/{id}",
        "/books/4242",
        Body::BookIds,
        Engine::Sqlite,
    ),
    crud(
        "list-sqlite",
        "SQLite: 20 of 100 000 rows filtered and sorted on the (status, price) index, with a next cursor",
        "GET",
        "/books",
        LIST_TARGET,
        Body::None,
        Engine::Sqlite,
    ),
    crud(
        "create-sqlite",
        "SQLite: a validated INSERT … RETURNING, WAL with synchronous=FULL (an fsync per commit), 201 with ETag and Location",
        "POST",
        "/books",
        "/books",
        Body::NewBook,
        Engine::Sqlite,
    ),
    crud(
        "get-postgres",
        "PostgreSQL: one row by primary key (ids cycle over 100 000 rows), with its ETag",
        "GET",
        "/books/{id}",
        "/books/4242",
        Body::BookIds,
        Engine::Postgres,
    ),
    crud(
        "list-postgres",
        "PostgreSQL: 20 of 100 000 rows filtered and sorted on the (status, price) index, with a next cursor",
        "GET",
        "/books",
        LIST_TARGET,
        Body::None,
        Engine::Postgres,
    ),
    crud(
        "create-postgres",
        "PostgreSQL: a validated INSERT … RETURNING (fsync on), 201 with ETag and Location",
        "POST",
        "/books",
        "/books",
        Body::NewBook,
        Engine::Postgres,
    ),
    Workload {
        name: "wait",
        about: "a handler that awaits setTimeout(resolve, 20), at 64 connections: ideal 3 200 req/s if nothing queues",
        method: "GET",
        route: "/wait",
        target: "/wait",
        handler: "wait.js",
        body: Body::None,
        volatile: &[],
        volatile_headers: &[],
        group: Group::Data,
        app: App::Wait,
        servers: &Implementation::ALL,
        connections: Some(WAIT_CONNECTIONS),
    },
];

/// The requests/s the issue asks of Backworks on `workload`, when it is an absolute figure:
/// 0.8 × 64 / 0.02 s on the waiting workload (the CRUD targets are relative, ≥ the fastest
/// JavaScript runtime).
pub(crate) fn absolute_target(workload: &Workload) -> Option<f64> {
    (workload.app == App::Wait).then(|| 0.8 * f64::from(WAIT_CONNECTIONS) / WAIT_SECONDS)
}
