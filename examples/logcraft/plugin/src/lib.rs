//! Skeleton of a LogCraft CLI plugin: a WebAssembly component exporting the
//! `logcraft:lgc/plugins` world (copy `libs/bindings/*.wit` of logcraft-cli into `wit/`).

mod bindings {
    wit_bindgen::generate!({
        path: "wit",
        world: "logcraft:lgc/plugins",
    });
}

use bindings::exports::logcraft::lgc::plugin::{Bytes, Guest, Metadata};
use serde::{Deserialize, Serialize};

/// Service settings (`[services.<id>.settings]` in lgc.toml), sent as JSON.
#[derive(Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct Settings {
    /// Base URL of the remote system.
    pub url: String,
    /// API token.
    pub token: String,
}

/// One detection file (`<workspace>/hello/*.yaml`), sent as JSON.
#[derive(Serialize, Deserialize, schemars::JsonSchema)]
pub struct Rule {
    /// Detection title.
    pub title: String,
    /// Detection query.
    pub query: String,
}

struct Hello;

fn parse<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    serde_json::from_slice(bytes).map_err(|e| e.to_string())
}

impl Guest for Hello {
    fn load() -> Metadata {
        Metadata {
            name: env!("CARGO_PKG_NAME").to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
        }
    }

    fn settings() -> Result<Bytes, String> {
        serde_json::to_vec(&schemars::schema_for!(Settings)).map_err(|e| e.to_string())
    }

    fn schema() -> Result<Bytes, String> {
        serde_json::to_vec(&schemars::schema_for!(Rule)).map_err(|e| e.to_string())
    }

    fn validate(detection: Bytes) -> Result<(), String> {
        parse::<Rule>(&detection).map(|_| ())
    }

    fn create(config: Bytes, detection: Bytes) -> Result<(), String> {
        let (_settings, _rule): (Settings, Rule) = (parse(&config)?, parse(&detection)?);
        Err("create: not implemented".into())
    }

    fn read(config: Bytes, detection: Bytes) -> Result<Option<Bytes>, String> {
        let (_settings, _rule): (Settings, Rule) = (parse(&config)?, parse(&detection)?);
        Ok(None) // None = the detection does not exist remotely
    }

    fn update(config: Bytes, detection: Bytes) -> Result<(), String> {
        let (_settings, _rule): (Settings, Rule) = (parse(&config)?, parse(&detection)?);
        Err("update: not implemented".into())
    }

    fn delete(config: Bytes, detection: Bytes) -> Result<(), String> {
        let (_settings, _rule): (Settings, Rule) = (parse(&config)?, parse(&detection)?);
        Err("delete: not implemented".into())
    }

    fn ping(config: Bytes) -> Result<bool, String> {
        let _settings: Settings = parse(&config)?;
        Ok(true)
    }
}

bindings::export!(Hello with_types_in bindings);
