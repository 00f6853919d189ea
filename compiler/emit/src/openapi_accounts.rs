//! The built-in account routes in the OpenAPI document (`auth.users`): `POST /auth/register`,
//! `/auth/login`, `/auth/refresh`, `/auth/logout`, `GET /auth/me` and the admin's
//! `PATCH /auth/users/{id}`, with their request and response schemas.
//!
//! ```text
//! auth: { users: { roles: [member, admin] } }
//!   ─▶ paths./auth/login.post { requestBody: AuthCredentials, 200: AuthSession, 401, 429 }
//!      components.schemas.AuthAccount { id, email, roles, created_at, updated_at }
//! ```
//!
//! The account schema lists what the runtime answers and nothing else: there is no password
//! member to hide, since hashes live in a table of their own. Added after
//! `openapi_security::secure`, which would otherwise give these operations the resources'
//! access rule; each operation here states its own `security`.

use backworks_ir::{Service, Users};
use serde_json::{Map, Value, json};

use crate::openapi::{ERROR_SCHEMA, INVALID_REQUEST_SCHEMA};

/// The schemas this file adds, by role, named apart from the document's own.
struct SchemaNames {
    account: String,
    credentials: String,
    session: String,
    refresh: String,
    roles: String,
}

/// Adds the account routes and their schemas when the service declares `auth.users`.
pub(crate) fn add_account_routes(
    service: &Service,
    paths: &mut Map<String, Value>,
    components: &mut Map<String, Value>,
) {
    let Some(users) = service.auth.as_ref().and_then(|auth| auth.users.as_ref()) else {
        return;
    };
    let Some(schemas) = components.get_mut("schemas").and_then(Value::as_object_mut) else {
        return;
    };
    let mut fresh = |wanted: &str| {
        let mut name = wanted.to_string();
        let mut counter = 1;
        while schemas.contains_key(&name) {
            counter += 1;
            name = format!("{wanted}{counter}");
        }
        // Reserve it now, so the next call sees it taken.
        schemas.insert(name.clone(), Value::Null);
        name
    };
    let names = SchemaNames {
        account: fresh("AuthAccount"),
        credentials: fresh("AuthCredentials"),
        session: fresh("AuthSession"),
        refresh: fresh("AuthRefresh"),
        roles: fresh("AuthRoles"),
    };
    schemas.insert(names.account.clone(), account_schema(users));
    schemas.insert(names.credentials.clone(), credentials_schema(users));
    schemas.insert(names.session.clone(), session_schema(&names.account));
    schemas.insert(
        names.refresh.clone(),
        json!({
            "type": "object",
            "description": "A refresh token to exchange or revoke.",
            "properties": { "refresh_token": { "type": "string", "minLength": 1, "maxLength": 256 } },
            "required": ["refresh_token"],
            "additionalProperties": false
        }),
    );
    schemas.insert(
        names.roles.clone(),
        json!({
            "type": "object",
            "description": "The roles an account holds from now on (its next access token carries them).",
            "properties": { "roles": roles_schema(users) },
            "required": ["roles"],
            "additionalProperties": false
        }),
    );

    let body = |name: &str| {
        json!({
            "required": true,
            "content": { "application/json": { "schema": schema_ref(name) } }
        })
    };
    let answer = |description: &str, name: &str| {
        json!({
            "description": description,
            "content": { "application/json": { "schema": schema_ref(name) } }
        })
    };
    let invalid = answer(
        "The body is not JSON, or breaks the schema or the password rules.",
        INVALID_REQUEST_SCHEMA,
    );
    let unavailable = json!({
        "description": "The database cannot be reached; try again.",
        "headers": { "Retry-After": { "schema": { "type": "integer" } } },
        "content": { "application/json": { "schema": schema_ref(ERROR_SCHEMA) } }
    });
    let refused = |description: &str| answer(description, ERROR_SCHEMA);
    let bearer = json!([{ "bearerAuth": [] }]);

    paths.insert(
        "/auth/register".into(),
        json!({ "post": {
            "operationId": "authRegister",
            "summary": "Creates an account and signs it in.",
            "tags": ["auth"],
            "security": [],
            "requestBody": body(&names.credentials),
            "responses": {
                "201": answer("The new account, with its first tokens.", &names.session),
                "400": invalid,
                "409": refused("An account with this email exists."),
                "503": unavailable,
            }
        }}),
    );
    paths.insert(
        "/auth/login".into(),
        json!({ "post": {
            "operationId": "authLogin",
            "summary": "Exchanges an email and password for tokens.",
            "tags": ["auth"],
            "security": [],
            "requestBody": body(&names.credentials),
            "responses": {
                "200": answer("The account, with a new token pair.", &names.session),
                "400": invalid,
                "401": refused("The email or the password is wrong (one answer for both)."),
                "429": {
                    "description": "Too many failed logins for this account or from this address; try again after `Retry-After` seconds.",
                    "headers": { "Retry-After": { "schema": { "type": "integer", "minimum": 1 } } },
                    "content": { "application/json": { "schema": schema_ref(ERROR_SCHEMA) } }
                },
                "503": unavailable,
            }
        }}),
    );
    paths.insert(
        "/auth/refresh".into(),
        json!({ "post": {
            "operationId": "authRefresh",
            "summary": "Exchanges a refresh token for a new pair; the old one is spent.",
            "description": "Presenting a spent refresh token again revokes every token descended from the same login.",
            "tags": ["auth"],
            "security": [],
            "requestBody": body(&names.refresh),
            "responses": {
                "200": answer("The account, with a new token pair.", &names.session),
                "400": invalid,
                "401": refused("The refresh token is unknown, expired, spent or revoked."),
                "503": unavailable,
            }
        }}),
    );
    paths.insert(
        "/auth/logout".into(),
        json!({ "post": {
            "operationId": "authLogout",
            "summary": "Revokes a refresh token and every token descended from the same login.",
            "tags": ["auth"],
            "security": [],
            "requestBody": body(&names.refresh),
            "responses": {
                "204": { "description": "Signed out (also for a token that was already unusable)." },
                "400": invalid,
                "503": unavailable,
            }
        }}),
    );
    paths.insert(
        "/auth/me".into(),
        json!({ "get": {
            "operationId": "authMe",
            "summary": "The caller's account.",
            "tags": ["auth"],
            "security": bearer,
            "responses": {
                "200": answer("The account the access token names.", &names.account),
                "401": refused("No valid access token of this service's accounts."),
                "404": refused("The account was deleted."),
                "503": unavailable,
            }
        }}),
    );
    paths.insert(
        "/auth/users/{id}".into(),
        json!({ "patch": {
            "operationId": "authSetUserRoles",
            "summary": "Sets an account's roles (admins only).",
            "tags": ["auth"],
            "security": [{ "bearerAuth": ["admin"] }],
            "parameters": [{
                "name": "id", "in": "path", "required": true,
                "schema": { "type": "string", "format": "uuid" }
            }],
            "requestBody": body(&names.roles),
            "responses": {
                "200": answer("The account with its new roles.", &names.account),
                "400": invalid,
                "401": refused("No valid access token."),
                "403": refused("The caller is not an admin."),
                "404": refused("No account has this id."),
                "503": unavailable,
            }
        }}),
    );
}

