/**
 * Where a key moves the choice in a one-tab-stop group (WAI-ARIA radio group, tabs): arrows step and wrap,
 * Home and End go to the ends; null for any other key. `vertical` lets Up and Down step too.
 */
export function rovingIndex(key: string, at: number, count: number, vertical: boolean): number | null {
  const steps: Record<string, number> = vertical
    ? { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }
    : { ArrowRight: 1, ArrowLeft: -1 };
  const step = steps[key];
  if (step !== undefined) return (at + step + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}
