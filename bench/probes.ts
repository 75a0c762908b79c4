// The cursor positions completion and hover are measured at: one per kind of place inside <aspNetCore>
// that the service answers differently, found in the fixture text by an anchor string.

export interface Probe {
  readonly place: string;
  readonly offset: number;
}

interface ProbeSpec {
  readonly place: string;
  /** Text found after the `<aspNetCore` start tag begins. */
  readonly anchor: string;
  /** Where the cursor goes, counted from the anchor's start. */
  readonly delta: number;
}

const PROBE_SPECS: readonly ProbeSpec[] = [
  { place: 'section element name', anchor: '<aspNetCore', delta: 4 },
  { place: 'attribute name', anchor: 'stdoutLogEnabled=', delta: 6 },
  { place: 'hostingModel value', anchor: 'hostingModel="inprocess"', delta: 'hostingModel="in'.length },
  { place: 'environmentVariable name', anchor: 'name="ASPNETCORE_ENVIRONMENT"', delta: 'name="ASPNETCORE_'.length },
  { place: 'handlerSetting name', anchor: 'name="debugFile"', delta: 'name="debug'.length },
  { place: 'debugLevel value', anchor: 'value="FILE,TRACE"', delta: 'value="FILE,'.length },
  // Between two entries, where a new <handlerSetting> would be typed.
  { place: 'collection content', anchor: '<handlerSetting name="debugLevel"', delta: 0 },
];

export function findProbes(text: string): Probe[] {
  const section = text.indexOf('<aspNetCore ');
  if (section < 0) throw new Error('fixture has no <aspNetCore> section');
  return PROBE_SPECS.map(({ place, anchor, delta }) => {
    const at = text.indexOf(anchor, section);
    if (at < 0) throw new Error(`probe anchor not found: ${anchor}`);
    return { place, offset: at + delta };
  });
}
