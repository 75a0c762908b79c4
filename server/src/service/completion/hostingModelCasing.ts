// hostingModel values keep the casing the file already uses: ANCM accepts any casing, and users
// (and the Visual Studio templates) settle on one of `inprocess`, `InProcess` or `INPROCESS`.

import type { HostingModel } from '../../ancm/types';

const PASCAL: Record<HostingModel, string> = { inprocess: 'InProcess', outofprocess: 'OutOfProcess' };

export type CasingStyle = 'lower' | 'upper' | 'pascal';

export function casingStyleOf(sample: string): CasingStyle | undefined {
  if (!/[a-z]/i.test(sample)) return undefined;
  if (sample === sample.toLowerCase()) return 'lower';
  if (sample === sample.toUpperCase()) return 'upper';
  return 'pascal';
}

export function writeHostingModel(model: HostingModel, style: CasingStyle): string {
  if (style === 'lower') return model;
  if (style === 'upper') return model.toUpperCase();
  return PASCAL[model];
}

/** The style of the first sample that has letters; lower case (as the .NET SDK publishes it) otherwise. */
export function pickCasingStyle(samples: readonly (string | undefined)[]): CasingStyle {
  for (const sample of samples) {
    const style = sample === undefined ? undefined : casingStyleOf(sample);
    if (style) return style;
  }
  return 'lower';
}
