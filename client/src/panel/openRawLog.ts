// Opens a log file in an editor at an entry. `vscode.open` rather than openTextDocument: it also opens the
// large files that VS Code does not hand to extensions (a busy stdout log grows past 50 MB). The file is the one the
// server named for the source (in Restricted Mode its real path, only when inside the site).

import { Position, Range, Uri, commands, window } from 'vscode';
import { lineAtByteOffset } from './lineAtByteOffset';

export async function openRawLog(file: string, offset: number): Promise<void> {
  try {
    const entryLine = await lineAtByteOffset(file, offset);
    const start = new Position(entryLine, 0);
    await commands.executeCommand('vscode.open', Uri.file(file), { selection: new Range(start, start), preview: true });
  } catch (error) {
    void window.showErrorMessage(`Could not open ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
