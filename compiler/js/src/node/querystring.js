// Node's legacy `querystring` module, in JavaScript of our own (string work):
//
//   querystring.parse("a=1&a=2&b=x+y")        → [Object: null prototype] { a: ["1", "2"], b: "x y" }
//   querystring.stringify({ a: [1, 2], b: "é" }) → "a=1&a=2&b=%C3%A9"
//
// `parse` gives a null-prototype object, counts `maxKeys` (1000) over every piece between
// separators, turns `+` into a space and decodes a piece only when it has a `%XX`: with `decodeURIComponent`, or, where that throws, byte by byte as Node's
// `unescapeBuffer` does (valid `%XX` become bytes, the rest stays, the bytes are read as
// UTF-8 with U+FFFD for what is malformed). `stringify` writes finite numbers, booleans and
// strings, and an empty value for anything else.
"use strict";

const { NodeURIError } = require("node:internal/errors");

function escape(value) {
  let text = value;
  if (typeof text !== "string") {
    text = typeof text === "object" ? String(text) : `${text}`;
  }
  try {
    return encodeURIComponent(text);
  } catch {
    throw new NodeURIError("ERR_INVALID_URI", "URI malformed");
  }
}

function hexValue(code) {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 70) return code - 55;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

// WHATWG UTF-8 decoding: each maximal malformed part becomes one U+FFFD.
function decodeUtf8(bytes) {
  let out = "";
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      out += String.fromCharCode(lead);
      i++;
      continue;
    }
    let need = 0;
    let lower = 0x80;
    let upper = 0xbf;
    let point = 0;
    if (lead >= 0xc2 && lead <= 0xdf) {
      need = 1;
      point = lead & 0x1f;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      need = 2;
      point = lead & 0xf;
      if (lead === 0xe0) lower = 0xa0;
      if (lead === 0xed) upper = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      need = 3;
      point = lead & 0x7;
      if (lead === 0xf0) lower = 0x90;
      if (lead === 0xf4) upper = 0x8f;
    } else {
      out += "\ufffd";
      i++;
      continue;
    }
    let seen = 1;
    let valid = true;
    while (seen <= need) {
      const next = bytes[i + seen];
      if (next === undefined || next < lower || next > upper) {
        valid = false;
        break;
      }
      lower = 0x80;
      upper = 0xbf;
      point = point * 64 + (next & 0x3f);
      seen++;
    }
    if (!valid) {
      out += "\ufffd";
      i += seen;
      continue;
    }
    out += String.fromCodePoint(point);
    i += need + 1;
  }
  return out;
}

// Node's `unescapeBuffer`: `%XX` → the byte, `+` → a space when asked, any other code unit →
// its low byte.
function unescapeBytes(text, decodeSpaces) {
  const bytes = [];
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === 43 && decodeSpaces) {
      bytes.push(32);
      index++;
      continue;
    }
    if (code === 37 && index < text.length - 2) {
      const high = hexValue(text.charCodeAt(index + 1));
      const low = hexValue(text.charCodeAt(index + 2));
      if (high >= 0 && low >= 0) {
        bytes.push(high * 16 + low);
        index += 3;
        continue;
      }
    }
    bytes.push(code & 255);
    index++;
  }
  return decodeUtf8(bytes);
}

function unescape(text, decodeSpaces) {
  try {
    return decodeURIComponent(text);
  } catch {
    return unescapeBytes(text, decodeSpaces);
  }
}

// `+` is a space (`%20` for a decoder of the caller's); a piece is decoded when it has a
// `%XX` with two hex digits, or always with a decoder of the caller's.
function decodePiece(piece, decode, custom) {
  const text = piece.includes("+") ? piece.split("+").join(custom ? "%20" : " ") : piece;
  if (!custom && !/%[0-9a-fA-F]{2}/.test(text)) {
    return text;
  }
  try {
    return decode(text);
  } catch {
    return unescape(text, true);
  }
}

function parse(qs, sep, eq, options) {
  const result = Object.create(null);
  if (typeof qs !== "string" || qs.length === 0) {
    return result;
  }
  const separator = sep ? String(sep) : "&";
  const equals = eq ? String(eq) : "=";
  let maxKeys = 1000;
  let decode = unescape;
  let custom = false;
  if (options) {
    if (typeof options.maxKeys === "number") {
      maxKeys = options.maxKeys;
    }
    if (typeof options.decodeURIComponent === "function") {
      decode = options.decodeURIComponent;
      custom = decode !== unescape;
    }
  }
  let pieces = qs.split(separator);
  if (maxKeys > 0 && pieces.length > maxKeys) {
    pieces = pieces.slice(0, maxKeys);
  }
  for (const piece of pieces) {
    if (piece.length === 0) {
      continue;
    }
    const at = piece.indexOf(equals);
    const rawKey = at === -1 ? piece : piece.slice(0, at);
    const rawValue = at === -1 ? "" : piece.slice(at + equals.length);
    const key = decodePiece(rawKey, decode, custom);
    const value = decodePiece(rawValue, decode, custom);
    const existing = result[key];
    if (existing === undefined) {
      result[key] = value;
    } else if (typeof existing === "string") {
      result[key] = [existing, value];
    } else {
      existing.push(value);
    }
  }
  return result;
}

function stringifyPrimitive(value) {
  if (typeof value === "string") return value;
  if (typeof value === "number" && isFinite(value)) return `${value}`;
  if (typeof value === "boolean") return value ? "true" : "false";
  return "";
}

function encodeValue(value, encode, custom) {
  if (custom) {
    return encode(stringifyPrimitive(value));
  }
  if (typeof value === "string") {
    return value.length > 0 ? encode(value) : "";
  }
  if (typeof value === "number" && isFinite(value)) {
    return Math.abs(value) < 1e21 ? `${value}` : encode(`${value}`);
  }
  if (typeof value === "boolean") {
    return value ? "true" : "false";
  }
  return "";
}

function stringify(object, sep, eq, options) {
  const separator = sep || "&";
  const equals = eq || "=";
  let encode = escape;
  let custom = false;
  if (options && typeof options.encodeURIComponent === "function") {
    encode = options.encodeURIComponent;
    custom = encode !== escape;
  }
  if (object === null || typeof object !== "object") {
    return "";
  }
  let fields = "";
  for (const key of Object.keys(object)) {
    const value = object[key];
    const prefix = encodeValue(key, encode, custom) + equals;
    if (Array.isArray(value)) {
      if (value.length === 0) {
        continue;
      }
      if (fields) {
        fields += separator;
      }
      for (let j = 0; j < value.length; j++) {
        if (j) {
          fields += separator;
        }
        fields += prefix + encodeValue(value[j], encode, custom);
      }
    } else {
      if (fields) {
        fields += separator;
      }
      fields += prefix + encodeValue(value, encode, custom);
    }
  }
  return fields;
}

module.exports = {
  unescape,
  escape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};
