//! What an outage spike costs a feed origin: a discrete-time simulator of N Telltale
//! widgets polling one status feed while the origin fails for 30 minutes.
//!
//! Run it with `cargo run --release --example outage_sim`. It prints, for N = 10^4, 10^6
//! and 10^7 widgets, the peak and mean requests per second that reach the origin during
//! the outage and after it, with each measure added in turn: a fixed interval, ±20%
//! jitter, exponential backoff with full jitter, honouring `Retry-After`, and a CDN cache.
//! docs/outage-analysis.md explains the figures.
//!
//! How it stays fast at 10^7 widgets: widgets are not objects. A widget's whole state is
//! when it polls next and how many polls in a row have failed, so the simulator keeps
//! *counts*: `due[second][failures]` is how many widgets poll in that second with that
//! failure count. Each second, every non-empty cohort makes its requests, sees the
//! origin's answer for that second, and is scattered over future seconds by a
//! multinomial draw from its delay distribution. Those distributions are tabulated once
//! per (failure count, answer) by calling the real `telltale::core::schedule` functions
//! at 4,096 evenly spaced jitter values, so the simulator runs the widget's actual rules.
//! Randomness (initial phases, multinomial draws, cache hits) comes from one seeded
//! SplitMix64 generator per scenario, so every run prints the same table.

use std::time::Instant;
use telltale::core::schedule::{next_poll_delay_ms, Outcome, Plan, RetryAfter, Schedule};

/// The widget's refresh interval: the default `refresh` attribute.
const REFRESH_SECS: u32 = 60;
/// The origin fails every request in `[0, OUTAGE_SECS)` and answers every one after.
const OUTAGE_SECS: usize = 30 * 60;
/// The measured window starts when the outage does and lasts this long.
const MEASURED_SECS: usize = 60 * 60;
/// Steady readers poll for this long before the outage, so their phases settle.
const WARMUP_SECS: usize = 10 * 60;
/// In the news-spike scenario, every page loads within this many seconds of the start.
const SPIKE_SECS: usize = 10;
/// What the failing origin sends with its 503s.
const RETRY_AFTER_HEADER: &str = "300";
/// CDN points of presence in front of the origin.
const EDGES: usize = 100;
/// The feed's `Cache-Control: max-age`, also applied to cached errors.
const EDGE_TTL_SECS: usize = 30;
/// Failure counts above this are merged: the backoff reaches its cap at 4 failures, so
/// the delay distribution no longer changes long before.
const MAX_LEVEL: usize = 16;
const LEVELS: usize = MAX_LEVEL + 1;
/// Jitter values at which each delay distribution is tabulated.
const GRID: usize = 4096;
/// The longest delay any rule can produce (`Retry-After` is honoured up to an hour and
/// spread up to 20% above), plus room for rounding.
const MAX_DELAY_SECS: usize = 4320 + 60;
/// The seed of the whole run; each scenario mixes in its own index.
const SEED: u64 = 0x7e11_7a1e_2024_0501;

/// SplitMix64: tiny, fast, seedable, and good enough for load modelling.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`, 53 bits.
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Standard normal (Box–Muller).
    fn normal(&mut self) -> f64 {
        let u1 = 1.0 - self.unit(); // (0, 1]: ln is finite
        let u2 = self.unit();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }

    /// A Binomial(n, p) draw: exact for small counts (Bernoulli trials, or inversion of
    /// the pmf while the mean is small), the normal approximation for large ones, where
    /// its error is far below one request per second.
    fn binomial(&mut self, n: u64, p: f64) -> u64 {
        if n == 0 || p <= 0.0 {
            return 0;
        }
        if p >= 1.0 {
            return n;
        }
        if p > 0.5 {
            return n - self.binomial(n, 1.0 - p);
        }
        if n < 32 {
            return (0..n).filter(|_| self.unit() < p).count() as u64;
        }
        let mean = n as f64 * p;
        if mean < 30.0 {
            let q = 1.0 - p;
            let ratio = p / q;
            let mut pmf = (n as f64 * q.ln()).exp();
            let mut cdf = pmf;
            let u = self.unit();
            let mut k = 0;
            while u > cdf && k < n {
                pmf *= (n - k) as f64 / (k + 1) as f64 * ratio;
                k += 1;
                cdf += pmf;
                if pmf < 1e-300 {
                    break;
                }
            }
            return k;
        }
        let draw = mean + (mean * (1.0 - p)).sqrt() * self.normal();
        draw.round().clamp(0.0, n as f64) as u64
    }
}

