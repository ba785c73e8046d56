//! The small condition language that rules, features, facts and question
//! gates are written in, so a clinician can read them as sentences.
//!
//! ```text
//! fever and (spreading_redness or feels_very_unwell)
//! injury in [twist_or_roll, fall_or_impact] and can_bear_weight is no
//! pain_locations has [heel_bottom, arch] and duration_days > 7
//! ```
//!
//! **Unanswered questions make every test false.** `fever`, `fever is no`,
//! `x in [...]`, `x has ...` and `x > 3` are all false when `x` was not
//! answered; only `not` turns that around (`not fever` is true when fever was
//! not asked), which is why red-flag rules never need `not`. "Not sure" counts
//! as the question's worrying answer (its `concerning` value) and as nothing
//! else; `answered(x)` is true only for a real answer, not for "not sure".

use std::fmt;

use crate::answers::{Answer, Answers};

/// A parsed formula, kept with its source text for display and linting.
#[derive(Debug, Clone, PartialEq)]
pub struct Formula {
    pub text: String,
    pub expr: Expr,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    True,
    /// `key is value`; a bare yes/no key means `key is yes`.
    Is(String, String),
    /// `key in [a, b]`: a single choice that is one of these.
    In(String, Vec<String>),
    /// `key has [a, b]`: a multiple choice that includes any of these.
    Has(String, Vec<String>),
    /// `key within [a, b]`: a non-empty multiple choice using only these.
    Within(String, Vec<String>),
    Cmp(String, CmpOp, f64),
    /// `answered(key)`: a real answer, not "not sure".
    Answered(String),
    /// A named fact from the knowledge base (`[[fact]]`), or a yes/no key.
    Name(String),
    Not(Box<Expr>),
    And(Vec<Expr>),
    Or(Vec<Expr>),
    /// Keeps a parse error so the linter can report it with its owner's id;
    /// it evaluates to false.
    Invalid(String),
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CmpOp {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
}

impl CmpOp {
    pub fn apply(self, a: f64, b: f64) -> bool {
        match self {
            CmpOp::Lt => a < b,
            CmpOp::Le => a <= b,
            CmpOp::Gt => a > b,
            CmpOp::Ge => a >= b,
            CmpOp::Eq => a == b,
        }
    }
}

/// What a formula needs from its surroundings while it is evaluated.
pub trait Scope {
    /// The expression of a named fact, if `name` is one.
    fn fact(&self, name: &str) -> Option<&Expr>;
    /// The worrying answer of a yes/no question (`Answer::Yes` or `Answer::No`),
    /// which "not sure" is read as.
    fn concerning(&self, key: &str) -> Option<&Answer>;
}

impl Formula {
    pub fn parse(text: &str) -> Formula {
        let expr = Parser::new(text).parse_all().unwrap_or_else(Expr::Invalid);
        Formula { text: text.to_string(), expr }
    }

    pub fn always() -> Formula {
        Formula { text: "true".into(), expr: Expr::True }
    }

    pub fn eval(&self, scope: &dyn Scope, answers: &Answers) -> bool {
        self.expr.eval(scope, answers)
    }
}

impl<'de> serde::Deserialize<'de> for Formula {
    /// Never fails: a syntax error becomes `Expr::Invalid`, which the linter
    /// reports with the id of the rule that holds it.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Ok(Formula::parse(&text))
    }
}

impl serde::Serialize for Formula {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

impl Default for Formula {
    fn default() -> Self {
        Formula::always()
    }
}

impl Expr {
    pub fn eval(&self, scope: &dyn Scope, answers: &Answers) -> bool {
        match self {
            Expr::True => true,
            Expr::Name(name) => match scope.fact(name) {
                Some(fact) => fact.eval(scope, answers),
                None => is(scope, answers, name, "yes"),
            },
            Expr::Is(key, value) => is(scope, answers, key, value),
            Expr::In(key, values) => match answers.get(key) {
                Some(Answer::Choice(c)) => values.contains(c),
                _ => false,
            },
            Expr::Has(key, values) => match answers.get(key) {
                Some(Answer::Choices(cs)) => cs.iter().any(|c| values.contains(c)),
                Some(Answer::Choice(c)) => values.contains(c),
                _ => false,
            },
            Expr::Within(key, values) => match answers.get(key) {
                Some(Answer::Choices(cs)) => !cs.is_empty() && cs.iter().all(|c| values.contains(c)),
                _ => false,
            },
            Expr::Cmp(key, op, bound) => match answers.get(key) {
                Some(Answer::Number(n)) => op.apply(*n, *bound),
                _ => false,
            },
            Expr::Answered(key) => matches!(answers.get(key), Some(a) if *a != Answer::NotSure),
            Expr::Not(inner) => !inner.eval(scope, answers),
            Expr::And(items) => items.iter().all(|e| e.eval(scope, answers)),
            Expr::Or(items) => items.iter().any(|e| e.eval(scope, answers)),
            Expr::Invalid(_) => false,
        }
    }

