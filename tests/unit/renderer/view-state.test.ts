import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW_STATE, formatViewState, parseViewState, type ViewState } from '../../../renderer/src/store/view-state';

describe('view state in the address', () => {
  it('writes only what differs from the defaults, and reads back the same state', () => {
    expect(formatViewState(DEFAULT_VIEW_STATE)).toBe('');
    const state: ViewState = {
      ...DEFAULT_VIEW_STATE,
      view: 'top-pins',
      preset: 'custom',
      from: '2026-01-07',
      to: '2026-02-05',
      choices: { ...DEFAULT_VIEW_STATE.choices, device: 'mobile', format: 'video' },
      accounts: ['a1', 'a2'],
      splitBy: 'content-type',
      granularity: 'week',
      chartMetric: 'saves',
      compare: { enabled: true, preset: 'custom', from: '2025-01-07', to: '2025-02-05', perDay: true },
      topPinsSort: 'saves',
      topLimit: 500,
      pin: 'p 1&2',
      board: 'b7',
    };
    const text = formatViewState(state);
    expect(text).toBe(
      'view=top-pins&preset=custom&from=2026-01-07&to=2026-02-05&device=mobile&format=video&accounts=a1%2Ca2&split=content-type' +
        '&interval=week&metric=saves&compare=custom&bfrom=2025-01-07&bto=2025-02-05&perday=1&pinsort=saves&limit=500&pin=p+1%262&board=b7',
    );
    expect(parseViewState(`#${text}`)).toEqual(state);
  });

  it('keeps presets as presets: the range follows the data, not the dates of the day the link was made', () => {
    const s = parseViewState('preset=last90&from=2020-01-01&to=2020-02-01');
    expect(s).toMatchObject({ preset: 'last90', from: null, to: null });
    expect(formatViewState(s)).toBe('preset=last90');
  });

  it('ignores what is not valid and fills in the defaults (an old or edited link still opens)', () => {
    const s = parseViewState(
      'view=nope&device=phone&from=2026-02-30&to=2026-03-01&metric=drop&limit=999999&interval=hour&compare=x&perday=1',
    );
    expect(s).toEqual(DEFAULT_VIEW_STATE);
    // Dates alone mean a custom range; a reversed one is dropped.
    expect(parseViewState('from=2026-01-01&to=2026-01-31')).toMatchObject({ preset: 'custom', from: '2026-01-01', to: '2026-01-31' });
    expect(parseViewState('from=2026-02-01&to=2026-01-31')).toMatchObject({ preset: 'last30', from: null, to: null });
    // Range B only with the custom compare preset; per-day only when comparing.
    expect(parseViewState('compare=previous&bfrom=2026-01-01&bto=2026-01-02').compare).toEqual({
      enabled: true,
      preset: 'previous',
      from: null,
      to: null,
      perDay: false,
    });
  });
});
