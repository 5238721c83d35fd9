// No imports: the redactor, which every error loads, builds its patterns from this at load.

/**
 * The zero of each script whose digits a number may be written in: ASCII, Arabic-Indic (two),
 * Devanagari, Bengali, Odia, Ol Chiki and full-width. Each script's ten digits follow its zero.
 */
export const DIGIT_ZEROS = [0x30, 0x660, 0x6f0, 0x966, 0x9e6, 0xb66, 0x1c50, 0xff10] as const;

/** The ASCII digits of `text` in order, whatever script each was written in; the rest dropped. */
export function allDigits(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    const zero = DIGIT_ZEROS.find((z) => code >= z && code <= z + 9);
    if (zero !== undefined) out += String(code - zero);
  }
  return out;
}
