//! The formula language's syntax, one row per construct: the text a
//! clinician writes in the knowledge and the tree the parser must make of
//! it, printed compactly (`And[a, Or[b, c]]`), then the errors it must keep
//! for the linter rather than guess at.

use foot_triage::knowledge::formula::{CmpOp, Expr, Formula};

/// The tree in one line: names bare, lists in brackets.
fn show(expr: &Expr) -> String {
    let list = |items: &[Expr]| items.iter().map(show).collect::<Vec<_>>().join(", ");
    let names = |items: &[std::borrow::Cow<'static, str>]| items.join(", ");
    match expr {
        Expr::True => "true".into(),
        Expr::Is(key, value) => format!("{key}={value}"),
        Expr::In(key, values) => format!("{key} in [{}]", names(values)),
        Expr::Has(key, values) => format!("{key} has [{}]", names(values)),
        Expr::Within(key, values) => format!("{key} within [{}]", names(values)),
        Expr::Cmp(key, op, n) => format!("{key}{}{n}", op_text(*op)),
        Expr::CmpTo(key, op, name) => format!("{key}{}{name}", op_text(*op)),
        Expr::Answered(key) => format!("answered({key})"),
        Expr::Name(name) => name.to_string(),
        Expr::Not(inner) => format!("Not[{}]", show(inner)),
        Expr::And(items) => format!("And[{}]", list(items)),
        Expr::Or(items) => format!("Or[{}]", list(items)),
        Expr::Invalid(why) => format!("Invalid({why})"),
    }
}

fn op_text(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Lt => "<",
        CmpOp::Le => "<=",
        CmpOp::Gt => ">",
        CmpOp::Ge => ">=",
        CmpOp::Eq => "==",
    }
}

fn check(text: &str, tree: &str) {
    let formula = Formula::parse(text);
    assert_eq!(show(&formula.expr), tree, "{text}");
    assert_eq!(formula.to_string(), text, "a formula keeps its source text");
}

#[test]
fn each_construct_parses_to_its_tree() {
    for (text, tree) in [
        ("true", "true"),
        ("swelling", "swelling"),
        ("swelling is yes", "swelling=yes"),
        ("onset in [sudden, gradual]", "onset in [sudden, gradual]"),
        ("where has [heel, arch]", "where has [heel, arch]"),
        ("where within [heel]", "where within [heel]"),
        ("answered(age)", "answered(age)"),
        ("age >= 50", "age>=50"),
        ("pain < 4", "pain<4"),
        ("pain == 10", "pain==10"),
        ("temp > -1.5", "temp>-1.5"),
        ("change > load.big_spike_percent", "change>load.big_spike_percent"),
        ("not swelling", "Not[swelling]"),
        ("a and b and c", "And[a, b, c]"),
        ("a or b", "Or[a, b]"),
        // `and` binds tighter than `or`; brackets override it.
        ("a or b and c", "Or[a, And[b, c]]"),
        ("a and (b or c)", "And[a, Or[b, c]]"),
        ("not (a or b)", "Not[Or[a, b]]"),
        ("not a and b", "And[Not[a], b]"),
    ] {
        check(text, tree);
    }
}

/// A mistake is kept as `Invalid`, which evaluates to false and which the
/// linter reports with its owner's id; the parser never panics or guesses.
#[test]
fn mistakes_are_kept_for_the_linter() {
    for text in
        ["", "a and", "(a or b", "a or b)", "pain = 3", "pain > ", "where has [heel", "1.2.3 > a", "a b", "Swelling"]
    {
        let formula = Formula::parse(text);
        assert!(matches!(formula.expr, Expr::Invalid(_)), "{text:?} gave {}", show(&formula.expr));
    }
}
