// The printed table and bench/out/results.json. A missed target is printed as FAIL but does not change
// the exit code: the benchmark is a report, not a gate.

import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Fixture } from './fixtures';
import type { ResultRow } from './results';

export interface Report {
  readonly environment: Record<string, string | number | boolean>;
  readonly inputs: readonly InputDescription[];
  readonly rows: readonly ResultRow[];
}

export interface InputDescription {
  readonly name: string;
  readonly bytes: number;
  readonly lines: number;
}

export const RESULTS_FILE = path.join(__dirname, 'out', 'results.json');

export function describeInput(fixture: Fixture): InputDescription {
  return { name: fixture.name, bytes: Buffer.byteLength(fixture.text, 'utf8'), lines: fixture.text.split('\n').length - 1 };
}

export function formatInputs(inputs: readonly InputDescription[]): string {
  return inputs.map((input) => `${input.name}: ${input.bytes.toLocaleString('en-US')} bytes (${binarySize(input.bytes)}), ${input.lines.toLocaleString('en-US')} lines`).join('\n');
}

function binarySize(bytes: number): string {
  return bytes >= 100 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}

export function formatTable(rows: readonly ResultRow[]): string {
  const header = ['figure', 'median', 'p99', 'baseline', 'ratio', 'target', 'result'];
  const cells = rows.map((row) => [
    row.figure,
    amount(row.value, row.unit),
    row.p99 === undefined ? '' : amount(row.p99, row.unit),
    `${row.baseline.name} ${amount(row.baseline.value, row.unit)}`,
    ratio(row.ratio),
    row.target?.text ?? '',
    row.target === undefined ? '' : row.target.pass ? 'PASS' : 'FAIL',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column].length)));
  // Text columns align left, numbers right.
  const leftAligned = new Set([0, 3, 5, 6]);
  const format = (line: readonly string[]) =>
    line.map((cell, column) => (leftAligned.has(column) ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ').trimEnd();
  return [format(header), format(widths.map((width) => '-'.repeat(width))), ...cells.map(format)].join('\n');
}

export function formatVerdict(rows: readonly ResultRow[]): string {
  const targets = rows.filter((row) => row.target !== undefined);
  const failed = targets.filter((row) => row.target?.pass === false);
  if (failed.length === 0) return `All ${targets.length} targets PASS.`;
  return `${failed.length} of ${targets.length} targets FAIL: ${failed.map((row) => row.figure).join('; ')}.`;
}

export function writeResults(report: Report): void {
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
}

/** Two significant digits for small ratios, which would otherwise all print as 0.00x. */
function ratio(value: number): string {
  return `${value < 0.1 ? value.toPrecision(2) : value.toFixed(2)}x`;
}

/** Milliseconds to the microsecond below 1 ms, to a hundredth above; megabytes to a tenth. */
function amount(value: number, unit: ResultRow['unit']): string {
  if (unit === 'MB') return `${value.toFixed(1)} MB`;
  if (unit === 'count') return String(value);
  return `${value < 1 ? value.toFixed(3) : value.toFixed(2)} ms`;
}
