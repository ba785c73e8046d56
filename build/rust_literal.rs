//! A serde serializer that writes a value as a Rust constant expression, so
//! `build.rs` can embed the knowledge base as static data: the widget then
//! starts without parsing anything, and no deserialization code ships in the
//! wasm bundle.
//!
//! The output relies on three conventions of `src/knowledge/model.rs`:
//! - text is `Cow<'static, str>` and lists are `Cow<'static, [T]>`, written
//!   as `Cow::Borrowed(..)`;
//! - serialized field names are the Rust field names (renames in the model
//!   apply to deserialization only);
//! - unit variants serialize as the snake_case form of their Rust name, which
//!   is turned back into CamelCase here.
//!
//! A struct that leaves fields out of its serialized form is completed with
//! `..Type::NONE`, a constant the type must provide. Anything the model does
//! not use (maps, bytes, non-finite floats) is refused, and a mistake shows up
//! as a compile error in the generated file, never as wrong data.

use std::fmt::{self, Write};

use serde::ser::{self, Serialize};

#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

const COW: &str = "::std::borrow::Cow::Borrowed";

/// Writes `value` as a Rust expression.
pub fn to_rust<T: Serialize>(value: &T) -> Result<String, Error> {
    let mut out = String::new();
    value.serialize(&mut Writer { out: &mut out })?;
    Ok(out)
}

struct Writer<'a> {
    out: &'a mut String,
}

/// `self_care` becomes `SelfCare`; a name that is already CamelCase is kept.
fn camel(name: &str) -> String {
    name.split('_')
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
        })
        .collect()
}

/// Serializes the parts of a list, tuple or struct, then closes it.
struct Compound<'a, 'b> {
    writer: &'a mut Writer<'b>,
    close: &'static str,
    struct_name: &'static str,
    skipped: bool,
}

impl Compound<'_, '_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.writer)?;
        self.writer.out.push_str(", ");
        Ok(())
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.writer.out.push_str(key);
        self.writer.out.push_str(": ");
        self.element(value)
    }

    fn finish(self) -> Result<(), Error> {
        if self.skipped {
            let _ = write!(self.writer.out, "..{}::NONE", self.struct_name);
        }
        self.writer.out.push_str(self.close);
        Ok(())
    }
}

impl<'a, 'b> ser::Serializer for &'a mut Writer<'b> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a, 'b>;
    type SerializeTuple = Compound<'a, 'b>;
    type SerializeTupleStruct = Compound<'a, 'b>;
    type SerializeTupleVariant = Compound<'a, 'b>;
    type SerializeMap = ser::Impossible<(), Error>;
    type SerializeStruct = Compound<'a, 'b>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        let _ = write!(self.out, "{v}");
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        let _ = write!(self.out, "{v}");
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        let _ = write!(self.out, "{v}");
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        if !v.is_finite() {
            return Err(Error(format!("{v} has no Rust literal")));
        }
        // Debug always keeps a decimal point or exponent, so the literal
        // stays a float (`7.0`, not `7`).
        let _ = write!(self.out, "{v:?}");
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        let _ = write!(self.out, "{v:?}");
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        // Debug escapes exactly as a Rust string literal needs.
        let _ = write!(self.out, "{COW}({v:?})");
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Err(Error("bytes are not supported".into()))
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.out.push_str("None");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        self.out.push_str("Some(");
        value.serialize(&mut *self)?;
        self.out.push(')');
        Ok(())
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.out.push_str("()");
        Ok(())
    }
    fn serialize_unit_struct(self, name: &'static str) -> Result<(), Error> {
        self.out.push_str(name);
        Ok(())
    }
    fn serialize_unit_variant(self, name: &'static str, _: u32, variant: &'static str) -> Result<(), Error> {
        let _ = write!(self.out, "{name}::{}", camel(variant));
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, name: &'static str, value: &T) -> Result<(), Error> {
        let _ = write!(self.out, "{name}(");
        value.serialize(&mut *self)?;
        self.out.push(')');
        Ok(())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let _ = write!(self.out, "{name}::{}(", camel(variant));
        value.serialize(&mut *self)?;
        self.out.push(')');
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a, 'b>, Error> {
        let _ = write!(self.out, "{COW}(&[");
        Ok(Compound { writer: self, close: "])", struct_name: "", skipped: false })
    }
    fn serialize_tuple(self, _: usize) -> Result<Compound<'a, 'b>, Error> {
        self.out.push('(');
        Ok(Compound { writer: self, close: ")", struct_name: "", skipped: false })
    }
    fn serialize_tuple_struct(self, name: &'static str, _: usize) -> Result<Compound<'a, 'b>, Error> {
        let _ = write!(self.out, "{name}(");
        Ok(Compound { writer: self, close: ")", struct_name: "", skipped: false })
    }
    fn serialize_tuple_variant(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a, 'b>, Error> {
        let _ = write!(self.out, "{name}::{}(", camel(variant));
        Ok(Compound { writer: self, close: ")", struct_name: "", skipped: false })
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(Error("maps are not supported: use a list of pairs".into()))
    }
    fn serialize_struct(self, name: &'static str, _: usize) -> Result<Compound<'a, 'b>, Error> {
        let _ = write!(self.out, "{name} {{ ");
        Ok(Compound { writer: self, close: "}", struct_name: name, skipped: false })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(Error("struct variants are not supported".into()))
    }
}

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

impl ser::SerializeTuple for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

impl ser::SerializeTupleStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

impl ser::SerializeTupleVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.field(key, value)
    }
    fn skip_field(&mut self, _: &'static str) -> Result<(), Error> {
        self.skipped = true;
        Ok(())
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}
