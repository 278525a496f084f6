// `npm test`: type-check every project, lint and check the formatting, build, run the unit and integration tests, then the browser tests.
import { spawnSync } from 'node:child_process';

const steps = [
  ['typecheck', ['node', 'scripts/typecheck.js']],
  ['lint (typescript-eslint with type information) and format (Prettier)', ['npm', 'run', '--silent', 'lint']],
  ['build', ['npx', 'electron-vite', 'build']],
  ['unit and integration tests', ['npx', 'vitest', 'run']],
  ['browser tests', ['npx', 'playwright', 'test']],
];

for (const [name, [cmd, ...args]] of steps) {
  console.log(`\n=== ${name}: ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error(`\n${name} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}
console.log('\nAll checks passed.');
