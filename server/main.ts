/**
 * The `xaso` command line (see ../shared contracts CLI.md, copied in docs/CLI.md).
 * Each command lives beside the module it serves; this file only dispatches.
 */
type Command = (args: string[]) => Promise<number>;

const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  'import-plan': {
    summary: 'import-plan FILE --json   in kế hoạch trích xuất từ FILE (.txt, .docx, .pdf), không ghi gì',
    load: async () => (await import('./modules/plans/import/import-plan.command.ts')).importPlanCommand,
  },
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    const lines = Object.values(commands).map((c) => `  xaso ${c.summary}`);
    process.stderr.write(`Cách dùng:\n${lines.join('\n')}\n`);
    return name ? 2 : 0;
  }
  return (await command.load())(rest);
}

process.exitCode = await main(process.argv.slice(2));
