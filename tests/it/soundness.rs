//! The interview's first law, as a property over generated runners
//! (`knowledge/cases/runners.toml`): each answers every question coherently,
//! then only what the flow asks; the level the flow reaches is never below
//! `assess` of the full answers.

use std::path::Path;

use foot_triage::{
    assess,
    check::runners::{self, Rng, Spec},
    knowledge::formula::Formula,
};

use crate::support::kb;

fn spec() -> Spec {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge/cases/runners.toml");
    Spec::parse(&std::fs::read_to_string(path).expect("runners.toml")).expect("runners.toml parses")
}

#[test]
fn no_generated_runner_ends_lower_through_the_flow() {
    let spec = spec();
    let s = runners::soundness(kb(), &spec, spec.runners, spec.seed);
    println!("{}", runners::report(kb(), &s));
    assert_eq!(s.runners, spec.runners);
    assert_eq!(s.lower, 0, "{}", runners::report(kb(), &s));
}

/// The generator keeps its own statements, and its runners carry danger
/// signs at the rate it claims, so the property is tested on real variety.
#[test]
fn generated_runners_are_coherent_and_varied() {
    let spec = spec();
    let mut rng = Rng::new(spec.seed);
    let mut levels = [0usize; 4];
    for _ in 0..400 {
        let full = runners::runner(kb(), &spec, &mut rng);
        for c in &spec.coherent {
            if let Some(only_when) = c.only_when.as_deref().map(Formula::parse) {
                let usual = kb().question(&c.question).and_then(foot_triage::knowledge::usual_answer);
                let present = full
                    .get(&c.question)
                    .is_some_and(|a| Some(a) != usual.as_ref() && *a != foot_triage::Answer::Choices(Vec::new()));
                assert!(!present || only_when.eval(kb(), &full), "{}: {}", c.question, full.to_json());
            }
        }
        levels[assess(kb(), &full).triage as usize] += 1;
    }
    // Every level occurs, and most runners have no danger sign.
    assert!(levels.iter().all(|&n| n > 0), "{levels:?}");
}
