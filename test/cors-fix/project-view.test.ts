/**
 * The project view follows imported names to their declarations the way the project resolves them (tsconfig `paths`,
 * barrels, CommonJS), and the model reads options defined in another module through it.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCorsFile, wildcardOrigins, hardcodedOrigins, fileOf } from '../../src/model/index.js';
import { ProjectFiles } from '../../src/cors-fix/project-files.js';
import { ProjectView } from '../../src/cors-fix/project-view.js';
import { removeTemp, tempProject } from './helpers.js';

const temps: string[] = [];
afterAll(() => temps.forEach(removeTemp));

function project(files: Record<string, string>): string {
  const root = tempProject(files, 'cors-view-');
  temps.push(root);
  return root;
}

function read(root: string, entry: string) {
  const files = new ProjectFiles(root, false);
  const view = new ProjectView(files);
  const parsed = files.parse(join(root, entry));
  if (!parsed.ok) throw new Error(parsed.reason);
  return { files, view, file: readCorsFile(parsed.file.sourceCode, parsed.file.filename, view) };
}

describe('options imported from another module', () => {
  it('follows a tsconfig paths alias through a barrel to a typed options object', () => {
    const root = project({
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', baseUrl: '.', paths: { '@config/*': ['src/config/*'] } } }),
      'src/config/cors.ts': "import type { CorsOptions } from 'cors';\nexport const apiCors: CorsOptions = { origin: true, credentials: true };\n",
      'src/config/index.ts': "export * from './cors.js';\n",
      'src/main.ts': "import express from 'express';\nimport cors from 'cors';\nimport { apiCors } from '@config/index';\nconst app = express();\napp.use(cors(apiCors));\n",
    });
    const { file } = read(root, 'src/main.ts');
    expect(file.policies).toHaveLength(1);
    const [policy] = file.policies;
    if (!policy) throw new Error('no policy');
    expect(policy.options.kind).toBe('object');
    expect(policy.credentials.on).toBe(true);
    expect(policy.allowedOrigins.map((origin) => origin.kind)).toEqual(['reflect']);
    expect(fileOf(policy.allowedOrigins[0]?.node ?? policy.node)?.filename).toBe(join(root, 'src/config/cors.ts'));
  });

  it('follows CommonJS: destructured require, a module.exports object, exports.x and a namespace require', () => {
    const root = project({
      'cors-config.js': "const allowed = ['https://a.example.com'];\nmodule.exports = { corsOptions: { origin: allowed, credentials: true } };\n",
      'admin.js': "exports.adminCors = { origin: '*' };\n",
      'server.js': "const cors = require('cors');\nconst { corsOptions } = require('./cors-config');\nconst admin = require('./admin');\nconst app = require('express')();\napp.use(cors(corsOptions));\napp.use('/admin', cors(admin.adminCors));\n",
    });
    const { file } = read(root, 'server.js');
    expect(file.policies).toHaveLength(2);
    const [main, admin] = file.policies;
    if (!main || !admin) throw new Error('two policies expected');
    expect(hardcodedOrigins(main).map((origin) => origin.text)).toEqual(['https://a.example.com']);
    expect(wildcardOrigins(admin).map((origin) => origin.kind)).toEqual(['any']);
  });

  it('leaves options from packages and from outside the repository opaque', () => {
    const root = project({
      'app/server.js': "import cors from 'cors';\nimport { options } from 'shared-cors';\nimport { outside } from '../../outside.js';\ncors(options);\ncors(outside);\n",
    });
    const { file } = read(join(root, 'app'), 'server.js');
    expect(file.policies.map((policy) => policy.options.kind)).toEqual(['opaque', 'opaque']);
  });
});
