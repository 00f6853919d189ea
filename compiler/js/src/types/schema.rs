//! TypeScript types → JSON Schema (2020-12, as OpenAPI 3.1 uses it), honestly: what the type
//! cannot say is an open schema `{}`, never a guess.
//!
//! ```text
//! interface Note { id: number; title: string; tags?: string[]; kind: "memo" | "todo" }
//!   ──▶ {"type":"object","properties":{"id":{"type":"number"},"title":{"type":"string"},
//!        "tags":{"type":"array","items":{"type":"string"}},
//!        "kind":{"type":"string","enum":["memo","todo"]}},"required":["id","title","kind"]}
//! ```
//!
//! - literal types are `const`, unions of literals an `enum`, other unions `anyOf`;
//!   `undefined` in a union makes a property optional (JSON.stringify drops it);
//! - tuples are `prefixItems` with `minItems`/`maxItems`; `Record<string, T>` and index
//!   signatures are `additionalProperties`; `Date` is a `date-time` string, as JSON carries it;
//! - a non-generic interface or alias used more than once (or recursively) becomes a named
//!   component (`$ref`); others are written inline; generics are expanded at each use;
//! - `any`, `unknown`, `keyof`, enums, imported types, conditional, mapped and indexed types
//!   are `{}`; members that JSON never carries (functions, symbols, `never`) are optional.
//!
//! Object types are open (no `additionalProperties: false`): TypeScript's are structural and
//! accept extra members too.

use std::collections::{BTreeSet, HashMap, HashSet};

use serde_json::{Map, Value, json};
use swc_core::ecma::ast::*;

use super::declarations::{Declaration, Declarations};
use crate::infer::any_of;

/// Deeper than this, types are not followed (a generic alias that recurses forever…).
const MAX_DEPTH: usize = 32;

/// A schema and whether the value may be `undefined` (so a property of it is not required).
pub(crate) struct Typed {
    pub(crate) schema: Value,
    pub(crate) maybe_undefined: bool,
}

impl Typed {
    fn known(schema: Value) -> Typed {
        Typed {
            schema,
            maybe_undefined: false,
        }
    }

    fn open() -> Typed {
        Typed::known(json!({}))
    }
}

/// Type parameters in scope and the schemas they stand for.
type Env = HashMap<String, Value>;

/// Converts the types of one module's annotations.
pub(crate) struct Converter<'d, 'm> {
    declarations: &'d Declarations<'m>,
    /// Names written as `$ref`s rather than inline.
    components: BTreeSet<String>,
    /// Components referenced so far, in first-reference order.
    referenced: Vec<String>,
    /// Declarations being expanded inline (a recursion among them is cut to `{}`).
    expanding: Vec<String>,
}

impl<'d, 'm> Converter<'d, 'm> {
    /// A converter for `roots` (every annotation that will be converted): the non-generic
    /// declarations they reach more than once become components.
    pub(crate) fn new(declarations: &'d Declarations<'m>, roots: &[&TsType]) -> Self {
        let mut counts: HashMap<String, usize> = HashMap::new();
        let mut expanded: HashSet<String> = HashSet::new();
        for root in roots {
            count_refs(declarations, root, &mut counts, &mut expanded, 0);
        }
        let components = counts
            .into_iter()
            .filter(|(name, count)| {
                *count > 1
                    && declarations
                        .get(name)
                        .iter()
                        .all(|declaration| declaration.type_params().is_empty())
            })
            .map(|(name, _)| name)
            .collect();
        Converter {
            declarations,
            components,
            referenced: Vec::new(),
            expanding: Vec::new(),
        }
    }

    /// The schema of `ty`, with whether it may be `undefined`.
    pub(crate) fn convert(&mut self, ty: &TsType) -> Typed {
        self.typed(ty, &Env::new(), 0)
    }

