//! Reading one graph file safely: only a regular file is read (a FIFO would block the open
//! forever, a device such as `/dev/zero` never ends), the file type is checked before the
//! open and again on the open file, the open itself never blocks, and no more is read than
//! the size the file had when opened.

use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

/// The largest graph file read: beyond it loading would need several times as much memory.
pub const MAX_FILE_BYTES: u64 = 4 << 30;

/// Files larger than this are read with the buffer's second half faulted in on another
/// thread meanwhile.
const SPLIT_READ: usize = 16 << 20;

/// What a file that is not a regular file is, for messages ("a FIFO").
pub fn kind_of(meta: &Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        "a folder"
    } else if t.is_fifo() {
        "a FIFO"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_char_device() {
        "a character device"
    } else if t.is_block_device() {
        "a block device"
    } else if t.is_symlink() {
        "a symbolic link"
    } else {
        "not a regular file"
    }
}

/// The error for a file of the wrong type.
fn not_regular(meta: &Metadata) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!(
            "not a regular file ({}); only regular files are read",
            kind_of(meta)
        ),
    )
}

/// The whole of the regular file at `path` (a symbolic link is followed to its target,
/// which must be a regular file too).
pub fn read_regular(path: &Path) -> io::Result<Vec<u8>> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(not_regular(&meta));
    }
    // O_NONBLOCK: should the file have been replaced by a FIFO since it was looked at, the
    // open returns instead of waiting for a writer; the check below then refuses it.
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(not_regular(&meta));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "the file is {} bytes; graph files of at most {} GiB are read",
                meta.len(),
                MAX_FILE_BYTES >> 30
            ),
        ));
    }
    read_sized(file, meta.len() as usize)
}

/// At most `len` bytes of `file` (fewer if it shrank since its size was taken). A large
/// file's buffer is new memory the kernel must map page by page as the read fills it,
/// about half the cost of the read: the second half of the buffer is touched on another
/// thread while the first half is read.
fn read_sized(mut file: File, len: usize) -> io::Result<Vec<u8>> {
    if len < SPLIT_READ {
        let mut bytes = Vec::with_capacity(len);
        file.take(len as u64).read_to_end(&mut bytes)?;
        return Ok(bytes);
    }
    let mut bytes = vec![0u8; len];
    let (first, second) = bytes.split_at_mut(len / 2);
    std::thread::scope(|scope| {
        scope.spawn(|| second.iter_mut().step_by(4096).for_each(|b| *b = 1));
        read_full(&mut file, first)
    })?;
    let n = read_full(&mut file, second)?;
    bytes.truncate(len / 2 + n);
    Ok(bytes)
}

/// Fills as much of `buf` as the file holds; returns how much was read.
fn read_full(file: &mut File, buf: &mut [u8]) -> io::Result<usize> {
    let mut done = 0;
    while done < buf.len() {
        match file.read(&mut buf[done..]) {
            Ok(0) => break,
            Ok(n) => done += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.json");
        std::fs::write(&p, "{}\n").unwrap();
        assert_eq!(read_regular(&p).unwrap(), b"{}\n");
    }

    #[test]
    fn a_large_file_reads_whole_and_in_order() {
        // Above SPLIT_READ the buffer is filled in two halves while another thread maps the
        // second: every byte must land where it belongs.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.json");
        let bytes: Vec<u8> = (0..SPLIT_READ + 12_345).map(|i| (i % 251) as u8).collect();
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(read_regular(&path).unwrap(), bytes);
    }

    #[test]
    fn devices_fifos_and_folders_are_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("f.json");
        assert!(std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success());
        let zero = dir.path().join("z.json");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        for (p, what) in [
            (fifo.as_path(), "a FIFO"),
            (zero.as_path(), "a character device"),
            (dir.path(), "a folder"),
        ] {
            let e = read_regular(p).unwrap_err().to_string();
            assert!(e.contains("not a regular file") && e.contains(what), "{e}");
        }
    }
}
