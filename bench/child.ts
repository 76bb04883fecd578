import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Runs a bench module (`moduleUrl`: its import.meta.url) as a child process with `args` (and `env`
 * over this one's), its stderr (progress) on this one's; resolves with the last line it printed.
 */
export function lastLineOfChild(moduleUrl: string, args: string[], what: string, env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(moduleUrl), ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out.trim().split('\n').at(-1) ?? '') : reject(new Error(`${what} exited with ${code}`))));
  });
}
