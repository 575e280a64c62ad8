//! A small deterministic generator (SplitMix64): the same seed gives the same city and
//! the same requests on every face and every machine.

/// SplitMix64: 64 bits of state, stepped by a constant and mixed.
#[derive(Clone, Debug)]
pub struct Mix(u64);

impl Mix {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Mix {
        Mix(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi` (`lo` when `hi < lo`).
    pub fn between(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi.saturating_sub(lo) + 1)
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64().checked_rem(n).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::Mix;

    #[test]
    fn splitmix64_vector() {
        // SplitMix64 from seed 0: the reference generator's first output.
        assert_eq!(Mix::new(0).next_u64(), 0xE220_A839_7B1D_CDAF);
    }
}
