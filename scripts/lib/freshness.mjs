// When a build output is older than its sources. Used by the web and server builds and by
// bin/xaso.mjs, which runs the server bundle only when it is newer than every server source.
import fs from 'node:fs';
import path from 'node:path';

/** Newest modification time under a file or folder (0 when it does not exist); `skip` drops files by name. */
export function newest(p, skip = () => false) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return skip(p) ? 0 : stat.mtimeMs;
  let max = stat.mtimeMs; // a deleted file shows only as a newer folder
  for (const entry of fs.readdirSync(p)) max = Math.max(max, newest(path.join(p, entry), skip));
  return max;
}

/** The server's sources: everything under server/ but its tests, which the bundle leaves out. */
export const isServerTest = (p) => /\.test\.ts$/.test(p) || p.includes(`${path.sep}test${path.sep}`);

/** True when the server bundle exists and no server source changed after it was built. */
export function serverBundleIsFresh(root) {
  const built = newest(path.join(root, '.build/server/main.mjs'));
  return (
    built > 0 &&
    built >= Math.max(newest(path.join(root, 'server'), isServerTest), newest(path.join(root, 'package-lock.json')))
  );
}
