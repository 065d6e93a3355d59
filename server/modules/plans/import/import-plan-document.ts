/**
 * One use case: the bytes of an uploaded file → its text and the plan extracted from it.
 * Used by the CLI (`xaso import-plan`) and, later, by the upload endpoint. Writes nothing.
 */
import { extractDocumentText, type DocumentText } from './document-text.ts';
import { extractPlan } from './extract-plan.ts';
import { planFileError } from './plan-file-errors.ts';
import type { PlanExtraction } from './plan-import.contract.ts';

/** A plan has a "KẾ HOẠCH" heading near the top, or at least targets or tasks. */
export function looksLikePlan(text: string, plan: PlanExtraction): boolean {
  if (plan.indicators.length > 0 || plan.tasks.length > 0) return true;
  return text
    .split('\n')
    .slice(0, 60)
    .some((l) => /^\s*\**\s*(?:KẾ HOẠCH|Kế hoạch)(?![\p{L}\d])/u.test(l));
}

export async function importPlanDocument(
  bytes: Uint8Array,
  fileName: string,
): Promise<{ document: DocumentText; plan: PlanExtraction }> {
  const document = await extractDocumentText(bytes, fileName);
  const plan = extractPlan(document.text);
  if (!looksLikePlan(document.text, plan)) {
    throw planFileError(
      'PLAN_NOT_A_PLAN',
      `Tệp ${fileName} không giống một kế hoạch: không có tiêu đề "KẾ HOẠCH", không có chỉ tiêu và nhiệm vụ nào.`,
    );
  }
  return { document, plan };
}