    /// Visits every question key this expression reads, expanding facts.
    pub fn visit_keys(&self, scope: &dyn Scope, f: &mut dyn FnMut(&str)) {
        self.visit_keys_depth(scope, f, 0);
    }

    fn visit_keys_depth(&self, scope: &dyn Scope, f: &mut dyn FnMut(&str), depth: usize) {
        // Facts may only use facts defined before them (the linter checks it),
        // so the depth bound is only a guard against a broken knowledge base.
        if depth > 32 {
            return;
        }
        match self {
            Expr::True | Expr::Invalid(_) => {}
            Expr::Name(name) => match scope.fact(name) {
                Some(fact) => fact.visit_keys_depth(scope, f, depth + 1),
                None => f(name),
            },
            Expr::Is(k, _) | Expr::In(k, _) | Expr::Has(k, _) | Expr::Within(k, _) | Expr::Cmp(k, _, _) => f(k),
            Expr::Answered(k) => f(k),
            Expr::Not(inner) => inner.visit_keys_depth(scope, f, depth + 1),
            Expr::And(items) | Expr::Or(items) => items.iter().for_each(|e| e.visit_keys_depth(scope, f, depth + 1)),
        }
    }

    /// The question keys this expression reads, in first-use order.
    pub fn keys(&self, scope: &dyn Scope) -> Vec<String> {
        let mut keys: Vec<String> = Vec::new();
        self.visit_keys(scope, &mut |k| {
            if !keys.iter().any(|x| x == k) {
                keys.push(k.to_string());
            }
        });
        keys
    }
}

fn is(scope: &dyn Scope, answers: &Answers, key: &str, value: &str) -> bool {
    let Some(answer) = answers.get(key) else {
        return false;
    };
    match (answer, value) {
        (Answer::Yes, "yes") | (Answer::No, "no") | (Answer::NotSure, "not_sure") => true,
        (Answer::NotSure, "yes") => scope.concerning(key) == Some(&Answer::Yes),
        (Answer::NotSure, "no") => scope.concerning(key) == Some(&Answer::No),
        (Answer::Choice(c), v) => c == v,
        (Answer::Choices(cs), v) => cs.iter().any(|c| c == v),
        _ => false,
    }
}

impl fmt::Display for Formula {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Ident(String),
    Number(f64),
    Open,
    Close,
    OpenList,
    CloseList,
    Comma,
    Op(CmpOp),
}

struct Parser {
    tokens: Vec<(usize, Token)>,
    pos: usize,
    error: Option<String>,
}

impl Parser {
    fn new(text: &str) -> Parser {
        let mut tokens = Vec::new();
        let mut error = None;
        let chars: Vec<char> = text.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            let start = i;
            if c.is_whitespace() {
                i += 1;
                continue;
            }
            let token = match c {
                '(' => Token::Open,
                ')' => Token::Close,
                '[' => Token::OpenList,
                ']' => Token::CloseList,
                ',' => Token::Comma,
                '<' | '>' | '=' => {
                    let eq = chars.get(i + 1) == Some(&'=');
                    if eq {
                        i += 1;
                    }
                    match (c, eq) {
                        ('<', false) => Token::Op(CmpOp::Lt),
                        ('<', true) => Token::Op(CmpOp::Le),
                        ('>', false) => Token::Op(CmpOp::Gt),
                        ('>', true) => Token::Op(CmpOp::Ge),
                        ('=', true) => Token::Op(CmpOp::Eq),
                        _ => {
                            error.get_or_insert(format!("write `==`, not `=`, at column {}", start + 1));
                            Token::Op(CmpOp::Eq)
                        }
                    }
                }
                c if c.is_ascii_digit() || c == '-' || c == '.' => {
                    while i + 1 < chars.len() && (chars[i + 1].is_ascii_digit() || chars[i + 1] == '.') {
                        i += 1;
                    }
                    let s: String = chars[start..=i].iter().collect();
                    match s.parse::<f64>() {
                        Ok(n) => Token::Number(n),
                        Err(_) => {
                            error.get_or_insert(format!("`{s}` is not a number, at column {}", start + 1));
                            Token::Number(0.0)
                        }
                    }
                }
                c if c.is_ascii_lowercase() || c == '_' => {
                    while i + 1 < chars.len()
                        && (chars[i + 1].is_ascii_lowercase() || chars[i + 1].is_ascii_digit() || chars[i + 1] == '_')
                    {
                        i += 1;
                    }
                    Token::Ident(chars[start..=i].iter().collect())
                }
                other => {
                    error.get_or_insert(format!("unexpected `{other}` at column {}", start + 1));
                    i += 1;
                    continue;
                }
            };
            tokens.push((start, token));
            i += 1;
        }
        Parser { tokens, pos: 0, error }
    }

    fn parse_all(mut self) -> Result<Expr, String> {
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        if self.tokens.is_empty() {
            return Err("the formula is empty".into());
        }
        let expr = self.or()?;
        match self.tokens.get(self.pos) {
            None => Ok(expr),
            Some((col, t)) => Err(format!("unexpected {} at column {}", describe(t), col + 1)),
        }
    }

