//! The trend chart: pain lines (first steps in the morning, during the run,
//! after it) over distance bars, in SVG: daily points, or weekly ones over
//! long ranges. Each series is one `<path>`,
//! so the chart is a handful of elements whether it shows a week or years.
//! Coordinates are whole numbers in a large view box, which keeps float
//! formatting out of the module.
//!
//! The chart is an image with a title and a description (the trend in
//! words); the entries table below it carries the same data as text.

use std::fmt::Write;

use yew::prelude::*;

use crate::{
    KnowledgeBase,
    diary::{Date, Entry},
    knowledge::Ui,
    units::DistanceUnit,
};

const W: i64 = 4800;
const H: i64 = 2400;
const LEFT: i64 = 420;
const RIGHT: i64 = 4380;
const TOP: i64 = 120;
const BOTTOM: i64 = 1950;

/// A round top for the distance axis, at or above `max`.
fn axis_top(max: f64) -> i64 {
    const STEPS: [i64; 12] = [5, 10, 15, 20, 30, 40, 50, 75, 100, 150, 200, 300];
    STEPS.into_iter().find(|s| *s as f64 >= max).unwrap_or(((max / 100.0).ceil() as i64) * 100)
}

/// Past this many days, the chart shows weekly points: the mean of each
/// week's scores and the week's total distance, which stays readable over
/// years where daily points would merge into a band.
const DAILY_UP_TO: i32 = 120;

/// One point per week from `start`, dated at the week's first day: the
/// rounded mean of each pain series over the days that have it, and the
/// week's distance.
fn weekly(entries: &[Entry], start: Date) -> Vec<Entry> {
    let mut weeks: Vec<Entry> = Vec::new();
    let mut sums = [(0u32, 0u32); 3];
    let mean = |(sum, n): (u32, u32)| (n > 0).then(|| ((sum + n / 2) / n) as u8);
    let flush = |weeks: &mut Vec<Entry>, sums: &mut [(u32, u32); 3]| {
        if let Some(last) = weeks.last_mut() {
            last.pain_morning = mean(sums[0]).unwrap_or(0);
            last.pain_during = mean(sums[1]);
            last.pain_after = mean(sums[2]);
        }
        *sums = [(0, 0); 3];
    };
    for e in entries {
        let week = Date(start.0 + e.date.days_since(start).div_euclid(7) * 7);
        if weeks.last().is_none_or(|w| w.date != week) {
            flush(&mut weeks, &mut sums);
            weeks.push(Entry { date: week, distance_km: 0.0, ..e.clone() });
        }
        for (slot, score) in sums.iter_mut().zip([Some(e.pain_morning), e.pain_during, e.pain_after]) {
            if let Some(p) = score {
                *slot = (slot.0 + u32::from(p), slot.1 + 1);
            }
        }
        if let Some(w) = weeks.last_mut() {
            w.distance_km += e.distance_km;
        }
    }
    flush(&mut weeks, &mut sums);
    weeks
}

/// The height in the view box of pain score `p` (0 to 10).
fn y_pain(p: u8) -> i64 {
    BOTTOM - i64::from(p) * (BOTTOM - TOP) / 10
}

/// A grid line across the chart at pain score `p`, labelled on the left.
fn grid_line(p: u8) -> Html {
    html! {
        <>
            <path class="ft-chart-grid" d={format!("M{LEFT},{}H{RIGHT}", y_pain(p))} />
            <text x={(LEFT - 60).to_string()} y={(y_pain(p) + 65).to_string()} text-anchor="end">{ p }</text>
        </>
    }
}

/// The key to the three pain lines and the distance bars; `morning` and
/// `distance` say whether a point is a day or a week.
fn legend(kb: &KnowledgeBase, morning: Ui, distance: &str) -> Html {
    html! {
        <ul class="ft-legend">
            <li><span class="ft-key ft-chart-morning" aria-hidden="true"></span>{ kb.ui(morning) }</li>
            <li><span class="ft-key ft-chart-during" aria-hidden="true"></span>{ kb.ui(Ui::DiaryChartDuring) }</li>
            <li><span class="ft-key ft-chart-after" aria-hidden="true"></span>{ kb.ui(Ui::DiaryChartAfter) }</li>
            <li>
                <span class="ft-key ft-chart-bars" aria-hidden="true"></span>
                { distance.to_string() }
            </li>
        </ul>
    }
}

