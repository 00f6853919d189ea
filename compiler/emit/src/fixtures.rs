//! Hand-built IR for the emitter's unit tests: a service with a database and resources,
//! without going through YAML.
//!
//! ```ignore
//! let books = resource("books", vec![field("title", FieldType::String).required()]);
//! let service = service_with(vec![books], None);
//! ```

use backworks_diagnostics::{Sources, Span};
use backworks_ir::{
    Constraints, CrudOperation, DashboardSettings, Database, Field, FieldDefault, FieldType,
    IdStrategy, Limits, MigrationHistory, Resource, SchemaSnapshot, ServerSettings, Service,
};

/// A span in a fake blueprint (unit tests render no diagnostics).
pub(crate) fn span() -> Span {
    let mut sources = Sources::new();
    let id = sources.add("backworks.yaml", "resources:\n");
    Span::new(id, 0, 9)
}

/// An optional, non-unique field without default or constraints.
pub(crate) fn field(name: &str, kind: FieldType) -> Field {
    Field {
        name: name.into(),
        kind,
        required: false,
        unique: false,
        default: None,
        constraints: Constraints::default(),
        description: None,
        span: span(),
    }
}

/// Builder methods for test fields.
pub(crate) trait FieldExt {
    fn required(self) -> Self;
    fn unique(self) -> Self;
    fn default(self, value: FieldDefault) -> Self;
}

impl FieldExt for Field {
    fn required(mut self) -> Self {
        self.required = true;
        self
    }
    fn unique(mut self) -> Self {
        self.unique = true;
        self
    }
    fn default(mut self, value: FieldDefault) -> Self {
        self.default = Some(value);
        self
    }
}

/// A resource with integer ids, timestamps and every operation.
pub(crate) fn resource(name: &str, fields: Vec<Field>) -> Resource {
    Resource {
        name: name.into(),
        description: None,
        id: IdStrategy::Integer,
        fields,
        timestamps: true,
        indexes: Vec::new(),
        search: Vec::new(),
        operations: CrudOperation::ALL.to_vec(),
        seed: Vec::new(),
        rules: Default::default(),
        span: span(),
    }
}

/// A service holding `resources` in an SQLite database, after the migrations in `snapshot`.
pub(crate) fn service_with(resources: Vec<Resource>, snapshot: Option<SchemaSnapshot>) -> Service {
    Service {
        name: "bookstore".into(),
        description: None,
        version: "0.1.0".into(),
        server: ServerSettings {
            host: "127.0.0.1".into(),
            port: 3000,
        },
        dashboard: DashboardSettings {
            enabled: true,
            port: None,
            auth_variable: None,
            theme: Default::default(),
            workflows: Vec::new(),
        },
        limits: Limits {
            body_size: 1 << 20,
            timeout_ms: 30_000,
        },
        global_headers: Vec::new(),
        routes: Vec::new(),
        handlers: Vec::new(),
        schemas: Vec::new(),
        type_schemas: Vec::new(),
        database: Some(Database {
            url: "sqlite://data/bookstore.db".into(),
            allow_data_loss: Vec::new(),
            span: span(),
        }),
        resources,
        migrations: MigrationHistory {
            folder: "migrations".into(),
            snapshot,
            migrations: Vec::new(),
        },
        auth: None,
        audit: None,
        transport: backworks_ir::Transport::default(),
        runtime_needs: backworks_ir::RuntimeNeeds::default(),
        embedded_files: Vec::new(),
    }
}