/// The client behaviours compared, each adding one measure to the one before.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Policy {
    /// Poll every 60 s exactly, failed or not.
    Fixed,
    /// Poll every 60 s ± 20%, failed or not.
    Jitter,
    /// Telltale's schedule, ignoring `Retry-After`.
    Backoff,
    /// Telltale's schedule as shipped: backoff and `Retry-After`.
    RetryAfter,
}

impl Policy {
    const ALL: [Policy; 4] = [
        Policy::Fixed,
        Policy::Jitter,
        Policy::Backoff,
        Policy::RetryAfter,
    ];

    fn label(self) -> &'static str {
        match self {
            Policy::Fixed => "fixed 60 s, no jitter",
            Policy::Jitter => "+ ±20% jitter",
            Policy::Backoff => "+ backoff, full jitter",
            Policy::RetryAfter => "+ Retry-After: 300",
        }
    }

    /// The failure count a widget carries after a poll. The baseline policies do not
    /// count failures; they only mark a failed widget (level 1) so that its recovery
    /// can be counted.
    fn next_level(self, level: usize, failing: bool) -> usize {
        match self {
            Policy::Fixed | Policy::Jitter => usize::from(failing),
            Policy::Backoff | Policy::RetryAfter if failing => (level + 1).min(MAX_LEVEL),
            Policy::Backoff | Policy::RetryAfter => 0,
        }
    }

    /// The delay in milliseconds after a poll by a widget with `level` failures behind
    /// it, at jitter `unit` — by the real rules of `core::schedule` where they apply.
    fn delay_ms(self, level: usize, failing: bool, unit: f64) -> u64 {
        match self {
            Policy::Fixed => u64::from(REFRESH_SECS) * 1000,
            Policy::Jitter => next_poll_delay_ms(REFRESH_SECS, unit),
            Policy::Backoff | Policy::RetryAfter => {
                let mut schedule = Schedule::new(REFRESH_SECS);
                let plain_failure = Outcome::Failed {
                    status: Some(503),
                    retry_after: None,
                };
                for _ in 0..level {
                    schedule.plan(plain_failure, 0, 0.5);
                }
                let outcome = if !failing {
                    Outcome::Fresh
                } else if self == Policy::RetryAfter {
                    Outcome::Failed {
                        status: Some(503),
                        retry_after: RetryAfter::parse(RETRY_AFTER_HEADER, 0),
                    }
                } else {
                    plain_failure
                };
                match schedule.plan(outcome, 0, unit) {
                    Plan::After { delay_ms } => delay_ms,
                    // Not produced for these outcomes; a minute is the harmless reading.
                    Plan::WhenVisible | Plan::WhenOnline => 60_000,
                }
            }
        }
    }
}

/// A delay distribution in whole seconds: the delays that occur and their probabilities.
struct Dist {
    delays: Vec<usize>,
    probs: Vec<f64>,
    cdf: Vec<f64>,
}

impl Dist {
    /// Tabulates `delay_ms` at `GRID` evenly spaced jitter values.
    fn tabulate(delay_ms: impl Fn(f64) -> u64) -> Dist {
        let mut counts = vec![0u32; MAX_DELAY_SECS + 1];
        for k in 0..GRID {
            let unit = (k as f64 + 0.5) / GRID as f64;
            // Round to the nearest second: truncating would shorten every cycle by half
            // a second on average and inflate the request rate.
            let secs = ((delay_ms(unit) + 500) / 1000).clamp(1, MAX_DELAY_SECS as u64);
            counts[secs as usize] += 1;
        }
        let mut dist = Dist {
            delays: Vec::new(),
            probs: Vec::new(),
            cdf: Vec::new(),
        };
        let mut total = 0.0;
        for (secs, &count) in counts.iter().enumerate().filter(|(_, &c)| c > 0) {
            let p = f64::from(count) / GRID as f64;
            total += p;
            dist.delays.push(secs);
            dist.probs.push(p);
            dist.cdf.push(total);
        }
        dist
    }

    /// Scatters `count` widgets over their next seconds, calling `land(delay, how_many)`.
    fn scatter(&self, count: u64, rng: &mut Rng, mut land: impl FnMut(usize, u64)) {
        if count < self.delays.len() as u64 {
            // Few widgets: draw each one.
            for _ in 0..count {
                let u = rng.unit();
                let j = self
                    .cdf
                    .partition_point(|&c| c <= u)
                    .min(self.delays.len() - 1);
                land(self.delays[j], 1);
            }
            return;
        }
        // Many widgets: a multinomial draw as a chain of binomials.
        let mut left = count;
        let mut mass = 1.0;
        for (j, (&delay, &p)) in self.delays.iter().zip(&self.probs).enumerate() {
            if left == 0 {
                break;
            }
            let here = if j + 1 == self.delays.len() {
                left
            } else {
                rng.binomial(left, (p / mass).min(1.0))
            };
            if here > 0 {
                land(delay, here);
            }
            left -= here;
            mass -= p;
        }
    }
}

