//! `foot-triage`: the native command line over the clinical engine.
//!
//! Every command prints JSON (or a report) on stdout. Bad input exits with
//! status 2 and one line on stderr that names the key at fault; problems in
//! the knowledge or the case library exit with status 1.

mod contract;

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
    // The options are taken out in this order, so an unknown language is
    // reported before a malformed region, as it always has been.
    let kb = language_option(&mut args)?;
    let region = option(&mut args, "--region", "a country code, such as `--region ES`")?;
    let shown = for_region(kb, region.as_deref())?;
    let runner_count = runners_option(&mut args)?;
    let command = args.first().map(String::as_str).unwrap_or("--help");
    // These commands read their own arguments; the others take at most one.
    match command {
        "fhir" => fhir(shown, &args[1..]),
        "diary" => diary(shown, &args[1..]),
        "translate" => translate(kb, &args[1..]),
        "review" => review(kb, &args[1..], region.as_deref()),
        _ if args.len() > 2 => Err(format!("too many arguments for `{command}`; see `foot-triage --help`")),
        _ => run_one(kb, shown, command, args.get(1).map(String::as_str), runner_count),
    }
}

/// The knowledge in the language `--lang` names (English by default).
fn language_option(args: &mut Vec<String>) -> Result<&'static KnowledgeBase, String> {
    let lang = option(args, "--lang", "a language code, such as `--lang es`")?.unwrap_or_else(|| "en".into());
    KnowledgeBase::in_language(&lang).map_err(|e| {
        let known: Vec<&str> = foot_triage::knowledge::LANGUAGES.iter().map(|l| l.code).collect();
        format!("{e} (known: {})", known.join(", "))
    })
}

