//! Attributions kept compactly while the rest of the text is read: each record
//! encoded into blocks of bytes (lengths and numbers as LEB128, strings as
//! their bytes), a few hundred bytes a record instead of a dozen separate
//! allocations, and decoded one at a time when the records are handed out.
//! Blocks are filled, never grown, so keeping records never copies the
//! records kept so far.

use super::record::{Attribution, Speaker, SpeakerKind, Stance};

/// Bytes of a block; a record larger than this gets a block of its own.
const BLOCK: usize = 1 << 20;

/// Records in the order they were pushed.
#[derive(Debug, Default)]
pub struct Compact {
    /// Each block holds whole records: its bytes and how many.
    blocks: Vec<(Vec<u8>, usize)>,
    /// The record being encoded.
    scratch: Vec<u8>,
    len: usize,
}

impl Compact {
    pub fn push(&mut self, a: &Attribution) {
        let mut b = std::mem::take(&mut self.scratch);
        b.clear();
        encode(&mut b, a);
        let room = self
            .blocks
            .last()
            .is_some_and(|(block, _)| block.capacity() - block.len() >= b.len());
        if !room {
            self.blocks
                .push((Vec::with_capacity(BLOCK.max(b.len())), 0));
        }
        if let Some((block, n)) = self.blocks.last_mut() {
            block.extend_from_slice(&b);
            *n += 1;
        }
        self.scratch = b;
        self.len += 1;
    }

    pub fn len(&self) -> usize {
        self.len
    }

    /// The records, decoded, in order.
    pub fn iter(&self) -> impl Iterator<Item = Attribution> + '_ {
        self.blocks.iter().flat_map(|(bytes, n)| {
            let mut r = Cursor { bytes, at: 0 };
            (0..*n).map(move |_| r.attribution())
        })
    }
}

/// Appends `a` to `b`, field after field; `Cursor::attribution` reads it back.
fn encode(b: &mut Vec<u8>, a: &Attribution) {
    put_str(b, &a.source);
    put_opt(b, a.entity.as_deref());
    b.push(match a.rel {
        Stance::Asserts => 0,
        Stance::Denies => 1,
    });
    put_str(b, &a.claim);
    put_list(b, &a.cites);
    put_str(b, &a.cue);
    put_num(b, a.sentence);
    put_num(b, a.span[0]);
    put_num(b, a.span[1]);
    put_list(b, &a.relays);
    put_str(b, &a.mention);
    put_num(b, a.speakers.len());
    for sp in &a.speakers {
        put_str(b, &sp.name);
        put_opt(b, sp.entity.as_deref());
        b.push(match sp.kind {
            None => 0,
            Some(SpeakerKind::Person) => 1,
            Some(SpeakerKind::Organization) => 2,
            Some(SpeakerKind::Country) => 3,
        });
        put_opt(b, sp.role.as_deref());
        put_opt(b, sp.part_of.as_deref());
    }
}

fn put_num(b: &mut Vec<u8>, mut n: usize) {
    while n >= 0x80 {
        b.push((n as u8) | 0x80);
        n >>= 7;
    }
    b.push(n as u8);
}

fn put_str(b: &mut Vec<u8>, s: &str) {
    put_num(b, s.len());
    b.extend_from_slice(s.as_bytes());
}

fn put_opt(b: &mut Vec<u8>, s: Option<&str>) {
    match s {
        None => b.push(0),
        Some(s) => {
            b.push(1);
            put_str(b, s);
        }
    }
}

fn put_list(b: &mut Vec<u8>, list: &[String]) {
    put_num(b, list.len());
    for s in list {
        put_str(b, s);
    }
}

