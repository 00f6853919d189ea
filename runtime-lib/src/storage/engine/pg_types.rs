//! PostgreSQL's binary wire format for the column types of `ARCHITECTURE.md`'s table, both
//! ways, written here so the runtime needs no date/time or JSON feature crates: parameters are
//! encoded for whatever type the server inferred for their placeholder, and result cells are
//! decoded by their column's type.
//!
//! ```text
//! SqlValue::Instant(0) as TIMESTAMPTZ ─▶ i64 µs since 2000-01-01 = -946684800000000
//! JSONB cell [1, b"{\"a\":1}"]       ─▶ SqlValue::Json("{\"a\":1}")
//! ```

use std::error::Error;

use bytes::BytesMut;
use tokio_postgres::types::{FromSql, IsNull, ToSql, Type, to_sql_checked};

use crate::storage::time;
use crate::storage::value::SqlValue;

type BoxError = Box<dyn Error + Sync + Send>;

/// Milliseconds from the Unix epoch to PostgreSQL's (2000-01-01).
const PG_EPOCH_MS: i64 = 946_684_800_000;
/// Days from the Unix epoch to PostgreSQL's.
const PG_EPOCH_DAYS: i64 = 10_957;

fn mismatch(value: &SqlValue, ty: &Type) -> BoxError {
    format!("cannot send {value:?} as a {ty} parameter").into()
}

impl ToSql for SqlValue {
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> Result<IsNull, BoxError> {
        match self {
            SqlValue::Null => return Ok(IsNull::Yes),
            SqlValue::Int(number) => put_number(*number as f64, Some(*number), ty, out, self)?,
            SqlValue::Float(number) => put_number(*number, None, ty, out, self)?,
            SqlValue::Bool(flag) => match *ty {
                Type::BOOL => out.extend_from_slice(&[u8::from(*flag)]),
                Type::INT2 | Type::INT4 | Type::INT8 => {
                    put_number(
                        f64::from(u8::from(*flag)),
                        Some(i64::from(*flag)),
                        ty,
                        out,
                        self,
                    )?;
                }
                _ => put_text(if *flag { "true" } else { "false" }, ty, out, self)?,
            },
            SqlValue::Text(text) | SqlValue::Uuid(text) => put_text(text, ty, out, self)?,
            SqlValue::Json(text) => match *ty {
                Type::JSONB => {
                    out.extend_from_slice(&[1]);
                    out.extend_from_slice(text.as_bytes());
                }
                _ => out.extend_from_slice(text.as_bytes()),
            },
            SqlValue::Instant(ms) => match *ty {
                Type::TIMESTAMPTZ | Type::TIMESTAMP => {
                    out.extend_from_slice(&((ms - PG_EPOCH_MS) * 1000).to_be_bytes());
                }
                Type::DATE => {
                    let days = ms.div_euclid(86_400_000) - PG_EPOCH_DAYS;
                    out.extend_from_slice(&(days as i32).to_be_bytes());
                }
                _ => put_text(&time::format_instant(*ms), ty, out, self)?,
            },
            SqlValue::Date(days) => match *ty {
                Type::DATE => out.extend_from_slice(&((days - PG_EPOCH_DAYS) as i32).to_be_bytes()),
                Type::TIMESTAMPTZ | Type::TIMESTAMP => {
                    let micros = (days - PG_EPOCH_DAYS) * 86_400_000_000;
                    out.extend_from_slice(&micros.to_be_bytes());
                }
                _ => put_text(&time::format_date(*days), ty, out, self)?,
            },
        }
        Ok(IsNull::No)
    }

    fn accepts(_: &Type) -> bool {
        // Every placeholder is accepted; `to_sql` refuses values that do not fit its type.
        true
    }

    to_sql_checked!();
}

fn put_number(
    number: f64,
    whole: Option<i64>,
    ty: &Type,
    out: &mut BytesMut,
    value: &SqlValue,
) -> Result<(), BoxError> {
    let whole = whole.or_else(|| (number.fract() == 0.0).then_some(number as i64));
    match (ty.clone(), whole) {
        (Type::INT8, Some(n)) => out.extend_from_slice(&n.to_be_bytes()),
        (Type::INT4, Some(n)) => out.extend_from_slice(&i32::try_from(n)?.to_be_bytes()),
        (Type::INT2, Some(n)) => out.extend_from_slice(&i16::try_from(n)?.to_be_bytes()),
        (Type::FLOAT8, _) => out.extend_from_slice(&number.to_be_bytes()),
        (Type::FLOAT4, _) => out.extend_from_slice(&(number as f32).to_be_bytes()),
        (Type::BOOL, Some(n)) => out.extend_from_slice(&[u8::from(n != 0)]),
        (Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::UNKNOWN, _) => {
            let text = whole.map_or_else(|| number.to_string(), |n| n.to_string());
            out.extend_from_slice(text.as_bytes());
        }
        (Type::JSON, _) => out.extend_from_slice(number.to_string().as_bytes()),
        _ => return Err(mismatch(value, ty)),
    }
    Ok(())
}

