//! The formula language's syntax: the parsed tree and the parser. It depends
//! only on the knowledge model's `Text` and `List`, so `build.rs` compiles it
//! too and writes the embedded knowledge with every formula already parsed.

use std::{borrow::Cow, fmt};

use serde::Serialize;

use super::super::text::{List, Text};

/// A parsed formula, kept with its source text for display and linting.
///
/// It serializes as its parts, which is how `build.rs` writes the embedded
/// knowledge already parsed, in its compact form; it deserializes from its text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Formula {
    pub text: Text,
    pub expr: Expr,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Expr {
    True,
    /// `key is value`; a bare yes/no key means `key is yes`.
    Is(Text, Text),
    /// `key in [a, b]`: a single choice that is one of these.
    In(Text, List<Text>),
    /// `key has [a, b]`: a multiple choice that includes any of these.
    Has(Text, List<Text>),
    /// `key within [a, b]`: a non-empty multiple choice using only these.
    Within(Text, List<Text>),
    Cmp(Text, CmpOp, f64),
    /// `answered(key)`: a real answer, not "not sure".
    Answered(Text),
    /// A named fact from the knowledge base (`[[fact]]`), or a yes/no key.
    Name(Text),
    Not(Box<Expr>),
    And(List<Expr>),
    Or(List<Expr>),
    /// Keeps a parse error so the linter can report it with its owner's id;
    /// it evaluates to false.
    Invalid(Text),
    /// `key > load.big_spike_percent`: a comparison with a named number from
    /// `meta`, as parsed. Loading the knowledge replaces it with `Cmp`
    /// (`Knowledge::resolve_constants`), so the engine never meets one.
    CmpTo(Text, CmpOp, Text),
}

/// The numbers a formula may name (`meta.shoes`, `meta.load`); see
/// `Knowledge::constant`.
pub const CONSTANTS: [&str; 4] =
    ["shoes.check_km", "shoes.replace_km", "load.max_weekly_increase_percent", "load.big_spike_percent"];

impl Expr {
    /// Replaces each named bound with its number from `lookup`; an unknown
    /// name becomes `Invalid`, which the linter reports.
    pub fn resolve(&mut self, lookup: &dyn Fn(&str) -> Option<f64>) {
        match self {
            Expr::CmpTo(key, op, name) => {
                *self = match lookup(name) {
                    Some(n) => Expr::Cmp(key.clone(), *op, n),
                    None => Expr::Invalid(Cow::Owned(format!("`{name}` is not a number the formulas can name"))),
                }
            }
            Expr::Not(inner) => inner.resolve(lookup),
            Expr::And(items) | Expr::Or(items) => items.to_mut().iter_mut().for_each(|e| e.resolve(lookup)),
            _ => {}
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
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

impl Formula {
    pub fn parse(text: &str) -> Formula {
        let expr = Parser::new(text).parse_all().unwrap_or_else(|e| Expr::Invalid(Cow::Owned(e)));
        Formula { text: Cow::Owned(text.to_string()), expr }
    }

    pub fn always() -> Formula {
        Formula { text: Cow::Borrowed("true"), expr: Expr::True }
    }

    /// A formula that never holds, for items that apply only by another field.
    pub fn never() -> Formula {
        Formula { text: Cow::Borrowed("not true"), expr: Expr::Not(Box::new(Expr::True)) }
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

impl Default for Formula {
    fn default() -> Self {
        Formula::always()
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
                    // A dot joins the parts of a named number (`shoes.check_km`).
                    while i + 1 < chars.len()
                        && (chars[i + 1].is_ascii_lowercase()
                            || chars[i + 1].is_ascii_digit()
                            || chars[i + 1] == '_'
                            || chars[i + 1] == '.')
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
        Ok(if items.len() == 1 { items.pop().unwrap() } else { Expr::Or(Cow::Owned(items)) })
    }

    fn and(&mut self) -> Result<Expr, String> {
        let mut items = vec![self.unary()?];
        while self.peek_word("and") {
            self.pos += 1;
            items.push(self.unary()?);
        }
        Ok(if items.len() == 1 { items.pop().unwrap() } else { Expr::And(Cow::Owned(items)) })
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
            return Ok(Expr::Answered(Cow::Owned(key)));
        }
        if matches!(self.tokens.get(self.pos), Some((_, Token::Open))) {
            self.pos += 1;
            let inner = self.or()?;
            self.expect(Token::Close, "`)`")?;
            return Ok(inner);
        }
        let key: Text = Cow::Owned(self.ident("a question key or fact")?);
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
                Ok(Expr::Is(key, Cow::Owned(value)))
            }
            Some(Token::Ident(w)) if w == "in" || w == "has" || w == "within" => {
                self.pos += 1;
                let values = if matches!(self.tokens.get(self.pos), Some((_, Token::OpenList))) {
                    self.list()?
                } else {
                    vec![self.ident("an option")?]
                };
                let values: List<Text> = values.into_iter().map(Cow::Owned).collect();
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
                    Some((_, Token::Ident(name))) if name.contains('.') => {
                        let name = Cow::Owned(name.clone());
                        self.pos += 1;
                        Ok(Expr::CmpTo(key, op, name))
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
