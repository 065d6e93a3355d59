import fs from 'node:fs';
import path from 'node:path';

/**
 * One process owns a data folder. PGlite has no postmaster.pid: two processes opening one
 * folder both "succeed" and silently corrupt it (TECH-NOTES §1). The lock file holds the
 * owner's pid and is created with O_EXCL, so two starts cannot both win. It is written by
 * hand rather than with an mtime-based lock library because after a crash (SIGKILL, power
 * cut) the next start must take over at once when the recorded pid is gone, not after a
 * staleness timeout.
 */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `Thư mục dữ liệu ${dataDir} đang được tiến trình ${pid} sử dụng. ` +
        `Hãy dừng tiến trình đó trước (chỉ một tiến trình được mở cơ sở dữ liệu nhúng). / ` +
        `The data folder is in use by process ${pid}; stop it first.`,
    );
    this.name = 'DataDirInUseError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'xaso.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
      // Our own pid counts too: opening one folder twice in one process corrupts it just the same.
      if (Number.isFinite(pid) && pid > 0 && isAlive(pid)) {
        throw new DataDirInUseError(dataDir, pid);
      }
      // The owner is gone (crash or kill): the lock is stale, take it over.
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Không lấy được khóa thư mục dữ liệu ${dataDir}.`);
}
