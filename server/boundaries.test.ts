/**
 * The module boundaries ESLint enforces (eslint.config.js, MODULE_DEPENDENCIES): the list of
 * which module may use which is a directed acyclic graph covering every module, and the lint
 * refuses what breaks it — an import that would close a loop between two modules, a module
 * importing the composition root, the platform importing a module. Run here through ESLint's
 * own API on small texts, so a change of configuration that lets a cycle through fails a test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const configFile = path.join(root, 'eslint.config.js');
const { MODULE_DEPENDENCIES } = (await import(configFile)) as { MODULE_DEPENDENCIES: Record<string, string[]> };

/** The modules in an order where each comes after those it uses, or the loop that prevents one. */
function layers(graph: Record<string, string[]>): { order: string[]; loop: string[] | null } {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (m: string, trail: string[]): string[] | null => {
    if (state.get(m) === 'done') return null;
    if (state.get(m) === 'visiting') return [...trail.slice(trail.indexOf(m)), m];
    state.set(m, 'visiting');
    for (const d of graph[m] ?? []) {
      const loop = visit(d, [...trail, m]);
      if (loop) return loop;
    }
    state.set(m, 'done');
    order.push(m);
    return null;
  };
  for (const m of Object.keys(graph)) {
    const loop = visit(m, []);
    if (loop) return { order, loop };
  }
  return { order, loop: null };
}

async function lint(file: string, text: string) {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(text, { filePath: path.join(root, file) });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('module boundaries', () => {
  it('name every module of server/modules, and only modules that exist', () => {
    const folders = fs
      .readdirSync(path.join(root, 'server/modules'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect(Object.keys(MODULE_DEPENDENCIES).sort()).toEqual(folders);
    for (const uses of Object.values(MODULE_DEPENDENCIES)) for (const u of uses) expect(folders).toContain(u);
  });

  it('form no loop: every module comes after the modules it uses', () => {
    expect(layers(MODULE_DEPENDENCIES).loop).toBeNull();
    expect(layers({ a: ['b'], b: ['c'], c: ['a'] }).loop).toEqual(['a', 'b', 'c', 'a']);
  });

  it('refuse an import that would close a loop between modules', async () => {
    // values uses tasks (computed indicators count tasks); tasks using values would be a loop.
    expect(MODULE_DEPENDENCIES.values).toContain('tasks');
    const messages = await lint(
      'server/modules/tasks/probe.ts',
      "import { x } from '../values/values.queries.ts';\nexport const y = x;\n",
    );
    expect(messages.join('\n')).toMatch(/boundaries\/dependencies: module tasks may not import module values/);
  });

  it('let a module use one it is allowed to, through its face only', async () => {
    expect(MODULE_DEPENDENCIES.values).toContain('tasks');
    const face = await lint(
      'server/modules/values/probe.ts',
      "import { stats } from '../tasks/index.ts';\nexport const y = stats;\n",
    );
    expect(face.filter((m) => m.startsWith('boundaries'))).toEqual([]);
    const inside = await lint(
      'server/modules/values/probe.ts',
      "import { stats } from '../tasks/tasks.lists.service.ts';\nexport const y = stats;\n",
    );
    expect(inside.join('\n')).toMatch(/boundaries\/dependencies: module values may not import module tasks/);
    const root = await lint(
      'server/probe.ts',
      "import { taskRoutes } from './modules/tasks/tasks.routes.ts';\nexport const y = taskRoutes;\n",
    );
    expect(root.join('\n')).toMatch(/no-restricted-imports: .*face/);
  });

  it('keep the platform below every module, and the composition root above them', async () => {
    const platform = await lint(
      'server/platform/probe.ts',
      "import { x } from '../modules/tasks/tasks.queries.ts';\nexport const y = x;\n",
    );
    expect(platform.join('\n')).toMatch(/boundaries\/dependencies: platform\s+may not import module tasks/);
    const module = await lint(
      'server/modules/tasks/probe.ts',
      "import { buildApp } from '../../app.ts';\nexport const y = buildApp;\n",
    );
    expect(module.join('\n')).toMatch(/no-restricted-imports: .*composition root uses the modules/);
  });
});
