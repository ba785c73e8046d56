// The shapes of what the build writes into embed.js (tools/post-build.mjs,
// from src/bin/prerender.rs): the values are the Rust's, never copied by
// hand; these types only say what each one looks like, so the type checker
// can hold the modules to them.

declare module 'foot-triage:facts' {
  /** This build's hashed file names, relative to embed.js. */
  export const FILES: {
    js: string;
    wasm: string;
    /** The compact knowledge both modules fetch beside themselves. */
    knowledge: string;
    css: string;
    diaryJs: string;
    diaryWasm: string;
    diaryCss: string;
  };

  /** A prerendered first question: one button answers it. */
  export interface FirstQuestion {
    id: string;
    html: string;
    /** What the screen says while the app is on its way with the answer. */
    waiting: string;
  }

  /** The prerendered first screens and what the hook needs to fill them. */
  export const FIRST: {
    /** By language, by `${number}${clinic}${remember}` (each 0 or 1). */
    languages: Record<string, Record<string, string>>;
    questions: Record<string, FirstQuestion | null>;
    /** Placeholders for the emergency number and the clinic's name. */
    number: string;
    clinic: string;
    /** Every `theme` value, and its class (null follows the device). */
    themes: Record<string, string | null>;
  };

  /** Each language's files: `interview`, `results`, `fallback`. */
  export const LANGUAGES: Record<string, { interview: string; results: string; fallback: string }>;

  /** The sha384 of every file embed.js loads, by its relative name. */
  export const INTEGRITY: Record<string, string>;

  /** What embed.js itself says, by language, from the catalogue. */
  export const WORDS: Record<
    string,
    {
      title: string;
      loading: string;
      failed: string;
      emergency: string;
      diaryOpening: string;
      diaryFailed: string;
      diaryBack: string;
      /** The standalone page's title and its offer to refresh. */
      pageTitle: string;
      updateReady: string;
      updateRefresh: string;
    }
  >;

  /** Each country with its own services (knowledge/care_regions.toml), by ISO 3166 code. */
  export const REGIONS: Record<string, { number: string; name: string }>;

  /** The options the widget reads (src/widget_config.rs). */
  export const OPTIONS: {
    attributes: string[];
    /** The fewest and most digits of an emergency number. */
    emergencyDigits: [number, number];
    /** The longest clinic name, in characters. */
    clinicName: number;
    /** The values `remember` takes. */
    remember: string[];
  };
}

/** The danger-sign check of one language (src/shell/fallback.rs). */
interface DangerCheck {
  /** The screen, without and with the host's emergency number. */
  html: string;
  numbered: string;
  /** What each outcome says, by its code (0 home care to 4 an ambulance), by
   * region: each country's, "" for none, and the number placeholder for none
   * with a clinic's number. */
  outcomes: Record<string, string[]>;
  /** Each sign's outcome when ticked, and when "not sure". */
  signs: Record<string, [number, number]>;
  /** Combinations that call for more than any of their signs. */
  combos: [string[], number][];
}

/** Set once the element listens on its shadow root (which outlives a move). */
interface ShadowRoot {
  ftListening?: boolean;
}
