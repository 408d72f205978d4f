//! `make bench`, the native half (issue 11). `node pkg-config/bench.mjs` builds and runs this.
//!
//! Default mode (`cargo bench --bench engine`): the engine against the floor, `check` next to
//! `serde_json::from_str::<serde_json::Value>` of the same text, on the synthetic input
//! (target/bench/synthetic.json, 1,000 connectors, written by benches/generate.mjs) and on the
//! corpus files that are JSON (tests/corpus/; the others have no JSON text to parse, so they are
//! timed for `check` only). Two measurements, both written to target/bench/engine.json:
//! - criterion (short: BENCH_MEASURE_SECS, default 3 s a benchmark) for each side's time per
//!   call: the median and quartiles of its samples;
//! - interleaved rounds for the ratio: each round times a batch of parses and then a batch of
//!   checks of the same text, back to back, so both see the same machine; the ratio's median and
//!   quartiles are over rounds. Per corpus file, and for the corpus and the synthetic input.
//!
//! Serve mode (`engine --serve`): the native side of wasm vs native. Reads `SET ITERATIONS` lines
//! on stdin (SET is `corpus` or `synthetic`), runs `check` over the set that many times and
//! answers the elapsed nanoseconds, so the Node driver can alternate native and wasm batches in
//! one run. `info` answers what was loaded (files and bytes), to confirm both sides read the
//! same texts.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

