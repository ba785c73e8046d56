//! The plain-text summary a runner copies into an email or hands to a
//! clinician: the result and why, the likely causes, every answer given, the
//! plan's headings and the safety net, with the not-a-diagnosis notice first.

use std::fmt::Write;

use super::Assessment;
use crate::{
    answers::{Answer, Answers},
    knowledge::{KnowledgeBase, QuestionKind, Text, Ui, usual_answer},
};

/// The answers as a summary shows them: each answer that says something (a
/// sign present, a "not sure", a number, a place) with its question's label,
/// in questionnaire order, then the labels of the signs that were checked and
/// are absent, which a clinician reads at a glance as one line.
pub struct AnswerLines {
    pub given: Vec<(Text, String)>,
    pub absent: Vec<Text>,
}

pub fn answer_lines(kb: &KnowledgeBase, answers: &Answers) -> AnswerLines {
    let mut lines = AnswerLines { given: Vec::new(), absent: Vec::new() };
    for q in kb.data.questions.iter() {
        let Some(answer) = answers.get(&q.id) else { continue };
        // Only a "no" reads right in a list of signs that are absent: a
        // question stated the other way ("Can take four steps") keeps its
        // answer beside it.
        let absent_no = q.kind == QuestionKind::YesNo && *answer == Answer::No && usual_answer(q) == Some(Answer::No);
        if absent_no || (q.control.is_none() && *answer == Answer::Choices(Vec::new())) {
            lines.absent.push(q.label.clone());
        } else {
            lines.given.push((q.label.clone(), kb.describe_answer(&q.id, answer)));
        }
    }
    lines
}

pub fn plain_text(kb: &KnowledgeBase, answers: &Answers, assessment: &Assessment) -> String {
    let mut out = String::new();
    // `write!` into a String cannot fail; the results are ignored on purpose.
    let _ = writeln!(out, "{}", kb.ui_with(Ui::SummaryTitle, &[("version", &assessment.knowledge_version)]));
    let _ = writeln!(out, "{}", assessment.notice);
    let _ = writeln!(out);
    let level = kb.level(assessment.triage).map_or(assessment.triage.as_str(), |l| &l.title);
    let result = [("action", &*assessment.action), ("level", level), ("timeframe", &*assessment.timeframe)];
    let _ = writeln!(out, "{}", kb.ui_with(Ui::SummaryResult, &result));
    for reason in &assessment.triage_reasons {
        let shown: Vec<String> = reason.answers.iter().map(|a| format!("{}: {}", a.question, a.answer)).collect();
        if shown.is_empty() {
            let _ = writeln!(out, "- {}", reason.reason);
        } else {
            let _ = writeln!(out, "- {} [{}]", reason.reason, shown.join("; "));
        }
    }
    if assessment.plan.stop_running {
        if let Some(notice) = &assessment.plan.stop_running_notice {
            let _ = writeln!(out, "- {notice}");
        }
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "{}", kb.ui(Ui::SummaryCauses));
    for (i, c) in assessment.conditions.iter().take(kb.data.meta.ranking.listed_min).enumerate() {
        let likelihood = kb.ui(super::likelihood_text(c.likelihood));
        let _ = writeln!(out, "{}. {} ({likelihood})", i + 1, c.name);
        for reason in &c.reasons_for {
            let _ = writeln!(out, "   + {reason}");
        }
        for reason in &c.reasons_against {
            let _ = writeln!(out, "   - {reason}");
        }
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "{}", kb.ui(Ui::SummaryAnswers));
    let lines = answer_lines(kb, answers);
    for (label, answer) in &lines.given {
        let _ = writeln!(out, "- {label}: {answer}");
    }
    if !lines.absent.is_empty() {
        let absent: Vec<&str> = lines.absent.iter().map(|l| &**l).collect();
        let _ = writeln!(out, "- {}", kb.ui_with(Ui::SummaryCheckedAbsent, &[("list", &absent.join("; "))]));
    }
    if !assessment.plan.sections.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", kb.ui(Ui::SummaryPlan));
        for section in &assessment.plan.sections {
            let titles: Vec<&str> = section.items.iter().map(|i| &*i.title).collect();
            let _ = writeln!(out, "- {}: {}", section.title, titles.join("; "));
        }
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "{}", kb.ui(Ui::SummaryHelp));
    for line in &assessment.safety_net {
        let _ = writeln!(out, "- {line}");
    }
    out
}