    /// The schemas of every component referenced so far (and those they reference), named by
    /// their declarations.
    pub(crate) fn components(&mut self) -> Vec<(String, Value)> {
        let mut done = Vec::new();
        let mut next = 0;
        while let Some(name) = self.referenced.get(next).cloned() {
            next += 1;
            let schema = self.declared(&name, &Env::new(), 0).schema;
            done.push((name, schema));
        }
        done
    }

    /// Whether `name` refers to a type the module declares (rather than a global).
    pub(crate) fn is_local(&self, name: &str) -> bool {
        self.declarations.declares(name)
    }

    /// The type a local, non-generic alias stands for.
    pub(crate) fn alias_of(&self, name: &str) -> Option<&'m TsType> {
        match self.declarations.get(name) {
            [Declaration::Alias(alias)] if alias.type_params.is_none() => Some(&alias.type_ann),
            _ => None,
        }
    }

    /// The members of an object-shaped type: a type literal, or a local interface or alias
    /// naming one (followed through aliases). `None` when the type is not one of those.
    pub(crate) fn members_of<'t>(&self, ty: &'t TsType) -> Option<Vec<&'t TsTypeElement>>
    where
        'm: 't,
    {
        object_members(self.declarations, ty, 0)
    }

    fn typed(&mut self, ty: &TsType, env: &Env, depth: usize) -> Typed {
        if depth > MAX_DEPTH {
            return Typed::open();
        }
        let next = depth + 1;
        match ty {
            TsType::TsKeywordType(keyword) => keyword_type(keyword.kind),
            TsType::TsLitType(literal) => Typed::known(literal_type(&literal.lit)),
            TsType::TsArrayType(array) => {
                let items = self.typed(&array.elem_type, env, next).schema;
                Typed::known(json!({ "type": "array", "items": items }))
            }
            TsType::TsTupleType(tuple) => Typed::known(self.tuple(tuple, env, next)),
            TsType::TsTypeLit(literal) => {
                let members: Vec<&TsTypeElement> = literal.members.iter().collect();
                Typed::known(self.object(&members, env, next))
            }
            TsType::TsUnionOrIntersectionType(TsUnionOrIntersectionType::TsUnionType(union)) => {
                self.union(&union.types, env, next)
            }
            TsType::TsUnionOrIntersectionType(TsUnionOrIntersectionType::TsIntersectionType(
                intersection,
            )) => {
                let parts: Vec<Value> = intersection
                    .types
                    .iter()
                    .map(|part| self.typed(part, env, next).schema)
                    .filter(|schema| !is_open(schema))
                    .collect();
                Typed::known(match parts.len() {
                    0 => json!({}),
                    1 => parts.into_iter().next().unwrap_or_else(|| json!({})),
                    _ => json!({ "allOf": parts }),
                })
            }
            TsType::TsParenthesizedType(inner) => self.typed(&inner.type_ann, env, next),
            TsType::TsOptionalType(inner) => {
                let mut typed = self.typed(&inner.type_ann, env, next);
                typed.maybe_undefined = true;
                typed
            }
            TsType::TsTypeOperator(operator) => match operator.op {
                TsTypeOperatorOp::ReadOnly => self.typed(&operator.type_ann, env, next),
                // Keys may be numbers or symbols too.
                TsTypeOperatorOp::KeyOf | TsTypeOperatorOp::Unique => Typed::open(),
            },
            TsType::TsTypeRef(reference) => self.reference(reference, env, next),
            // JSON.stringify drops functions: a member of this type is never sent.
            TsType::TsFnOrConstructorType(_) => Typed {
                schema: json!({}),
                maybe_undefined: true,
            },
            // Functions are dropped by JSON.stringify; conditional, mapped, indexed, `typeof`
            // and imported types are not evaluated.
            _ => Typed::open(),
        }
    }

    fn reference(&mut self, reference: &TsTypeRef, env: &Env, depth: usize) -> Typed {
        let TsEntityName::Ident(name) = &reference.type_name else {
            return Typed::open();
        };
        let name = &*name.sym;
        let args: Vec<&TsType> = reference
            .type_params
            .as_deref()
            .map_or_else(Vec::new, |args| {
                args.params.iter().map(|arg| &**arg).collect()
            });
        if let Some(bound) = env.get(name) {
            return Typed::known(bound.clone());
        }
        if self.declarations.declares(name) {
            if self.components.contains(name) {
                if !self.referenced.iter().any(|known| known == name) {
                    self.referenced.push(name.to_string());
                }
                return Typed::known(json!({ "$ref": format!("#/components/schemas/{name}") }));
            }
            let args: Vec<Value> = args
                .iter()
                .map(|arg| self.typed(arg, env, depth).schema)
                .collect();
            return self.expand(name, &args, depth);
        }
        let arg = |this: &mut Self, index: usize| match args.get(index) {
            Some(arg) => this.typed(arg, env, depth).schema,
            None => json!({}),
        };
        match name {
            "Array" | "ReadonlyArray" => {
                let items = arg(self, 0);
                Typed::known(json!({ "type": "array", "items": items }))
            }
            "Record" => {
                // Keys are read from the type itself, even when it is a named component.
                let keys = match args.first() {
                    Some(keys) => self.expanded(keys, env, depth),
                    None => json!({}),
                };
                let values = arg(self, 1);
                Typed::known(match literal_keys(&keys) {
                    Some(keys) => {
                        let properties: Map<String, Value> = keys
                            .iter()
                            .map(|key| (key.clone(), values.clone()))
                            .collect();
                        json!({ "type": "object", "properties": properties, "required": keys })
                    }
                    None => json!({ "type": "object", "additionalProperties": values }),
                })
            }
            "Date" => Typed::known(json!({ "type": "string", "format": "date-time" })),
            "String" => Typed::known(json!({ "type": "string" })),
            "Number" => Typed::known(json!({ "type": "number" })),
            "Boolean" => Typed::known(json!({ "type": "boolean" })),
            "Readonly" | "NonNullable" => match args.first() {
                Some(inner) => self.typed(inner, env, depth),
                None => Typed::open(),
            },
            "Partial" | "Required" | "Pick" | "Omit" => {
                let Some(inner) = args.first() else {
                    return Typed::open();
                };
                let keys = args.get(1).map(|keys| self.typed(keys, env, depth).schema);
                let object = self.expanded(inner, env, depth);
                Typed::known(reshape(name, object, keys.as_ref()))
            }
            _ => Typed::open(),
        }
    }

    /// `ty` with a local name expanded in place even when it is a component (for `Partial`…).
    fn expanded(&mut self, ty: &TsType, env: &Env, depth: usize) -> Value {
        if let TsType::TsTypeRef(reference) = ty
            && let TsEntityName::Ident(name) = &reference.type_name
            && self.declarations.declares(&name.sym)
            && !env.contains_key(&*name.sym)
        {
            let args: Vec<Value> = reference
                .type_params
                .as_deref()
                .map_or_else(Vec::new, |args| {
                    args.params
                        .iter()
                        .map(|arg| self.typed(arg, env, depth).schema)
                        .collect()
                });
            return self.expand(&name.sym, &args, depth).schema;
        }
        self.typed(ty, env, depth).schema
    }

    /// A local declaration written inline, its type parameters bound to `args`.
    fn expand(&mut self, name: &str, args: &[Value], depth: usize) -> Typed {
        if self.expanding.iter().any(|open| open == name) {
            return Typed::open();
        }
        let Some(first) = self.declarations.get(name).first() else {
            return Typed::open();
        };
        let env: Env = first
            .type_params()
            .into_iter()
            .enumerate()
            .map(|(index, param)| (param, args.get(index).cloned().unwrap_or_else(|| json!({}))))
            .collect();
        self.expanding.push(name.to_string());
        let typed = self.declared(name, &env, depth);
        self.expanding.pop();
        typed
    }

    /// The schema of the declarations of `name` (interfaces merged with their bases).
    fn declared(&mut self, name: &str, env: &Env, depth: usize) -> Typed {
        let declarations: Vec<Declaration> = self.declarations.get(name).to_vec();
        let mut members: Vec<&TsTypeElement> = Vec::new();
        let mut bases: Vec<Value> = Vec::new();
        for declaration in &declarations {
            match declaration {
                Declaration::Alias(alias) => return self.typed(&alias.type_ann, env, depth + 1),
                Declaration::Interface(interface) => {
                    members.extend(interface.body.body.iter());
                    for base in &interface.extends {
                        if let Expr::Ident(base_name) = &*base.expr
                            && self.declarations.declares(&base_name.sym)
                        {
                            let args: Vec<Value> =
                                base.type_args.as_deref().map_or_else(Vec::new, |args| {
                                    args.params
                                        .iter()
                                        .map(|arg| self.typed(arg, env, depth + 1).schema)
                                        .collect()
                                });
                            bases.push(self.expand(&base_name.sym, &args, depth + 1).schema);
                        }
                    }
                }
            }
        }
        let own = self.object(&members, env, depth + 1);
        Typed::known(bases.into_iter().rev().fold(own, merge_objects))
    }

    fn object(&mut self, members: &[&TsTypeElement], env: &Env, depth: usize) -> Value {
        let mut properties = Map::new();
        let mut required: Vec<String> = Vec::new();
        let mut additional: Option<Value> = None;
        for member in members {
            match member {
                TsTypeElement::TsPropertySignature(property) if !property.computed => {
                    let Some(name) = property_name(&property.key) else {
                        continue;
                    };
                    let typed = match &property.type_ann {
                        Some(annotation) => self.typed(&annotation.type_ann, env, depth),
                        None => Typed {
                            schema: json!({}),
                            maybe_undefined: true,
                        },
                    };
                    required.retain(|existing| *existing != name);
                    if !property.optional && !typed.maybe_undefined {
                        required.push(name.clone());
                    }
                    properties.insert(name, typed.schema);
                }
                TsTypeElement::TsIndexSignature(index) => {
                    let value = index.type_ann.as_ref().map_or_else(
                        || json!({}),
                        |annotation| self.typed(&annotation.type_ann, env, depth).schema,
                    );
                    additional = Some(match additional {
                        None => value,
                        Some(previous) => any_of(&previous, &value),
                    });
                }
                // Methods, accessors and call signatures: functions are not JSON.
                _ => {}
            }
        }
        let mut schema = json!({ "type": "object", "properties": properties });
        if !required.is_empty() {
            schema["required"] = json!(required);
        }
        if let Some(additional) = additional {
            schema["additionalProperties"] = additional;
        }
        schema
    }

    fn tuple(&mut self, tuple: &TsTupleType, env: &Env, depth: usize) -> Value {
        let mut prefix = Vec::new();
        let mut min_items = 0;
        let mut rest: Option<Value> = None;
        for element in &tuple.elem_types {
            match &*element.ty {
                TsType::TsRestType(spread) => {
                    let spread = self.typed(&spread.type_ann, env, depth).schema;
                    rest = Some(spread.get("items").cloned().unwrap_or_else(|| json!({})));
                }
                TsType::TsOptionalType(optional) => {
                    prefix.push(self.typed(&optional.type_ann, env, depth).schema);
                }
                other => {
                    prefix.push(self.typed(other, env, depth).schema);
                    min_items = prefix.len();
                }
            }
        }
        let mut schema = json!({ "type": "array" });
        if !prefix.is_empty() {
            schema["prefixItems"] = json!(prefix);
        }
        schema["minItems"] = json!(min_items);
        match rest {
            Some(items) => schema["items"] = items,
            None => schema["maxItems"] = json!(prefix.len()),
        }
        schema
    }

    fn union(&mut self, types: &[Box<TsType>], env: &Env, depth: usize) -> Typed {
        let mut maybe_undefined = false;
        let mut branches: Vec<Value> = Vec::new();
        for member in types {
            if is_undefined(member) {
                maybe_undefined = true;
                continue;
            }
            let typed = self.typed(member, env, depth);
            maybe_undefined |= typed.maybe_undefined;
            branches.push(typed.schema);
        }
        let schema = literal_union(&branches).unwrap_or_else(|| {
            let mut schemas = branches.into_iter();
            let first = schemas.next().unwrap_or_else(|| json!({ "not": {} }));
            schemas.fold(first, |all, next| any_of(&all, &next))
        });
        Typed {
            schema,
            maybe_undefined,
        }
    }
}