/// The delay distributions of one policy: `[failure count][origin failing]`.
fn tables(policy: Policy) -> Vec<[Dist; 2]> {
    (0..LEVELS)
        .map(|level| {
            [false, true]
                .map(|failing| Dist::tabulate(|unit| policy.delay_ms(level, failing, unit)))
        })
        .collect()
}

/// How the widgets arrive.
#[derive(Clone, Copy)]
enum Start {
    /// Already polling at random phases when the outage begins.
    Steady,
    /// Every page opens within the first `SPIKE_SECS` of the outage (a news spike).
    Spike,
}

impl Start {
    fn title(self) -> String {
        match self {
            Start::Steady => {
                "A. Steady readers: N widgets already polling at random phases when the \
                 origin fails"
                    .to_owned()
            }
            Start::Spike => {
                format!("B. News spike: N pages open within the first {SPIKE_SECS} s of the outage")
            }
        }
    }
}

/// Requests per second at some point, indexed from the start of the warm-up.
type Series = Vec<u64>;

/// What one simulated population did.
struct Run {
    /// Requests the widgets sent, per second.
    requests: Series,
    /// Seconds from the origin's recovery until 99% of the widgets had a good answer.
    catch_up_secs: Option<usize>,
}

/// Runs N widgets of one policy.
fn simulate(policy: Policy, start: Start, widgets: u64, table: &[[Dist; 2]], rng: &mut Rng) -> Run {
    let total = WARMUP_SECS + MEASURED_SECS;
    let mut due = vec![[0u64; LEVELS]; total + MAX_DELAY_SECS + 1];
    let (first, spread) = match start {
        Start::Steady => (0, REFRESH_SECS as usize),
        Start::Spike => (WARMUP_SECS, SPIKE_SECS),
    };
    // Uniform arrival over `spread` seconds, as a multinomial draw.
    let mut left = widgets;
    for k in 0..spread {
        let here = rng.binomial(left, 1.0 / (spread - k) as f64);
        due[first + k][0] += here;
        left -= here;
    }
    let mut requests = vec![0u64; total];
    let recovery = WARMUP_SECS + OUTAGE_SECS;
    let mut recovered = 0u64;
    let mut catch_up_secs = None;
    for second in 0..total {
        let failing = (WARMUP_SECS..WARMUP_SECS + OUTAGE_SECS).contains(&second);
        for level in 0..LEVELS {
            let count = due[second][level];
            if count == 0 {
                continue;
            }
            requests[second] += count;
            // A widget that failed before and polls after the recovery gets a good answer.
            if second >= recovery && level > 0 {
                recovered += count;
                if catch_up_secs.is_none() && recovered * 100 >= widgets * 99 {
                    catch_up_secs = Some(second - recovery);
                }
            }
            let next = policy.next_level(level, failing);
            table[level][usize::from(failing)].scatter(count, rng, |delay, n| {
                due[second + delay][next] += n;
            });
        }
    }
    Run {
        requests,
        catch_up_secs,
    }
}

/// What reaches the origin through a CDN of `EDGES` caches with `EDGE_TTL_SECS` max-age.
///
/// Clients spread evenly over the edges. An edge whose copy has expired and that gets at
/// least one request in a second fetches once from the origin (request collapsing) and
/// serves that answer — a 503 included — for the max-age. Steady readers find the edges
/// warm at random points of their max-age; a news spike may find them cold, all at once.
fn through_cdn(clients: &Series, start: Start, rng: &mut Rng) -> Series {
    let mut fresh_until = [0usize; EDGES];
    if let Start::Steady = start {
        for until in &mut fresh_until {
            *until = (rng.unit() * EDGE_TTL_SECS as f64) as usize;
        }
    }
    let miss_none = 1.0 - 1.0 / EDGES as f64;
    clients
        .iter()
        .enumerate()
        .map(|(second, &requests)| {
            let any_request = 1.0 - miss_none.powf(requests as f64);
            let mut fetches = 0;
            for until in &mut fresh_until {
                if second >= *until && rng.unit() < any_request {
                    fetches += 1;
                    *until = second + EDGE_TTL_SECS;
                }
            }
            fetches
        })
        .collect()
}

