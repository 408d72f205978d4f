//! Byte spans inside the core; 1-based line and UTF-16 column only at the edge.

use serde::Serialize;

/// A half-open byte range into the input text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Range {
    pub start: Position,
    pub end: Position,
}

/// Maps byte offsets to 1-based lines and 1-based UTF-16 columns (what editors and SARIF expect).
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    /// On long lines, every `CHECKPOINT_STRIDE` bytes: a byte offset and its column (in UTF-16
    /// units from the line's start), so a column is counted from the nearest checkpoint, not from
    /// the start of a line that may be the whole (minified) input.
    checkpoints: Vec<(usize, usize)>,
}

const CHECKPOINT_STRIDE: usize = 1024;

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        let mut checkpoints = Vec::new();
        // Lines are found with `find` (memchr); characters are only walked on lines long enough
        // to need checkpoints, which most inputs do not have.
        let mut start = 0;
        while let Some(rest) = text.get(start..) {
            let newline = rest.find('\n');
            let line = newline.map_or(rest, |n| &rest[..=n]);
            if line.len() > CHECKPOINT_STRIDE {
                let (mut units, mut next_checkpoint) = (0, CHECKPOINT_STRIDE);
                for (i, c) in line.char_indices() {
                    if i >= next_checkpoint {
                        checkpoints.push((start + i, units));
                        next_checkpoint = i + CHECKPOINT_STRIDE;
                    }
                    units += c.len_utf16();
                }
            }
            let Some(n) = newline else { break };
            start += n + 1;
            line_starts.push(start);
        }
        LineIndex { text, line_starts, checkpoints }
    }

    pub fn position(&self, offset: usize) -> Position {
        let offset = self.floor_char_boundary(offset.min(self.text.len()));
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line];
        let nearest = self.checkpoints.partition_point(|&(at, _)| at <= offset);
        let (from, units) = match nearest.checked_sub(1).map(|i| self.checkpoints[i]) {
            Some((at, units)) if at >= start => (at, units),
            _ => (start, 0),
        };
        let between = &self.text[from..offset];
        let column = units + if between.is_ascii() { between.len() } else { between.encode_utf16().count() } + 1;
        Position { line: line + 1, column }
    }

    pub fn range(&self, span: Span) -> Range {
        Range { start: self.position(span.start), end: self.position(span.end) }
    }

    /// The text of the 1-based line, without its line break.
    pub fn line_text(&self, line: usize) -> &'a str {
        let Some(&start) = self.line_starts.get(line.wrapping_sub(1)) else { return "" };
        let end = self.line_starts.get(line).map_or(self.text.len(), |&next| next);
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }

    fn floor_char_boundary(&self, mut offset: usize) -> usize {
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_utf16_units() {
        let text = "a=1\n\u{1F600}x=2\n";
        let index = LineIndex::new(text);
        assert_eq!(index.position(0), Position { line: 1, column: 1 });
        assert_eq!(index.position(4), Position { line: 2, column: 1 });
        // The emoji is 4 bytes and 2 UTF-16 units.
        assert_eq!(index.position(8), Position { line: 2, column: 3 });
        assert_eq!(index.line_text(2), "\u{1F600}x=2");
        assert_eq!(index.position(text.len()), Position { line: 3, column: 1 });
    }

    #[test]
    fn columns_on_long_lines_count_from_checkpoints_alike() {
        let text = format!("x\n{}", "é\u{1F600}ab".repeat(5_000));
        let index = LineIndex::new(&text);
        assert!(!index.checkpoints.is_empty());
        for (offset, _) in text.char_indices().step_by(997) {
            let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let expected = text[start..offset].encode_utf16().count() + 1;
            assert_eq!(index.position(offset).column, expected, "at {offset}");
        }
    }
}
