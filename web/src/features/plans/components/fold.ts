/** "Văn phòng" → "van phong": matching what a person types without accents. */
export const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

/** An AntD Select filter that ignores accents and case. */
export const foldFilter = (input: string, option?: { label?: unknown }) =>
  fold(String(option?.label ?? '')).includes(fold(input));
