//! Substring search for the hot paths, which run for every setting. Keys and values are short,
//! and `str::find` with a `&str` pattern sets up a Two-Way searcher on every call that costs more
//! than the search itself (8.6% of the instructions of a check of 1,000 connectors went to
//! `StrSearcher::new`). These scan for the needle's first byte and compare from there.

/// The byte offset of the first `needle` in `haystack`, as `str::find` gives it.
pub fn find(haystack: &str, needle: &str) -> Option<usize> {
    position(haystack.as_bytes(), needle.as_bytes(), false)
}

/// Whether `haystack` holds `needle`, as `str::contains` tells.
pub fn contains(haystack: &str, needle: &str) -> bool {
    find(haystack, needle).is_some()
}

/// The byte offset of the first `needle` in `haystack` with ASCII letters compared without case:
/// what `haystack.to_ascii_lowercase().find(needle)` gives for a lowercase needle, without the copy.
pub fn find_ignore_ascii_case(haystack: &str, needle: &str) -> Option<usize> {
    position(haystack.as_bytes(), needle.as_bytes(), true)
}

/// `haystack.to_ascii_lowercase().ends_with(suffix)` for a lowercase suffix, without the copy.
pub fn ends_with_ignore_ascii_case(haystack: &str, suffix: &str) -> bool {
    let (haystack, suffix) = (haystack.as_bytes(), suffix.as_bytes());
    haystack.len() >= suffix.len() && haystack[haystack.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// Byte search: a match of a whole UTF-8 needle in UTF-8 text starts on a character boundary.
fn position(haystack: &[u8], needle: &[u8], ignore_case: bool) -> Option<usize> {
    let Some((&first, rest)) = needle.split_first() else { return Some(0) };
    let last_start = haystack.len().checked_sub(needle.len())?;
    // The first byte in both cases, so the scan for it costs two comparisons a byte.
    let (lower, upper) = match ignore_case {
        true => (first.to_ascii_lowercase(), first.to_ascii_uppercase()),
        false => (first, first),
    };
    let candidates = haystack.get(..=last_start)?.iter().enumerate().filter(|&(_, &b)| b == lower || b == upper);
    for (i, _) in candidates {
        let after = haystack.get(i + 1..i + needle.len())?;
        if if ignore_case { after.eq_ignore_ascii_case(rest) } else { after == rest } {
            return Some(i);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Agrees with the standard library on every pair from a set that has the edge cases:
    /// empty needles and haystacks, needles at the start and the end, longer than the text,
    /// repeated prefixes, multi-byte characters and mixed case.
    #[test]
    fn agrees_with_std() {
        let texts = ["", "a", "aaab", "abab", "xx://y", "é://", "passWORD=1;pwd=2", "PRIVATE KEY-----", "ab", "b", "ééa", "://"];
        for haystack in texts {
            for needle in texts {
                assert_eq!(find(haystack, needle), haystack.find(needle), "{haystack:?} {needle:?}");
                assert_eq!(contains(haystack, needle), haystack.contains(needle), "{haystack:?} {needle:?}");
                let lower = needle.to_ascii_lowercase();
                assert_eq!(find_ignore_ascii_case(haystack, &lower), haystack.to_ascii_lowercase().find(&lower), "{haystack:?} {lower:?}");
                assert_eq!(
                    ends_with_ignore_ascii_case(haystack, &lower),
                    haystack.to_ascii_lowercase().ends_with(&lower),
                    "{haystack:?} {lower:?}"
                );
            }
        }
    }
}
