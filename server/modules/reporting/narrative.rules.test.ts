import { describe, expect, it } from 'vitest';
import { narrativeDate, narrativeFromTasks, taskAtDate, type TrackedTask } from './narrative.rules.ts';

/** Quarter I of 2026 for units: data from 15/12/2025 to 14/03/2026 (NĐ 09/2019, Điều 12). */
const Q1 = { closingStart: '2025-12-15', closingEnd: '2026-03-14' };
let seq = 0;
const a = (
  kind: TrackedTask['actions'][number]['kind'],
  onDate: string,
  percent: number | null = null,
  note: string | null = null,
) => ({ seq: ++seq, kind, onDate, percent, actorId: 'u1', note });
const task = (
  title: string,
  dueDate: string,
  actions: TrackedTask['actions'],
  startDate = '2026-01-05',
): TrackedTask => ({ title, startDate, dueDate, actions });
const at = (t: TrackedTask, asOf = Q1.closingEnd) => taskAtDate(t, Q1, asOf);
const line = (t: TrackedTask, asOf = Q1.closingEnd) => narrativeFromTasks([at(t, asOf)!]);

describe('which day the narrative speaks of', () => {
  it('is the end of the data-closing window, or today when the window is still open', () => {
    expect(narrativeDate(Q1, '2026-11-23')).toBe('2026-03-14');
    expect(narrativeDate(Q1, '2026-02-10')).toBe('2026-02-10');
  });
});

describe('the prefilled "kết quả thực hiện" of a task', () => {
  it('in progress: the percent, the due date and the latest progress text', () => {
    const t = task('Số hóa hồ sơ hộ tịch', '2026-06-30', [
      a('assign', '2026-01-05'),
      a('progress', '2026-02-10', 30, 'Đã số hóa 300 hồ sơ'),
      a('progress', '2026-03-02', 45, 'Đã số hóa 450/1.000 hồ sơ hộ tịch'),
    ]);
    expect(line(t)).toBe(
      'Đang thực hiện, đạt 45% (hạn 30/06/2026); cập nhật ngày 02/03/2026: Đã số hóa 450/1.000 hồ sơ hộ tịch.',
    );
  });

  it('speaks as of the closing day: later progress belongs to the next period', () => {
    const t = task(
      'Lắp wifi tại nhà văn hóa',
      '2026-12-31',
      [
        a('assign', '2026-01-05'),
        a('progress', '2026-03-01', 20, 'Khảo sát xong'),
        a('progress', '2026-04-20', 80, 'Đã lắp 4 điểm'),
      ],
      '2026-01-05',
    );
    expect(line(t)).toContain('đạt 20%');
    expect(line(t)).toContain('Khảo sát xong.');
    expect(line(t)).not.toContain('80');
  });

  it('verified on time, and verified late', () => {
    const onTime = task('Ban hành quy chế', '2026-02-28', [
      a('assign', '2026-01-05'),
      a('submit', '2026-02-20', null, 'Quyết định số 15/QĐ-UBND'),
      a('verify', '2026-02-25'),
    ]);
    expect(line(onTime)).toBe(
      'Đã hoàn thành, đúng hạn (phê duyệt ngày 25/02/2026); cập nhật ngày 20/02/2026: Quyết định số 15/QĐ-UBND.',
    );
    const late = task('Cập nhật cổng thông tin', '2026-01-31', [
      a('assign', '2026-01-05'),
      a('submit', '2026-02-10', null, null),
      a('verify', '2026-02-12'),
    ]);
    expect(line(late)).toBe('Đã hoàn thành, trễ hạn (phê duyệt ngày 12/02/2026).');
  });

  it('submitted and waiting for approval', () => {
    const t = task('Tập huấn kỹ năng số', '2026-03-31', [
      a('assign', '2026-01-05'),
      a('submit', '2026-03-10', null, 'Đã tổ chức 2 lớp cho 60 người'),
    ]);
    expect(line(t)).toBe(
      'Đã hoàn thành, chờ phê duyệt (trình ngày 10/03/2026); cập nhật ngày 10/03/2026: Đã tổ chức 2 lớp cho 60 người.',
    );
  });

  it('overdue: working days past the due date (Tết excluded), with or without progress', () => {
    const none = task('Rà soát dữ liệu dân cư', '2026-02-27', [a('assign', '2026-01-05')]);
    expect(line(none)).toBe('Quá hạn 10 ngày làm việc (hạn 27/02/2026), chưa cập nhật tiến độ.');
    const some = task('Rà soát dữ liệu đất đai', '2026-02-27', [
      a('assign', '2026-01-05'),
      a('progress', '2026-02-02', 60, 'Còn 2 thôn'),
    ]);
    expect(line(some)).toMatch(
      /^Quá hạn 10 ngày làm việc \(hạn 27\/02\/2026\), đạt 60%; cập nhật ngày 02\/02\/2026: Còn 2 thôn\.$/,
    );
  });

  it('at risk when progress lags the straight line, as the task pages say', () => {
    const t = task('Triển khai chữ ký số', '2026-04-30', [
      a('assign', '2026-01-05'),
      a('progress', '2026-01-20', 5, null),
    ]);
    expect(line(t)).toMatch(/^Đang thực hiện, đạt 5%, chậm so với tiến độ dự kiến \d+% \(hạn 30\/04\/2026\)\.$/);
  });

  it('returned by the approver', () => {
    const t = task('Xây dựng kho dữ liệu', '2026-06-30', [
      a('assign', '2026-01-05'),
      a('progress', '2026-02-01', 70, 'Đã nhập 70% dữ liệu'),
      a('submit', '2026-03-01', null, 'Hoàn thành'),
      a('return', '2026-03-05'),
    ]);
    expect(line(t)).toBe(
      'Đang thực hiện, bị trả lại để hoàn thiện (hạn 30/06/2026); cập nhật ngày 01/03/2026: Hoàn thành.',
    );
  });

  it('leaves out tasks that do not belong to the period', () => {
    expect(at(task('Giao sau kỳ', '2026-12-31', [a('assign', '2026-04-02')], '2026-04-02'))).toBeNull();
    expect(at(task('Chưa bắt đầu', '2026-12-31', [a('assign', '2026-01-05')], '2026-05-01'))).toBeNull();
    expect(
      at(
        task(
          'Xong từ kỳ trước',
          '2025-11-30',
          [a('assign', '2025-10-01'), a('submit', '2025-11-20'), a('verify', '2025-11-25')],
          '2025-10-01',
        ),
      ),
    ).toBeNull();
    expect(narrativeFromTasks([])).toBeNull();
  });

  it('several tasks of one plan item: a line each, by due date', () => {
    const one = at(
      task('Số hóa năm 2026', '2026-12-31', [a('assign', '2026-01-05'), a('progress', '2026-03-01', 10, 'Bắt đầu')]),
    )!;
    const two = at(
      task('Số hóa năm 2025', '2026-01-31', [
        a('assign', '2026-01-05'),
        a('submit', '2026-01-20'),
        a('verify', '2026-01-22'),
      ]),
    )!;
    expect(narrativeFromTasks([one, two])!.split('\n')).toEqual([
      '- Số hóa năm 2025: Đã hoàn thành, đúng hạn (phê duyệt ngày 22/01/2026).',
      '- Số hóa năm 2026: Đang thực hiện, đạt 10% (hạn 31/12/2026); cập nhật ngày 01/03/2026: Bắt đầu.',
    ]);
  });
});
