//! A tiny deterministic PRNG (SplitMix64) and stream derivation.
//!
//! Written here rather than taken from `rand` so that the output of a seed can never change with a
//! dependency upgrade: the same seed must give byte-identical corpora years from now.

/// SplitMix64 (Steele, Lea, Flood 2014): one 64-bit state word, full period, good enough
/// statistical quality for picking templates and figures.
#[derive(Clone, Debug)]
pub struct Rng {
    state: u64,
}

const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

/// Mixes one word (the SplitMix64 finaliser).
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Rng {
    /// A stream for one purpose: `seed`, a purpose tag and up to two indices, so that the fact
    /// numbered `j` is the same whatever else was generated before it.
    pub fn derive(seed: u64, tag: u64, a: u64, b: u64) -> Rng {
        let s = mix(seed ^ mix(tag.wrapping_add(GOLDEN)));
        let s = mix(s ^ mix(a.wrapping_mul(GOLDEN).wrapping_add(1)));
        let s = mix(s ^ mix(b.wrapping_mul(GOLDEN).wrapping_add(2)));
        Rng { state: s }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN);
        mix(self.state)
    }

    /// Uniform in `0..n` (`n > 0`; 0 when `n == 0`). Multiply-shift: no modulo bias worth the name
    /// for the small `n` used here.
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        if hi <= lo {
            return lo;
        }
        lo + self.below((hi - lo + 1) as usize) as u64
    }

    /// True with probability `p` percent.
    pub fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_are_reproducible_and_distinct() {
        let a: Vec<u64> = (0..4).map(|_| Rng::derive(7, 1, 2, 3).next_u64()).collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]));
        assert_ne!(
            Rng::derive(7, 1, 2, 3).next_u64(),
            Rng::derive(7, 1, 3, 2).next_u64()
        );
        assert_ne!(
            Rng::derive(7, 1, 2, 3).next_u64(),
            Rng::derive(8, 1, 2, 3).next_u64()
        );
    }

    #[test]
    fn below_stays_in_range_and_covers_it() {
        let mut r = Rng::derive(1, 0, 0, 0);
        let mut seen = [false; 5];
        for _ in 0..1000 {
            let x = r.below(5);
            assert!(x < 5);
            seen[x] = true;
        }
        assert!(seen.iter().all(|&s| s));
        assert_eq!(r.below(0), 0);
        assert_eq!(r.range(3, 3), 3);
    }
}
