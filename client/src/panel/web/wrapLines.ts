// An expanded entry shows wrapped, yet every row of the list keeps one height (so any row can be placed
// without measuring): a long line is cut into rows of as many characters as fit the message column, at a
// space when there is one in the second half of the row. The list uses the editor's monospace font.

/** Where each row of a wrapped line starts; `[0]` when it fits (or the width is unknown). */
export function wrapLine(text: string, columns: number): number[] {
  if (!Number.isFinite(columns) || columns < 1 || text.length <= columns) return [0];
  const starts = [0];
  let start = 0;
  while (text.length - start > columns) {
    let end = start + columns;
    const space = text.lastIndexOf(' ', end - 1);
    if (space > start + columns / 2) end = space + 1;
    // Never between the halves of a surrogate pair.
    else if (isHighSurrogate(text.charCodeAt(end - 1))) end--;
    starts.push(end);
    start = end;
  }
  return starts;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
