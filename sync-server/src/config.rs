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
    /// The address desktops reach this relay at, for the pages Stripe sends people
    /// back to after paying.
    public_url: Option<String>,
    billing: Option<BillingFile>,
    market: Option<MarketConfig>,
}

/// `[billing]`: Stripe and the plans. The secret key and the webhook secret may
/// come from the environment instead (TEAMSTEAD_STRIPE_SECRET_KEY,
/// TEAMSTEAD_STRIPE_WEBHOOK_SECRET), and should.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct BillingFile {
    stripe_secret_key: Option<String>,
    stripe_webhook_secret: Option<String>,
    stripe_api_base: Option<String>,
    grace_days: Option<u32>,
    #[serde(default)]
    plans: Vec<Plan>,
}

/// Billing is on when a Stripe secret key is set; without it the relay applies no
/// plan limits (a self-hosted team).
#[derive(Debug, Clone)]
pub struct BillingConfig {
    pub stripe_secret_key: String,
    pub webhook_secret: String,
    /// Stripe's API, or a local stand-in for tests.
    pub stripe_api_base: String,
    /// How long a past-due team keeps writing before it turns read-only.
    pub grace_days: u32,
    /// The plans; `free` is where every team starts and returns to.
    pub plans: Vec<Plan>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub id: String,
    pub name: String,
    /// The Stripe price a subscription to this plan uses; none for `free`.
    pub price_id: Option<String>,
    /// What people read, such as "$8 per member a month".
    pub price: Option<String>,
    pub max_members: Option<u64>,
    pub max_boards: Option<u64>,
}

impl BillingConfig {
    pub fn plan(&self, id: &str) -> Option<&Plan> {
        self.plans.iter().find(|p| p.id == id)
    }

    pub fn plan_for_price(&self, price_id: &str) -> Option<&Plan> {
        self.plans
            .iter()
            .find(|p| p.price_id.as_deref() == Some(price_id))
    }

    /// The plan every team starts on (checked to exist when the configuration loads).
    pub fn free_plan(&self) -> &Plan {
        self.plan(FREE_PLAN).unwrap_or(&self.plans[0])
    }

    /// Free: 5 members, 3 boards; Team and Business once their prices are set.
    pub fn default_plans() -> Vec<Plan> {
        let plan = |id: &str, name: &str, members, boards| Plan {
            id: id.into(),
            name: name.into(),
            price_id: None,
            price: None,
            max_members: members,
            max_boards: boards,
        };
        vec![
            plan(FREE_PLAN, "Free", Some(5), Some(3)),
            plan("team", "Team", Some(50), None),
            plan("business", "Business", None, None),
        ]
    }

    fn check(&self) -> Result<(), String> {
        if self.plan(FREE_PLAN).is_none() {
            return Err("billing needs a plan with id \"free\"".into());
        }
        if self.webhook_secret.is_empty() {
            return Err(
                "billing needs the Stripe webhook secret (TEAMSTEAD_STRIPE_WEBHOOK_SECRET)".into(),
            );
        }
        let mut seen = std::collections::HashSet::new();
        if let Some(dup) = self.plans.iter().find(|p| !seen.insert(p.id.as_str())) {
            return Err(format!("the plan id \"{}\" appears twice", dup.id));
        }
        Ok(())
    }
}

pub const FREE_PLAN: &str = "free";

/// `[market]`: the quote and news providers. Keys may come from the environment
/// (TEAMSTEAD_FINNHUB_KEY, TEAMSTEAD_NEWSAPI_KEY); a provider without a key is off.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MarketConfig {
    /// A Finnhub-shaped API: /quote and /company-news.
    pub quotes_base: String,
    pub quotes_key: Option<String>,
    /// A NewsAPI-shaped API: /v2/top-headlines.
    pub headlines_base: String,
    pub headlines_key: Option<String>,
    /// Calls this relay makes to each provider a minute, at most (the free tiers
    /// allow 60).
    pub upstream_per_minute: u32,
    /// Requests one person may make a minute.
    pub user_per_minute: u32,
    pub quote_ttl_secs: u64,
    pub news_ttl_secs: u64,
}

impl Default for MarketConfig {
    fn default() -> Self {
        Self {
            quotes_base: "https://finnhub.io/api/v1".into(),
            quotes_key: None,
            headlines_base: "https://newsapi.org".into(),
            headlines_key: None,
            upstream_per_minute: 60,
            user_per_minute: 60,
            quote_ttl_secs: 15,
            news_ttl_secs: 600,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Config {
    pub listen: SocketAddr,
    pub data_dir: PathBuf,
    pub max_message_bytes: usize,
    pub token_ttl_days: u32,
    /// How often an open connection re-checks that its token is still valid.
    pub session_recheck: std::time::Duration,
    /// Where desktops reach this relay; `None`: http:// and the listen address.
    pub public_url: Option<String>,
    pub billing: Option<BillingConfig>,
    pub market: MarketConfig,
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
            public_url: None,
            billing: None,
            market: MarketConfig::default(),
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
            public_url: file.public_url,
            billing: billing_config(file.billing)?,
            market: market_config(file.market),
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

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn billing_config(file: Option<BillingFile>) -> Result<Option<BillingConfig>, String> {
    let file = file.unwrap_or_default();
    let Some(key) = env("TEAMSTEAD_STRIPE_SECRET_KEY").or(file.stripe_secret_key) else {
        return Ok(None);
    };
    let config = BillingConfig {
        stripe_secret_key: key,
        webhook_secret: env("TEAMSTEAD_STRIPE_WEBHOOK_SECRET")
            .or(file.stripe_webhook_secret)
            .unwrap_or_default(),
        stripe_api_base: file
            .stripe_api_base
            .unwrap_or_else(|| "https://api.stripe.com".into()),
        grace_days: file.grace_days.unwrap_or(7),
        plans: if file.plans.is_empty() {
            BillingConfig::default_plans()
        } else {
            file.plans
        },
    };
    config.check()?;
    Ok(Some(config))
}

fn market_config(file: Option<MarketConfig>) -> MarketConfig {
    let mut market = file.unwrap_or_default();
    market.quotes_key = env("TEAMSTEAD_FINNHUB_KEY").or(market.quotes_key);
    market.headlines_key = env("TEAMSTEAD_NEWSAPI_KEY").or(market.headlines_key);
    market
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
