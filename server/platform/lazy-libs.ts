/**
 * Heavy libraries loaded on first use, not at start: exceljs alone takes longer to import
 * than the rest of the server, and most processes never write a spreadsheet or a mail.
 * Importing them lazily keeps a reopen of the embedded database under two seconds (issue 3).
 * jszip and docx are not here: the report writers that use them are themselves imported on
 * first use. `import type` of these modules stays free: types vanish at run time.
 */
export const loadExcel = async () => (await import('exceljs')).default;
export const loadMailer = async () => (await import('nodemailer')).default;
