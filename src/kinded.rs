//! One shape for the crate's error types (as `AnswerError` and lint
//! `Problem`s have): a `kind` that says what went wrong, for code and tests to
//! match, and a message in words for the runner or the console. At the bottom
//! of the ladder, so every layer can declare its errors with it.

/// Declares `$name { kind: $kind, message }` with `Display` (the message),
/// `std::error::Error`, `new`, `kind` and `message`, and the kind enum with its
/// variants (each documented "Occurs when ...").
macro_rules! kinded_error {
    (
        $(#[$meta:meta])* $name:ident,
        $kind:ident { $($(#[$vmeta:meta])* $variant:ident),* $(,)? }
    ) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $kind {
            $($(#[$vmeta])* $variant),*
        }

        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq)]
        pub struct $name {
            kind: $kind,
            message: String,
        }

        impl $name {
            pub fn new(kind: $kind, message: impl Into<String>) -> Self {
                Self { kind, message: message.into() }
            }

            /// What went wrong, for code and tests to match.
            pub fn kind(&self) -> &$kind {
                &self.kind
            }

            /// The message, in words for the runner (or the console).
            pub fn message(&self) -> &str {
                &self.message
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.message)
            }
        }

        impl std::error::Error for $name {}
    };
}

pub(crate) use kinded_error;
