//! The stress shapes: a long relay chain and one big citation ring.

use std::io::{self, Write};

use super::{sentence, GenOptions, Json, Rng, CLAIM};

/// Claims asserted by the head of a relay chain; more are asserted every 1,000 links.
const HEAD_CLAIMS: usize = 16;

/// Outlets that also assert claims of the citation ring.
const RING_OUTLETS: usize = 10;

/// `opts.claims` entities (at least two), each citing the next; the last is the only ground.
pub(super) fn write_relay_chain<W: Write>(out: &mut Json<W>, opts: &GenOptions) -> io::Result<()> {
    let n = opts.claims.max(2);
    let claims = HEAD_CLAIMS + n / 1000;
    out.open("documents", true)?;
    out.open("entities", false)?;
    for i in 0..n - 1 {
        out.item(i == 0)?;
        write!(
            out.0,
            "{{\"id\":\"e{i}\",\"name\":\"Relay outlet {i}\",\"kind\":\"organization\",\"tags\":[\"media\"]}}"
        )?;
    }
    out.item(false)?;
    write!(
        out.0,
        "{{\"id\":\"e{}\",\"name\":\"Origin Intelligence Service\",\"kind\":\"organization\",\"tags\":[\"intelligence\"]}}",
        n - 1
    )?;
    write_claims(out, opts.seed, claims)?;
    out.open("edges", false)?;
    let mut first = true;
    for i in 0..n - 1 {
        out.edge(&mut first, ('e', i), "cites", ('e', i + 1))?;
        out.raw("}")?;
    }
    for j in 0..claims {
        let by = j.saturating_sub(HEAD_CLAIMS - 1) * 1000;
        out.edge(&mut first, ('e', by.min(n - 1)), "asserts", ('c', j))?;
        out.raw("}")?;
    }
    out.close()
}

/// `opts.claims` claims (at least one) citing each other around one ring; `c0` also cites the
/// intelligence entity `e0`, the ring's one exit.
pub(super) fn write_citation_ring<W: Write>(
    out: &mut Json<W>,
    opts: &GenOptions,
) -> io::Result<()> {
    let n = opts.claims.max(1);
    out.open("documents", true)?;
    out.open("entities", false)?;
    out.item(true)?;
    out.raw("{\"id\":\"e0\",\"name\":\"Ring Source Agency\",\"kind\":\"organization\",\"tags\":[\"intelligence\"]}")?;
    for k in 1..=RING_OUTLETS {
        out.item(false)?;
        write!(
            out.0,
            "{{\"id\":\"e{k}\",\"name\":\"Ring Outlet {k}\",\"kind\":\"organization\",\"tags\":[\"media\"]}}"
        )?;
    }
    write_claims(out, opts.seed, n)?;
    out.open("edges", false)?;
    let mut first = true;
    out.edge(&mut first, ('c', 0), "cites", ('e', 0))?;
    out.raw("}")?;
    for i in 0..n {
        if n > 1 {
            out.edge(&mut first, ('c', i), "cites", ('c', (i + 1) % n))?;
            out.raw("}")?;
        }
        if i % 10 == 0 {
            let outlet = 1 + (i / 10) % RING_OUTLETS;
            out.edge(&mut first, ('e', outlet), "asserts", ('c', i))?;
            out.raw("}")?;
        }
    }
    out.close()
}

/// The claims array: `c0` … with generated texts and nothing else.
fn write_claims<W: Write>(out: &mut Json<W>, seed: u64, claims: usize) -> io::Result<()> {
    let mut buf = String::new();
    out.open("claims", false)?;
    for i in 0..claims {
        let mut rng = Rng::new(seed, CLAIM, i);
        out.item(i == 0)?;
        write!(out.0, "{{\"id\":\"c{i}\",\"text\":")?;
        sentence(&mut rng, &mut buf);
        out.str(&buf)?;
        out.raw("}")?;
    }
    Ok(())
}
