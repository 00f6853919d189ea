//! Lowering `dashboard.workflows` end to end: a blueprint on disk → the IR's workflows (the
//! diagnostics are the error fixture's, `tests/fixtures/errors/dashboard-workflows*`).

use std::sync::atomic::{AtomicUsize, Ordering};

use backworks_diagnostics::Sources;
use backworks_ir::{
    ChartKind, EndpointBinding, Method, RowSource, Service, Theme, ThemeMode, WorkflowKind,
};

fn lowered(blueprint: &str) -> Service {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let root = std::env::temp_dir().join(format!(
        "backworks-blueprint-workflows-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).unwrap();
    std::fs::write(root.join("backworks.yaml"), blueprint).unwrap();
    let project = crate::locate(&root).unwrap();
    let mut sources = Sources::new();
    let mut diagnostics = Vec::new();
    let service = crate::load(&project, &mut sources, &mut diagnostics);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    service.expect("lowers")
}

const RESOURCES: &str = "
resources:
  books:
    fields:
      title: { type: string, required: true }
      price: { type: number }
    endpoints: true
endpoints:
  report:
    path: /reports/{day}
    methods: [GET, DELETE]
    handler: |
      export default function () { return { body: { rows: [] } }; }
  submit:
    path: /submissions
    methods: [GET, POST]
    handler: |
      export default function () { return { status: 201 }; }
";

#[test]
fn workflows_lower_with_their_bindings_and_defaults() {
    let service = lowered(&format!(
        "name: shop
dashboard:
  theme: {{ mode: dark, accent: \"#0F766e\" }}
  workflows:
    books: {{ type: crud_table, resource: books, columns: [title, price] }}
    submit: {{ type: form, endpoint: submit, title: Send one }}
    daily: {{ type: table, endpoint: report, rows: rows }}
    prices:
      type: chart
      chart: scatter
      resource: books
      query: \"price=gt.10&order=-price&limit=50\"
      x: price
      y: [price, id]
{RESOURCES}"
    ));
    let dashboard = &service.dashboard;
    assert_eq!(
        dashboard.theme,
        Theme {
            mode: ThemeMode::Dark,
            accent: Some("#0F766e".into())
        }
    );
    let ids: Vec<&str> = dashboard.workflows.iter().map(|w| w.id.as_str()).collect();
    assert_eq!(ids, ["books", "submit", "daily", "prices"]);
    let books = &dashboard.workflows[0];
    assert_eq!(books.title, "Books", "the title comes from the id");
    assert!(
        books.permissions.is_empty(),
        "without auth: open to the dashboard's readers"
    );
    assert_eq!(
        books.kind,
        WorkflowKind::CrudTable {
            resource: "books".into(),
            columns: vec!["title".into(), "price".into()]
        }
    );
    assert_eq!(dashboard.workflows[1].title, "Send one");
    assert_eq!(
        dashboard.workflows[1].kind,
        WorkflowKind::Form {
            endpoint: EndpointBinding {
                name: "submit".into(),
                method: Method::Post,
                path: "/submissions".into()
            }
        },
        "a form takes the endpoint's method that carries a body"
    );
    assert_eq!(
        dashboard.workflows[2].kind,
        WorkflowKind::Table {
            source: RowSource::Endpoint {
                endpoint: EndpointBinding {
                    name: "report".into(),
                    method: Method::Get,
                    path: "/reports/{day}".into()
                },
                rows: Some("rows".into())
            },
            columns: vec![]
        },
        "a table reads the endpoint's GET"
    );
    assert_eq!(
        dashboard.workflows[3].kind,
        WorkflowKind::Chart {
            chart: ChartKind::Scatter,
            source: RowSource::Resource {
                resource: "books".into(),
                query: Some("price=gt.10&order=-price&limit=50".into())
            },
            x: Some("price".into()),
            y: vec!["price".into(), "id".into()],
            label: None,
            value: None
        }
    );
}

#[test]
fn permissions_default_to_admin_with_auth() {
    let service = lowered(&format!(
        "name: shop
auth:
  users:
    secret: ${{S}}
    roles: [member, reports]
dashboard:
  workflows:
    books: {{ type: crud_table, resource: books }}
    daily: {{ type: table, endpoint: report, permissions: [reports, admin] }}
{RESOURCES}"
    ));
    let permissions: Vec<&Vec<String>> = service
        .dashboard
        .workflows
        .iter()
        .map(|w| &w.permissions)
        .collect();
    assert_eq!(
        permissions,
        [
            &vec!["admin".to_owned()],
            &vec!["reports".to_owned(), "admin".to_owned()]
        ]
    );
    assert_eq!(service.dashboard.theme, Theme::default());
}

#[test]
fn ids_titles_and_colours() {
    assert!(super::is_workflow_id("a"));
    assert!(super::is_workflow_id("authors_report2"));
    assert!(!super::is_workflow_id("2a"));
    assert!(!super::is_workflow_id("Books"));
    assert!(!super::is_workflow_id("add-review"));
    assert!(!super::is_workflow_id(""));
    assert_eq!(super::title_of("authors_report"), "Authors report");
    assert!(super::is_hex_colour("#abc"));
    assert!(super::is_hex_colour("#0f766e"));
    assert!(!super::is_hex_colour("0f766e"));
    assert!(!super::is_hex_colour("#0f766"));
    assert!(!super::is_hex_colour("#ggg"));
}
