/**
 * Spreadsheet-injection guard (OWASP "CSV Injection"): a text cell beginning with `=`, `+`, `-`, `@`,
 * tab or carriage return is prefixed with a single quote so Excel and LibreOffice show it as text instead
 * of evaluating it. Numbers are never passed here, so negative numbers stay numbers.
 *
 * Example: neutraliseFormula("=HYPERLINK(\"http://x\")") === "'=HYPERLINK(\"http://x\")".
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