fn keyword_type(kind: TsKeywordTypeKind) -> Typed {
    use TsKeywordTypeKind::*;
    match kind {
        TsStringKeyword => Typed::known(json!({ "type": "string" })),
        TsNumberKeyword => Typed::known(json!({ "type": "number" })),
        TsBooleanKeyword => Typed::known(json!({ "type": "boolean" })),
        TsNullKeyword => Typed::known(json!({ "type": "null" })),
        TsObjectKeyword => Typed::known(json!({ "type": "object" })),
        // No value: a member of this type is never present.
        TsNeverKeyword => Typed {
            schema: json!({ "not": {} }),
            maybe_undefined: true,
        },
        // `any`/`unknown` may be anything, `undefined` included; JSON drops undefined members,
        // symbols and functions.
        TsAnyKeyword | TsUnknownKeyword | TsUndefinedKeyword | TsVoidKeyword | TsSymbolKeyword => {
            Typed {
                schema: json!({}),
                maybe_undefined: true,
            }
        }
        // JSON.stringify throws on a bigint; nothing can be said.
        TsBigIntKeyword | TsIntrinsicKeyword => Typed::open(),
    }
}

fn literal_type(literal: &TsLit) -> Value {
    match literal {
        TsLit::Str(text) => {
            json!({ "type": "string", "const": text.value.to_atom_lossy().as_str() })
        }
        TsLit::Number(number) => {
            let value = if number.value.fract() == 0.0 && number.value.abs() < 9.0e15 {
                json!(number.value as i64)
            } else {
                json!(number.value)
            };
            json!({ "type": "number", "const": value })
        }
        TsLit::Bool(boolean) => json!({ "type": "boolean", "const": boolean.value }),
        TsLit::Tpl(_) => json!({ "type": "string" }),
        TsLit::BigInt(_) => json!({}),
    }
}

