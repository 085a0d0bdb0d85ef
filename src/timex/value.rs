//! Calendar values, their TIMEX3 spelling and the interval of days each covers.
//!
//! Arithmetic is done with the `time` crate's `Date`, which checks every step
//! (`checked_add`, `from_calendar_date`) so nothing here can overflow or panic:
//! an impossible value is `None`, and the caller drops the expression.

use time::{Date, Duration, Month};

use super::lexicon::Unit;

/// A point on the calendar, as precise as the text made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Point {
    /// A whole day.
    Day(Date),
    /// A part of a day (`MO`, `AF`, `EV`, `NI`).
    DayPart(Date, &'static str),
    /// A clock time on a day.
    DayTime(Date, u8, u8),
    /// An ISO week, by its Monday.
    Week(Date),
    /// The weekend of an ISO week, by the week's Monday.
    Weekend(Date),
    /// A month.
    Month(i32, u8),
    /// A year.
    Year(i32),
    /// A decade, by its first three digits (`199` is the 1990s).
    Decade(i32),
    /// A season of a year (`SP`, `SU`, `FA`, `WI`; winter starts in December).
    Season(i32, &'static str),
    /// A quarter (`1`–`4`) of a year.
    Quarter(i32, u8),
    /// A half (`1`, `2`) of a year.
    Half(i32, u8),
    /// A value the text leaves underspecified (`XXXX-01-19`, `REF+P1D`), with
    /// the unit that would make it a range's length.
    Loose(String, Unit),
}

/// A closed interval of days; `None` at an end means open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Interval {
    /// First day, or open.
    pub begin: Option<Date>,
    /// Last day, or open.
    pub end: Option<Date>,
}

impl Interval {
    /// The interval `[begin, end]`.
    pub fn closed(begin: Date, end: Date) -> Interval {
        Interval {
            begin: Some(begin),
            end: Some(end),
        }
    }
}