    fn peek_word(&self, word: &str) -> bool {
        matches!(self.tokens.get(self.pos), Some((_, Token::Ident(w))) if w == word)
    }

    fn expect(&mut self, want: Token, what: &str) -> Result<(), String> {
        match self.tokens.get(self.pos) {
            Some((_, t)) if *t == want => {
                self.pos += 1;
                Ok(())
            }
            Some((col, t)) => Err(format!("expected {what}, found {} at column {}", describe(t), col + 1)),
            None => Err(format!("expected {what}, but the formula ended")),
        }
    }

    fn ident(&mut self, what: &str) -> Result<String, String> {
        match self.tokens.get(self.pos) {
            Some((_, Token::Ident(w))) if !is_keyword(w) => {
                self.pos += 1;
                Ok(w.clone())
            }
            Some((col, t)) => Err(format!("expected {what}, found {} at column {}", describe(t), col + 1)),
            None => Err(format!("expected {what}, but the formula ended")),
        }
    }

    fn or(&mut self) -> Result<Expr, String> {
        let mut items = vec![self.and()?];
        while self.peek_word("or") {
            self.pos += 1;
            items.push(self.and()?);
        }
        Ok(if items.len() == 1 { items.pop().unwrap() } else { Expr::Or(items) })
    }

    fn and(&mut self) -> Result<Expr, String> {
        let mut items = vec![self.unary()?];
        while self.peek_word("and") {
            self.pos += 1;
            items.push(self.unary()?);
        }
        Ok(if items.len() == 1 { items.pop().unwrap() } else { Expr::And(items) })
    }

    fn unary(&mut self) -> Result<Expr, String> {
        if self.peek_word("not") {
            self.pos += 1;
            return Ok(Expr::Not(Box::new(self.unary()?)));
        }
        if self.peek_word("true") {
            self.pos += 1;
            return Ok(Expr::True);
        }
        if self.peek_word("answered") {
            self.pos += 1;
            self.expect(Token::Open, "`(` after `answered`")?;
            let key = self.ident("a question key")?;
            self.expect(Token::Close, "`)`")?;
            return Ok(Expr::Answered(key));
        }
        if matches!(self.tokens.get(self.pos), Some((_, Token::Open))) {
            self.pos += 1;
            let inner = self.or()?;
            self.expect(Token::Close, "`)`")?;
            return Ok(inner);
        }
        let key = self.ident("a question key or fact")?;
        match self.tokens.get(self.pos).map(|(_, t)| t.clone()) {
            Some(Token::Ident(w)) if w == "is" => {
                self.pos += 1;
                let value = match self.tokens.get(self.pos) {
                    Some((_, Token::Ident(v))) => v.clone(),
                    Some((col, t)) => {
                        return Err(format!(
                            "expected a value after `is`, found {} at column {}",
                            describe(t),
                            col + 1
                        ));
                    }
                    None => return Err("expected a value after `is`, but the formula ended".into()),
                };
                self.pos += 1;
                Ok(Expr::Is(key, value))
            }
            Some(Token::Ident(w)) if w == "in" || w == "has" || w == "within" => {
                self.pos += 1;
                let values = if matches!(self.tokens.get(self.pos), Some((_, Token::OpenList))) {
                    self.list()?
                } else {
                    vec![self.ident("an option")?]
                };
                Ok(match w.as_str() {
                    "in" => Expr::In(key, values),
                    "has" => Expr::Has(key, values),
                    _ => Expr::Within(key, values),
                })
            }
            Some(Token::Op(op)) => {
                self.pos += 1;
                match self.tokens.get(self.pos) {
                    Some((_, Token::Number(n))) => {
                        let n = *n;
                        self.pos += 1;
                        Ok(Expr::Cmp(key, op, n))
                    }
                    Some((col, t)) => Err(format!("expected a number, found {} at column {}", describe(t), col + 1)),
                    None => Err("expected a number, but the formula ended".into()),
                }
            }
            _ => Ok(Expr::Name(key)),
        }
    }

    fn list(&mut self) -> Result<Vec<String>, String> {
        self.expect(Token::OpenList, "`[`")?;
        let mut values = vec![self.ident("an option")?];
        while matches!(self.tokens.get(self.pos), Some((_, Token::Comma))) {
            self.pos += 1;
            values.push(self.ident("an option")?);
        }
        self.expect(Token::CloseList, "`]`")?;
        Ok(values)
    }
}

fn is_keyword(word: &str) -> bool {
    matches!(word, "and" | "or" | "not" | "is" | "in" | "has" | "within" | "answered" | "true")
}

fn describe(token: &Token) -> String {
    match token {
        Token::Ident(w) => format!("`{w}`"),
        Token::Number(n) => format!("the number {n}"),
        Token::Open => "`(`".into(),
        Token::Close => "`)`".into(),
        Token::OpenList => "`[`".into(),
        Token::CloseList => "`]`".into(),
        Token::Comma => "`,`".into(),
        Token::Op(_) => "a comparison".into(),
    }
}