/// `"a" | "b" | null` → `{"enum": ["a", "b", null]}` (with a `type` when all share one).
fn literal_union(branches: &[Value]) -> Option<Value> {
    if branches.len() < 2 {
        return None;
    }
    let mut values = Vec::new();
    let mut types: Vec<Value> = Vec::new();
    for branch in branches {
        let object = branch.as_object()?;
        let value = match (object.get("const"), object.get("type")) {
            (Some(value), _) => value.clone(),
            (None, Some(Value::String(kind))) if kind == "null" && object.len() == 1 => Value::Null,
            _ => return None,
        };
        let kind = object.get("type").cloned().unwrap_or(Value::Null);
        if !types.contains(&kind) {
            types.push(kind);
        }
        if !values.contains(&value) {
            values.push(value);
        }
    }
    Some(match types.as_slice() {
        [single] if single.is_string() => json!({ "type": single, "enum": values }),
        _ => json!({ "enum": values }),
    })
}

/// The string keys of a literal (union) type, for `Record<"a" | "b", T>` and `Pick`/`Omit`.
fn literal_keys(schema: &Value) -> Option<Vec<String>> {
    if let Some(value) = schema.get("const") {
        return value.as_str().map(|key| vec![key.to_string()]);
    }
    schema
        .get("enum")?
        .as_array()?
        .iter()
        .map(|value| value.as_str().map(str::to_string))
        .collect()
}

