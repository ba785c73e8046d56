//! The clinician's review of a translation through the CLI, on a copy of
//! `knowledge/lang`: the sheet lists the unreviewed entries, most critical
//! first; a sheet read back marks its decided entries reviewed (with a
//! correction where it has one) and drops them from the next sheet; a sheet
//! with a problem changes nothing and says what to fix.

use std::{path::PathBuf, process::Command};

fn copy_of_lang(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ft-review-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for code in ["en", "es"] {
        let from = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("knowledge/lang").join(code);
        let to = dir.join("knowledge/lang").join(code);
        std::fs::create_dir_all(&to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "toml") {
                std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
            }
        }
    }
    dir
}

fn run(dir: &PathBuf, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_foot-triage")).args(args).current_dir(dir).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

/// The sheet's rows as cells.
fn rows(sheet: &str) -> Vec<Vec<String>> {
    sheet.lines().skip(1).map(|l| l.split('\t').map(str::to_string).collect()).collect()
}

#[test]
fn a_review_sheet_round_trip() {
    let dir = copy_of_lang("round-trip");
    let (code, sheet, err) = run(&dir, &["review", "es"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(sheet.lines().next(), Some("id\taffects\ten\tcurrent\tdecision\tcorrected\treviewer\tdate"));
    let all = rows(&sheet);
    assert!(all.len() > 1500, "every entry is unreviewed: {}", all.len());
    assert!(all.iter().all(|r| r.len() == 8), "eight cells a row");
    // The most critical first: what every result shows, then the red flags
    // and the emergency level, with the interface last.
    assert_eq!(all[0][1], "every result");
    let first_interface = all.iter().position(|r| r[1] == "interface").unwrap();
    let last_emergency = all.iter().rposition(|r| r[1].contains("emergency")).unwrap();
    assert!(last_emergency < first_interface, "emergency texts come before the interface");

    // A clinician accepts one entry and corrects another.
    let accept = all.iter().find(|r| r[0] == "level.emergency.action").unwrap().clone();
    let correct = all.iter().find(|r| r[0] == "question.early_wait").unwrap().clone();
    let decided = |r: &Vec<String>, decision: &str, corrected: &str| {
        format!("{}\t{}\t{}\t{}\t{decision}\t{corrected}\tDra. Ana Ruiz\t2026-12-07", r[0], r[1], r[2], r[3])
    };
    let good = format!(
        "{}\n{}\n{}\n",
        sheet.lines().next().unwrap(),
        decided(&accept, "ok", ""),
        decided(&correct, "change", "Respuesta anotada. Ya llega la siguiente pregunta.")
    );
    std::fs::write(dir.join("sheet.tsv"), &good).unwrap();
    let (code, out, err) = run(&dir, &["review", "es", "--apply", "sheet.tsv"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.trim(), "2 entries marked reviewed (1 with a corrected text)");
    let interface = std::fs::read_to_string(dir.join("knowledge/lang/es/interface.toml")).unwrap();
    assert!(interface.contains("es = \"Respuesta anotada. Ya llega la siguiente pregunta.\"\nstatus = \"reviewed\"\nreviewer = \"Dra. Ana Ruiz\"\nreviewed = \"2026-12-07\""), "the correction is reviewed");
    let (_, again, _) = run(&dir, &["review", "es"]);
    assert_eq!(rows(&again).len(), all.len() - 2, "reviewed entries leave the sheet");
    let (_, lint, _) = run(&dir, &["lint"]);
    assert!(lint.contains("2 reviewed"), "the linter counts them: {lint}");

    // A sheet with a problem changes nothing and names each problem.
    let before = std::fs::read_to_string(dir.join("knowledge/lang/es/clinical.toml")).unwrap();
    let row = all.iter().find(|r| r[0] == "level.urgent.action").unwrap();
    for (bad, says) in [
        (format!("{}\t{}\t{}\t{}\tok\t\t\t2026-12-07", row[0], row[1], row[2], row[3]), "needs a `reviewer`"),
        (
            format!("{}\t{}\t{}\t{}\tmaybe\t\tA\t2026-12-07", row[0], row[1], row[2], row[3]),
            "neither `ok` nor `change`",
        ),
        (
            format!("{}\t{}\tAn older English\t{}\tok\t\tA\t2026-12-07", row[0], row[1], row[3]),
            "the English has changed",
        ),
        ("no.such.entry\tx\ty\tz\tok\t\tA\t2026-12-07".to_string(), "no such entry"),
        (format!("{}\t{}\t{}\t{}\tchange\t\tA\t2026-12-07", row[0], row[1], row[2], row[3]), "needs the new text"),
    ] {
        std::fs::write(dir.join("bad.tsv"), format!("{}\n{bad}\n", sheet.lines().next().unwrap())).unwrap();
        let (code, out, err) = run(&dir, &["review", "es", "--apply", "bad.tsv"]);
        assert_eq!(code, 2, "{bad}: {out}");
        assert!(err.contains("nothing was changed") && err.contains(says), "{bad}: {err}");
        assert_eq!(std::fs::read_to_string(dir.join("knowledge/lang/es/clinical.toml")).unwrap(), before, "{bad}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A region's sheet: only that country's services and the sentences that
/// quote a region, for a clinician who works there.
#[test]
fn a_regions_review_sheet() {
    let dir = copy_of_lang("region");
    let (code, sheet, err) = run(&dir, &["review", "es", "--region", "MX"]);
    assert_eq!(code, 0, "{err}");
    let ids: Vec<String> = rows(&sheet).into_iter().map(|r| r[0].clone()).collect();
    assert!(ids.iter().any(|id| id == "care_region.MX.urgent"), "{ids:?}");
    assert!(ids.iter().any(|id| id == "level.urgent.action"), "the sentence that quotes it: {ids:?}");
    assert!(!ids.iter().any(|id| id.starts_with("care_region.ES.") || id == "question.swelling.text"), "{ids:?}");
    assert!(ids.len() < 40, "{}", ids.len());
}
