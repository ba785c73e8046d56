//! The plan's two calculators: the shoe check (a pair's distance against the
//! shoe-life range in `meta.shoes`) and the training-load plan (this week's
//! distance grown within `meta.load` over the next weeks). The widget shows
//! what these return and nothing else, so the thresholds live in one place.

use serde::Serialize;

use crate::{
    knowledge::{KnowledgeBase, Text, Ui},
    units::DistanceUnit,
};

crate::kinded::kinded_error!(
    /// Why a calculator cannot use a distance, with a message saying what it
    /// would accept.
    DistanceError,
    DistanceErrorKind {
        /// Occurs when a distance is not a number from 0 to the calculator's maximum.
        OutOfRange,
        /// Occurs when the load plan is asked to grow a week with no running.
        NothingToGrow,
    }
);

fn check_distance(
    kb: &KnowledgeBase,
    distance: f64,
    unit: DistanceUnit,
    max_km: f64,
    what: Ui,
) -> Result<f64, DistanceError> {
    let max = unit.from_km(max_km).floor();
    if !distance.is_finite() || distance < 0.0 || distance > max {
        let max = format!("{} {}", kb.number(max), unit.symbol());
        let message = kb.ui_with(what, &[("max", &max)]);
        return Err(DistanceError::new(DistanceErrorKind::OutOfRange, message));
    }
    Ok(unit.to_km(distance))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ShoeStatus {
    /// Below the start of the range.
    Fine,
    /// Inside the range: look for wear.
    Check,
    /// At or past the end of the range.
    Replace,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ShoeCheck {
    pub status: ShoeStatus,
    /// The verdict in plain words, in the runner's unit.
    pub message: Text,
    /// How far along the range the pair is, 0 to 1, for a progress bar.
    pub worn_fraction: f64,
    pub source: Text,
}

/// Compares a pair's distance with the shoe-life range.
pub fn shoe_check(kb: &KnowledgeBase, distance: f64, unit: DistanceUnit) -> Result<ShoeCheck, DistanceError> {
    let shoes = &kb.data.meta.shoes;
    let km = check_distance(kb, distance, unit, 5_000.0, Ui::ShoesEnterDistance)?;
    let (check, replace) = (f64::from(shoes.check_km), f64::from(shoes.replace_km));
    let show = |km: f64| format!("{} {}", kb.number(unit.from_km(km).round()), unit.symbol());
    let (status, message) = if km >= replace {
        (ShoeStatus::Replace, kb.ui_with(Ui::ShoesReplace, &[("distance", &show(km)), ("limit", &show(replace))]))
    } else if km >= check {
        (ShoeStatus::Check, kb.ui_with(Ui::ShoesCheck, &[("limit", &show(replace)), ("left", &show(replace - km))]))
    } else {
        (ShoeStatus::Fine, kb.ui_with(Ui::ShoesFine, &[("check", &show(check))]))
    };
    Ok(ShoeCheck {
        status,
        message: message.into(),
        worn_fraction: (km / replace).clamp(0.0, 1.0),
        source: shoes.source.clone(),
    })
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlannedWeek {
    /// 1 for next week.
    pub week: u32,
    /// The weekly total in the runner's unit, one decimal, never above the limit.
    pub distance: f64,
    /// Set on the lighter week that ends the plan.
    pub lighter: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LoadPlan {
    pub weeks: Vec<PlannedWeek>,
    /// One line explaining the plan, in the runner's unit.
    pub message: Text,
    pub source: Text,
}

/// Grows this week's distance by at most `meta.load.max_weekly_increase_percent`
/// a week, ending with a lighter week back at the first week's distance.
/// Distances are rounded down, so rounding never breaks the limit.
pub fn load_plan(kb: &KnowledgeBase, this_week: f64, unit: DistanceUnit) -> Result<LoadPlan, DistanceError> {
    let rule = &kb.data.meta.load;
    check_distance(kb, this_week, unit, 500.0, Ui::LoadEnterDistance)?;
    if this_week <= 0.0 {
        return Err(DistanceError::new(DistanceErrorKind::NothingToGrow, kb.ui(Ui::LoadNothingToGrow)));
    }
    let growth = 1.0 + f64::from(rule.max_weekly_increase_percent) / 100.0;
    let round_down = |d: f64| (d * 10.0 + 1e-9).floor() / 10.0;
    let mut weeks = Vec::new();
    let mut distance = this_week;
    for week in 1..=rule.weeks.max(2) {
        let lighter = week == rule.weeks.max(2);
        distance = if lighter {
            weeks.first().map_or(this_week, |w: &PlannedWeek| w.distance)
        } else {
            round_down(distance * growth)
        };
        weeks.push(PlannedWeek { week, distance, lighter });
    }
    let message = kb.ui_with(Ui::LoadPlanMessage, &[("percent", &rule.max_weekly_increase_percent.to_string())]);
    Ok(LoadPlan { weeks, message: message.into(), source: rule.source.clone() })
}
