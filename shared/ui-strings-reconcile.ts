/** Interface strings of *How this is counted* (the reconcile panel; merged into ui-strings.ts). */
export const RECONCILE_EN = {
  howCountedFor: 'How {metric} is counted',
  reconcilePin:
    'For the Pin group of {pin} (its Pins with the same image and URL, and re-saves), over every day with data: {from} – {to}. Each record is counted in the first step that removes it, in this order.',
  reconcileIntro:
    'From the event records imported for {from} – {to} to the figure on screen, with the current filters. Each record is counted in the first step that removes it, in this order.',
  reconcileFigure: 'Figure',
  allEvents: 'All events',
  reconcileStep: 'Step',
  reconcileCount: 'Count',
  reconcileRule: 'Rule',
  stepRaw: 'Records imported',
  stepDuplicates: 'Duplicates removed',
  stepSpam: 'Spam removed',
  stepOutOfScope: 'Not from a claimed account',
  stepFinal: 'Shown',
  ruleRaw:
    'Every event record of your event files whose day falls in the range and that matches the filters. Re-saves stay in: they count toward the Pin group of the original.',
  ruleDuplicates:
    'Pinterest: “Identify and filter out duplicate events and events from spam users.” A record that repeats an event already counted (the same event id; without one, the same time, type, Pin and user) is left out.',
  ruleSpam: 'Pinterest: “… and events from spam users.” Every event of a user on your spam list is left out.',
  ruleOutOfScope:
    'Analytics counts your Pins and other people’s Pins that point to your claimed website or account. Events on Pins of no claimed account, or on Pins the workspace has no record of, are left out.',
  ruleFinal:
    'What the tiles, charts and top lists count. For a count (impressions, saves, …) this is its figure on the overview for these filters; rates and audiences are computed from these events.',
  reconcileRejected:
    '{count} rows of your event files were refused at import and are in none of these counts (a refused row has no day to trust): {files}.',
  reconcileSaveRejected: 'Save refused rows (CSV)',
  reconcileExport:
    'These figures come from Analytics export snapshots, not from event records: Pinterest removed duplicates and spam before exporting, so there are no steps to show. Source: {detail}',
  reconcileNone: 'This workspace has no event records: there is nothing to count.',
  reconcilePinFilter:
    'With a source or format filter, events on Pins the workspace has no record of cannot be matched to the filter and are in none of these counts.',
  reconcileDerived: '{metric} is computed from the shown events (see the figures below); it has no steps of its own.',
  reconcileChart: 'Waterfall from the records imported to the figure shown',
};

export const RECONCILE_SV: Record<keyof typeof RECONCILE_EN, string> = {
  howCountedFor: 'Så räknas {metric}',
  reconcilePin:
    'För pingruppen för {pin} (dess pins med samma bild och URL, och återsparningar), över alla dagar med data: {from} – {to}. Varje post räknas i det första steget som tar bort den, i den här ordningen.',
  reconcileIntro:
    'Från händelseposterna som importerats för {from} – {to} till siffran på skärmen, med de aktuella filtren. Varje post räknas i det första steget som tar bort den, i den här ordningen.',
  reconcileFigure: 'Siffra',
  allEvents: 'Alla händelseposter',
  reconcileStep: 'Steg',
  reconcileCount: 'Antal',
  reconcileRule: 'Regel',
  stepRaw: 'Importerade poster',
  stepDuplicates: 'Dubbletter borttagna',
  stepSpam: 'Skräppost borttagen',
  stepOutOfScope: 'Inte från ett bekräftat konto',
  stepFinal: 'Visas',
  ruleRaw:
    'Varje händelsepost i dina händelsefiler vars dag ligger i intervallet och som matchar filtren. Återsparningar är kvar: de räknas till originalets pingrupp.',
  ruleDuplicates:
    'Pinterest: ”Identifiera och filtrera bort dubbletthändelser och händelser från skräppostanvändare.” En post som upprepar en redan räknad händelse (samma händelse-id; utan id samma tid, typ, pin och användare) tas bort.',
  ruleSpam: 'Pinterest: ”… och händelser från skräppostanvändare.” Alla händelser från en användare på din skräppostlista tas bort.',
  ruleOutOfScope:
    'Analyser räknar dina pins och andras pins som länkar till din bekräftade webbplats eller ditt konto. Händelser på pins som inte hör till något bekräftat konto, eller som arbetsytan saknar uppgifter om, tas bort.',
  ruleFinal:
    'Det som rutorna, diagrammen och topplistorna räknar. För ett antal (visningar, sparningar, …) är det siffran i översikten för dessa filter; andelar och målgrupper beräknas från dessa händelser.',
  reconcileRejected:
    '{count} rader i dina händelsefiler avvisades vid importen och finns inte i något av dessa tal (en avvisad rad har ingen pålitlig dag): {files}.',
  reconcileSaveRejected: 'Spara avvisade rader (CSV)',
  reconcileExport:
    'Siffrorna kommer från ögonblicksbilder av Analytics-exporter, inte från händelseposter: Pinterest tog bort dubbletter och skräppost före exporten, så det finns inga steg att visa. Källa: {detail}',
  reconcileNone: 'Arbetsytan har inga händelseposter: det finns inget att räkna.',
  reconcilePinFilter:
    'Med ett filter på källa eller format kan händelser på pins som arbetsytan saknar uppgifter om inte matchas mot filtret, och de finns inte i något av dessa tal.',
  reconcileDerived: '{metric} beräknas från de händelser som visas (se siffrorna nedan); den har inga egna steg.',
  reconcileChart: 'Vattenfall från importerade poster till siffran som visas',
};
