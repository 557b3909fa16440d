/** The formatting habits of one file (line ending, quotes, semicolons, indentation), so inserted code blends in. */
import type { SourceCode } from '../model/index.js';

/** How a file writes code, detected from its own tokens. */
export interface TextStyle {
  eol: '\n' | '\r\n';
  quote: "'" | '"';
  /** Statements end with `;` (false for ASI style). */
  semicolons: boolean;
  /** One level of indentation: two or four spaces, or a tab. */
  indentUnit: string;
  /** Multi-line object and array literals end with a comma. */
  trailingCommas: boolean;
}

/** Reads the style from the file's own tokens; defaults to LF, single quotes, semicolons and two spaces. */
export function detectStyle(sourceCode: SourceCode): TextStyle {
  const text = sourceCode.text;
  return {
    eol: detectEol(text),
    quote: detectQuote(sourceCode),
    semicolons: detectSemicolons(sourceCode),
    indentUnit: detectIndentUnit(text),
    trailingCommas: detectTrailingCommas(sourceCode),
  };
}

function detectTrailingCommas(sourceCode: SourceCode): boolean {
  let withComma = 0;
  let without = 0;
  const tokens = sourceCode.ast.tokens;
  for (let index = 1; index < tokens.length; index += 1) {
    const token = tokens[index];
    const previous = tokens[index - 1];
    if (!token || !previous || (token.value !== '}' && token.value !== ']') || token.loc.start.line === previous.loc.end.line) continue;
    if (previous.value === '{' || previous.value === '[') continue;
    const literal = sourceCode.getNodeByRangeIndex(token.range[0]);
    if (literal?.type !== 'ObjectExpression' && literal?.type !== 'ArrayExpression') continue;
    if (previous.value === ',') withComma += 1;
    else without += 1;
  }
  return withComma >= without;
}

function detectEol(text: string): '\n' | '\r\n' {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1 - crlf;
  return crlf > lf ? '\r\n' : '\n';
}

function detectQuote(sourceCode: SourceCode): "'" | '"' {
  let single = 0;
  let double = 0;
  for (const token of sourceCode.ast.tokens) {
    if (token.type !== 'String') continue;
    if (token.value.startsWith("'")) single += 1;
    else if (token.value.startsWith('"')) double += 1;
  }
  return double > single ? '"' : "'";
}

function detectSemicolons(sourceCode: SourceCode): boolean {
  let withSemicolon = 0;
  let without = 0;
  const visit = (statements: readonly { type: string; range: [number, number] }[]): void => {
    for (const statement of statements) {
      if (!/^(?:VariableDeclaration|ExpressionStatement|ImportDeclaration|ReturnStatement|ThrowStatement|ExportNamedDeclaration|ExportDefaultDeclaration)$/u.test(statement.type)) continue;
      if (statement.type.startsWith('Export') && sourceCode.text.slice(statement.range[1] - 1, statement.range[1]) === '}') continue;
      if (sourceCode.text[statement.range[1] - 1] === ';') withSemicolon += 1;
      else if (!sourceCode.text.slice(statement.range[0], statement.range[1]).trimEnd().endsWith('}')) without += 1;
    }
  };
  visit(sourceCode.ast.body);
  return without <= withSemicolon;
}

function detectIndentUnit(text: string): string {
  let tabs = 0;
  let smallest = Infinity;
  for (const line of text.split(/\r?\n/u)) {
    const match = /^([ \t]+)[^\s*]/u.exec(line);
    if (!match?.[1]) continue;
    if (match[1].startsWith('\t')) tabs += 1;
    else if (match[1].length >= 2) smallest = Math.min(smallest, match[1].length);
  }
  if (tabs > 0 && smallest === Infinity) return '\t';
  return ' '.repeat(smallest === Infinity ? 2 : Math.min(smallest, 8));
}

/** The leading whitespace of the line that contains `offset`. */
export function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/u.exec(text.slice(lineStart))?.[0] ?? '';
}

/** A string literal in the file's quote style. */
export function quoted(value: string, style: TextStyle): string {
  const escaped = value.replaceAll('\\', '\\\\').replaceAll(style.quote, `\\${style.quote}`);
  return `${style.quote}${escaped}${style.quote}`;
}
