/**
 * A pattern with word-boundary checks, run without paying for Unicode word classes in the
 * common case. Compiling `[\p{L}\p{N}\p{M}_]` costs about a millisecond per pattern in V8 (more
 * under `i`, which closes the class over case folding), and the matcher has dozens of small
 * patterns: on a browser's first pass that compile time outweighed the scanning itself.
 *
 * The pattern is written once as a function of its word-character class and compiled in up to
 * three tiers that bracket the exact class:
 * - loose: only ASCII letters, digits and "_" count as word characters. Every exact match is a
 *   loose match, so a loose miss is an exact miss (the usual answer: the phrase is not there).
 * - strict: anything outside ASCII counts as a word character too, but for common punctuation. Every strict match is an
 *   exact match, so a strict hit is an exact hit (the usual answer when the phrase is there).
 * - exact: the Unicode class, compiled only when the two disagree: some phrase stands next to a
 *   character outside ASCII ("Tower—", "“Treasury”").
 */
import { COMMON_NON_WORD_CHARS, WORD_CHAR } from './text-classes';

const ASCII_WORD_CHAR = '[A-Za-z0-9_]';
/** Common punctuation outside ASCII ("Tower—", "“Treasury”") is known not to be a word character. */
const ASCII_WORD_OR_NON_ASCII = `(?:[A-Za-z0-9_]|(?![${COMMON_NON_WORD_CHARS}])[^\\x00-\\x7F])`;

export class TieredPattern {
  private loose: RegExp | null = null;
  private strict: RegExp | null = null;
  private exact: RegExp | null = null;

  /**
   * `sourceWith` must use its argument only in negative lookarounds (`(?<!…)`, `(?!…)`), where
   * a wider class can only reject more; patterns are built on first use.
   */
  constructor(
    private readonly sourceWith: (wordChar: string) => string,
    private readonly flags: string,
  ) {}

  /** Like RegExp.test (`flags` must not be global or sticky). */
  test(text: string): boolean {
    if (!(this.loose ??= new RegExp(this.sourceWith(ASCII_WORD_CHAR), this.flags)).test(text)) return false;
    if ((this.strict ??= new RegExp(this.sourceWith(ASCII_WORD_OR_NON_ASCII), this.flags)).test(text)) return true;
    return (this.exact ??= new RegExp(this.sourceWith(WORD_CHAR), this.flags)).test(text);
  }
}
