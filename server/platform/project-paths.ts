/**
 * Files the server reads at run time (migrations, the organisation tree, the demo plans, the
 * PGlite worker, the built web app), found from the repository's root. The server runs either
 * from its TypeScript sources through tsx or from the bundle in `.build/server/` (see
 * scripts/build-server.mjs), so a path relative to a module's own file would differ between
 * the two; the root, the nearest folder above with package.json, is the same in both.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (dir === path.dirname(dir))
      throw new Error(`Không tìm thấy thư mục gốc của Xã Số (package.json) phía trên ${from}.`);
  }
}

export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

/** An absolute path from the repository's root: projectPath('db', 'migrations'). */
export const projectPath = (...parts: string[]) => path.join(projectRoot, ...parts);
