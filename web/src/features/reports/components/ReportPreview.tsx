import type { ReactNode } from 'react';
import {
  attachmentLines,
  completenessRate,
  completenessTotal,
  issuerInText,
  STATUS_LABEL,
  viDateLine,
  viNum,
  viShortDate,
  viValue,
} from '../../../../../server/modules/reporting/document/report-format.ts';
import type { CommuneReportDocument } from '../api/types.ts';

const ROMAN = ['I', 'II', 'III', 'IV', 'V'];
const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

/** A bordered table with the .docx's column widths (report-docx.ts); the second column is the text, the others are centred like the document's. */
function Grid({
  head,
  rows,
  widths,
  testId,
}: {
  head: string[];
  rows: ReactNode[][];
  widths: number[];
  testId?: string;
}) {
  const sum = widths.reduce((a, b) => a + b, 0);
  return (
    <div className="xs-doc-scroll">
      <table data-testid={testId}>
        <colgroup>
          {widths.map((w, i) => (
            <col key={i} style={{ width: `${(100 * w) / sum}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (
                <td key={j} className={j === 1 ? 'text' : 'num'}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The compiled report laid out like the .docx the server writes (NĐ 30/2020, same text helpers):
 * issuer and national motto, number and date line, title, body in parts, "Nơi nhận" and the
 * signature. Always in Vietnamese, as the document itself is.
 */
export function ReportPreview({ doc }: { doc: CommuneReportDocument }) {
  let part = 0;
  const heading = (t: string) => (
    <h4>
      {ROMAN[part++]}. {t}
    </h4>
  );
  const texts = (list: string[]) => (list.length ? list : ['Không có.']).map((p, i) => <p key={i}>{p}</p>);
  const t = doc.tasks;
  const total = completenessTotal(doc.completeness);
  const rate = (u: typeof total) => {
    const r = completenessRate(u);
    return r === null ? '-' : viNum(r, 1);
  };
  return (
    <article className="xs-doc" data-testid="report-preview" lang="vi">
      <div className="xs-doc-head">
        <div>
          <div>{doc.parentBody}</div>
          <div>
            <b>{doc.issuer}</b>
          </div>
          <div className="xs-doc-rule" />
          <div data-testid="doc-number">Số: {doc.number}</div>
        </div>
        <div>
          <div>
            <b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b>
          </div>
          <div>
            <b>Độc lập - Tự do - Hạnh phúc</b>
          </div>
          <div className="xs-doc-rule" />
          <div className="xs-doc-date">{viDateLine(doc.place, doc.date)}</div>
        </div>
      </div>
      <div className="xs-doc-title">BÁO CÁO</div>
      <div className="xs-doc-summary">{doc.summary}</div>
      <div className="xs-doc-rule" style={{ width: '20%', margin: '4px auto 0', borderTop: '1px solid #000' }} />
      {doc.recipientLine && <div className="xs-doc-to">{doc.recipientLine}</div>}
      {doc.intro.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      {heading('KẾT QUẢ THỰC HIỆN')}
      {doc.groups.map((g, gi) => (
        <section key={gi}>
          <p className="xs-doc-item">
            {gi + 1}. {g.name}
          </p>
          {g.narrative.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
          {g.targets.length ? (
            <Grid
              testId="doc-targets"
              widths={[640, 2905, 1300, 700, 1250, 1000, 1560]}
              head={['STT', 'Chỉ tiêu', 'Mục tiêu', 'Năm', 'Kết quả kỳ này', 'Mức độ đạt (%)', 'Đánh giá']}
              rows={g.targets.map((x, i) => [
                i + 1,
                x.text,
                x.targetText,
                x.deadlineYear ?? '-',
                viValue(x.value, x.unit),
                x.attainment === null ? '-' : viNum(x.attainment, 1),
                STATUS_LABEL[x.status],
              ])}
            />
          ) : (
            <p>
              <i>Nhóm này chưa có chỉ tiêu đo lường.</i>
            </p>
          )}
        </section>
      ))}
      {heading('TÌNH HÌNH THỰC HIỆN NHIỆM VỤ')}
      <p className="xs-doc-item">1. Tiến độ thực hiện nhiệm vụ</p>
      <p>
        Tổng số nhiệm vụ: {viNum(t.total)}; đã hoàn thành: {viNum(t.done)} (trong đó đúng hạn: {viNum(t.doneOnTime)});
        đang thực hiện: {viNum(t.inProgress)}; quá hạn: {viNum(t.overdue)}.
      </p>
      {doc.overdueTasks.length ? (
        <>
          <p>Các nhiệm vụ quá hạn:</p>
          {doc.overdueTasks.map((o, i) => (
            <p key={i}>
              - {o.title} ({o.leadUnit ? `đơn vị chủ trì: ${o.leadUnit}; ` : ''}hạn hoàn thành: {viShortDate(o.dueOn)})
              {i === doc.overdueTasks.length - 1 ? '.' : ';'}
            </p>
          ))}
        </>
      ) : (
        <p>Không có nhiệm vụ quá hạn.</p>
      )}
      <p className="xs-doc-item">2. Tình hình gửi báo cáo của các cơ quan, đơn vị</p>
      {doc.completeness.length ? (
        <Grid
          testId="doc-completeness"
          widths={[600, 2900, 900, 900, 900, 800, 900, 900]}
          head={['STT', 'Cơ quan, đơn vị', 'Phải nộp', 'Đã nộp', 'Đúng hạn', 'Muộn', 'Chưa nộp', 'Tỷ lệ (%)']}
          rows={[
            ...doc.completeness.map((u, i) => [
              i + 1,
              u.unitName,
              u.expected,
              u.submitted,
              u.onTime,
              u.late,
              u.missing,
              rate(u),
            ]),
            [
              '',
              <b key="t">{total.unitName}</b>,
              total.expected,
              total.submitted,
              total.onTime,
              total.late,
              total.missing,
              rate(total),
            ],
          ]}
        />
      ) : (
        <p>Chưa có cơ quan, đơn vị nào phải gửi báo cáo trong kỳ.</p>
      )}
      {attachmentLines(doc.attachments).length > 0 && (
        <div data-testid="doc-attachments">
          <p>Tài liệu kèm theo báo cáo của các cơ quan, đơn vị:</p>
          {attachmentLines(doc.attachments).map((l, i) => (
            <p key={i}>{l}</p>
          ))}
        </div>
      )}
      {heading('KHÓ KHĂN, VƯỚNG MẮC')}
      <div data-testid="doc-difficulties">{texts(doc.difficulties)}</div>
      {heading('ĐỀ XUẤT, KIẾN NGHỊ')}
      <div data-testid="doc-proposals">{texts(doc.proposals)}</div>
      <p>
        {(doc.closing ?? `Trên đây là báo cáo ${lowerFirst(doc.summary)} của ${issuerInText(doc.issuer)}`).replace(
          /[\s./]+$/u,
          '',
        )}
        ./.
      </p>
      <div className="xs-doc-foot">
        <div className="xs-doc-recipients">
          <b>Nơi nhận:</b>
          {doc.recipients.map((r, i) => (
            <div key={i}>
              - {r}
              {i === doc.recipients.length - 1 ? '.' : ';'}
            </div>
          ))}
        </div>
        <div className="xs-doc-sign" data-testid="doc-signature">
          <div>{doc.signature.authority}</div>
          <div>{doc.signature.title}</div>
          <div className="xs-doc-signer">{doc.signature.name ?? ''}</div>
        </div>
      </div>
    </article>
  );
}