/// `YYYY-MM-DD`.
pub(super) fn iso(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// A day from numbers that may come straight from the text.
pub(super) fn day(year: i32, month: u8, day: u32) -> Option<Date> {
    let month = Month::try_from(month).ok()?;
    let day = u8::try_from(day).ok()?;
    Date::from_calendar_date(year, month, day).ok()
}

/// `date` moved by `days` (negative: back).
pub(super) fn add_days(date: Date, days: i64) -> Option<Date> {
    date.checked_add(Duration::days(days))
}

/// The (year, month) `months` months after (or before) `year`-`month`.
pub(super) fn add_months(year: i32, month: u8, months: i64) -> Option<(i32, u8)> {
    let index = i64::from(year)
        .checked_mul(12)?
        .checked_add(i64::from(month) - 1)?
        .checked_add(months)?;
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let month = u8::try_from(index.rem_euclid(12) + 1).ok()?;
    Some((year, month))
}

/// The Monday of `date`'s ISO week.
pub(super) fn monday_of(date: Date) -> Option<Date> {
    add_days(date, -i64::from(date.weekday().number_days_from_monday()))
}

fn month_span(year: i32, month: u8) -> Option<(Date, Date)> {
    let first = day(year, month, 1)?;
    let last = day(year, month, u32::from(first.month().length(year)))?;
    Some((first, last))
}

fn months_span(year: i32, first_month: u8, count: i64) -> Option<(Date, Date)> {
    let (begin, _) = month_span(year, first_month)?;
    let (y, m) = add_months(year, first_month, count - 1)?;
    let (_, end) = month_span(y, m)?;
    Some((begin, end))
}

impl Point {
    /// The TIMEX3 value.
    pub fn value(&self) -> String {
        match self {
            Point::Day(d) => iso(*d),
            Point::DayPart(d, part) => format!("{}T{part}", iso(*d)),
            Point::DayTime(d, h, m) => format!("{}T{h:02}:{m:02}", iso(*d)),
            Point::Week(monday) => {
                let (year, week, _) = monday.to_iso_week_date();
                format!("{year:04}-W{week:02}")
            }
            Point::Weekend(monday) => {
                let (year, week, _) = monday.to_iso_week_date();
                format!("{year:04}-W{week:02}-WE")
            }
            Point::Month(y, m) => format!("{y:04}-{m:02}"),
            Point::Year(y) => format!("{y:04}"),
            Point::Decade(d) => format!("{d:03}"),
            Point::Season(y, s) => format!("{y:04}-{s}"),
            Point::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Point::Half(y, h) => format!("{y:04}-H{h}"),
            Point::Loose(value, _) => value.clone(),
        }
    }

    /// TIMEX3 type: `TIME` for clock times and parts of days, else `DATE`.
    pub fn kind(&self) -> &'static str {
        match self {
            Point::DayPart(..) | Point::DayTime(..) => "TIME",
            Point::Loose(value, _) if value.contains('T') => "TIME",
            _ => "DATE",
        }
    }

    /// The days it covers, if it is resolved to the calendar.
    pub fn span(&self) -> Option<(Date, Date)> {
        match *self {
            Point::Day(d) | Point::DayPart(d, _) | Point::DayTime(d, _, _) => Some((d, d)),
            Point::Week(monday) => Some((monday, add_days(monday, 6)?)),
            Point::Weekend(monday) => Some((add_days(monday, 5)?, add_days(monday, 6)?)),
            Point::Month(y, m) => month_span(y, m),
            Point::Year(y) => months_span(y, 1, 12),
            Point::Decade(d) => {
                let first = d.checked_mul(10)?;
                Some((day(first, 1, 1)?, day(first.checked_add(9)?, 12, 31)?))
            }
            Point::Season(y, s) => {
                let first = match s {
                    "SP" => 3,
                    "SU" => 6,
                    "FA" => 9,
                    _ => 12,
                };
                months_span(y, first, 3)
            }
            Point::Quarter(y, q) => months_span(y, q.saturating_sub(1) * 3 + 1, 3),
            Point::Half(y, h) => months_span(y, h.saturating_sub(1) * 6 + 1, 6),
            Point::Loose(..) => None,
        }
    }

    /// The unit a range of such points is counted in.
    pub fn unit(&self) -> Unit {
        match self {
            Point::Day(_) | Point::DayPart(..) | Point::DayTime(..) => Unit::Day,
            Point::Week(_) | Point::Weekend(_) => Unit::Week,
            Point::Month(..) | Point::Season(..) | Point::Quarter(..) | Point::Half(..) => {
                Unit::Month
            }
            Point::Year(_) => Unit::Year,
            Point::Decade(_) => Unit::Decade,
            Point::Loose(_, unit) => *unit,
        }
    }

    /// Whether it names a single day (or a time on one).
    pub fn is_day(&self) -> bool {
        self.unit() == Unit::Day
    }
}

/// The TIMEX3 letter of a unit, and whether it belongs after the `T`.
fn unit_code(unit: Unit) -> (&'static str, bool) {
    match unit {
        Unit::Second => ("S", true),
        Unit::Minute => ("M", true),
        Unit::Hour => ("H", true),
        Unit::Day => ("D", false),
        Unit::Week => ("W", false),
        Unit::Month => ("M", false),
        Unit::Year => ("Y", false),
        Unit::Decade => ("DE", false),
        Unit::Century => ("CE", false),
    }
}

/// A TIMEX3 duration value: `P10D`, `PT24H`, `PXW` (`None`: unknown amount).
pub(super) fn duration_value(amount: Option<u32>, unit: Unit) -> String {
    let amount = amount.map_or_else(|| "X".to_string(), |n| n.to_string());
    duration_written(&amount, unit)
}

/// A TIMEX3 duration value with the amount as written (`1.5`, `X`).
pub(super) fn duration_written(amount: &str, unit: Unit) -> String {
    let (code, clock) = unit_code(unit);
    format!("P{}{amount}{code}", if clock { "T" } else { "" })
}

