//! Projections and ref expansion: PostgREST's `select=id,title,author(id,name)`.
//!
//! ```text
//! "id,title,author(id,name)" ─▶ [Field(id), Field(title), Expand(author, [Field(id), Field(name)])]
//! row {"id":1,"title":"T","author":7,"price":3} ─▶ {"id":1,"title":"T","author":{"id":7,"name":"Ada"}}
//! ```
//!
//! Expansion is done by the list operation with one `IN` query per expanded ref per page
//! (`expand.rs`), never one query per row. `*` selects every column.

use super::columns::column;
use super::spec::{DataSpec, FieldKind, ResourceSpec};

/// Which members of each row.
#[derive(Debug, Clone, PartialEq)]
pub struct Selection {
    /// The members, in the order the response lists them.
    pub items: Vec<SelectItem>,
}

/// One member of a projection.
#[derive(Debug, Clone, PartialEq)]
pub enum SelectItem {
    /// `*`: every column.
    All,
    /// One column.
    Field(String),
    /// A ref replaced by the row it names, projected.
    Expand {
        /// The ref field.
        field: String,
        /// What of the referred row.
        select: Selection,
    },
}

impl Selection {
    /// Reads `text`, checking the names of `resource`'s own columns (expanded resources are
    /// checked by [`Selection::check`], which knows every resource).
    pub fn parse(resource: &ResourceSpec, text: &str) -> Result<Selection, String> {
        let mut chars = text.chars().peekable();
        let selection = parse_list(&mut chars)?;
        if let Some(extra) = chars.next() {
            return Err(format!("unexpected {extra:?} in select"));
        }
        for item in &selection.items {
            let name = match item {
                SelectItem::All => continue,
                SelectItem::Field(name) | SelectItem::Expand { field: name, .. } => name,
            };
            if column(resource, name).is_none() {
                return Err(format!("{} has no field {name:?}", resource.name));
            }
        }
        Ok(selection)
    }

    /// Checks every name against the resources it reaches, and that only refs are expanded.
    pub(crate) fn check(
        &self,
        data: &'static DataSpec,
        resource: &'static ResourceSpec,
    ) -> Result<(), String> {
        for item in &self.items {
            match item {
                SelectItem::All => {}
                SelectItem::Field(name) => {
                    if column(resource, name).is_none() {
                        return Err(format!("{} has no field {name:?}", resource.name));
                    }
                }
                SelectItem::Expand { field, select } => {
                    let target = target(data, resource, field)?;
                    select.check(data, target)?;
                }
            }
        }
        Ok(())
    }
}

/// The resource a ref field of `resource` points to.
pub(crate) fn target(
    data: &'static DataSpec,
    resource: &'static ResourceSpec,
    field: &str,
) -> Result<&'static ResourceSpec, String> {
    let Some(spec) = resource.fields.iter().find(|spec| spec.name == field) else {
        return Err(format!("{} has no field {field:?}", resource.name));
    };
    let FieldKind::Ref { to, .. } = spec.kind else {
        return Err(format!("{field} is not a ref and cannot be expanded"));
    };
    super::columns::resource(data, to).ok_or_else(|| format!("no resource {to:?}"))
}

fn parse_list(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> Result<Selection, String> {
    let mut items = Vec::new();
    loop {
        let mut name = String::new();
        while let Some(&c) = chars.peek() {
            if c.is_ascii_alphanumeric() || c == '_' || c == '*' {
                name.push(c);
                chars.next();
            } else {
                break;
            }
        }
        let name = name.trim().to_owned();
        if name.is_empty() {
            return Err("expected a field name in select".to_owned());
        }
        if chars.peek() == Some(&'(') {
            chars.next();
            let select = parse_list(chars)?;
            if chars.next() != Some(')') {
                return Err(format!("missing ) after {name}( in select"));
            }
            items.push(SelectItem::Expand {
                field: name,
                select,
            });
        } else if name == "*" {
            items.push(SelectItem::All);
        } else if name.contains('*') {
            return Err(format!("unexpected * in {name:?}"));
        } else {
            items.push(SelectItem::Field(name));
        }
        match chars.peek() {
            Some(',') => {
                chars.next();
            }
            _ => return Ok(Selection { items }),
        }
    }
}
