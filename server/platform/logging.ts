/**
 * Logging with personal data kept out (NĐ 356/2025 on personal data; TCVN 14423 asks for
 * logs without secrets). Request lines keep method, path and status; citizen ID numbers
 * (CCCD, 12 digits), phone numbers and e-mail addresses are masked wherever they appear.
 */
export function maskPersonalData(text: string): string {
  return text
    .replace(/\b(\d{3})\d{6}(\d{3})\b/g, '$1******$2') // CCCD / CMND (12 or 9+ digits)
    .replace(/\b(0|\+?84)(\d{2})\d{4}(\d{3})\b/g, '$1$2****$3') // Vietnamese phone numbers
    .replace(/\b([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})\b/g, '$1***@$2');
}

export const loggerOptions = (level: string) => ({
  level,
  redact: {
    paths: [
      'req.headers.cookie',
      'req.headers.authorization',
      'req.headers["x-csrf-token"]',
      'res.headers["set-cookie"]',
      '*.password',
      '*.currentPassword',
      '*.newPassword',
    ],
    censor: '[đã ẩn]',
  },
  serializers: {
    req(req: { method: string; url: string; id: string }) {
      return { method: req.method, url: maskPersonalData(req.url), id: req.id };
    },
  },
});
