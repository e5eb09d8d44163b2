//! tomldecode: reads TOML documents separated by NUL bytes on stdin and prints, one line each,
//! `{"ok":true,"value":<typed>}` or `{"ok":false,"error":"..."}`, where <typed> is
//! `{"t":"string|int|float|bool|datetime","v":"..."}`, `{"t":"array","v":[...]}` or
//! `{"t":"table","v":{"key":<typed>,...}}` (keys sorted).
use std::io::Read;
use toml::Value;

fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn typed(value: &Value) -> String {
    let scalar = |t: &str, v: String| format!("{{\"t\":\"{}\",\"v\":{}}}", t, quote(&v));
    match value {
        Value::String(s) => scalar("string", s.clone()),
        Value::Integer(i) => scalar("int", i.to_string()),
        Value::Float(f) => scalar("float", if f.is_nan() { "nan".into() } else { f.to_string() }),
        Value::Boolean(b) => scalar("bool", b.to_string()),
        Value::Datetime(d) => scalar("datetime", d.to_string()),
        Value::Array(items) => {
            let inner: Vec<String> = items.iter().map(typed).collect();
            format!("{{\"t\":\"array\",\"v\":[{}]}}", inner.join(","))
        }
        Value::Table(table) => {
            let mut keys: Vec<&String> = table.keys().collect();
            keys.sort();
            let inner: Vec<String> = keys.iter().map(|k| format!("{}:{}", quote(k), typed(&table[*k]))).collect();
            format!("{{\"t\":\"table\",\"v\":{{{}}}}}", inner.join(","))
        }
    }
}

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).expect("stdin is UTF-8");
    for doc in input.split('\0') {
        match doc.parse::<Value>() {
            Ok(value) => println!("{{\"ok\":true,\"value\":{}}}", typed(&value)),
            Err(error) => println!("{{\"ok\":false,\"error\":{}}}", quote(&error.to_string())),
        }
    }
}
