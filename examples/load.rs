//! A small load client for `subsidy serve` (issue 15): CONNECTIONS threads,
//! each sending REQUESTS keep-alive GETs of PATH in turn over one TCP
//! connection, bounded in requests and time. Prints requests per second,
//! p50 and p99 latency and the errors (any status but 200, any I/O fault).
//! Usage: cargo run --release --example load -- ADDR PATH [CONNECTIONS] [REQUESTS]
//! (see benches/serve.sh)

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1);
    let addr = args.next().expect("ADDR, e.g. 127.0.0.1:8080");
    let path = args
        .next()
        .expect("PATH, e.g. /api/v1/calc?facility=clinic");
    let connections: usize = args.next().map_or(8, |n| n.parse().expect("CONNECTIONS"));
    let requests: usize = args.next().map_or(2000, |n| n.parse().expect("REQUESTS"));
    let started = Instant::now();
    let workers: Vec<_> = (0..connections)
        .map(|_| {
            let (addr, path) = (addr.clone(), path.clone());
            std::thread::spawn(move || run(&addr, &path, requests))
        })
        .collect();
    let mut latencies = Vec::new();
    let mut errors = 0usize;
    for worker in workers {
        let (times, failed) = worker.join().expect("a worker");
        latencies.extend(times);
        errors += failed;
    }
    let elapsed = started.elapsed();
    latencies.sort();
    let at = |q: f64| latencies[((latencies.len() as f64 * q) as usize).min(latencies.len() - 1)];
    println!(
        "{path}: {} requests over {connections} connections in {:.2} s: {:.0} requests/s, p50 {:.2} ms, p99 {:.2} ms, {errors} errors",
        latencies.len(),
        elapsed.as_secs_f64(),
        latencies.len() as f64 / elapsed.as_secs_f64(),
        at(0.50).as_secs_f64() * 1000.0,
        at(0.99).as_secs_f64() * 1000.0,
    );
}

/// `requests` GETs over one connection: each one's latency, and how many failed.
fn run(addr: &str, path: &str, requests: usize) -> (Vec<Duration>, usize) {
    let stream = TcpStream::connect(addr).expect("the server listens");
    stream.set_read_timeout(Some(Duration::from_secs(10))).ok();
    let mut writer = stream.try_clone().expect("a second handle");
    let mut reader = BufReader::new(stream);
    let request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: keep-alive\r\n\r\n");
    let mut times = Vec::with_capacity(requests);
    let mut failed = 0;
    let mut line = String::new();
    for _ in 0..requests {
        let start = Instant::now();
        if writer.write_all(request.as_bytes()).is_err() {
            failed += 1;
            continue;
        }
        line.clear();
        if reader.read_line(&mut line).is_err() {
            failed += 1;
            continue;
        }
        let ok = line.starts_with("HTTP/1.1 200");
        let mut length = 0usize;
        loop {
            line.clear();
            if reader.read_line(&mut line).is_err() || line == "\r\n" || line.is_empty() {
                break;
            }
            if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                length = value.trim().parse().unwrap_or(0);
            }
        }
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).is_err() || !ok {
            failed += 1;
        }
        times.push(start.elapsed());
    }
    (times, failed)
}