/// An address as the server accepts one: something, `@`, a domain with a dot inside; no
/// spaces or control characters (what `accounts::normalize_email` and the storage layer's
/// `format: email` check require).
const EMAIL_PATTERN: &str = r"^[^@\s\x00-\x1f\x7f-\x9f]+@[^@\s\x00-\x1f\x7f-\x9f.][^@\s\x00-\x1f\x7f-\x9f]*\.[^@\s\x00-\x1f\x7f-\x9f]*[^@\s\x00-\x1f\x7f-\x9f.]$";

fn schema_ref(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

fn roles_schema(users: &Users) -> Value {
    json!({
        "type": "array",
        "items": { "type": "string", "enum": users.roles },
        "uniqueItems": true
    })
}

fn account_schema(users: &Users) -> Value {
    json!({
        "type": "object",
        "description": "A built-in account as answered (never with a password or its hash).",
        "properties": {
            "id": { "type": "string", "format": "uuid", "readOnly": true },
            "email": { "type": "string", "description": "Lower-cased as registered." },
            "roles": roles_schema(users),
            "created_at": { "type": "string", "format": "date-time", "readOnly": true },
            "updated_at": { "type": "string", "format": "date-time", "readOnly": true }
        },
        "required": ["id", "email", "roles", "created_at", "updated_at"]
    })
}

fn credentials_schema(users: &Users) -> Value {
    json!({
        "type": "object",
        "description": "An email and a password.",
        "properties": {
            "email": {
                "type": "string",
                "description": "Compared without regard to case.",
                "pattern": EMAIL_PATTERN,
                "maxLength": 254
            },
            "password": {
                "type": "string",
                "minLength": users.password_min_length,
                "maxLength": users.password_max_length
            }
        },
        "required": ["email", "password"],
        "additionalProperties": false
    })
}

fn session_schema(account: &str) -> Value {
    json!({
        "type": "object",
        "description": "A signed-in account: a short-lived access token and a single-use refresh token.",
        "properties": {
            "user": schema_ref(account),
            "access_token": { "type": "string", "description": "An HS256 JWT; send it as `Authorization: Bearer <token>`." },
            "token_type": { "type": "string", "const": "Bearer" },
            "expires_in": { "type": "integer", "description": "Seconds until the access token expires." },
            "refresh_token": { "type": "string", "description": "Exchange it at `/auth/refresh` for a new pair; it works once." }
        },
        "required": ["user", "access_token", "token_type", "expires_in", "refresh_token"]
    })
}
