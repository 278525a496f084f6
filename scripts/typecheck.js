// Type-checks every tsconfig project; each has its own lib and types, so a layer cannot use another's APIs.
import { execFileSync } from 'node:child_process';

const projects = ['tsconfig.shared.json', 'tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.tests.json'];
let failed = false;
for (const p of projects) {
  try {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', p], { stdio: 'inherit' });
    console.log(`typecheck ${p}: ok`);
  } catch {
    failed = true;
    console.error(`typecheck ${p}: FAILED`);
  }
}
process.exit(failed ? 1 : 0);
