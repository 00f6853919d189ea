//! TypeScript annotations → the IR's [`HandlerTypes`]: a handler's typed request parameter
//! becomes its operation's request body schema, its return type the response schemas.
//!
//! ```text
//! interface NewNote { title: string; tags?: string[] }
//! export async function POST(req: Request<NewNote>): Promise<{ status: 201; body: Note }>
//!   ──▶ request body {"type":"object","properties":{…},"required":["title"]}
//!       responses   201 → JSON of Note
//! ```
//!
//! The request parameter is read as `Request<T>` (any `Request` the module does not declare
//! itself: `T` is the body) or as an object type with a `body` member (`{ body: T }`, or a local
//! interface/alias). The return type is unwrapped from `Promise<…>` and split on `|`; each
//! member with a `status`, `headers` or `body` member is a response (the literal `status`,
//! else 200), any other member the body of a 200 — as the bridge decides at run time.
//!
//! [`annotate`] is the pass: it fills `HandlerModule::types` of every TypeScript module and
//! `Service::type_schemas` with the named schemas, renamed where they would clash.

mod declarations;
mod naming;
mod schema;

use backworks_ir::{ExportTypes, HandlerTypes, Method, Service, TypedBody, TypedResponse};
use serde_json::{Value, json};
use swc_core::ecma::ast::*;

use crate::infer::any_of;
use crate::infer::handlers::{HandlerFn, find_handlers};
use crate::{ExportKind, HandlerSource, Language};
use declarations::Declarations;
use schema::{Converter, property_name};

/// What one module's annotations declare, with component names local to the module.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ModuleTypes {
    /// Per export.
    pub types: HandlerTypes,
    /// Interfaces and aliases referenced by `$ref` (`#/components/schemas/<name>`).
    pub schemas: Vec<(String, Value)>,
}

/// Fills in the annotations of every TypeScript handler module of `service`; `handlers` are
/// the modules' sources, in the order of `service.handlers`.
pub fn annotate(service: &mut Service, handlers: &[HandlerSource]) {
    let mut taken: Vec<(String, Value)> = service.schemas.clone();
    // The emitter's own schemas: a handler's `interface Error` must not replace them.
    for reserved in ["Error", "InvalidRequest"] {
        taken.push((reserved.to_string(), Value::Null));
    }
    let mut added: Vec<(String, Value)> = Vec::new();
    for (module, source) in service.handlers.iter_mut().zip(handlers) {
        let found = handler_types(source);
        let renamed = naming::merge(found, &mut taken, &mut added);
        module.types = renamed;
    }
    service.type_schemas = added;
}

/// Reads the annotations of one handler module. A JavaScript module, or one that does not
/// parse, declares nothing.
pub fn handler_types(handler: &HandlerSource) -> ModuleTypes {
    if handler.language != Language::TypeScript {
        return ModuleTypes::default();
    }
    let Ok(parsed) = crate::parse::parse(handler.source, &handler.text, handler.language) else {
        return ModuleTypes::default();
    };
    let module = &parsed.module;
    let declarations = Declarations::collect(module);
    let handlers = find_handlers(module);
    let annotated: Vec<(ExportKind, Option<&TsType>, Option<&TsType>)> = handlers
        .iter()
        .map(|(kind, function)| {
            (
                kind.clone(),
                function.params().first().and_then(|pat| pattern_type(pat)),
                function.return_type(),
            )
        })
        .collect();
    let roots: Vec<&TsType> = annotated
        .iter()
        .flat_map(|(_, request, response)| [*request, *response])
        .flatten()
        .collect();
    let mut converter = Converter::new(&declarations, &roots);
    let mut exports = Vec::new();
    for (kind, request, response) in annotated {
        let method = match &kind {
            ExportKind::Default => None,
            ExportKind::Method(name) => match Method::parse(name) {
                Some(method) => Some(method),
                None => continue,
            },
        };
        let (request_body, request_body_required) =
            match request.and_then(|ty| request_body(&mut converter, ty)) {
                Some((schema, required)) => (Some(schema), required),
                None => (None, false),
            };
        let responses = response
            .and_then(|ty| responses(&mut converter, ty))
            .unwrap_or_default();
        if request_body.is_some() || !responses.is_empty() {
            exports.push(ExportTypes {
                method,
                request_body,
                request_body_required,
                responses,
            });
        }
    }
    let schemas = converter.components();
    ModuleTypes {
        types: HandlerTypes { exports },
        schemas,
    }
}

