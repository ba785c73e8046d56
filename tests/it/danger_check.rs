//! The danger-sign check a browser without wasm gets (`engine::danger_check`,
//! looked up by `embed.js`): its lookup never calls for less than `assess`
//! gives for the same marks, over every pair of signs with every mix of
//! "yes" and "not sure", and over thousands of larger sets; nothing marked is
//! home care; a danger sign alone calls for what its rule says.

use foot_triage::engine::danger_check::{DangerCheck, Mark, assessed, danger_check};

use crate::support::kb;

/// A small deterministic generator (xorshift), so a failure names a set that
/// can be run again.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn check(lookup: &DangerCheck, marks: &[(usize, Mark)]) {
    let kb = kb();
    let all = lookup.all();
    let looked_up = lookup.decide(marks);
    let by_assess = assessed(kb, &all, &marks.iter().map(|&(i, m)| (all[i], m)).collect::<Vec<_>>());
    let named: Vec<String> = marks.iter().map(|&(i, m)| format!("{}={m:?}", all[i].id)).collect();
    assert!(looked_up >= by_assess, "the check calls for {looked_up} where assess gives {by_assess}: {named:?}");
}

#[test]
fn the_danger_check_never_calls_for_less_than_assess() {
    let lookup = danger_check(kb());
    let n = lookup.signs.len();
    assert!(n >= 15, "the check has the two checklists' signs ({n})");
    assert_eq!(lookup.decide(&[]), 0, "nothing marked is home care");
    for i in 0..n {
        for j in i..n {
            for (a, b) in [
                (Mark::Yes, Mark::Yes),
                (Mark::Yes, Mark::NotSure),
                (Mark::NotSure, Mark::Yes),
                (Mark::NotSure, Mark::NotSure),
            ] {
                check(&lookup, &if i == j { vec![(i, a)] } else { vec![(i, a), (j, b)] });
            }
        }
    }
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..3_000 {
        let size = 3 + (rng.next() % 6) as usize;
        let mut marks: Vec<(usize, Mark)> = Vec::new();
        while marks.len() < size {
            let i = (rng.next() % n as u64) as usize;
            if !marks.iter().any(|(m, _)| *m == i) {
                marks.push((i, if rng.next() % 4 == 0 { Mark::NotSure } else { Mark::Yes }));
            }
        }
        check(&lookup, &marks);
    }
}

#[test]
fn each_danger_sign_alone_calls_for_its_level() {
    let lookup = danger_check(kb());
    let outcome = |id: &str| lookup.signs.iter().find(|(q, _, _)| &*q.id == id).map(|s| (s.1, s.2));
    // 4 an ambulance, 3 the emergency department, 2 today, 1 soon, 0 home care.
    for (id, expected) in [
        ("cold_pale_foot", (4, 4)),
        ("mottled_foot", (4, 4)),
        ("spinal_warning_signs", (4, 4)),
        ("breathless_or_chest_pain", (4, 4)),
        ("feels_very_unwell", (4, 4)),
        ("visible_deformity", (3, 3)),
        ("little_urine", (3, 3)),
        ("fever", (2, 2)),
        ("calf_swelling_one_side", (2, 2)),
        ("can_bear_weight", (2, 2)),
    ] {
        assert_eq!(outcome(id), Some(expected), "{id}");
    }
}
