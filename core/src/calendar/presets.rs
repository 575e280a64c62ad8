//! The State Council's holiday tables (部分节假日安排), compiled in and selected by name:
//! each year's public holidays (放假) and make-up working days (调休上班).
//!
//! | preset | notice |
//! |---|---|
//! | `cn-2025` | 国务院办公厅关于2025年部分节假日安排的通知, 国办发明电〔2024〕12号, 2024-11-12 |
//! | `cn-2026` | 国务院办公厅关于2026年部分节假日安排的通知, 国办发明电〔2025〕7号, 2025-11-04 |
//!
//! A break lists every day off, weekends inside it included. The text of both notices
//! was checked as Xinhua published it (reprinted by gmw.cn:
//! m.gmw.cn/2024-11/12/content_1303894933.htm and
//! politics.gmw.cn/2025-11/04/content_38391083.htm). The State Council publishes each
//! year's notice around November of the year before; add a preset when it appears.

use chrono::NaiveDate;

/// One year's holiday table as the State Council published it, selected in a calendar's
/// configuration by its [`name`](Preset::name) (`"presets": ["cn-2026"]`).
#[derive(Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Preset {
    /// The name a configuration selects it by: `cn-` and the year.
    pub name: &'static str,
    /// The year whose holidays it lists; a calendar with the preset covers this year.
    pub year: i32,
    /// The notice it was taken from.
    pub notice: &'static str,
    /// The breaks (假期), in order.
    pub breaks: &'static [Break],
}

/// One break of a holiday table: its days off, from `first` to `last` (both included), and
/// the make-up working days (调休上班日) that go with it.
#[derive(Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Break {
    /// The festival in English: `Spring Festival`.
    pub name: &'static str,
    /// The festival as the notice names it: `春节`.
    pub chinese: &'static str,
    /// The first day off.
    pub first: NaiveDate,
    /// The last day off.
    pub last: NaiveDate,
    /// The weekend days worked instead, in order.
    pub make_up_days: &'static [NaiveDate],
}

impl Preset {
    /// The preset with this name (surrounding spaces and letter case ignored), if the
    /// library has it.
    pub fn find(name: &str) -> Option<&'static Preset> {
        let name = name.trim();
        PRESETS.iter().find(|p| p.name.eq_ignore_ascii_case(name))
    }

    /// Every day off, in order.
    pub fn holidays(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.breaks
            .iter()
            .flat_map(|b| b.first.iter_days().take_while(move |d| *d <= b.last))
    }

    /// Every make-up working day, in order.
    pub fn make_up_days(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.breaks
            .iter()
            .flat_map(|b| b.make_up_days.iter().copied())
    }
}

/// Every preset the library has, oldest first.
pub const PRESETS: &[Preset] = &[CN_2025, CN_2026];

/// The presets the default calendar selects: every year the library has a table for.
pub const DEFAULT_PRESETS: [&str; 2] = ["cn-2025", "cn-2026"];

// The panics below are in constants, so they are evaluated (and ruled out) at compile time.

/// A date, for constants.
const fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("a valid date"),
    }
}

/// The breaks of one year's table: name, Chinese name, first and last day off (month/day),
/// and the make-up working days.
macro_rules! breaks {
    ($year:literal: $(
        $name:literal $chinese:literal ($fm:literal / $fd:literal - $lm:literal / $ld:literal)
        work [$($wm:literal / $wd:literal),*];
    )*) => {
        &[$(Break {
            name: $name,
            chinese: $chinese,
            first: day($year, $fm, $fd),
            last: day($year, $lm, $ld),
            make_up_days: &[$(day($year, $wm, $wd)),*],
        }),*]
    };
}

/// 2025: 国办发明电〔2024〕12号.
const CN_2025: Preset = Preset {
    name: "cn-2025",
    year: 2025,
    notice: "国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024-11-12)",
    breaks: breaks! { 2025:
        "New Year's Day" "元旦" (1/1 - 1/1) work [];
        "Spring Festival" "春节" (1/28 - 2/4) work [1/26, 2/8];
        "Qingming Festival" "清明节" (4/4 - 4/6) work [];
        "Labour Day" "劳动节" (5/1 - 5/5) work [4/27];
        "Dragon Boat Festival" "端午节" (5/31 - 6/2) work [];
        "National Day and Mid-Autumn Festival" "国庆节、中秋节" (10/1 - 10/8) work [9/28, 10/11];
    },
};

/// 2026: 国办发明电〔2025〕7号.
const CN_2026: Preset = Preset {
    name: "cn-2026",
    year: 2026,
    notice: "国务院办公厅关于2026年部分节假日安排的通知 (国办发明电〔2025〕7号, 2025-11-04)",
    breaks: breaks! { 2026:
        "New Year's Day" "元旦" (1/1 - 1/3) work [1/4];
        "Spring Festival" "春节" (2/15 - 2/23) work [2/14, 2/28];
        "Qingming Festival" "清明节" (4/4 - 4/6) work [];
        "Labour Day" "劳动节" (5/1 - 5/5) work [5/9];
        "Dragon Boat Festival" "端午节" (6/19 - 6/21) work [];
        "Mid-Autumn Festival" "中秋节" (9/25 - 9/27) work [];
        "National Day" "国庆节" (10/1 - 10/7) work [9/20, 10/10];
    },
};
