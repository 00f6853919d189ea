//! Declared endpoints against the routes resources generate: `/<name>` (list, create) and
//! `/<name>/{id}` (get, update, delete). The same method on the same path is declared twice;
//! a path of the same shape with another parameter name cannot share the router with it.
//!
//! ```text
//! resources: { books: { endpoints: true } }
//! endpoints: [{ path: /books, method: GET }]        ──▶  error[duplicate-route]: `GET /books`
//! endpoints: [{ path: /books/{slug}, method: POST }]  ──▶  error[conflicting-paths]
//! ```

use backworks_ir::{CrudOperation, Method, Resource, Route, RoutePath, Segment};

use super::DataChecker;
use crate::diagnostics::data as diagnostics;
use crate::paths::shape;

/// The routes a resource's operations answer, as (method, path) pairs.
pub fn generated_routes(resource: &Resource) -> Vec<(Method, RoutePath)> {
    let collection = RoutePath {
        segments: vec![Segment::Literal(resource.name.clone())],
    };
    let item = RoutePath {
        segments: vec![
            Segment::Literal(resource.name.clone()),
            Segment::Param("id".into()),
        ],
    };
    let mut routes = Vec::new();
    for operation in &resource.operations {
        match operation {
            CrudOperation::List => routes.push((Method::Get, collection.clone())),
            CrudOperation::Create => routes.push((Method::Post, collection.clone())),
            CrudOperation::Get => routes.push((Method::Get, item.clone())),
            CrudOperation::Update => {
                routes.push((Method::Patch, item.clone()));
                routes.push((Method::Put, item.clone()));
            }
            CrudOperation::Delete => routes.push((Method::Delete, item.clone())),
        }
    }
    routes
}

/// Reports every declared route that collides with a generated one.
pub fn check_routes(checker: &mut DataChecker, resources: &[Resource], routes: &[Route]) {
    let source = checker.source;
    for resource in resources {
        let resource_at = resource.span.start as usize..resource.span.end as usize;
        let generated = generated_routes(resource);
        for route in routes {
            let Some(first) = route.operations.first() else {
                continue;
            };
            let same_shape: Vec<&(Method, RoutePath)> = generated
                .iter()
                .filter(|(_, path)| shape(path) == shape(&route.path))
                .collect();
            let Some((_, generated_path)) = same_shape.first() else {
                continue;
            };
            if *generated_path != route.path {
                checker
                    .diagnostics
                    .push(diagnostics::path_conflicts_with_resource(
                        source,
                        first.span.start as usize..first.span.end as usize,
                        &route.path.to_string(),
                        &generated_path.to_string(),
                        &resource.name,
                        resource_at.clone(),
                    ));
                continue;
            }
            for (method, _) in &same_shape {
                if let Some(operation) = route.operations.iter().find(|op| op.method == *method) {
                    checker
                        .diagnostics
                        .push(diagnostics::route_taken_by_resource(
                            source,
                            operation.span.start as usize..operation.span.end as usize,
                            method.as_str(),
                            &route.path.to_string(),
                            &resource.name,
                            resource_at.clone(),
                        ));
                }
            }
        }
    }
}
