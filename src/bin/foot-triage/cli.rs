//! `foot-triage`: the native command line over the clinical engine.
//!
//! Every command prints JSON (or a report) on stdout. Bad input exits with
//! status 2 and one line on stderr that names the key at fault; problems in
//! the knowledge or the case library exit with status 1.

use std::{
    io::{Read, Write},
    path::Path,
    process::ExitCode,
};

use foot_triage::{Answers, KnowledgeBase, assess, cases, engine::plain_text, knowledge, next_question};

const USAGE: &str = "\
foot-triage: triage and education for runners' foot pain (not a diagnosis)

Usage:
  foot-triage questions          print the questionnaire and answers contract (JSON)
  foot-triage assess [FILE]      assess answers from FILE or stdin (JSON in, JSON out)
  foot-triage next [FILE]        print the next question for partial answers
  foot-triage summary [FILE]     the plain-text summary for a clinician (text out)
  foot-triage diary BACKUP DATE  review a diary backup as of DATE (YYYY-MM-DD): trend, triage, return plan
  foot-triage fhir questionnaire the questionnaire as a FHIR R4 Questionnaire (JSON)
  foot-triage fhir response [FILE]  answers as a FHIR R4 QuestionnaireResponse (JSON)
  foot-triage lint [DIR]         check the knowledge (embedded, or a folder being edited)
  foot-triage cases [PATH]       run a case library (default: knowledge/cases)
  foot-triage --help | --version
";

pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let command = args.first().map(String::as_str).unwrap_or("--help");
    if command == "fhir" {
        return fhir(&args[1..]);
    }
    if command == "diary" {
        return diary(&args[1..]);
    }
    let operand = args.get(1).map(String::as_str);
    if args.len() > 2 {
        return Err(format!("too many arguments for `{command}`; see `foot-triage --help`"));
    }
    match command {
        "--help" | "-h" | "help" => {
            print!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        "--version" | "-V" => {
            let kb = KnowledgeBase::embedded();
            println!("foot-triage {} (knowledge {})", env!("CARGO_PKG_VERSION"), kb.data.meta.version);
            Ok(ExitCode::SUCCESS)
        }
        "questions" => {
            let kb = KnowledgeBase::embedded();
            print_json(&contract(kb))
        }
        "assess" => {
            let kb = KnowledgeBase::embedded();
            let answers = read_answers(kb, operand)?;
            print_json(&assess(kb, &answers))
        }
        "next" => {
            let kb = KnowledgeBase::embedded();
            let answers = read_answers(kb, operand)?;
            print_json(&next_question(kb, &answers))
        }
        "summary" => {
            let kb = KnowledgeBase::embedded();
            let answers = read_answers(kb, operand)?;
            print!("{}", plain_text(kb, &answers, &assess(kb, &answers)));
            Ok(ExitCode::SUCCESS)
        }
        "lint" => {
            let owned;
            let kb = match operand {
                Some(dir) => {
                    owned = knowledge::load::load_dir(Path::new(dir))?;
                    &owned
                }
                None => KnowledgeBase::embedded(),
            };
            let problems = knowledge::lint::lint(kb);
            for p in &problems {
                println!("{p}");
            }
            println!(
                "{} questions, {} rules, {} conditions, {} advice items: {} problems",
                kb.data.questions.len(),
                kb.data.rules.len(),
                kb.data.conditions.len(),
                kb.data.advice.len(),
                problems.len()
            );
            Ok(if problems.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        "cases" => {
            let kb = KnowledgeBase::embedded();
            let library = cases::load(Path::new(operand.unwrap_or("knowledge/cases")))?;
            let results: Vec<_> = library.iter().map(|c| cases::check(kb, c)).collect();
            print!("{}", cases::report(&results));
            Ok(if results.iter().all(|r| r.failures.is_empty()) { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        other => Err(format!("unknown command `{other}`; see `foot-triage --help`")),
    }
}

fn read_answers(kb: &KnowledgeBase, file: Option<&str>) -> Result<Answers, String> {
    let text = match file {
        None | Some("-") => {
            let mut text = String::new();
            std::io::stdin().read_to_string(&mut text).map_err(|e| format!("cannot read stdin: {e}"))?;
            text
        }
        Some(path) => std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?,
    };
    Answers::from_json(kb, &text).map_err(|e| e.to_string())
}

/// The answers contract, version 1: every key with its type and allowed values.
fn contract(kb: &KnowledgeBase) -> serde_json::Value {
    serde_json::json!({
        "contract": "foot-triage answers",
        "contract_version": 1,
        "knowledge_version": kb.data.meta.version,
        "notice": kb.data.meta.notice,
        "rules_for_answers": [
            "Answers are one JSON object; every key is optional. An absent key, or null, means not asked or not answered.",
            "Any key may be answered \"not_sure\". For red-flag questions (those with `concerning`), not sure counts as the worrying answer.",
            "yes_no keys take true or false; single keys take one option id; multi keys take a list of option ids (an empty list means none); number keys take a number within min and max."
        ],
        "questions": kb.data.questions,
    })
}

fn diary(args: &[String]) -> Result<ExitCode, String> {
    use foot_triage::{diary, json::Json};
    let [path, date] = args else {
        return Err("use `foot-triage diary BACKUP.json YYYY-MM-DD`".into());
    };
    let today = diary::Date::parse(date).ok_or_else(|| format!("`{date}` is not a YYYY-MM-DD date"))?;
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| format!("{path} is not JSON: {e}"))?;
    let mut log = diary::Diary::new();
    diary::from_backup(&mut log, &Json::from(&value)).map_err(|e| e.to_string())?;
    let kb = KnowledgeBase::embedded();
    let review = diary::review(kb, &Answers::new(), &log, today);
    let a = &review.assessment;
    print_json(&serde_json::json!({
        "trend": review.trend.map(|t| t.id()),
        "summary": review.summary,
        "answers": review.answers.to_json(),
        "triage": a.triage,
        "action": a.action,
        "triage_reasons": a.triage_reasons,
        "return_plan": review.return_plan.iter().map(|w| serde_json::json!({
            "week": w.week, "distance_km": w.distance_km, "run_walk": w.run_walk,
        })).collect::<Vec<_>>(),
        "shoes": review.shoes.iter().map(|s| serde_json::json!({
            "id": s.id, "name": s.name, "km": s.km, "status": s.status, "message": s.message,
        })).collect::<Vec<_>>(),
        "rotate_hint": review.rotate_hint,
    }))
}

fn fhir(args: &[String]) -> Result<ExitCode, String> {
    let kb = KnowledgeBase::embedded();
    let resource = match (args.first().map(String::as_str), args.len()) {
        (Some("questionnaire"), 1) => foot_triage::fhir::questionnaire(kb),
        (Some("response"), 1 | 2) => {
            foot_triage::fhir::response(kb, &read_answers(kb, args.get(1).map(String::as_str))?)
        }
        _ => return Err("use `foot-triage fhir questionnaire` or `foot-triage fhir response [FILE]`".into()),
    };
    print_json(&serde_json::Value::from(&resource))
}

fn print_json<T: serde::Serialize>(value: &T) -> Result<ExitCode, String> {
    let text = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
    let mut out = std::io::stdout().lock();
    // A closed pipe (`foot-triage questions | head`) is not an error worth a panic.
    let _ = writeln!(out, "{text}");
    Ok(ExitCode::SUCCESS)
}