fn put_text(text: &str, ty: &Type, out: &mut BytesMut, value: &SqlValue) -> Result<(), BoxError> {
    match *ty {
        Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN => {
            out.extend_from_slice(text.as_bytes());
        }
        Type::UUID => {
            let parsed = uuid::Uuid::parse_str(text).map_err(|_| mismatch(value, ty))?;
            out.extend_from_slice(parsed.as_bytes());
        }
        Type::TIMESTAMPTZ | Type::TIMESTAMP => {
            let ms = time::parse_instant(text).ok_or_else(|| mismatch(value, ty))?;
            out.extend_from_slice(&((ms - PG_EPOCH_MS) * 1000).to_be_bytes());
        }
        Type::DATE => {
            let days = time::parse_date(text).ok_or_else(|| mismatch(value, ty))?;
            out.extend_from_slice(&((days - PG_EPOCH_DAYS) as i32).to_be_bytes());
        }
        Type::JSONB | Type::JSON => {
            // A string parameter for a JSON column is the JSON string, not a document.
            if *ty == Type::JSONB {
                out.extend_from_slice(&[1]);
            }
            out.extend_from_slice(serde_json::to_string(text)?.as_bytes());
        }
        Type::INT8 | Type::INT4 | Type::INT2 => {
            let number: i64 = text.trim().parse().map_err(|_| mismatch(value, ty))?;
            put_number(number as f64, Some(number), ty, out, value)?;
        }
        Type::FLOAT8 | Type::FLOAT4 => {
            let number: f64 = text.trim().parse().map_err(|_| mismatch(value, ty))?;
            put_number(number, None, ty, out, value)?;
        }
        Type::BOOL => match text {
            "true" | "t" => out.extend_from_slice(&[1]),
            "false" | "f" => out.extend_from_slice(&[0]),
            _ => return Err(mismatch(value, ty)),
        },
        _ => return Err(mismatch(value, ty)),
    }
    Ok(())
}

impl<'a> FromSql<'a> for SqlValue {
    fn from_sql(ty: &Type, raw: &'a [u8]) -> Result<SqlValue, BoxError> {
        let fixed = |length: usize| -> Result<&[u8], BoxError> {
            raw.get(..length)
                .filter(|_| raw.len() == length)
                .ok_or_else(|| format!("a {ty} cell of {} bytes", raw.len()).into())
        };
        Ok(match *ty {
            Type::BOOL => SqlValue::Bool(fixed(1)?[0] != 0),
            Type::INT2 => SqlValue::Int(i64::from(i16::from_be_bytes(fixed(2)?.try_into()?))),
            Type::INT4 => SqlValue::Int(i64::from(i32::from_be_bytes(fixed(4)?.try_into()?))),
            Type::INT8 => SqlValue::Int(i64::from_be_bytes(fixed(8)?.try_into()?)),
            Type::OID => SqlValue::Int(i64::from(u32::from_be_bytes(fixed(4)?.try_into()?))),
            Type::FLOAT4 => SqlValue::Float(f64::from(f32::from_be_bytes(fixed(4)?.try_into()?))),
            Type::FLOAT8 => SqlValue::Float(f64::from_be_bytes(fixed(8)?.try_into()?)),
            Type::NUMERIC => SqlValue::Float(numeric(raw)?),
            Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN => {
                SqlValue::Text(std::str::from_utf8(raw)?.to_owned())
            }
            Type::JSON => SqlValue::Json(std::str::from_utf8(raw)?.to_owned()),
            Type::JSONB => {
                SqlValue::Json(std::str::from_utf8(raw.get(1..).unwrap_or(&[]))?.to_owned())
            }
            Type::UUID => SqlValue::Uuid(uuid::Uuid::from_slice(raw)?.hyphenated().to_string()),
            Type::TIMESTAMPTZ | Type::TIMESTAMP => {
                let micros = i64::from_be_bytes(fixed(8)?.try_into()?);
                SqlValue::Instant(micros.div_euclid(1000) + PG_EPOCH_MS)
            }
            Type::DATE => {
                let days = i32::from_be_bytes(fixed(4)?.try_into()?);
                SqlValue::Date(i64::from(days) + PG_EPOCH_DAYS)
            }
            _ => return Err(format!("columns of type {ty} are not supported").into()),
        })
    }

    fn from_sql_null(_: &Type) -> Result<SqlValue, BoxError> {
        Ok(SqlValue::Null)
    }

    fn accepts(_: &Type) -> bool {
        true
    }
}

/// A `NUMERIC` cell (what `sum` and `avg` answer) as a double: base-10000 digits, a weight
/// (the exponent of the first digit) and a sign.
fn numeric(raw: &[u8]) -> Result<f64, BoxError> {
    let word = |index: usize| -> Result<u16, BoxError> {
        Ok(u16::from_be_bytes(
            raw.get(index * 2..index * 2 + 2)
                .ok_or("a short NUMERIC cell")?
                .try_into()?,
        ))
    };
    let digits = word(0)?;
    let weight = word(1)? as i16;
    let sign = word(2)?;
    if sign == 0xC000 {
        return Ok(f64::NAN);
    }
    let mut number = 0.0;
    for index in 0..usize::from(digits) {
        let digit = f64::from(word(4 + index)?);
        number += digit * 10_000f64.powi(i32::from(weight) - index as i32);
    }
    Ok(if sign == 0x4000 { -number } else { number })
}
