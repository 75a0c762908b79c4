// Opens a log file in an editor at an entry. `vscode.open` rather than openTextDocument: it also opens the
// large files that VS Code does not hand to extensions (a busy stdout log grows past 50 MB). In Restricted Mode
// (`confineTo`, the site root) a symbolic link is opened only when it leads to a file inside the site.

import { Position, Range, Uri, commands, window } from 'vscode';
import { confinedPath } from '../../../server/src/logs/openLogFile';
import { lineAtByteOffset } from './lineAtByteOffset';

export async function openRawLog(logFile: string, offset: number, line: number | undefined, confineTo?: string): Promise<void> {
  try {
    const file = confineTo === undefined ? logFile : await confinedPath(logFile, confineTo);
    const entryLine = line ?? (await lineAtByteOffset(file, offset));
    const start = new Position(entryLine, 0);
    await commands.executeCommand('vscode.open', Uri.file(file), { selection: new Range(start, start), preview: true });
  } catch (error) {
    void window.showErrorMessage(`Could not open ${logFile}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
