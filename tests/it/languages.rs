//! Languages: the translations in `knowledge/lang` are complete and lint
//! clean, each translation problem has a minimal broken fixture in
//! `tests/fixtures/lang/`, a language never changes a decision, and the
//! widget's and the shell's code holds no English of its own.

use std::{collections::BTreeMap, path::Path};

use foot_triage::{
    KnowledgeBase,
    check::{
        cases,
        languages::{self, LangFile},
        load,
    },
};

use crate::support::kb;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_translations_are_complete_and_clean() {
    let (problems, progress) = languages::lint(kb(), &root().join("knowledge/lang")).expect("knowledge/lang reads");
    assert!(problems.is_empty(), "{}", problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n"));
    let spanish = progress.iter().find(|p| p.code == "es").expect("Spanish is there");
    assert_eq!(spanish.translated, spanish.entries);
    assert!(spanish.entries > 1_000, "{spanish:?}");
}

/// The fixture language `xx` for the valid knowledge fixture: every English
/// entry translated as «English», as a draft, then one fixture's change.
fn fixture_lang(name: &str) -> (KnowledgeBase, tempdir::Dir) {
    let fixtures = root().join("tests/fixtures");
    let text = std::fs::read_to_string(fixtures.join("knowledge/valid.toml")).unwrap();
    let kb = load::from_toml_str("valid", &text).unwrap();
    let dir = tempdir::Dir::new(name);
    std::fs::create_dir_all(dir.0.join("en")).unwrap();
    std::fs::create_dir_all(dir.0.join("xx")).unwrap();
    std::fs::copy(fixtures.join("lang/en/interface.toml"), dir.0.join("en/interface.toml")).unwrap();
    let mut files: BTreeMap<String, LangFile> = BTreeMap::new();
    let english = languages::english(&kb, &dir.0).unwrap();
    for (domain, entries) in &english {
        let file = files.entry(domain.clone()).or_default();
        for (id, en) in entries {
            let text = format!("«{en}»");
            let entry = format!("en = {:?}\nxx = {:?}\nstatus = \"draft\"\n", en, text);
            file.entries
                .insert(id.clone(), languages::parse(&format!("[e]\n{entry}"), "xx").unwrap().entries["e"].clone());
        }
    }
    if name != "valid" {
        let patch: toml::Table =
            toml::from_str(&std::fs::read_to_string(fixtures.join(format!("lang/{name}.toml"))).unwrap()).unwrap();
        let (domain, id) = (patch["domain"].as_str().unwrap(), patch["id"].as_str().unwrap());
        let file = files.get_mut(domain).expect("the patch's domain");
        if patch.get("remove").is_some() {
            assert!(file.entries.remove(id).is_some(), "{name}: no entry {id}");
        } else {
            assert!(patch.get("add").is_some() || file.entries.contains_key(id), "{name}: no entry {id}");
            let entry = file.entries.entry(id.to_string()).or_default();
            for (key, value) in patch.get("set").and_then(|s| s.as_table()).into_iter().flatten() {
                let value = value.as_str().unwrap().to_string();
                match key.as_str() {
                    "en" => entry.en = value,
                    "xx" => entry.text = Some(value),
                    "status" => entry.status = value,
                    other => panic!("{name}: cannot set {other}"),
                }
            }
        }
    }
    for (domain, file) in &files {
        let english: BTreeMap<String, String> = file.entries.iter().map(|(id, e)| (id.clone(), e.en.clone())).collect();
        let text = languages::write("xx", domain, &english, file);
        std::fs::write(dir.0.join(format!("xx/{domain}.toml")), text).unwrap();
    }
    (kb, dir)
}

/// Each language fixture is named after its one problem; the valid one has none.
#[test]
fn each_language_fixture_has_exactly_its_problem() {
    let mut names: Vec<String> = std::fs::read_dir(root().join("tests/fixtures/lang"))
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".toml").map(str::to_string))
        .collect();
    names.push("valid".into());
    names.sort();
    assert!(names.len() >= 7, "{names:?}");
    for name in names {
        let (kb, dir) = fixture_lang(&name);
        let (problems, _) = languages::lint(&kb, &dir.0).unwrap();
        let found: Vec<String> =
            problems.iter().map(|p| serde_json::to_value(p.kind).unwrap().as_str().unwrap().to_string()).collect();
        let expected: Vec<String> = if name == "valid" { vec![] } else { vec![name.clone()] };
        assert_eq!(found, expected, "fixture {name}: {problems:?}");
    }
    // A reviewed entry with its reviewer and date counts as reviewed.
    let (kb, dir) = fixture_lang("valid");
    let path = dir.0.join("xx/interface.toml");
    let text = std::fs::read_to_string(&path).unwrap().replacen(
        "status = \"draft\"",
        "status = \"reviewed\"\nreviewer = \"A. Ruiz, podiatrist\"\nreviewed = \"2026-12-01\"",
        1,
    );
    std::fs::write(&path, text).unwrap();
    let (problems, progress) = languages::lint(&kb, &dir.0).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(progress[0].reviewed, 1);
}

