//! The byte layer of a snapshot: little-endian numbers and length-prefixed strings written
//! to a buffer, and a reader that checks every length against what is left, so that a
//! damaged snapshot is an error, never a panic.

/// Marks an absent optional string or number.
const NONE: u32 = u32::MAX;

/// Why a snapshot could not be read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Corrupt(pub &'static str);

/// Appends values to a byte buffer.
#[derive(Debug, Default)]
pub(crate) struct Writer {
    pub(crate) buf: Vec<u8>,
}

impl Writer {
    pub(crate) fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }

    pub(crate) fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub(crate) fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    /// A count or index, which snapshots keep in 32 bits.
    pub(crate) fn len(&mut self, n: usize) -> Result<(), Corrupt> {
        match u32::try_from(n) {
            Ok(v) if v != NONE => {
                self.u32(v);
                Ok(())
            }
            _ => Err(Corrupt("a count does not fit in 32 bits")),
        }
    }

    pub(crate) fn str(&mut self, s: &str) -> Result<(), Corrupt> {
        self.len(s.len())?;
        self.buf.extend_from_slice(s.as_bytes());
        Ok(())
    }

    pub(crate) fn opt_str(&mut self, s: Option<&str>) -> Result<(), Corrupt> {
        match s {
            Some(s) => self.str(s),
            None => {
                self.u32(NONE);
                Ok(())
            }
        }
    }

    /// A list of numbers: its length, then each number.
    pub(crate) fn u32s(&mut self, v: &[u32]) -> Result<(), Corrupt> {
        self.len(v.len())?;
        self.buf.reserve(v.len() * 4);
        for &x in v {
            self.u32(x);
        }
        Ok(())
    }

    pub(crate) fn opt_u32(&mut self, v: Option<u32>) -> Result<(), Corrupt> {
        match v {
            Some(v) if v != NONE => {
                self.u32(v);
                Ok(())
            }
            Some(_) => Err(Corrupt("a value does not fit in 32 bits")),
            None => {
                self.u32(NONE);
                Ok(())
            }
        }
    }
}

/// Reads values back from a byte slice, in the order they were written.
#[derive(Debug)]
pub(crate) struct Reader<'a> {
    buf: &'a [u8],
}

impl<'a> Reader<'a> {
    pub(crate) fn new(buf: &'a [u8]) -> Self {
        Reader { buf }
    }

    /// Whether every byte has been read.
    pub(crate) fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }

    pub(crate) fn bytes(&mut self, n: usize) -> Result<&'a [u8], Corrupt> {
        if n > self.buf.len() {
            return Err(Corrupt("the snapshot ends early"));
        }
        let (head, rest) = self.buf.split_at(n);
        self.buf = rest;
        Ok(head)
    }

    pub(crate) fn u8(&mut self) -> Result<u8, Corrupt> {
        Ok(self.bytes(1)?[0])
    }

    pub(crate) fn u32(&mut self) -> Result<u32, Corrupt> {
        let mut b = [0u8; 4];
        b.copy_from_slice(self.bytes(4)?);
        Ok(u32::from_le_bytes(b))
    }

    pub(crate) fn u64(&mut self) -> Result<u64, Corrupt> {
        let mut b = [0u8; 8];
        b.copy_from_slice(self.bytes(8)?);
        Ok(u64::from_le_bytes(b))
    }

    /// A count: also bounded by the bytes left, so that a damaged count cannot make a
    /// reader reserve gigabytes (every counted item takes at least `min_item` bytes).
    pub(crate) fn count(&mut self, min_item: usize) -> Result<usize, Corrupt> {
        let n = self.u32()? as usize;
        if n.saturating_mul(min_item.max(1)) > self.buf.len() {
            return Err(Corrupt("a count is larger than the snapshot"));
        }
        Ok(n)
    }

    /// A list written by [`Writer::u32s`].
    pub(crate) fn u32s(&mut self) -> Result<Vec<u32>, Corrupt> {
        let n = self.count(4)?;
        let bytes = self.bytes(n * 4)?;
        Ok(bytes
            .chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect())
    }

    pub(crate) fn opt_u32(&mut self) -> Result<Option<u32>, Corrupt> {
        let v = self.u32()?;
        Ok((v != NONE).then_some(v))
    }

    pub(crate) fn str(&mut self) -> Result<&'a str, Corrupt> {
        let n = self.u32()? as usize;
        std::str::from_utf8(self.bytes(n)?).map_err(|_| Corrupt("a string is not UTF-8"))
    }

    pub(crate) fn opt_str(&mut self) -> Result<Option<&'a str>, Corrupt> {
        let n = self.u32()?;
        if n == NONE {
            return Ok(None);
        }
        let b = self.bytes(n as usize)?;
        std::str::from_utf8(b)
            .map(Some)
            .map_err(|_| Corrupt("a string is not UTF-8"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_back_in_order() {
        let mut w = Writer::default();
        w.u8(7);
        w.u32(70_000);
        w.u64(1 << 40);
        w.str("héllo").unwrap();
        w.opt_str(None).unwrap();
        w.opt_u32(Some(3)).unwrap();
        let mut r = Reader::new(&w.buf);
        assert_eq!(r.u8(), Ok(7));
        assert_eq!(r.u32(), Ok(70_000));
        assert_eq!(r.u64(), Ok(1 << 40));
        assert_eq!(r.str(), Ok("héllo"));
        assert_eq!(r.opt_str(), Ok(None));
        assert_eq!(r.opt_u32(), Ok(Some(3)));
        assert!(r.is_empty());
    }

    #[test]
    fn a_truncated_buffer_is_an_error_not_a_panic() {
        let mut w = Writer::default();
        w.str("a long enough string").unwrap();
        for cut in 0..w.buf.len() {
            assert!(Reader::new(&w.buf[..cut]).str().is_err(), "cut at {cut}");
        }
        let huge = u32::MAX - 1;
        assert!(Reader::new(&huge.to_le_bytes()).count(1).is_err());
    }
}
