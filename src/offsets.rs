//! Turning the core's byte offsets into the unit the caller asked for.

use crate::report::{Account, Comparison, OffsetUnit};

/// Converts byte offsets of one text into code points or UTF-16 code units.
///
/// Keeps a checkpoint every [`OffsetMap::STRIDE`] bytes so that each lookup
/// counts at most that many bytes, whatever the order of the lookups.
pub(crate) struct OffsetMap<'t> {
    text: &'t str,
    unit: OffsetUnit,
    /// `checkpoints[i]` is the unit offset of the first char boundary at or
    /// after byte `i * STRIDE`, with that boundary's byte offset.
    checkpoints: Vec<(usize, usize)>,
}

impl<'t> OffsetMap<'t> {
    const STRIDE: usize = 64;

    pub(crate) fn new(text: &'t str, unit: OffsetUnit) -> OffsetMap<'t> {
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / Self::STRIDE + 1);
        let mut units = 0;
        // A checkpoint's boundary is the first byte of its block that is not
        // a continuation byte; the bytes it skips count no unit, so the
        // units before it are those of the blocks before.
        for (n, block) in bytes.chunks(Self::STRIDE).enumerate() {
            let start = n * Self::STRIDE;
            let lead = block
                .iter()
                .position(|&b| b & 0xC0 != 0x80)
                .unwrap_or(block.len());
            checkpoints.push((start + lead, units));
            units += count_units(block, unit);
        }
        if bytes.len() % Self::STRIDE == 0 {
            checkpoints.push((bytes.len(), units));
        }
        OffsetMap {
            text,
            unit,
            checkpoints,
        }
    }

    /// The offset in the chosen unit of byte offset `byte`, which must lie on
    /// a char boundary (the core only makes such offsets).
    pub(crate) fn convert(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        let index = (byte / Self::STRIDE).min(self.checkpoints.len() - 1);
        let (at, units) = self.checkpoints[index];
        if at > byte {
            // The checkpoint sits past `byte` only when `byte` is inside a char.
            return units;
        }
        // A block that is all ASCII (as many units as bytes up to the next
        // checkpoint: every other char has fewer units than bytes) counts
        // one unit a byte.
        if let Some(&(next_at, next_units)) = self.checkpoints.get(index + 1) {
            if next_at - at == next_units - units {
                return units + (byte - at);
            }
        }
        let bytes = self.text.as_bytes().get(at..byte).unwrap_or_default();
        units + count_units(bytes, self.unit)
    }
}

/// The units of the chars that begin in `bytes`: one per char (its first
/// byte is not a continuation byte), and in UTF-16 one more per char beyond
/// the BMP (its first byte is 0xF0 or more). A plain byte loop, which the
/// compiler vectorises, where walking `chars()` decodes each one.
fn count_units(bytes: &[u8], unit: OffsetUnit) -> usize {
    let mut units = bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count();
    if unit == OffsetUnit::Utf16 {
        units += bytes.iter().filter(|&&b| b >= 0xF0).count();
    }
    units
}

/// Rewrites every offset of a byte-offset comparison into `unit`.
pub(crate) fn remap(result: &mut Comparison, a: &str, b: &str, unit: OffsetUnit) {
    result.offsets = unit;
    remap_account(&mut result.a, &OffsetMap::new(a, unit));
    remap_account(&mut result.b, &OffsetMap::new(b, unit));
}

fn remap_account(account: &mut Account, map: &OffsetMap<'_>) {
    account.length = map.convert(account.length);
    for ignored in &mut account.ignored {
        ignored.start = map.convert(ignored.start);
        ignored.end = map.convert(ignored.end);
    }
    for claim in &mut account.claims {
        claim.start = map.convert(claim.start);
        claim.end = map.convert(claim.end);
        claim.sentence.start = map.convert(claim.sentence.start);
        claim.sentence.end = map.convert(claim.sentence.end);
        if let Some(predicate) = &mut claim.predicate {
            predicate.start = map.convert(predicate.start);
            predicate.end = map.convert(predicate.end);
        }
        for span in &mut claim.repeats {
            span.start = map.convert(span.start);
            span.end = map.convert(span.end);
        }
        for entity in &mut claim.entities {
            entity.start = map.convert(entity.start);
            entity.end = map.convert(entity.end);
        }
        for time in &mut claim.times {
            time.start = map.convert(time.start);
            time.end = map.convert(time.end);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_every_boundary_in_both_units() {
        assert_converts_every_boundary(&"a😀é\u{301}ж".repeat(200));
    }

    /// Every char boundary of `text` converts to the count of code points
    /// or UTF-16 units before it.
    fn assert_converts_every_boundary(text: &str) {
        for unit in [OffsetUnit::Chars, OffsetUnit::Utf16] {
            let map = OffsetMap::new(text, unit);
            for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let expected = match unit {
                    OffsetUnit::Chars => text[..byte].chars().count(),
                    OffsetUnit::Utf16 => text[..byte].encode_utf16().count(),
                };
                assert_eq!(
                    map.convert(byte),
                    expected,
                    "byte {byte} in {unit:?} of {text:?}"
                );
            }
        }
    }

    #[test]
    fn ascii_blocks_and_block_edges() {
        // ASCII runs of every length around the stride, then wide chars, so
        // that blocks are ASCII, mixed, or start inside a char.
        for ascii in 0..140 {
            let text = format!("{}😀ж{}é😀", "a".repeat(ascii), "b".repeat(ascii % 70));
            assert_converts_every_boundary(&text);
        }
    }

    #[test]
    fn empty_text_maps_zero() {
        assert_eq!(OffsetMap::new("", OffsetUnit::Utf16).convert(0), 0);
    }
}