/// `Partial`, `Required`, `Pick` and `Omit` applied to an object schema; anything else is left
/// open, since its shape is not known.
fn reshape(utility: &str, mut object: Value, keys: Option<&Value>) -> Value {
    let Some(properties) = object.get("properties").and_then(Value::as_object).cloned() else {
        return json!({});
    };
    match utility {
        "Partial" => {
            if let Some(map) = object.as_object_mut() {
                map.remove("required");
            }
        }
        "Required" => {
            let all: Vec<&String> = properties.keys().collect();
            object["required"] = json!(all);
        }
        _ => {
            let Some(keys) = keys.and_then(literal_keys) else {
                return json!({});
            };
            let keep = |name: &str| keys.iter().any(|key| key == name) == (utility == "Pick");
            let kept: Map<String, Value> = properties
                .into_iter()
                .filter(|(name, _)| keep(name))
                .collect();
            let required: Vec<Value> = object
                .get("required")
                .and_then(Value::as_array)
                .map(|names| {
                    names
                        .iter()
                        .filter(|name| name.as_str().is_some_and(keep))
                        .cloned()
                        .collect()
                })
                .unwrap_or_default();
            object["properties"] = Value::Object(kept);
            match object.as_object_mut() {
                Some(map) if required.is_empty() => {
                    map.remove("required");
                }
                _ => object["required"] = Value::Array(required),
            }
        }
    }
    object
}