/// Peak and mean requests per second over `[from, to)` seconds after the outage began.
fn stats(series: &Series, from: usize, to: usize) -> (u64, f64) {
    let window = &series[WARMUP_SECS + from..WARMUP_SECS + to];
    let peak = window.iter().copied().max().unwrap_or(0);
    let mean = window.iter().sum::<u64>() as f64 / window.len() as f64;
    (peak, mean)
}

/// `1234567` → `1,234,567`.
fn grouped(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn mean_text(mean: f64) -> String {
    if mean >= 100.0 {
        grouped(mean.round() as u64)
    } else {
        format!("{mean:.1}")
    }
}

fn row(n_label: &str, label: &str, origin: &Series, clients: &Series, catch_up: &str) -> String {
    let (outage_peak, outage_mean) = stats(origin, 0, OUTAGE_SECS);
    let (after_peak, after_mean) = stats(origin, OUTAGE_SECS, MEASURED_SECS);
    let measured = WARMUP_SECS..WARMUP_SECS + MEASURED_SECS;
    let reached: u64 = origin[measured.clone()].iter().sum();
    let sent: u64 = clients[measured].iter().sum();
    let share = if sent == 0 {
        0.0
    } else {
        100.0 * reached as f64 / sent as f64
    };
    let share = format!("{share:.3}%");
    format!(
        "{n_label:<6} {label:<24} {:>11} {:>11} {:>11} {:>11} {share:>8} {catch_up:>9}",
        grouped(outage_peak),
        mean_text(outage_mean),
        grouped(after_peak),
        mean_text(after_mean),
    )
}

fn main() {
    let started = Instant::now();
    let sizes: [(&str, u64); 3] = [("10^4", 10_000), ("10^6", 1_000_000), ("10^7", 10_000_000)];
    let tables: Vec<Vec<[Dist; 2]>> = Policy::ALL.iter().map(|&p| tables(p)).collect();

    println!("Telltale outage-spike simulator (seed {SEED:#x})");
    println!(
        "refresh {REFRESH_SECS} s; the origin answers 503 (Retry-After: {RETRY_AFTER_HEADER}) \
         to every request for the first {} min, then 200",
        OUTAGE_SECS / 60
    );
    println!(
        "CDN row: {EDGES} edges, max-age {EDGE_TTL_SECS} s, request collapsing, errors cached \
         for the max-age; clients as in the row above it"
    );
    println!("figures are requests per second at the origin, in 1-second buckets;");
    println!("catch-up: seconds after the recovery until 99% of widgets have had a good answer");
    let mut scenario = 0u64;
    for start in [Start::Steady, Start::Spike] {
        println!();
        println!("{}", start.title());
        println!(
            "{:<6} {:<24} {:>23} {:>23} {:>8} {:>9}",
            "", "", "outage (0-30 min)", "after (30-60 min)", "origin", "catch-up"
        );
        println!(
            "{:<6} {:<24} {:>11} {:>11} {:>11} {:>11} {:>8} {:>9}",
            "N", "measure", "peak/s", "mean/s", "peak/s", "mean/s", "share", "s"
        );
        for (n_label, widgets) in sizes {
            let mut fixed_clients = None;
            for (policy, table) in Policy::ALL.iter().zip(&tables) {
                scenario += 1;
                let mut rng = Rng(SEED ^ scenario.wrapping_mul(0x9e37_79b9_7f4a_7c15));
                let run = simulate(*policy, start, widgets, table, &mut rng);
                let clients = &run.requests;
                let catch_up = run
                    .catch_up_secs
                    .map_or_else(|| "-".to_owned(), |s| s.to_string());
                println!(
                    "{}",
                    row(n_label, policy.label(), clients, clients, &catch_up)
                );
                if *policy == Policy::Fixed {
                    fixed_clients = Some(run.requests.clone());
                }
                if *policy == Policy::RetryAfter {
                    let origin = through_cdn(clients, start, &mut rng);
                    // Cached errors can hide the recovery from a client for one max-age.
                    let catch_up = run
                        .catch_up_secs
                        .map_or_else(|| "-".to_owned(), |s| format!("<={}", s + EDGE_TTL_SECS));
                    let label = "+ CDN cache, max-age 30";
                    println!("{}", row(n_label, label, &origin, clients, &catch_up));
                    // The cache alone, in front of the naive clients, for comparison.
                    if let Some(fixed) = &fixed_clients {
                        let origin = through_cdn(fixed, start, &mut rng);
                        let label = "fixed 60 s + CDN only";
                        println!("{}", row(n_label, label, &origin, fixed, "-"));
                    }
                }
            }
        }
    }
    eprintln!("simulated in {:.1} s", started.elapsed().as_secs_f64());
}
