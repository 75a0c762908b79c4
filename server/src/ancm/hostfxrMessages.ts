// What the .NET host (hostfxr) prints when a framework the app targets is missing, read for its specifics: which framework,
// which version and architecture, and which versions are installed. ANCM captures the host's output into the stdout log
// (in-process) or into its event text ("captured stdout and stderr logs"), so a startup verdict can say
// "framework Microsoft.AspNetCore.App 8.0.0 not found (found 6.0.25)" instead of the cause's general meaning.
//
// Two texts, from dotnet/runtime src/native/corehost/fxr/fx_resolver.messages.cpp:
// - .NET 6 and later: "You must install or update .NET to run this application." then "Framework: 'NAME', version
//   'VERSION' (ARCH)" and "The following frameworks were found:" with lines "  6.0.25 at [C:\...\NAME]".
// - before: "It was not possible to find any compatible framework version" then "The framework 'NAME', version
//   'VERSION' (ARCH) was not found." and "  - The following frameworks were found:" with the same version lines.
// Each hostfxr line may be an entry of its own (a stdout log) or a line of one entry (an event): the parser reads texts
// one at a time and keeps what it found. Every regular expression here is anchored to a line and bounded.

export interface MissingFramework {
  /** `Microsoft.AspNetCore.App`. */
  readonly name: string;
  /** `8.0.0`. */
  readonly version: string;
  /** `x64`, when the host names it. */
  readonly architecture?: string;
  /** The versions of that framework that were found, as the host lists them. */
  readonly found: readonly string[];
}

const MAX_TEXT = 64 * 1024;
const NEW_FORMAT = /^[ \t]*Framework: '([^'\r\n]{1,200})', version '([^'\r\n]{1,60})'(?: \(([A-Za-z0-9_]{1,16})\))?/m;
const OLD_FORMAT = /The framework '([^'\r\n]{1,200})', version '([^'\r\n]{1,60})'(?: \(([A-Za-z0-9_]{1,16})\))? was not found/;
const FOUND_VERSION = /^[ \t]*(\d{1,4}\.\d{1,4}\.\d{1,6}[\w.+-]{0,40}) at \[([^\]\r\n]{0,500})\]/gm;
const FOUND_HEADER = 'frameworks were found';

/**
 * Reads the host's text about a missing framework across the texts of one worker process (entries in order); undefined
 * when none names one.
 */
export class MissingFrameworkReader {
  private name: string | undefined;
  private version: string | undefined;
  private architecture: string | undefined;
  private readonly found: string[] = [];
  /** The "frameworks were found" list started, so the version lines that follow (maybe as entries of their own) count. */
  private inFoundList = false;

  read(text: string): void {
    const bounded = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
    if (this.name === undefined) {
      const match = NEW_FORMAT.exec(bounded) ?? OLD_FORMAT.exec(bounded);
      if (match) {
        this.name = match[1];
        this.version = match[2];
        this.architecture = match[3];
      }
    }
    const header = bounded.indexOf(FOUND_HEADER);
    if (header >= 0) this.inFoundList = true;
    else if (this.inFoundList && !/^[ \t]*\d/.test(bounded)) this.inFoundList = false;
    if (!this.inFoundList) return;
    FOUND_VERSION.lastIndex = header >= 0 ? header : 0;
    for (let match = FOUND_VERSION.exec(bounded); match; match = FOUND_VERSION.exec(bounded)) {
      const folder = match[2];
      // Versions of another framework (the host lists the ones it found for each) are not this one's.
      if (this.name !== undefined && folder !== '' && !folder.toLowerCase().includes(this.name.toLowerCase())) continue;
      if (!this.found.includes(match[1]) && this.found.length < 20) this.found.push(match[1]);
    }
  }

  get result(): MissingFramework | undefined {
    if (this.name === undefined || this.version === undefined) return undefined;
    return { name: this.name, version: this.version, found: [...this.found], ...(this.architecture !== undefined && { architecture: this.architecture }) };
  }
}

/** The product a missing framework version comes with: `.NET 8`, `.NET Core 3.1`. */
export function dotnetProductName(version: string): string {
  const [major, minor] = version.split('.').map(Number);
  if (!Number.isFinite(major)) return '.NET';
  return major < 5 ? `.NET Core ${major}.${Number.isFinite(minor) ? minor : 0}` : `.NET ${major}`;
}

/** `framework Microsoft.AspNetCore.App 8.0.0 not found (found 6.0.25)`. */
export function describeMissingFramework(framework: MissingFramework): string {
  const found = framework.found.length > 0 ? ` (found ${framework.found.join(', ')})` : ' (no version of it installed)';
  return `framework ${framework.name} ${framework.version} not found${found}`;
}

/** `install the .NET 8 Hosting Bundle (x64)`: the Hosting Bundle carries both runtimes and ANCM. */
export function missingFrameworkFix(framework: MissingFramework): string {
  const architecture = framework.architecture ? ` (${framework.architecture})` : '';
  return `install the ${dotnetProductName(framework.version)} Hosting Bundle${architecture}`;
}
