//! Writing a file so that a crash or a full disk leaves either the old file or the new one, never a mix.

use std::io::{self, Write};
use std::path::Path;

/// Replaces `path` with `contents`: a temp file in the same folder, flushed to disk, renamed over the
/// target, then the folder flushed so the rename itself survives a power cut.
///
/// On error the old file, if any, is untouched and the temp file is removed.
pub fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    write_atomically_with(path, |file| file.write_all(contents))
}

/// Like [`write_atomically`], with `write` filling the temp file; if it fails, nothing is replaced.
pub fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> io::Result<()>,
) -> io::Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the path names no file"))?;
    if path.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "the target is a folder",
        ));
    }
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{}.", name.to_string_lossy()))
        .suffix(".tmp")
        .tempfile_in(folder)?;
    write(temp.as_file_mut())?;
    keep_permissions(path, temp.as_file())?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|err| err.error)?;
    sync_folder(folder);
    Ok(())
}

/// A temp file is private (0600); the saved file keeps the mode of the one it replaces, or the usual 0644.
#[cfg(unix)]
fn keep_permissions(path: &Path, temp: &std::fs::File) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path)
        .map(|meta| meta.permissions().mode())
        .unwrap_or(0o644);
    temp.set_permissions(std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn keep_permissions(_path: &Path, _temp: &std::fs::File) -> io::Result<()> {
    Ok(())
}

#[cfg(unix)]
fn sync_folder(folder: &Path) {
    // Best effort: some file systems refuse to fsync a directory, and the data is already safe on disk.
    if let Ok(dir) = std::fs::File::open(folder) {
        let _ = dir.sync_all();
    }
}

#[cfg(not(unix))]
fn sync_folder(_folder: &Path) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pack.ron");
        write_atomically(&path, b"old").unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "only the saved file is left: {names:?}");
    }

    #[test]
    fn a_folder_in_the_way_is_an_error_and_stays() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("taken");
        std::fs::create_dir(&target).unwrap();
        assert!(write_atomically(&target, b"x").is_err());
        assert!(target.is_dir());
    }

    #[test]
    fn a_missing_folder_is_an_error_and_the_old_file_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gone").join("pack.ron");
        assert!(write_atomically(&path, b"x").is_err());
        assert!(!path.exists());
    }

    /// A writer that accepts `left` bytes, then fails as a full disk does.
    struct FailsAfter {
        left: usize,
    }

    impl Write for FailsAfter {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.left == 0 {
                return Err(io::Error::new(io::ErrorKind::StorageFull, "no space left"));
            }
            let n = buf.len().min(self.left);
            self.left -= n;
            Ok(n)
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_write_that_fails_half_way_leaves_the_old_file_and_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pack.ron");
        write_atomically(&path, b"old").unwrap();
        let result = write_atomically_with(&path, |file| {
            file.write_all(b"partial")?;
            FailsAfter { left: 10 }.write_all(&[b'x'; 100])
        });
        assert_eq!(result.unwrap_err().kind(), io::ErrorKind::StorageFull);
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_parent_that_is_a_file_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a-file");
        std::fs::write(&file, "x").unwrap();
        assert!(write_atomically(&file.join("pack.ron"), b"x").is_err());
        assert_eq!(std::fs::read(&file).unwrap(), b"x");
    }

    #[cfg(unix)]
    #[test]
    fn keeps_the_mode_of_the_file_it_replaces() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pack.ron");
        std::fs::write(&path, b"old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&path, b"new").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }
}