/// An interface's own members over a base's (`interface B extends A`): properties of both,
/// the interface's winning, required names of both.
fn merge_objects(own: Value, base: Value) -> Value {
    let (Some(own_map), Some(base_map)) = (own.as_object(), base.as_object()) else {
        return own;
    };
    let mut properties = base_map
        .get("properties")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    for (name, schema) in own_map
        .get("properties")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        properties.insert(name.clone(), schema.clone());
    }
    let mut required: Vec<Value> = Vec::new();
    for map in [base_map, own_map] {
        for name in map
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if !required.contains(name) {
                required.push(name.clone());
            }
        }
    }
    let mut merged = own_map.clone();
    merged.insert("properties".into(), Value::Object(properties));
    if !required.is_empty() {
        merged.insert("required".into(), Value::Array(required));
    }
    if let (None, Some(additional)) = (
        merged.get("additionalProperties"),
        base_map.get("additionalProperties"),
    ) {
        merged.insert("additionalProperties".into(), additional.clone());
    }
    Value::Object(merged)
}

fn is_open(schema: &Value) -> bool {
    schema.as_object().is_some_and(Map::is_empty)
}

fn is_undefined(ty: &TsType) -> bool {
    matches!(
        ty,
        TsType::TsKeywordType(TsKeywordType {
            kind: TsKeywordTypeKind::TsUndefinedKeyword | TsKeywordTypeKind::TsVoidKeyword,
            ..
        })
    )
}

/// The name of a property signature's key (`a`, `"a-b"`, `1`).
pub(crate) fn property_name(key: &Expr) -> Option<String> {
    match key {
        Expr::Ident(ident) => Some(ident.sym.to_string()),
        Expr::Lit(Lit::Str(text)) => Some(text.value.to_atom_lossy().to_string()),
        Expr::Lit(Lit::Num(number)) => Some(number.value.to_string()),
        _ => None,
    }
}

/// The members of an object type literal or of the local interface/alias `ty` names.
fn object_members<'t, 'm: 't>(
    declarations: &Declarations<'m>,
    ty: &'t TsType,
    depth: usize,
) -> Option<Vec<&'t TsTypeElement>> {
    if depth > MAX_DEPTH {
        return None;
    }
    match ty {
        TsType::TsTypeLit(literal) => Some(literal.members.iter().collect()),
        TsType::TsParenthesizedType(inner) => {
            object_members(declarations, &inner.type_ann, depth + 1)
        }
        // `A & { body: T }`: the members of every part that is object-shaped.
        TsType::TsUnionOrIntersectionType(TsUnionOrIntersectionType::TsIntersectionType(
            intersection,
        )) => {
            let mut members = Vec::new();
            for part in &intersection.types {
                members.extend(object_members(declarations, part, depth + 1)?);
            }
            Some(members)
        }
        TsType::TsTypeRef(TsTypeRef {
            type_name: TsEntityName::Ident(name),
            ..
        }) => {
            let found = declarations.get(&name.sym);
            let mut members = Vec::new();
            for declaration in found {
                match declaration {
                    Declaration::Alias(alias) => {
                        return object_members(declarations, &alias.type_ann, depth + 1);
                    }
                    Declaration::Interface(interface) => members.extend(interface.body.body.iter()),
                }
            }
            (!found.is_empty()).then_some(members)
        }
        _ => None,
    }
}

