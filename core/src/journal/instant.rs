//! Instants as the journal writes them (an entry's time, a request's deadlines), written
//! straight into a buffer: the common case of a whole second in a four-digit year at a
//! whole-minute offset, byte for byte what chrono's serialisation writes (RFC 3339, `Z`
//! for UTC), without its formatter's character-at-a-time path. Any other instant is
//! left to chrono.

use chrono::{DateTime, Datelike, FixedOffset, Timelike};
use serde::{Serialize, Serializer};

/// Serialises `at` as chrono does, through the fast path where it applies.
pub(crate) fn serialize<S: Serializer>(
    at: &DateTime<FixedOffset>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut buf = [0u8; 25];
    match write(at, &mut buf).and_then(|n| std::str::from_utf8(&buf[..n]).ok()) {
        Some(text) => serializer.serialize_str(text),
        None => at.serialize(serializer),
    }
}

/// Writes `at` into `buf` and returns its length, or `None` where chrono's own writer
/// is needed: a fraction of a second (or a leap second), a year outside 0 to 9999, or
/// an offset with seconds.
fn write(at: &DateTime<FixedOffset>, buf: &mut [u8; 25]) -> Option<usize> {
    let local = at.naive_local();
    let offset = at.offset().local_minus_utc();
    let year = local.year();
    if local.nanosecond() != 0 || !(0..=9999).contains(&year) || offset % 60 != 0 {
        return None;
    }
    let two = |buf: &mut [u8; 25], at: usize, n: u32| {
        buf[at] = b'0' + (n / 10) as u8;
        buf[at + 1] = b'0' + (n % 10) as u8;
    };
    let year = year as u32;
    two(buf, 0, year / 100);
    two(buf, 2, year % 100);
    buf[4] = b'-';
    two(buf, 5, local.month());
    buf[7] = b'-';
    two(buf, 8, local.day());
    buf[10] = b'T';
    two(buf, 11, local.hour());
    buf[13] = b':';
    two(buf, 14, local.minute());
    buf[16] = b':';
    two(buf, 17, local.second());
    if offset == 0 {
        buf[19] = b'Z';
        return Some(20);
    }
    buf[19] = if offset < 0 { b'-' } else { b'+' };
    let minutes = offset.unsigned_abs() / 60;
    two(buf, 20, minutes / 60);
    buf[22] = b':';
    two(buf, 23, minutes % 60);
    Some(25)
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone};
    use proptest::prelude::*;

    use super::*;

    #[derive(Serialize)]
    struct Fast(#[serde(serialize_with = "serialize")] DateTime<FixedOffset>);

    fn both(at: DateTime<FixedOffset>) -> (String, String) {
        let fast = serde_json::to_string(&Fast(at)).unwrap_or_default();
        let chrono = serde_json::to_string(&at).unwrap_or_default();
        (fast, chrono)
    }

    #[test]
    fn the_usual_instants_are_written_as_chrono_writes_them() {
        for text in [
            "2026-03-01T10:00:00+08:00",
            "2026-03-01T02:00:00Z",
            "1999-12-31T23:59:59-05:30",
            "0000-01-01T00:00:00+14:00",
            "9999-12-31T23:59:59-12:00",
            "2026-03-01T10:00:00.250+08:00",
        ] {
            let at = DateTime::parse_from_rfc3339(text).unwrap_or_default();
            let (fast, chrono) = both(at);
            assert_eq!(fast, chrono, "{text}");
            assert_eq!(fast, format!("\"{text}\""));
        }
    }

    proptest! {
        #[test]
        fn any_instant_is_written_as_chrono_writes_it(
            days in -800_000i64..3_700_000,
            second in 0u32..86_400,
            nano in prop_oneof![Just(0u32), 0u32..2_000_000_000],
            offset in prop_oneof![(-1440i32..=1440).prop_map(|m| m * 60), -86_399i32..86_400],
        ) {
            let Some(date) = NaiveDate::from_num_days_from_ce_opt(days as i32) else {
                return Ok(());
            };
            let Some(time) = chrono::NaiveTime::from_num_seconds_from_midnight_opt(second, nano)
            else {
                return Ok(());
            };
            let (Some(zone), local) = (FixedOffset::east_opt(offset), date.and_time(time)) else {
                return Ok(());
            };
            let Some(at) = zone.from_local_datetime(&local).single() else {
                return Ok(());
            };
            let (fast, chrono) = both(at);
            prop_assert_eq!(fast, chrono);
        }
    }
}