/// The chart of `entries` (oldest first) from `start` to `end`.
pub fn chart(kb: &KnowledgeBase, entries: &[Entry], start: Date, end: Date, unit: DistanceUnit, summary: &str) -> Html {
    let by_week = end.days_since(start) > DAILY_UP_TO;
    let weeks;
    let entries = if by_week {
        weeks = weekly(entries, start);
        &weeks[..]
    } else {
        entries
    };
    // The texts that say what a point is: a day, or a week's average.
    let [title, morning, distance] = if by_week {
        [Ui::DiaryChartTitleWeekly, Ui::DiaryChartMorningWeekly, Ui::DiaryChartDistanceWeekly]
    } else {
        [Ui::DiaryChartTitleDaily, Ui::DiaryChartMorningDaily, Ui::DiaryChartDistanceDaily]
    };
    let days = i64::from(end.days_since(start).max(1));
    let x = |d: Date| LEFT + i64::from(d.days_since(start)) * (RIGHT - LEFT) / days;
    let max = entries.iter().map(|e| unit.from_km(e.distance_km)).fold(0.0, f64::max);
    let top = axis_top(max);
    let bar = ((RIGHT - LEFT) * 6 / 10 / (days + 1)).max(6);
    let mut bars = String::new();
    for e in entries.iter().filter(|e| e.distance_km > 0.0) {
        let height = ((unit.from_km(e.distance_km) / top as f64) * (BOTTOM - TOP) as f64).round() as i64;
        let _ = write!(bars, "M{},{BOTTOM}v-{}h{bar}v{}z", x(e.date) - bar / 2, height.max(4), height.max(4));
    }
    // A line per series through the days that have a score for it (rest
    // days have no pain during a run). "l0,0" after the first point draws a
    // dot with the round caps, so a lone score shows too.
    let line = |score: &dyn Fn(&Entry) -> Option<u8>| {
        let mut d = String::new();
        for (i, (e, p)) in entries.iter().filter_map(|e| Some((e, score(e)?))).enumerate() {
            let _ = write!(d, "{}{},{}", if i == 0 { "M" } else { "L" }, x(e.date), y_pain(p));
            if i == 0 {
                d.push_str("l0,0");
            }
        }
        d
    };
    let label_y = (BOTTOM + 230).to_string();
    html! {
        <figure class="ft-chart" data-ft-chart="">
            <svg viewBox={format!("0 0 {W} {H}")} role="img" aria-labelledby="ft-chart-title ft-chart-desc"
                focusable="false">
                <title id="ft-chart-title">
                    { kb.ui_with(title, &[("start", &start.text(kb)), ("end", &end.text(kb))]) }
                </title>
                <desc id="ft-chart-desc">{ summary }</desc>
                { for [0u8, 5, 10].map(grid_line) }
                <path class="ft-chart-bars" d={bars} data-ft-series="distance" />
                <path class="ft-chart-line ft-chart-morning" d={line(&|e| Some(e.pain_morning))} data-ft-series="morning" />
                <path class="ft-chart-line ft-chart-during" d={line(&|e| e.pain_during)} data-ft-series="during" />
                <path class="ft-chart-line ft-chart-after" d={line(&|e| e.pain_after)} data-ft-series="after" />
                <text x={(RIGHT + 60).to_string()} y={(TOP + 65).to_string()}>{ top }</text>
                <text x={(RIGHT + 60).to_string()} y={(BOTTOM + 65).to_string()}>{ 0 }</text>
                <text x={LEFT.to_string()} y={label_y.clone()}>{ start.text(kb) }</text>
                <text x={RIGHT.to_string()} y={label_y} text-anchor="end">{ end.text(kb) }</text>
            </svg>
            <figcaption>
                { legend(kb, morning, &kb.ui_with(distance, &[("unit", unit.symbol())])) }
                <p class="ft-trend" data-ft-trend="">{ summary }</p>
            </figcaption>
        </figure>
    }
}
