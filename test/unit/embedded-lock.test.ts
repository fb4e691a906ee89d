import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acquireLock } from '../../api/src/db/embedded-postgis.ts';

describe('the embedded database lock', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ntm-lock-'));
  const lock = path.join(dir, 'pglite.lock');
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill('SIGKILL');
    fs.rmSync(lock, { force: true });
  });

  const startOf = (pid: number) => {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  };

  it('is refused while a live process holds it, and released by its holder', () => {
    child = spawn('sleep', ['30']);
    fs.writeFileSync(lock, `${child.pid}\n${startOf(child.pid!)}`);
    expect(() => acquireLock(lock)).toThrow(new RegExp(`in use by process ${child.pid}`));
    fs.rmSync(lock);
    const release = acquireLock(lock);
    expect(fs.readFileSync(lock, 'utf8').split('\n')[0]).toBe(String(process.pid));
    release();
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('takes over a lock whose process was killed', async () => {
    child = spawn('sleep', ['30']);
    const pid = child.pid!;
    fs.writeFileSync(lock, `${pid}\n${startOf(pid)}`);
    await new Promise((resolve) => {
      child!.once('exit', resolve);
      child!.kill('SIGKILL');
    });
    acquireLock(lock)();
  });

  it('takes over a lock whose pid now belongs to another process (pid reuse)', () => {
    child = spawn('sleep', ['30']);
    fs.writeFileSync(lock, `${child.pid}\n1`);
    acquireLock(lock)();
  });
});