/// The same cases give the same levels, rankings and screens in every
/// language: the words never change a decision.
#[test]
fn a_language_never_changes_a_decision() {
    let es = KnowledgeBase::in_language("es").expect("Spanish is built");
    assert_eq!(es.language(), "es");
    assert_ne!(es.data.questions[0].text, kb().data.questions[0].text, "the Spanish has its own words");
    assert_eq!((kb().number(2.5), es.number(2.5), es.number(12.0)), ("2.5".into(), "2,5".into(), "12".into()));
    assert_eq!((kb().date(2026, 12, 1), es.date(2026, 1, 31)), ("1 Dec 2026".into(), "31 ene 2026".into()));
    let mut compared = 0;
    for (name, library) in cases::libraries(&root().join("knowledge/cases")).unwrap() {
        for case in &library {
            let (en_run, es_run) = (cases::check(kb(), case), cases::check(es, case));
            for (a, b, how) in [(&en_run.all, &es_run.all, "all answers"), (&en_run.flow, &es_run.flow, "flow")] {
                let same = (a.level, a.ambulance, a.rank, a.screens) == (b.level, b.ambulance, b.rank, b.screens);
                assert!(same, "{name}/{} ({how}): en {a:?} es {b:?}", case.id);
            }
            compared += 1;
        }
    }
    assert!(compared > 300, "{compared} cases");
}

/// Every interface id is used somewhere in `src`, and the widget's and the
/// shell's markup has no English text of its own: a literal as an element's
/// text (`{ "Start" }`) or as an `aria-label`.
#[test]
fn the_code_holds_no_interface_english() {
    let mut code = String::new();
    let mut stack = vec![root().join("src")];
    let mut markup = Vec::new();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap().filter_map(Result::ok) {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                let shown = path.to_string_lossy().replace('\\', "/");
                if shown.contains("/src/ui/") || shown.contains("/src/shell/") {
                    markup.push((shown, text.clone()));
                }
                code.push_str(&text);
            }
        }
    }
    for file in std::fs::read_dir(root().join("knowledge/lang/en")).unwrap().filter_map(Result::ok) {
        let text = std::fs::read_to_string(file.path()).unwrap();
        // `language.name` is read by the build (the language switch's names).
        for id in languages::parse(&text, "en").unwrap().entries.keys().filter(|id| *id != "language.name") {
            let variant: String = id.split(['.', '_']).map(|w| w[..1].to_ascii_uppercase() + &w[1..]).collect();
            assert!(code.contains(&format!("Ui::{variant}")), "`{id}` (Ui::{variant}) is never used");
        }
    }
    let mut found = Vec::new();
    for (path, text) in &markup {
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.starts_with("//") {
                continue;
            }
            // Text in markup follows a tag or another block; a literal after
            // `if x` or `else` is a value (an attribute's "true"), not text.
            let literal_text = line.match_indices("{ \"").any(|(at, _)| {
                let before = line[..at].trim_end();
                let in_markup = before.is_empty() || before.ends_with('>') || before.ends_with('}');
                in_markup && line[at + 3..].chars().next().is_some_and(|c| c.is_alphabetic())
            });
            let literal_label = line.contains("aria-label=\"");
            if literal_text || literal_label {
                found.push(format!("{path}:{}: {line}", n + 1));
            }
        }
    }
    assert!(found.is_empty(), "interface English in code:\n{}", found.join("\n"));
}

/// A folder of its own under the system's temporary folder, removed after.
mod tempdir {
    pub struct Dir(pub std::path::PathBuf);
    impl Dir {
        pub fn new(name: &str) -> Dir {
            let path = std::env::temp_dir().join(format!("foot-triage-lang-{}-{name}", std::process::id()));
            let _ = std::fs::remove_dir_all(&path);
            std::fs::create_dir_all(&path).unwrap();
            Dir(path)
        }
    }
    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

/// Alternatives read as a sentence in each language: "a, b or c".
#[test]
fn a_list_of_alternatives_reads_as_a_sentence() {
    let es = KnowledgeBase::in_language("es").unwrap();
    let list = |items: &[&str]| items.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    for (items, en_text, es_text) in [
        (list(&[]), "", ""),
        (list(&["arch"]), "arch", "arch"),
        (list(&["arch", "calf"]), "arch or calf", "arch o calf"),
        (list(&["arch", "calf", "whole foot"]), "arch, calf or whole foot", "arch, calf o whole foot"),
    ] {
        assert_eq!(kb().list_or(&items), en_text);
        assert_eq!(es.list_or(&items), es_text);
    }
}
