//! The relay's settings: defaults, then a TOML file, then environment variables,
//! then flags; each later one wins.

use std::net::SocketAddr;
use std::path::PathBuf;

use serde::Deserialize;

/// Flags (and their environment variables) that `serve` and `admin` share.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ConfigArgs {
    /// A TOML file with any of the settings below.
    #[arg(long, env = "TEAMSTEAD_RELAY_CONFIG")]
    pub config: Option<PathBuf>,
    /// Address to listen on, such as 127.0.0.1:7420.
    #[arg(long, env = "TEAMSTEAD_RELAY_LISTEN")]
    pub listen: Option<SocketAddr>,
    /// Where the relay keeps its database.
    #[arg(long, env = "TEAMSTEAD_RELAY_DATA_DIR")]
    pub data_dir: Option<PathBuf>,
    /// The largest sync message accepted, in bytes.
    #[arg(long, env = "TEAMSTEAD_RELAY_MAX_MESSAGE_BYTES")]
    pub max_message_bytes: Option<usize>,
    /// How long a sign-in lasts, in days.
    #[arg(long, env = "TEAMSTEAD_RELAY_TOKEN_TTL_DAYS")]
    pub token_ttl_days: Option<u32>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    listen: Option<SocketAddr>,
    data_dir: Option<PathBuf>,
    max_message_bytes: Option<usize>,
    token_ttl_days: Option<u32>,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub listen: SocketAddr,
    pub data_dir: PathBuf,
    pub max_message_bytes: usize,
    pub token_ttl_days: u32,
    /// How often an open connection re-checks that its token is still valid.
    pub session_recheck: std::time::Duration,
}

impl Config {
    /// Settings for a relay on a free loopback port, for tests and the demo.
    pub fn local(data_dir: PathBuf) -> Self {
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            data_dir,
            max_message_bytes: 16 * 1024 * 1024,
            token_ttl_days: 30,
            session_recheck: std::time::Duration::from_secs(5),
        }
    }

    pub fn load(args: &ConfigArgs) -> Result<Self, String> {
        let file = match &args.config {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                toml::from_str::<FileConfig>(&text).map_err(|e| {
                    format!("{} is not a valid relay configuration: {e}", path.display())
                })?
            }
            None => FileConfig::default(),
        };
        let defaults = Self::local(PathBuf::from("teamstead-relay-data"));
        let config = Self {
            listen: args
                .listen
                .or(file.listen)
                .unwrap_or(SocketAddr::from(([127, 0, 0, 1], 7420))),
            data_dir: args
                .data_dir
                .clone()
                .or(file.data_dir)
                .unwrap_or(defaults.data_dir),
            max_message_bytes: args
                .max_message_bytes
                .or(file.max_message_bytes)
                .unwrap_or(defaults.max_message_bytes),
            token_ttl_days: args
                .token_ttl_days
                .or(file.token_ttl_days)
                .unwrap_or(defaults.token_ttl_days),
            session_recheck: defaults.session_recheck,
        };
        if config.max_message_bytes < 1024 {
            return Err("max_message_bytes must be at least 1024".into());
        }
        if config.token_ttl_days == 0 {
            return Err("token_ttl_days must be at least 1".into());
        }
        Ok(config)
    }

    pub fn database_path(&self) -> PathBuf {
        self.data_dir.join("relay.sqlite3")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_win_over_the_file_and_the_file_over_defaults() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("relay.toml");
        std::fs::write(
            &file,
            "listen = \"127.0.0.1:9000\"\nmax_message_bytes = 4096\n",
        )
        .expect("write");
        let args = ConfigArgs {
            config: Some(file.clone()),
            max_message_bytes: Some(8192),
            ..ConfigArgs::default()
        };
        let config = Config::load(&args).expect("load");
        assert_eq!(config.listen, SocketAddr::from(([127, 0, 0, 1], 9000)));
        assert_eq!(config.max_message_bytes, 8192);
        assert_eq!(config.token_ttl_days, 30);

        std::fs::write(&file, "listen = \"nowhere\"\n").expect("write");
        let err = Config::load(&args).expect_err("bad address");
        assert!(err.contains("not a valid relay configuration"), "{err}");
        std::fs::write(&file, "colour = \"blue\"\n").expect("write");
        assert!(Config::load(&args).is_err(), "unknown settings are refused");
    }
}