/// A day `amount` units away from `from` (back if `sign` is negative), for
/// anchoring durations. Clock units round up to whole days.
pub(super) fn shift(from: Date, amount: u32, unit: Unit, sign: i64) -> Option<Date> {
    let n = i64::from(amount);
    let days = match unit {
        Unit::Second => 0,
        Unit::Minute => 0,
        Unit::Hour => (n + 23) / 24,
        Unit::Day => n,
        Unit::Week => n.checked_mul(7)?,
        Unit::Month | Unit::Year | Unit::Decade | Unit::Century => {
            let months = match unit {
                Unit::Month => n,
                Unit::Year => n.checked_mul(12)?,
                Unit::Decade => n.checked_mul(120)?,
                _ => n.checked_mul(1200)?,
            };
            let month = u8::from(from.month());
            let (y, m) = add_months(from.year(), month, sign.checked_mul(months)?)?;
            let (_, last) = month_span(y, m)?;
            // 31 January plus a month is the last day of February.
            return day(y, m, u32::from(from.day().min(last.day())));
        }
    };
    add_days(from, sign.checked_mul(days)?)
}

/// The number of days from `a` to `b` (negative if `b` is earlier).
pub(super) fn days_between(a: Date, b: Date) -> i64 {
    i64::from(b.to_julian_day()) - i64::from(a.to_julian_day())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        let n: Vec<u32> = s.split('-').map(|p| p.parse().unwrap()).collect();
        day(n[0] as i32, n[1] as u8, n[2]).unwrap()
    }

    #[test]
    fn values_and_spans() {
        type Case = (Point, &'static str, Option<(&'static str, &'static str)>);
        let cases: &[Case] = &[
            (
                Point::Day(d("2022-01-13")),
                "2022-01-13",
                Some(("2022-01-13", "2022-01-13")),
            ),
            (
                Point::DayTime(d("2022-01-13"), 9, 5),
                "2022-01-13T09:05",
                Some(("2022-01-13", "2022-01-13")),
            ),
            (
                Point::Week(d("2022-01-10")),
                "2022-W02",
                Some(("2022-01-10", "2022-01-16")),
            ),
            (
                Point::Week(d("2021-01-04")),
                "2021-W01",
                Some(("2021-01-04", "2021-01-10")),
            ),
            (
                Point::Weekend(d("2022-01-10")),
                "2022-W02-WE",
                Some(("2022-01-15", "2022-01-16")),
            ),
            (
                Point::Month(2024, 2),
                "2024-02",
                Some(("2024-02-01", "2024-02-29")),
            ),
            (
                Point::Year(2023),
                "2023",
                Some(("2023-01-01", "2023-12-31")),
            ),
            (
                Point::Season(2022, "WI"),
                "2022-WI",
                Some(("2022-12-01", "2023-02-28")),
            ),
            (
                Point::Quarter(2023, 2),
                "2023-Q2",
                Some(("2023-04-01", "2023-06-30")),
            ),
            (
                Point::Half(2023, 2),
                "2023-H2",
                Some(("2023-07-01", "2023-12-31")),
            ),
            (
                Point::Loose("XXXX-01-19".into(), Unit::Day),
                "XXXX-01-19",
                None,
            ),
        ];
        for (point, value, span) in cases {
            assert_eq!(point.value(), *value);
            assert_eq!(point.span(), span.map(|(a, b)| (d(a), d(b))), "{value}");
        }
    }

    #[test]
    fn durations_and_shifts() {
        assert_eq!(duration_value(Some(24), Unit::Hour), "PT24H");
        assert_eq!(duration_value(Some(10), Unit::Day), "P10D");
        assert_eq!(duration_value(None, Unit::Week), "PXW");
        assert_eq!(duration_value(Some(1), Unit::Decade), "P1DE");
        let cases: &[(&str, u32, Unit, i64, &str)] = &[
            ("2023-02-01", 10, Unit::Day, 1, "2023-02-11"),
            ("2022-01-12", 24, Unit::Hour, -1, "2022-01-11"),
            ("2022-01-31", 1, Unit::Month, 1, "2022-02-28"),
            ("2022-01-12", 2, Unit::Week, 1, "2022-01-26"),
            ("2022-01-12", 1, Unit::Year, -1, "2021-01-12"),
        ];
        for (from, n, unit, sign, to) in cases {
            assert_eq!(
                shift(d(from), *n, *unit, *sign),
                Some(d(to)),
                "{from} {n} {unit:?}"
            );
        }
        assert_eq!(shift(d("9999-12-01"), 2, Unit::Month, 1), None);
        assert_eq!(add_months(2022, 1, -1), Some((2021, 12)));
        assert_eq!(day(2022, 2, 30), None);
    }
}