/// The knowledge as a runner in `region` reads it. The words a runner reads
/// name the services of their region; the commands that check the knowledge
/// see it as written. A well-formed code the knowledge does not cover names
/// no country's services, with a note saying so.
fn for_region(kb: &'static KnowledgeBase, region: Option<&str>) -> Result<&'static KnowledgeBase, String> {
    match region {
        Some(code) if !kb.knows_region(code) => {
            if !(code.len() == 2 && code.bytes().all(|b| b.is_ascii_alphabetic())) && code != "generic" {
                return Err(format!("`--region {code}` is not a country code: use two letters, such as ES"));
            }
            let known: Vec<&str> = kb.countries().map(|r| &*r.id).collect();
            eprintln!("note: no services for `{code}` (known: {}); naming no country's", known.join(", "));
            Ok(kb.for_region(code, None))
        }
        code => Ok(kb.for_region(code.unwrap_or(""), None)),
    }
}

/// `cases --runners N`: how many generated runners the soundness property
/// runs (the spec's own number by default).
fn runners_option(args: &mut Vec<String>) -> Result<Option<usize>, String> {
    option(args, "--runners", "a number, such as `--runners 100000`")?
        .map(|n| n.parse::<usize>().map_err(|_| format!("`--runners` needs a whole number, not `{n}`")))
        .transpose()
}

/// The commands that take at most one operand (a file, a folder or a
/// number). `kb` is the knowledge as written, `shown` as the runner reads it.
fn run_one(
    kb: &KnowledgeBase,
    shown: &KnowledgeBase,
    command: &str,
    operand: Option<&str>,
    runner_count: Option<usize>,
) -> Result<ExitCode, String> {
    match command {
        "--help" | "-h" | "help" => {
            print!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        "--version" | "-V" => {
            println!("foot-triage {} (knowledge {})", env!("CARGO_PKG_VERSION"), kb.data.meta.version);
            Ok(ExitCode::SUCCESS)
        }
        "questions" => print_json(&contract::as_json(shown)),
        "contract" => {
            print!("{}", contract::markdown(shown));
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
        "lint" => lint_command(kb, operand),
        "cases" => cases_command(kb, operand, runner_count),
        "runners" => runners_command(kb, operand),
        "hazards" => hazards_command(operand),
        other => Err(format!("unknown command `{other}`; see `foot-triage --help`")),
    }
}

/// `lint [DIR]`: the embedded knowledge, or the folder being edited, with
/// its translations when it has a `lang` folder. Exits with 1 on a problem.
fn lint_command(kb: &KnowledgeBase, dir: Option<&str>) -> Result<ExitCode, String> {
    let owned;
    let kb = match dir {
        Some(dir) => {
            owned = load::load_dir(Path::new(dir)).map_err(|e| e.to_string())?;
            &owned
        }
        None => kb,
    };
    let mut problems = lint::lint(kb);
    let lang = Path::new(dir.unwrap_or("knowledge")).join("lang");
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
    print_weak_evidence(kb);
    print_language_progress(&progress);
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

/// Not problems, but where a clinical reviewer should look first.
fn print_weak_evidence(kb: &KnowledgeBase) {
    let weak = lint::weak_evidence(kb);
    if !weak.is_empty() {
        println!("Evidence to review first ({} safety-relevant items rest on weak support only):", weak.len());
        for (id, grade) in &weak {
            println!("  {id}: {grade}");
        }
    }
}

fn print_language_progress(progress: &[languages::Progress]) {
    for p in progress {
        println!(
            "Language {}: {} of {} entries translated, {} reviewed ({}%)",
            p.code,
            p.translated,
            p.entries,
            p.reviewed,
            (p.reviewed * 100).checked_div(p.entries).unwrap_or(0)
        );
    }
}

/// `cases [PATH]`: the case libraries, then the soundness property over
/// generated runners when the folder has its generator's settings. Exits
/// with 1 when a library or the property fails.
fn cases_command(kb: &KnowledgeBase, path: Option<&str>, runner_count: Option<usize>) -> Result<ExitCode, String> {
    let path = Path::new(path.unwrap_or("knowledge/cases"));
    // The cases folder holds one library per subfolder; any other path is
    // one library.
    let libraries =
        if path.is_dir() && path.read_dir().map_err(|e| e.to_string())?.any(|e| e.is_ok_and(|e| e.path().is_dir())) {
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
    let spec_path = if path.is_dir() { path.join("runners.toml") } else { path.with_file_name("runners.toml") };
    if let Ok(text) = std::fs::read_to_string(&spec_path) {
        let spec = runners::Spec::parse(&text)?;
        let soundness = runners::soundness(kb, &spec, runner_count.unwrap_or(spec.runners), spec.seed);
        println!("{}", runners::report(kb, &soundness));
        ok &= soundness.lower == 0;
    }
    Ok(if ok { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// `runners [N]`: the soundness property's generated runners, one answers
/// JSON a line, for reading them or for measuring another binary.
fn runners_command(kb: &KnowledgeBase, count: Option<&str>) -> Result<ExitCode, String> {
    let text = std::fs::read_to_string("knowledge/cases/runners.toml")
        .map_err(|e| format!("cannot read knowledge/cases/runners.toml: {e}"))?;
    let spec = runners::Spec::parse(&text)?;
    let count = match count {
        Some(n) => n.parse::<usize>().map_err(|_| format!("`runners` needs a whole number, not `{n}`"))?,
        None => spec.runners,
    };
    for i in 0..count {
        let mut rng = runners::Rng::for_runner(spec.seed, i);
        println!("{}", runners::runner(kb, &spec, &mut rng).to_json());
    }
    Ok(ExitCode::SUCCESS)
}

/// `hazards [FILE]`: the hazard log as Markdown.
fn hazards_command(file: Option<&str>) -> Result<ExitCode, String> {
    let path = file.unwrap_or("knowledge/safety/hazards.toml");
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let log = hazards::parse(&text).map_err(|e| format!("{path}: {e}"))?;
    print!("{}", hazards::markdown(&log));
    Ok(ExitCode::SUCCESS)
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