/// Reads back what `Compact::push` wrote, in the same order.
struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn byte(&mut self) -> u8 {
        let b = self.bytes[self.at];
        self.at += 1;
        b
    }

    fn num(&mut self) -> usize {
        let mut n = 0;
        let mut shift = 0;
        loop {
            let b = self.byte();
            n |= usize::from(b & 0x7f) << shift;
            if b < 0x80 {
                return n;
            }
            shift += 7;
        }
    }

    fn string(&mut self) -> String {
        let len = self.num();
        let s = String::from_utf8_lossy(&self.bytes[self.at..self.at + len]).into_owned();
        self.at += len;
        s
    }

    fn opt(&mut self) -> Option<String> {
        (self.byte() == 1).then(|| self.string())
    }

    fn list(&mut self) -> Vec<String> {
        let n = self.num();
        (0..n).map(|_| self.string()).collect()
    }

    fn attribution(&mut self) -> Attribution {
        let source = self.string();
        let entity = self.opt();
        let rel = match self.byte() {
            0 => Stance::Asserts,
            _ => Stance::Denies,
        };
        let claim = self.string();
        let cites = self.list();
        let cue = self.string();
        let sentence = self.num();
        let span = [self.num(), self.num()];
        let relays = self.list();
        let mention = self.string();
        let n = self.num();
        let speakers = (0..n).map(|_| self.speaker()).collect();
        Attribution {
            source,
            entity,
            rel,
            claim,
            cites,
            cue,
            sentence,
            span,
            relays,
            mention,
            speakers,
        }
    }

    fn speaker(&mut self) -> Speaker {
        let name = self.string();
        let entity = self.opt();
        let kind = match self.byte() {
            1 => Some(SpeakerKind::Person),
            2 => Some(SpeakerKind::Organization),
            3 => Some(SpeakerKind::Country),
            _ => None,
        };
        let role = self.opt();
        let part_of = self.opt();
        Speaker {
            name,
            entity,
            kind,
            role,
            part_of,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every field, empty or not, multi-byte text and large numbers come back as pushed.
    #[test]
    fn records_come_back_as_pushed() {
        let full = Attribution {
            source: "Ana Ruiz".into(),
            entity: Some("ana-ruiz".into()),
            rel: Stance::Denies,
            claim: "the pier – “closed” – is safe".into(),
            cites: vec!["the board".into(), "Tom Hale".into()],
            cue: "denied".into(),
            sentence: 300,
            span: [127, 1 << 40],
            relays: vec!["Tom Hale".into()],
            mention: "she".into(),
            speakers: vec![
                Speaker {
                    name: "Ana Ruiz".into(),
                    entity: Some("ana-ruiz".into()),
                    kind: Some(SpeakerKind::Person),
                    role: Some("senator".into()),
                    part_of: Some("Green Party".into()),
                },
                Speaker {
                    name: "Tom Hale".into(),
                    kind: Some(SpeakerKind::Country),
                    ..Speaker::default()
                },
                Speaker {
                    kind: Some(SpeakerKind::Organization),
                    ..Speaker::default()
                },
            ],
        };
        let bare = Attribution {
            source: String::new(),
            entity: None,
            rel: Stance::Asserts,
            claim: "x".repeat(200),
            cites: Vec::new(),
            cue: String::new(),
            sentence: 0,
            span: [0, 128],
            relays: Vec::new(),
            mention: String::new(),
            speakers: Vec::new(),
        };
        let mut kept = Compact::default();
        for a in [&full, &bare, &full] {
            kept.push(a);
        }
        assert_eq!(kept.len(), 3);
        let back: Vec<Attribution> = kept.iter().collect();
        assert_eq!(back, [full.clone(), bare.clone(), full.clone()]);
        // Records fill several blocks, one of them larger than a block.
        let long = Attribution {
            claim: "y".repeat(BLOCK + 10),
            ..bare.clone()
        };
        let mut kept = Compact::default();
        let order = [&full, &long, &bare, &long, &full];
        for _ in 0..3 {
            for a in order {
                kept.push(a);
            }
        }
        assert!(kept.blocks.len() >= 6, "{}", kept.blocks.len());
        assert!(kept.iter().zip(order.iter().cycle()).all(|(a, b)| &a == *b));
        assert_eq!(kept.iter().count(), 15);
    }
}
