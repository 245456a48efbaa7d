/**
 * A throwaway PostgreSQL server for tests: its own cluster in a temporary folder, listening on a
 * unix socket only, started with Debian's initdb/pg_ctl (as the postgres user when run as root,
 * since PostgreSQL refuses to run as root). Undefined when no PostgreSQL is installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Postgres {
  /** Runs an SQL script with psql (stopping at the first error); returns standard output. */
  psql(script: string): string;
  stop(): void;
}

function binDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const path = which.stdout.trim();
  return which.status === 0 && path ? path.slice(0, path.lastIndexOf('/')) : undefined;
}

export function startPostgres(): Postgres | undefined {
  const bin = binDir();
  if (!bin || !existsSync(join(bin, 'pg_ctl'))) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'abx-pg-'));
  chmodSync(dir, 0o777);
  const root = process.getuid?.() === 0;
  const asOwner = (cmd: string, args: string[]) => (root ? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' }) : execFileSync(cmd, args, { stdio: 'pipe' }));
  const data = join(dir, 'data');
  asOwner(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale']);
  const port = String(20000 + Math.floor(Math.random() * 30000));
  asOwner(join(bin, 'pg_ctl'), ['-D', data, '-w', '-s', '-l', join(dir, 'log'), '-o', `-k ${dir} -c listen_addresses= -p ${port} -c fsync=off`, 'start']);
  return {
    psql(script) {
      const r = spawnSync(join(bin, 'psql'), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', dir, '-p', port, '-U', 'postgres', '-d', 'postgres'], { input: script, encoding: 'utf8', maxBuffer: 1 << 28 });
      if (r.status !== 0) throw new Error(`psql failed: ${r.stderr}`);
      return r.stdout;
    },
    stop() {
      try {
        asOwner(join(bin, 'pg_ctl'), ['-D', data, '-w', '-s', '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