/// Counts how often each local declaration is named, expanding each once.
fn count_refs(
    declarations: &Declarations,
    ty: &TsType,
    counts: &mut HashMap<String, usize>,
    expanded: &mut HashSet<String>,
    depth: usize,
) {
    if depth > MAX_DEPTH {
        return;
    }
    let next = depth + 1;
    let mut walk = |inner: &TsType, counts: &mut HashMap<String, usize>| {
        count_refs(declarations, inner, counts, expanded, next)
    };
    match ty {
        TsType::TsArrayType(array) => walk(&array.elem_type, counts),
        TsType::TsTupleType(tuple) => {
            for element in &tuple.elem_types {
                walk(&element.ty, counts);
            }
        }
        TsType::TsOptionalType(inner) => walk(&inner.type_ann, counts),
        TsType::TsRestType(inner) => walk(&inner.type_ann, counts),
        TsType::TsParenthesizedType(inner) => walk(&inner.type_ann, counts),
        TsType::TsTypeOperator(inner) => walk(&inner.type_ann, counts),
        TsType::TsUnionOrIntersectionType(TsUnionOrIntersectionType::TsUnionType(union)) => {
            for member in &union.types {
                walk(member, counts);
            }
        }
        TsType::TsUnionOrIntersectionType(TsUnionOrIntersectionType::TsIntersectionType(
            intersection,
        )) => {
            for member in &intersection.types {
                walk(member, counts);
            }
        }
        TsType::TsTypeLit(literal) => {
            for member in &literal.members {
                count_member(declarations, member, counts, expanded, next);
            }
        }
        TsType::TsTypeRef(reference) => {
            if let Some(args) = &reference.type_params {
                for arg in &args.params {
                    walk(arg, counts);
                }
            }
            let TsEntityName::Ident(name) = &reference.type_name else {
                return;
            };
            let name = name.sym.to_string();
            if !declarations.declares(&name) {
                return;
            }
            *counts.entry(name.clone()).or_default() += 1;
            if !expanded.insert(name.clone()) {
                return;
            }
            for declaration in declarations.get(&name) {
                match declaration {
                    Declaration::Alias(alias) => {
                        count_refs(declarations, &alias.type_ann, counts, expanded, next)
                    }
                    Declaration::Interface(interface) => {
                        for member in &interface.body.body {
                            count_member(declarations, member, counts, expanded, next);
                        }
                        for base in &interface.extends {
                            if let Expr::Ident(base) = &*base.expr
                                && declarations.declares(&base.sym)
                            {
                                *counts.entry(base.sym.to_string()).or_default() += 1;
                            }
                        }
                    }
                }
            }
        }
        _ => {}
    }
}

fn count_member(
    declarations: &Declarations,
    member: &TsTypeElement,
    counts: &mut HashMap<String, usize>,
    expanded: &mut HashSet<String>,
    depth: usize,
) {
    let annotation = match member {
        TsTypeElement::TsPropertySignature(property) => property.type_ann.as_deref(),
        TsTypeElement::TsIndexSignature(index) => index.type_ann.as_deref(),
        _ => None,
    };
    if let Some(annotation) = annotation {
        count_refs(declarations, &annotation.type_ann, counts, expanded, depth);
    }
}