impl HandlerFn {
    /// The declared return type, if any.
    fn return_type(&self) -> Option<&TsType> {
        let annotation = match self {
            HandlerFn::Function(function) => function.return_type.as_deref(),
            HandlerFn::Arrow(arrow) => arrow.return_type.as_deref(),
        };
        annotation.map(|annotation| &*annotation.type_ann)
    }
}

/// The type annotation of a parameter pattern (`req: T`, `{ body }: T`, `req: T = …`).
fn pattern_type(pat: &Pat) -> Option<&TsType> {
    let annotation = match pat {
        Pat::Ident(binding) => binding.type_ann.as_deref(),
        Pat::Object(object) => object.type_ann.as_deref(),
        Pat::Array(array) => array.type_ann.as_deref(),
        Pat::Assign(assign) => return pattern_type(&assign.left),
        _ => None,
    };
    annotation.map(|annotation| &*annotation.type_ann)
}

/// The body schema a request parameter's type declares and whether the body is required;
/// `None` when the type says nothing of the body.
fn request_body(converter: &mut Converter, ty: &TsType) -> Option<(Value, bool)> {
    let (body, optional_member) = match ty {
        TsType::TsTypeRef(TsTypeRef {
            type_name: TsEntityName::Ident(name),
            type_params,
            ..
        }) if &*name.sym == "Request" && !converter.is_local("Request") => {
            (&**type_params.as_deref()?.params.first()?, false)
        }
        _ => (
            member_type(converter, ty, "body")?,
            member_is_optional(converter, ty, "body"),
        ),
    };
    let typed = converter.convert(body);
    // `Request<any>` declares nothing to enforce.
    (typed.schema != json!({}))
        .then_some((typed.schema, !optional_member && !typed.maybe_undefined))
}

/// Whether the member `name` of an object-shaped type is declared optional (`name?: T`).
fn member_is_optional(converter: &Converter, ty: &TsType, name: &str) -> bool {
    converter.members_of(ty).is_some_and(|members| {
        members.iter().any(|member| {
            matches!(member, TsTypeElement::TsPropertySignature(property)
                if property.optional && property_name(&property.key).as_deref() == Some(name))
        })
    })
}

/// The type of the member `name` of an object-shaped type, if it has one.
fn member_type<'t>(
    converter: &Converter<'_, 't>,
    ty: &'t TsType,
    name: &str,
) -> Option<&'t TsType> {
    converter
        .members_of(ty)?
        .into_iter()
        .find_map(|member| match member {
            TsTypeElement::TsPropertySignature(property)
                if !property.computed && property_name(&property.key).as_deref() == Some(name) =>
            {
                property
                    .type_ann
                    .as_deref()
                    .map(|annotation| &*annotation.type_ann)
            }
            _ => None,
        })
}

/// Whether an object-shaped type has the member `name` (typed or not).
fn has_member(converter: &Converter, ty: &TsType, name: &str) -> bool {
    converter.members_of(ty).is_some_and(|members| {
        members.iter().any(|member| {
            matches!(member, TsTypeElement::TsPropertySignature(property)
                if !property.computed && property_name(&property.key).as_deref() == Some(name))
        })
    })
}

/// The responses a return type declares, one per status; `None` when some status cannot be
/// known (then the code's own `return`s describe the operation).
fn responses(converter: &mut Converter, ty: &TsType) -> Option<Vec<TypedResponse>> {
    let ty = unwrap_promise(converter, ty);
    let mut members = Vec::new();
    union_members(converter, ty, &mut members, 0);
    let mut found: Vec<(u16, TypedBody)> = Vec::new();
    for member in members {
        let is_response = ["status", "headers", "body"]
            .iter()
            .any(|key| has_member(converter, member, key));
        if !is_response {
            found.push((200, body_of(converter, member)));
            continue;
        }
        let statuses = match member_type(converter, member, "status") {
            None if has_member(converter, member, "status") => return None,
            None => vec![200],
            Some(status) => literal_statuses(status)?,
        };
        let body = match member_type(converter, member, "body") {
            Some(body) => body_of(converter, body),
            None if has_member(converter, member, "body") => TypedBody::Json(json!({})),
            None => TypedBody::Empty,
        };
        for status in statuses {
            found.push((status, body.clone()));
        }
    }
    let mut merged: Vec<TypedResponse> = Vec::new();
    for (status, body) in found {
        match merged.iter_mut().find(|response| response.status == status) {
            None => merged.push(TypedResponse { status, body }),
            Some(existing) => existing.body = merge_bodies(&existing.body, &body)?,
        }
    }
    merged.sort_by_key(|response| response.status);
    Some(merged)
}

