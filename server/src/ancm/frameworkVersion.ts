// .NET framework versions as the host (hostfxr) reads and orders them: the folder names under dotnet\shared\<name>\ and
// the `version` of a runtimeconfig.json framework reference. The host is stricter and slightly different from a generic
// semver library, and a folder it cannot read is a folder it never picks, so this follows the host rather than a package:
// dotnet/runtime src/native/corehost/hostmisc/fx_ver.c (parse_internal, c_fx_ver_compare; fx_ver.cpp before the C port).
// - major.minor.patch are required (no "8.0"), without leading zeros ("08.0.0" is not a version to the host, so a folder
//   named that way is skipped);
// - after the patch only "-prerelease" and/or "+build" may follow, each made of dot-separated identifiers of
//   [0-9A-Za-z-]; an all-digit prerelease identifier has no leading zero; build identifiers may;
// - precedence is SemVer 2.0 (docs/design/features/framework-version-resolution.md, "Version": "Versions are compared
//   based on SemVer V2 rules"): a prerelease orders before its release, identifiers compare left to right, numeric ones
//   numerically and below alphanumeric ones, alphanumeric ones by ordinal (case-sensitive) comparison, and a shorter list
//   orders first when all shared identifiers are equal. Build metadata never affects order or equality.

export interface FrameworkVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  /** The prerelease identifiers without the leading `-` (`rc.1.24452.12`); empty for a release. */
  readonly prerelease: string;
  /** The build metadata without the leading `+`; empty when none. */
  readonly build: string;
  /** The text as written (the host's `as_str()` gives it back unchanged for every version it accepts). */
  readonly text: string;
}

/** The host reads each number with a 32-bit conversion; larger numbers are not versions we can order faithfully. */
const MAX_NUMBER = 0x7fffffff;
/** SemVer's own advice on a sensible maximum length; the host formats versions into a buffer of this size. */
const MAX_LENGTH = 255;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** A version number part: digits only, no leading zero unless it is "0". */
function readNumber(text: string): number | undefined {
  if (text.length === 0 || text.length > 10) return undefined;
  for (let i = 0; i < text.length; i++) if (!isDigit(text.charCodeAt(i))) return undefined;
  if (text.length > 1 && text.charCodeAt(0) === 48) return undefined;
  const value = Number(text);
  return value <= MAX_NUMBER ? value : undefined;
}

function isIdentifierChar(code: number): boolean {
  return isDigit(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 45; // 0-9 A-Z a-z -
}

/** Dot-separated identifiers (without their `-`/`+` lead); `build` allows numeric identifiers with leading zeros. */
function validIdentifiers(ids: string, build: boolean): boolean {
  let start = 0;
  for (let i = 0; i <= ids.length; i++) {
    if (i < ids.length && ids.charCodeAt(i) !== 46) {
      if (!isIdentifierChar(ids.charCodeAt(i))) return false;
      continue;
    }
    const length = i - start;
    if (length === 0) return false;
    if (!build && length > 1 && ids.charCodeAt(start) === 48) {
      let numeric = true;
      for (let j = start + 1; j < i; j++) if (!isDigit(ids.charCodeAt(j))) { numeric = false; break; }
      if (numeric) return false;
    }
    start = i + 1;
  }
  return true;
}

/** Reads a framework version as the host does; undefined when the host would not accept it (it skips such folders). */
export function parseFrameworkVersion(text: string): FrameworkVersion | undefined {
  if (typeof text !== 'string' || text.length === 0 || text.length > MAX_LENGTH) return undefined;
  const firstDot = text.indexOf('.');
  if (firstDot < 0) return undefined;
  const secondDot = text.indexOf('.', firstDot + 1);
  if (secondDot < 0) return undefined;
  const major = readNumber(text.slice(0, firstDot));
  const minor = readNumber(text.slice(firstDot + 1, secondDot));
  if (major === undefined || minor === undefined) return undefined;
  let end = secondDot + 1;
  while (end < text.length && isDigit(text.charCodeAt(end))) end++;
  const patch = readNumber(text.slice(secondDot + 1, end));
  if (patch === undefined) return undefined;
  if (end === text.length) return { major, minor, patch, prerelease: '', build: '', text };
  // What follows the patch is "-pre", "+build" or "-pre+build": the first '+' starts the build metadata.
  const plus = text.indexOf('+', end);
  const pre = plus < 0 ? text.slice(end) : text.slice(end, plus);
  const build = plus < 0 ? '' : text.slice(plus + 1);
  if (pre.length > 0 && (pre.charCodeAt(0) !== 45 || !validIdentifiers(pre.slice(1), false))) return undefined;
  if (plus >= 0 && !validIdentifiers(build, true)) return undefined;
  return { major, minor, patch, prerelease: pre.slice(1), build, text };
}

export function isPrerelease(version: FrameworkVersion): boolean {
  return version.prerelease.length > 0;
}

function isNumericIdentifier(id: string): boolean {
  if (id.length === 0) return false;
  for (let i = 0; i < id.length; i++) if (!isDigit(id.charCodeAt(i))) return false;
  return true;
}

function compareIdentifiers(a: string, b: string): number {
  const aNumeric = isNumericIdentifier(a);
  const bNumeric = isNumericIdentifier(b);
  if (aNumeric && bNumeric) {
    // No leading zeros (the parser rejects them), so the longer number is the larger one; no precision loss either.
    if (a.length !== b.length) return a.length < b.length ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1;
  // Ordinal, as the host's strncmp: "RC" orders before "preview", and "rc" after it.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Negative, zero or positive as `a` orders before, with or after `b`; build metadata is ignored. */
export function compareFrameworkVersions(a: FrameworkVersion, b: FrameworkVersion): number {
  if (a.major !== b.major) return a.major < b.major ? -1 : 1;
  if (a.minor !== b.minor) return a.minor < b.minor ? -1 : 1;
  if (a.patch !== b.patch) return a.patch < b.patch ? -1 : 1;
  if (a.prerelease === b.prerelease) return 0;
  if (a.prerelease === '') return 1;
  if (b.prerelease === '') return -1;
  const aIds = a.prerelease.split('.');
  const bIds = b.prerelease.split('.');
  const shared = Math.min(aIds.length, bIds.length);
  for (let i = 0; i < shared; i++) {
    const order = compareIdentifiers(aIds[i], bIds[i]);
    if (order !== 0) return order;
  }
  return aIds.length === bIds.length ? 0 : aIds.length < bIds.length ? -1 : 1;
}

/** Compares two version texts; a text the host cannot read orders before every version (and equal to another such). */
export function compareVersionTexts(a: string, b: string): number {
  const left = parseFrameworkVersion(a);
  const right = parseFrameworkVersion(b);
  if (!left || !right) return left ? 1 : right ? -1 : 0;
  return compareFrameworkVersions(left, right);
}
