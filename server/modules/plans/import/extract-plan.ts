/**
 * extractPlan(text): the structured plan of a Vietnamese digital-transformation plan document.
 * Pure and synchronous. Lines in the result are 1-based lines of `text` exactly as given, so the
 * review screen can show `text.split('\n')[line - 1]` beside each item.
 *
 * Pipeline: lines → blocks (blocks.ts, with flattened PDF tables set apart by flat-table.ts)
 * → outline and context of each block (sections.ts) → header facts (header.ts), indicators
 * (indicators.ts, tables.ts), tasks (tasks.ts, tables.ts) and reporting rules (reporting.ts).
 */
import { buildBlocks, lineOf } from './blocks.ts';
import { findFlatTables } from './flat-table.ts';
import { findFlatTargetTables } from './flat-target-table.ts';
import { extractHeader } from './header.ts';
import { dedupeIndicators, indicatorsIn, type YearDefaults } from './indicators.ts';
import type { PlanExtraction, PlanIndicator, PlanTask } from './plan-import.contract.ts';
import { findMeasures } from './numbers.ts';
import { extractReporting } from './reporting.ts';
import { annotate } from './sections.ts';
import { extractFlatTable, extractFlatTargetTable, extractRowTables } from './tables.ts';
import { extractTasks } from './tasks.ts';

const INDICATOR_BLOCKS = new Set(['bullet', 'letter', 'numbered', 'para', 'paren']);

export function extractPlan(text: string): PlanExtraction {
  // NFC keeps the number of lines; a decomposed "ế" would otherwise defeat every pattern.
  const rawLines = text.normalize('NFC').split('\n');
  // Task tables first; target tables only where no task table was found.
  const taskTables = findFlatTables(rawLines);
  const flatTables = [
    ...taskTables,
    ...findFlatTargetTables(rawLines).filter(
      (t) => !taskTables.some((x) => t.startLine < x.endLine && t.endLine > x.startLine),
    ),
  ];
  const blocks = buildBlocks(rawLines, flatTables);
  let ctxs = annotate(blocks);
  if (!ctxs.some((c) => c.cls === 'targets' || c.cls === 'tasks' || c.cls === 'org')) ctxs = annotate(blocks, true);
  const header = extractHeader(rawLines);
  const defaults: YearDefaults = {
    target: header.period.to,
    baseline: header.period.from !== null ? header.period.from - 1 : null,
  };

  const indicators: PlanIndicator[] = [];
  const tasks: PlanTask[] = extractTasks(blocks, ctxs, header.period);
  blocks.forEach((b, i) => {
    const ctx = ctxs[i];
    if (ctx.ended || ctx.cls === 'none' || (ctx.cls === 'preamble' && !ctx.baseline)) return;
    if (b.type === 'flat' && b.flat) {
      const t =
        b.flat.kind === 'tasks'
          ? extractFlatTable(b.flat, ctx, defaults)
          : extractFlatTargetTable(b.flat, ctx, defaults);
      indicators.push(...t.indicators);
      tasks.push(...t.tasks);
      return;
    }
    if (!INDICATOR_BLOCKS.has(b.type) || ctx.cls === 'reporting') return;
    // A heading carries a target only when it states one ("2.1. Phấn đấu 100% hồ sơ được số hóa").
    if (ctx.isHeading && (b.type === 'part' || b.type === 'roman' || findMeasures(b.text).length === 0)) return;
    indicators.push(
      ...indicatorsIn(
        {
          text: b.text,
          lineAt: (o) => lineOf(b, o),
          listItem: b.type !== 'para',
          baseline: ctx.baseline,
          year: ctx.year,
          group: ctx.group,
        },
        defaults,
      ),
    );
  });
  const rowTables = extractRowTables(blocks, ctxs, defaults, header.period);
  indicators.push(...rowTables.indicators);
  tasks.push(...rowTables.tasks);

  const issuer = header.commune ? 'UBND xã' : null;
  return {
    title: header.title,
    commune: header.commune,
    communeCode: header.communeCode,
    number: header.number,
    issuedOn: header.issuedOn,
    period: header.period,
    signer: header.signer,
    indicators: dedupeIndicators(indicators).sort((a, b) => a.line - b.line),
    tasks: tasks.sort((a, b) => a.line - b.line),
    reporting: extractReporting(blocks, ctxs, issuer),
  };
}