/// Two bodies of one status; a text and a JSON body cannot share one content type, so that
/// case is left to inference.
fn merge_bodies(a: &TypedBody, b: &TypedBody) -> Option<TypedBody> {
    Some(match (a, b) {
        (x, y) if x == y => x.clone(),
        (TypedBody::Json(x), TypedBody::Json(y)) => TypedBody::Json(any_of(x, y)),
        (TypedBody::Empty, other) | (other, TypedBody::Empty) => other.clone(),
        _ => return None,
    })
}

/// `Promise<T>` → `T` (a handler's promise is awaited by the bridge).
fn unwrap_promise<'t>(converter: &Converter, ty: &'t TsType) -> &'t TsType {
    match ty {
        TsType::TsParenthesizedType(inner) => unwrap_promise(converter, &inner.type_ann),
        TsType::TsTypeRef(TsTypeRef {
            type_name: TsEntityName::Ident(name),
            type_params: Some(args),
            ..
        }) if &*name.sym == "Promise" && !converter.is_local("Promise") => {
            match args.params.first() {
                Some(inner) => unwrap_promise(converter, inner),
                None => ty,
            }
        }
        _ => ty,
    }
}

/// The members of a union (through parentheses and local aliases of unions).
fn union_members<'t>(
    converter: &Converter<'_, 't>,
    ty: &'t TsType,
    out: &mut Vec<&'t TsType>,
    depth: usize,
) {
    if depth > 8 {
        out.push(ty);
        return;
    }
    match ty {
        TsType::TsParenthesizedType(inner) => {
            union_members(converter, &inner.type_ann, out, depth + 1)
        }
        TsType::TsUnionOrIntersectionType(TsUnionOrIntersectionType::TsUnionType(union)) => {
            for member in &union.types {
                union_members(converter, member, out, depth + 1);
            }
        }
        TsType::TsTypeRef(TsTypeRef {
            type_name: TsEntityName::Ident(name),
            type_params: None,
            ..
        }) => match converter.alias_of(&name.sym) {
            Some(
                aliased @ TsType::TsUnionOrIntersectionType(TsUnionOrIntersectionType::TsUnionType(
                    _,
                )),
            ) => union_members(converter, aliased, out, depth + 1),
            _ => out.push(ty),
        },
        _ => out.push(ty),
    }
}

/// What a body of type `ty` sends: text for strings, nothing for `void`/`undefined`/`null`,
/// else JSON.
fn body_of(converter: &mut Converter, ty: &TsType) -> TypedBody {
    let typed = converter.convert(ty);
    let kind = typed.schema.get("type").and_then(Value::as_str);
    match kind {
        Some("string") if typed.schema.get("format").is_none() => TypedBody::Text,
        Some("null") => TypedBody::Empty,
        _ if is_nothing(ty) => TypedBody::Empty,
        _ => TypedBody::Json(typed.schema),
    }
}

fn is_nothing(ty: &TsType) -> bool {
    matches!(
        ty,
        TsType::TsKeywordType(TsKeywordType {
            kind: TsKeywordTypeKind::TsUndefinedKeyword
                | TsKeywordTypeKind::TsVoidKeyword
                | TsKeywordTypeKind::TsNullKeyword,
            ..
        })
    )
}

/// The statuses of a `status` member's type: a number literal or a union of them.
fn literal_statuses(ty: &TsType) -> Option<Vec<u16>> {
    match ty {
        TsType::TsParenthesizedType(inner) => literal_statuses(&inner.type_ann),
        TsType::TsLitType(TsLitType {
            lit: TsLit::Number(number),
            ..
        }) if number.value.fract() == 0.0 && (100.0..=599.0).contains(&number.value) => {
            Some(vec![number.value as u16])
        }
        TsType::TsUnionOrIntersectionType(TsUnionOrIntersectionType::TsUnionType(union)) => {
            let mut statuses = Vec::new();
            for member in &union.types {
                statuses.extend(literal_statuses(member)?);
            }
            Some(statuses)
        }
        _ => None,
    }
}
