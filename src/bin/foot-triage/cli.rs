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

use foot_triage::{
    Answers, KnowledgeBase, assess,
    check::{cases, hazards, languages, lint, load, runners},
    engine::plain_text,
    next_question,
};

const USAGE: &str = "\
foot-triage: triage and education for runners' foot pain (not a diagnosis)

Usage:
  foot-triage questions          print the questionnaire and answers contract (JSON)
  foot-triage contract           the answers contract as Markdown (docs/answers-contract.md)
  foot-triage assess [FILE]      assess answers from FILE or stdin (JSON in, JSON out)
  foot-triage next [FILE]        print the next question for partial answers
  foot-triage summary [FILE]     the plain-text summary for a clinician (text out)
  foot-triage diary BACKUP DATE  review a diary backup as of DATE (YYYY-MM-DD): trend, triage, return plan
  foot-triage fhir questionnaire the questionnaire as a FHIR R4 Questionnaire (JSON)
  foot-triage fhir response [FILE]  answers as a FHIR R4 QuestionnaireResponse (JSON)
  foot-triage lint [DIR]         check the knowledge (embedded, or a folder being edited)
  foot-triage cases [PATH]       run the case libraries (default: each folder of knowledge/cases) and the
                                 soundness property over generated runners (--runners N; default from runners.toml)
  foot-triage runners [N]        the soundness property's generated runners, one answers JSON a line
  foot-triage hazards [FILE]     the hazard log as Markdown (default: knowledge/safety/hazards.toml)
  foot-triage translate CODE     add the missing entries to knowledge/lang/CODE (a translator's starting point)
  foot-triage review CODE        a review sheet for a bilingual clinician (tab-separated, most critical first);
                                 with --region CC, only that country's services and the sentences naming them
  foot-triage review CODE --apply SHEET  mark its decided entries reviewed (reviewer, date), with its corrections
  foot-triage --help | --version

Options:
  --lang CODE   the language of the words printed (questions, assess, next, summary, fhir); default en
  --region CC   the runner's country (ISO 3166: GB, IE, US, ES, MX): the emergency number and the services
                named at each level (assess, next, summary, diary, fhir); default: none named
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
    let mut args = args.to_vec();
    let lang = option(&mut args, "--lang", "a language code, such as `--lang es`")?.unwrap_or_else(|| "en".into());
    let kb = KnowledgeBase::in_language(&lang).map_err(|e| {
        let known: Vec<&str> = foot_triage::knowledge::LANGUAGES.iter().map(|l| l.code).collect();
        format!("{e} (known: {})", known.join(", "))
    })?;
    let region = option(&mut args, "--region", "a country code, such as `--region ES`")?;
    // The words a runner reads name the services of their region; the
    // commands that check the knowledge see it as written.
    let shown = match region.as_deref() {
        Some(code) if !kb.knows_region(code) => {
            if !(code.len() == 2 && code.bytes().all(|b| b.is_ascii_alphabetic())) && code != "generic" {
                return Err(format!("`--region {code}` is not a country code: use two letters, such as ES"));
            }
            let known: Vec<&str> = kb.countries().map(|r| &*r.id).collect();
            eprintln!("note: no services for `{code}` (known: {}); naming no country's", known.join(", "));
            kb.for_region(code, None)
        }
        code => kb.for_region(code.unwrap_or(""), None),
    };
    // `cases --runners N`: how many generated runners the soundness
    // property runs (the spec's own number by default).
    let runners = option(&mut args, "--runners", "a number, such as `--runners 100000`")?
        .map(|n| n.parse::<usize>().map_err(|_| format!("`--runners` needs a whole number, not `{n}`")))
        .transpose()?;
    let args = &args[..];
    let command = args.first().map(String::as_str).unwrap_or("--help");
    if command == "fhir" {
        return fhir(shown, &args[1..]);
    }
    if command == "diary" {
        return diary(shown, &args[1..]);
    }
    if command == "translate" {
        return translate(kb, &args[1..]);
    }
    if command == "review" {
        return review(kb, &args[1..], region.as_deref());
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
            println!("foot-triage {} (knowledge {})", env!("CARGO_PKG_VERSION"), kb.data.meta.version);
            Ok(ExitCode::SUCCESS)
        }
        "questions" => print_json(&contract(shown)),
        "contract" => {
            print!("{}", contract_markdown(shown));
            Ok(ExitCode::SUCCESS)
        }
        "assess" => {
            let answers = read_answers(kb, operand)?;
            print_json(&assess(shown, &answers))
        }
        "next" => {
            let answers = read_answers(kb, operand)?;
            print_json(&next_question(shown, &answers))
        }
        "summary" => {
            let answers = read_answers(kb, operand)?;
            print!("{}", plain_text(shown, &answers, &assess(shown, &answers)));
            Ok(ExitCode::SUCCESS)
        }
        "lint" => {
            let owned;
            let kb = match operand {
                Some(dir) => {
                    owned = load::load_dir(Path::new(dir)).map_err(|e| e.to_string())?;
                    &owned
                }
                None => kb,
            };
            let mut problems = lint::lint(kb);
            let lang = Path::new(operand.unwrap_or("knowledge")).join("lang");
            let progress = if lang.is_dir() {
                let (more, progress) = languages::lint(kb, &lang)?;
                problems.extend(more);
                progress
            } else {
                Vec::new()
            };
            for p in &problems {
                println!("{p}");
            }
            let weak = lint::weak_evidence(kb);
            if !weak.is_empty() {
                println!("Evidence to review first ({} safety-relevant items rest on weak support only):", weak.len());
                for (id, grade) in &weak {
                    println!("  {id}: {grade}");
                }
            }
            for p in &progress {
                println!(
                    "Language {}: {} of {} entries translated, {} reviewed ({}%)",
                    p.code,
                    p.translated,
                    p.entries,
                    p.reviewed,
                    (p.reviewed * 100).checked_div(p.entries).unwrap_or(0)
                );
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
            let path = Path::new(operand.unwrap_or("knowledge/cases"));
            // The cases folder holds one library per subfolder; any other
            // path is one library.
            let libraries = if path.is_dir()
                && path.read_dir().map_err(|e| e.to_string())?.any(|e| e.is_ok_and(|e| e.path().is_dir()))
            {
                cases::libraries(path)?
            } else {
                vec![(path.display().to_string(), cases::load(path)?)]
            };
            let mut ok = true;
            for (name, library) in &libraries {
                let results: Vec<_> = library.iter().map(|c| cases::check(kb, c)).collect();
                print!("{}", cases::report(name, &results));
                ok &= cases::passes(name, &results);
            }
            // The soundness property over generated runners, when the
            // folder has its generator's settings.
            let spec_path = if path.is_dir() { path.join("runners.toml") } else { path.with_file_name("runners.toml") };
            if let Ok(text) = std::fs::read_to_string(&spec_path) {
                let spec = runners::Spec::parse(&text)?;
                let soundness = runners::soundness(kb, &spec, runners.unwrap_or(spec.runners), spec.seed);
                println!("{}", runners::report(kb, &soundness));
                ok &= soundness.lower == 0;
            }
            Ok(if ok { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        "runners" => {
            // The soundness property's generated runners, one answers JSON a
            // line, for reading them or for measuring another binary.
            let text = std::fs::read_to_string("knowledge/cases/runners.toml")
                .map_err(|e| format!("cannot read knowledge/cases/runners.toml: {e}"))?;
            let spec = runners::Spec::parse(&text)?;
            let count = match operand {
                Some(n) => n.parse::<usize>().map_err(|_| format!("`runners` needs a whole number, not `{n}`"))?,
                None => spec.runners,
            };
            for i in 0..count {
                let mut rng = runners::Rng::for_runner(spec.seed, i);
                println!("{}", runners::runner(kb, &spec, &mut rng).to_json());
            }
            Ok(ExitCode::SUCCESS)
        }
        "hazards" => {
            let path = operand.unwrap_or("knowledge/safety/hazards.toml");
            let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
            let log = hazards::parse(&text).map_err(|e| format!("{path}: {e}"))?;
            print!("{}", hazards::markdown(&log));
            Ok(ExitCode::SUCCESS)
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

/// The answers contract's version. Versions 2 and 3 added keys (each
/// question's `since`); every older answer set is still a valid newer one.
const CONTRACT_VERSION: u32 = 3;

/// The answers contract: every key with its type and allowed values.
fn contract(kb: &KnowledgeBase) -> serde_json::Value {
    serde_json::json!({
        "contract": "foot-triage answers",
        "contract_version": CONTRACT_VERSION,
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

/// The answers contract as the Markdown page `docs/answers-contract.md`,
/// generated from `knowledge/questions.toml` (a test checks the page is
/// current).
fn contract_markdown(kb: &KnowledgeBase) -> String {
    use foot_triage::knowledge::{Concerning, Phase, QuestionKind};
    let mut out = format!(
        "# The answers contract, version {CONTRACT_VERSION}\n\n\
         This page is generated from `knowledge/questions.toml` by `foot-triage contract`\n\
         (a test fails when it is out of date). `foot-triage questions` prints the same\n\
         contract as JSON, with each question's full wording.\n\n\
         - The answers are one JSON object. **Every key is optional.** A key that is absent\n  \
         or `null` means the question was not asked or not answered.\n\
         - **Any key may be answered `\"not_sure\"`.** For questions marked below, \"not sure\"\n  \
         counts as the worrying answer. For every other question it counts as no information.\n\
         - `yes_no` keys take `true` or `false`. Single-choice keys take one option id.\n  \
         Multiple-choice keys take a list of option ids, where `[]` means none. Numbers\n  \
         must lie within their range.\n\
         - Bad input is rejected as a whole, with one line that names the key: malformed\n  \
         JSON, an unknown key, a wrong type, an unknown option, or a number out of range.\n  \
         The CLI exits with status 2.\n\
         - **Versions 2 and 3** added the keys marked *v2* and *v3*. Every older answer set is\n  \
         still valid, and saved progress from older versions is read unchanged.\n\
         - A *red flag* (\"escalates\") is a question whose worrying answer always raises the\n  \
         level above self-care, whatever else is answered.\n\n\
         | Key | Question | Values | \"Not sure\" counts as | Red flag | Since |\n\
         | --- | --- | --- | --- | --- | --- |\n"
    );
    for q in kb.data.questions.iter() {
        let values = match q.kind {
            QuestionKind::YesNo => "`true` / `false`".to_string(),
            QuestionKind::Single => q.options.iter().map(|o| format!("`{}`", o.id)).collect::<Vec<_>>().join(" / "),
            QuestionKind::Multi => {
                format!("list of {}", q.options.iter().map(|o| format!("`{}`", o.id)).collect::<Vec<_>>().join(", "))
            }
            QuestionKind::Number => format!(
                "number, {} to {}{}",
                q.min.unwrap_or(0.0),
                q.max.unwrap_or(0.0),
                q.unit.as_deref().map(|u| format!(" ({u})")).unwrap_or_default()
            ),
        };
        let not_sure = match q.concerning {
            Some(Concerning::Yes) => "**yes**",
            Some(Concerning::No) => "**no**",
            None => "",
        };
        let since = if q.phase == Phase::Diary {
            "set from the recovery diary, never asked".to_string()
        } else if q.since > 1 {
            format!("v{}", q.since)
        } else {
            String::new()
        };
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} | {} |\n",
            q.id,
            q.label,
            values,
            not_sure,
            if q.escalates { "yes" } else { "" },
            since
        ));
    }
    out.push_str(
        "\nExample:\n\n```json\n{\"injury\": \"twist_or_roll\", \"pain_locations\": [\"outer_ankle\"], \"can_bear_weight\": true,\n \
         \"point_bone_tenderness\": \"not_sure\", \"duration_days\": 1, \"swelling\": \"mild\"}\n```\n",
    );
    out
}

fn diary(kb: &KnowledgeBase, args: &[String]) -> Result<ExitCode, String> {
    use foot_triage::{diary, json::Json};
    let [path, date] = args else {
        return Err("use `foot-triage diary BACKUP.json YYYY-MM-DD`".into());
    };
    let today = diary::Date::parse(date).ok_or_else(|| format!("`{date}` is not a YYYY-MM-DD date"))?;
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| format!("{path} is not JSON: {e}"))?;
    let mut log = diary::Diary::new();
    diary::from_backup(&mut log, &Json::from(&value)).map_err(|e| e.text(kb))?;
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

/// Writes `knowledge/lang/CODE/{clinical,interface}.toml` with every entry
/// the English has: existing entries are kept as they are (a stale one stays
/// stale for the linter to report), a new one gets its English and no
/// translation, and entries the English no longer has are dropped.
fn translate(kb: &KnowledgeBase, args: &[String]) -> Result<ExitCode, String> {
    let [code] = args else {
        return Err("use `foot-triage translate CODE` (a language code such as `es`)".into());
    };
    if code == "en" || !code.bytes().all(|b| b.is_ascii_lowercase()) || code.len() > 3 {
        return Err(format!("`{code}` is not a language to translate into (a lower-case code such as `es`)"));
    }
    let dir = Path::new("knowledge/lang").join(code);
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for (domain, english) in languages::english(kb, Path::new("knowledge/lang"))? {
        let path = dir.join(format!("{domain}.toml"));
        let old = match std::fs::read_to_string(&path) {
            Ok(text) => languages::parse(&text, code).map_err(|e| format!("{}: {e}", path.display()))?,
            Err(_) => Default::default(),
        };
        let text = languages::write(code, &domain, &english, &old);
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        let done = english.keys().filter(|id| old.entries.get(*id).is_some_and(|e| e.text.is_some())).count();
        println!("{}: {done} of {} entries translated", path.display(), english.len());
    }
    Ok(ExitCode::SUCCESS)
}

/// `review CODE` prints the review sheet of every entry of `CODE` not yet
/// reviewed; `review CODE --apply SHEET` reads the clinician's decisions
/// back and rewrites the language's files, or changes nothing and lists
/// every problem.
/// With `--region CC`, the sheet holds only that region's texts and the
/// sentences that quote a region: what a clinician who works there checks.
fn review(kb: &KnowledgeBase, args: &[String], region: Option<&str>) -> Result<ExitCode, String> {
    use foot_triage::check::review;
    let (code, sheet) = match args {
        [code] => (code, None),
        [code, flag, sheet] if flag == "--apply" => (code, Some(sheet)),
        _ => return Err("use `foot-triage review CODE` or `foot-triage review CODE --apply SHEET`".into()),
    };
    let dir = Path::new("knowledge/lang").join(code);
    if code == "en" || !dir.is_dir() {
        return Err(format!("knowledge/lang/{code} is not a translation (run `foot-triage translate {code}` first)"));
    }
    let mut english = languages::english(kb, Path::new("knowledge/lang"))?;
    if let Some(region) = region {
        let id = &kb.care_region(region).ok_or("the knowledge has no regions")?.id;
        let own = format!("care_region.{id}.");
        for (_, en) in english.iter_mut() {
            en.retain(|key, text| key.starts_with(&own) || text.contains("{care."));
        }
    }
    let mut files = std::collections::BTreeMap::new();
    for (domain, _) in &english {
        let path = dir.join(format!("{domain}.toml"));
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        files.insert(domain.clone(), languages::parse(&text, code).map_err(|e| format!("{}: {e}", path.display()))?);
    }
    let Some(sheet) = sheet else {
        let domains: Vec<_> =
            english.iter().map(|(d, en)| (d.clone(), en.clone(), files.get(d).cloned().unwrap_or_default())).collect();
        print!("{}", review::sheet(kb, &domains));
        return Ok(ExitCode::SUCCESS);
    };
    let text = std::fs::read_to_string(sheet).map_err(|e| format!("cannot read {sheet}: {e}"))?;
    let problems = |p: Vec<String>| format!("{sheet}: nothing was changed:\n  {}", p.join("\n  "));
    let decisions = review::read(&text).map_err(problems)?;
    let (reviewed, changed) = review::apply(&english, &mut files, &decisions).map_err(problems)?;
    for (domain, en) in &english {
        let path = dir.join(format!("{domain}.toml"));
        let file = files.get(domain).cloned().unwrap_or_default();
        std::fs::write(&path, languages::write(code, domain, en, &file))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    println!("{reviewed} entries marked reviewed ({changed} with a corrected text)");
    Ok(ExitCode::SUCCESS)
}

fn fhir(kb: &KnowledgeBase, args: &[String]) -> Result<ExitCode, String> {
    let resource = match (args.first().map(String::as_str), args.len()) {
        (Some("questionnaire"), 1) => foot_triage::fhir::questionnaire(kb),
        (Some("response"), 1 | 2) => {
            foot_triage::fhir::response(kb, &read_answers(kb, args.get(1).map(String::as_str))?)
        }
        _ => return Err("use `foot-triage fhir questionnaire` or `foot-triage fhir response [FILE]`".into()),
    };
    print_json(&serde_json::Value::from(&resource))
}

/// Takes `--name VALUE` out of `args`; `what` says what VALUE should be.
fn option(args: &mut Vec<String>, name: &str, what: &str) -> Result<Option<String>, String> {
    match args.iter().position(|a| a == name) {
        Some(at) if at + 1 < args.len() => {
            let value = args.remove(at + 1);
            args.remove(at);
            Ok(Some(value))
        }
        Some(_) => Err(format!("`{name}` needs {what}")),
        None => Ok(None),
    }
}

fn print_json<T: serde::Serialize>(value: &T) -> Result<ExitCode, String> {
    let text = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
    let mut out = std::io::stdout().lock();
    // A closed pipe (`foot-triage questions | head`) is not an error worth a panic.
    let _ = writeln!(out, "{text}");
    Ok(ExitCode::SUCCESS)
}
