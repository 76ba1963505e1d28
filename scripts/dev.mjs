// `npm run dev`: the API server (port 3000, no static web) and the Vite dev server
// with hot reload (port 5173, proxying /api). Ctrl+C stops both; if one exits, so does the other.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const viteBin = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));

function start(name, args, env = {}) {
  // Own process group: Ctrl+C reaches only this script, which forwards it once
  // (the server treats a second SIGINT as "exit now"). No stdin, so no terminal reads.
  const child = spawn(process.execPath, args, {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...env },
  });
  child.on('exit', (code, signal) => {
    if (!stopping) process.stderr.write(`[dev] ${name} exited (${signal ?? code}); stopping the other process.\n`);
    stopAll(signal ? 1 : (code ?? 1));
  });
  return child;
}

let stopping = false;
let exitCode = 0;
const children = [
  start('API server', ['bin/tuntas.mjs', 'serve', '--no-build'], { SERVE_WEB: 'false', PORT: '3000' }),
  start('Vite', [viteBin, '--config', 'vite.config.ts']),
];

function stopAll(code, signal = 'SIGTERM') {
  if (!stopping) {
    stopping = true;
    exitCode = code;
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  }
  if (children.every((child) => child.exitCode !== null || child.signalCode !== null)) process.exit(exitCode);
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(0, signal));
