/** Reads a file through the real ESLint pipeline and returns the CORS model, for model tests. */
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import type { CorsFile } from '../../src/model/index.js';
import { readCorsFile } from '../../src/model/index.js';

export function readModel(code: string, filename: string): CorsFile {
  let file: CorsFile | undefined;
  const messages = new Linter().verify(
    code,
    [
      {
        files: ['**/*.*'],
        languageOptions: { parser: tsParser, sourceType: /\.c[jt]s$/u.test(filename) ? 'commonjs' : 'module' },
        plugins: {
          model: {
            rules: {
              read: {
                create: (context) => ({
                  'Program:exit': () => {
                    file = readCorsFile(context.sourceCode as never, filename);
                  },
                }),
              },
            },
          },
        },
        rules: { 'model/read': 'error' },
      },
    ],
    filename,
  );
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`${filename}: ${fatal.message}`);
  if (!file) throw new Error(`${filename}: the model was not read`);
  return file;
}