/// Nothing to run on wasm32 (`cargo clippy --target wasm32-unknown-unknown --all-targets`).
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::Criterion;
    use msk_connect_lint::{check, FailOn, Options};
    use std::cell::RefCell;
    use std::collections::BTreeMap;
    use std::hint::black_box;
    use std::io::{BufRead, Write};
    use std::path::PathBuf;
    use std::rc::Rc;
    use std::time::{Duration, Instant};

    /// Each benchmark's calls: (iterations, elapsed).
    type Samples = BTreeMap<String, Vec<(u64, Duration)>>;

    pub fn root() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
    }

    fn env_f64(name: &str, default: f64) -> f64 {
        std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
    }

    /// UTF-8, else ISO-8859-1: as the CLIs and pkg-config/bench.mjs read files.
    fn decode(bytes: Vec<u8>) -> String {
        String::from_utf8(bytes).unwrap_or_else(|e| e.into_bytes().iter().map(|&b| b as char).collect())
    }

    /// The corpus files in name order (tests/corpus/, MANIFEST.tsv lists them), as (name, text).
    pub fn corpus() -> Vec<(String, String)> {
        let dir = std::env::var_os("CORPUS").map(PathBuf::from).unwrap_or_else(|| root().join("tests").join("corpus"));
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|entry| entry.ok())
            .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .filter(|name| name != "MANIFEST.tsv")
            .collect();
        names.sort();
        names.into_iter().map(|name| (name.clone(), decode(std::fs::read(dir.join(&name)).unwrap()))).collect()
    }

    pub fn synthetic_path() -> PathBuf {
        std::env::var_os("BENCH_SYNTHETIC").map(PathBuf::from).unwrap_or_else(|| root().join("target").join("bench").join("synthetic.json"))
    }

    pub fn synthetic() -> String {
        let path = synthetic_path();
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e} (run `node benches/generate.mjs` first)", path.display()))
    }

    /// A fixed `today` (no clock read in the timed code) and no failing: the same as the Node side.
    pub fn options() -> Options {
        Options { today: Some("2026-01-15".into()), fail_on: FailOn::Never, ..Options::default() }
    }

    fn parse_floor(text: &str) -> bool {
        serde_json::from_str::<serde_json::Value>(black_box(text)).is_ok()
    }

    fn check_one(text: &str, options: &Options) -> usize {
        match check(black_box(text), options) {
            Ok(report) => report.findings.len(),
            Err(_) => 0,
        }
    }

    pub fn main() {
        if std::env::args().any(|a| a == "--serve") {
            return serve();
        }
        let options = options();
        let corpus = corpus();
        let json: Vec<&(String, String)> = corpus.iter().filter(|(_, text)| parse_floor(text)).collect();
        let synthetic = synthetic();
        let measure = Duration::from_secs_f64(env_f64("BENCH_MEASURE_SECS", 3.0));
        let warm_up = Duration::from_secs_f64(env_f64("BENCH_WARMUP_SECS", 1.0));
        let sample_size = env_f64("BENCH_SAMPLES", 20.0).max(10.0) as usize;
        let mut criterion = Criterion::default()
            .measurement_time(measure)
            .warm_up_time(warm_up)
            .sample_size(sample_size)
            .without_plots()
            .output_directory(&root().join("target").join("criterion"))
            .configure_from_args();

        // Each benchmark records (iterations, elapsed) of every call; the last `sample_size` are
        // the measurement's samples (the calls before them are criterion's warm-up).
        let samples: Rc<RefCell<Samples>> = Rc::default();
        let bench = |criterion: &mut Criterion, id: &str, run: &dyn Fn()| {
            let record = Rc::clone(&samples);
            criterion.bench_function(id, |b| {
                b.iter_custom(|iters| {
                    let start = Instant::now();
                    for _ in 0..iters {
                        run();
                    }
                    let elapsed = start.elapsed();
                    record.borrow_mut().entry(id.to_string()).or_default().push((iters, elapsed));
                    elapsed
                })
            });
        };
        let json_texts: Vec<&str> = json.iter().map(|(_, t)| t.as_str()).collect();
        let all_texts: Vec<&str> = corpus.iter().map(|(_, t)| t.as_str()).collect();
        bench(&mut criterion, "synthetic/parse", &|| {
            black_box(parse_floor(&synthetic));
        });
        bench(&mut criterion, "synthetic/check", &|| {
            black_box(check_one(&synthetic, &options));
        });
        bench(&mut criterion, "corpus-json/parse", &|| {
            json_texts.iter().for_each(|t| {
                black_box(parse_floor(t));
            })
        });
        bench(&mut criterion, "corpus-json/check", &|| {
            json_texts.iter().for_each(|t| {
                black_box(check_one(t, &options));
            })
        });
        bench(&mut criterion, "corpus-all/check", &|| {
            all_texts.iter().for_each(|t| {
                black_box(check_one(t, &options));
            })
        });
        criterion.final_summary();

        let mut criterion_rows = serde_json::Map::new();
        for (id, calls) in samples.borrow().iter() {
            let measured = &calls[calls.len().saturating_sub(sample_size)..];
            let per_call: Vec<f64> = measured.iter().map(|(iters, d)| d.as_secs_f64() * 1e9 / *iters as f64).collect();
            criterion_rows.insert(id.clone(), stats(&per_call));
        }

        // Interleaved ratios: check / parse, per round.
        let batch = Duration::from_secs_f64(env_f64("BENCH_BATCH_MS", 2.0) / 1000.0);
        let rounds = env_f64("BENCH_ROUNDS", 15.0).max(5.0) as usize;
        let mut per_file = Vec::new();
        for (name, text) in &json {
            let r = interleaved(|| parse_floor(text), || check_one(text, &options), batch, rounds);
            per_file.push(serde_json::json!({ "file": name, "bytes": text.len(), "parseNs": r.0, "checkNs": r.1, "ratio": r.2 }));
        }
        let corpus_ratio = interleaved(
            || json_texts.iter().map(|t| parse_floor(t) as usize).sum::<usize>(),
            || json_texts.iter().map(|t| check_one(t, &options)).sum::<usize>(),
            batch.max(Duration::from_millis(20)),
            rounds,
        );
        let synthetic_ratio =
            interleaved(|| parse_floor(&synthetic), || check_one(&synthetic, &options), batch.max(Duration::from_millis(20)), rounds);

        let non_json: Vec<&str> = corpus.iter().filter(|(_, t)| !parse_floor(t)).map(|(n, _)| n.as_str()).collect();
        let out = serde_json::json!({
            "settings": { "measureSecs": measure.as_secs_f64(), "warmUpSecs": warm_up.as_secs_f64(), "samples": sample_size, "rounds": rounds, "batchMs": batch.as_secs_f64() * 1000.0 },
            "inputs": {
                "synthetic": { "path": synthetic_path().strip_prefix(root()).unwrap_or(&synthetic_path()).display().to_string(), "bytes": synthetic.len() },
                "corpusJson": { "files": json.len(), "bytes": json_texts.iter().map(|t| t.len()).sum::<usize>() },
                "corpusAll": { "files": corpus.len(), "bytes": all_texts.iter().map(|t| t.len()).sum::<usize>() },
                "corpusNotJson": non_json,
            },
            "criterion": criterion_rows,
            "ratios": {
                "synthetic": { "parseNs": synthetic_ratio.0, "checkNs": synthetic_ratio.1, "ratio": synthetic_ratio.2 },
                "corpusJson": { "parseNs": corpus_ratio.0, "checkNs": corpus_ratio.1, "ratio": corpus_ratio.2 },
                "perFile": per_file,
            },
        });
        let path = root().join("target").join("bench").join("engine.json");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, format!("{}\n", serde_json::to_string_pretty(&out).unwrap())).unwrap();
        eprintln!("written to {}", path.display());
    }

    /// Median, quartiles, min and max of `xs`.
    fn stats(xs: &[f64]) -> serde_json::Value {
        let mut s = xs.to_vec();
        s.sort_by(|a, b| a.total_cmp(b));
        let q = |p: f64| {
            if s.is_empty() {
                return 0.0;
            }
            let at = p * (s.len() - 1) as f64;
            let (lo, hi) = (at.floor() as usize, at.ceil() as usize);
            s[lo] + (s[hi] - s[lo]) * (at - lo as f64)
        };
        serde_json::json!({ "median": q(0.5), "p25": q(0.25), "p75": q(0.75), "min": s.first(), "max": s.last(), "n": s.len() })
    }

    /// Times `a` and `b` in alternating batches of the same size; returns the stats of a's and
    /// b's time per call (ns) and of b/a per round. Which goes first alternates too.
    fn interleaved<A: Fn() -> R1, B: Fn() -> R2, R1, R2>(
        a: A,
        b: B,
        batch: Duration,
        rounds: usize,
    ) -> (serde_json::Value, serde_json::Value, serde_json::Value) {
        let time = |f: &dyn Fn(), n: u64| {
            let start = Instant::now();
            for _ in 0..n {
                f();
            }
            start.elapsed().as_secs_f64() * 1e9 / n as f64
        };
        let fa = || {
            black_box(a());
        };
        let fb = || {
            black_box(b());
        };
        // Warm up, then size the batch on the slower side.
        time(&fa, 3);
        time(&fb, 3);
        let one = time(&fa, 3).max(time(&fb, 3)).max(1.0);
        let n = ((batch.as_secs_f64() * 1e9 / one).ceil() as u64).max(1);
        let (mut ta, mut tb, mut ratio) = (Vec::new(), Vec::new(), Vec::new());
        for round in 0..rounds {
            let (x, y) = if round % 2 == 0 {
                let x = time(&fa, n);
                (x, time(&fb, n))
            } else {
                let y = time(&fb, n);
                (time(&fa, n), y)
            };
            ta.push(x);
            tb.push(y);
            ratio.push(y / x);
        }
        (stats(&ta), stats(&tb), stats(&ratio))
    }

    /// The native side of wasm vs native: `check` over a set, timed here, on request.
    fn serve() {
        let options = options();
        let corpus = corpus();
        let synthetic = synthetic();
        let sets: BTreeMap<&str, Vec<&str>> =
            BTreeMap::from([("corpus", corpus.iter().map(|(_, t)| t.as_str()).collect()), ("synthetic", vec![synthetic.as_str()])]);
        let stdin = std::io::stdin();
        let mut out = std::io::stdout().lock();
        for line in stdin.lock().lines() {
            let line = line.unwrap();
            let mut words = line.split_whitespace();
            let reply = match (words.next(), words.next()) {
                (Some("info"), _) => {
                    let info: serde_json::Map<String, serde_json::Value> = sets
                        .iter()
                        .map(|(name, texts)| {
                            let findings: usize = texts.iter().map(|t| check_one(t, &options)).sum();
                            let bytes: usize = texts.iter().map(|t| t.len()).sum();
                            (name.to_string(), serde_json::json!({ "files": texts.len(), "bytes": bytes, "findings": findings }))
                        })
                        .collect();
                    serde_json::Value::Object(info).to_string()
                }
                (Some(set), Some(n)) if sets.contains_key(set) => {
                    let texts = &sets[set];
                    let n: u64 = n.parse().unwrap_or(1);
                    let start = Instant::now();
                    for _ in 0..n {
                        for text in texts {
                            black_box(check_one(text, &options));
                        }
                    }
                    start.elapsed().as_nanos().to_string()
                }
                _ => format!("error: unknown request {line:?}"),
            };
            writeln!(out, "{reply}").unwrap();
            out.flush().unwrap();
        }
    }
}
